using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Core.Serialization;

namespace Jixiao.Core.Aggregation;

/// <summary>The one JSON shape of a 汇总, shared by `jixiao aggregate --json` and GET /api/v1/aggregations.</summary>
public static class AggregationJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        WriteIndented = true,
    };

    /// <summary>The 汇总 as a JSON object (for embedding, as the CLI does); the same text as <see cref="Write"/>.</summary>
    public static JsonObject ToJson(AggregationResult r, IEnumerable<Finding>? findings = null) =>
        JsonNode.Parse(ToUtf8(r, findings))!.AsObject();

    /// <summary>The 汇总 as indented UTF-8 JSON, written in one pass (a region's 汇总 runs to tens of MB).</summary>
    public static byte[] ToUtf8(AggregationResult r, IEnumerable<Finding>? findings = null)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder }))
            Write(w, r, findings);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the one shape: fund, year, unit, contributors, funds, indicators, notes, table, findings.</summary>
    public static void Write(Utf8JsonWriter w, AggregationResult r, IEnumerable<Finding>? findings = null)
    {
        w.WriteStartObject();
        w.WritePropertyName("fund");
        JsonSerializer.Serialize(w, r.Table.FundName, Options);
        w.WritePropertyName("year");
        JsonSerializer.Serialize(w, r.Table.Year, Options);
        w.WriteString("unit", r.Unit.ChineseName());
        w.WritePropertyName("contributors");
        JsonSerializer.Serialize(w, r.Contributors, Options);
        w.WritePropertyName("funds");
        JsonSerializer.Serialize(w, r.Funds, Options);
        w.WritePropertyName("indicators");
        JsonSerializer.Serialize(w, r.Indicators, Options);
        w.WritePropertyName("notes");
        JsonSerializer.Serialize(w, r.Notes, Options);
        w.WritePropertyName("table");
        using (var table = JsonDocument.Parse(CanonicalJson.Serialize<Document>(r.Table)))
            table.RootElement.WriteTo(w);
        if (findings is not null)
        {
            w.WritePropertyName("findings");
            JsonSerializer.Serialize(w, findings.Select(f => new { f.Rule, severity = f.Severity.ToString().ToLowerInvariant(), f.Location, f.Message, f.Stated, f.Expected }).ToList(), Options);
        }
        w.WriteEndObject();
    }

    public static JsonObject ToJson(FinalAccountsAggregate r) => (JsonObject)JsonSerializer.SerializeToNode(new
    {
        kind = "final-accounts-aggregate",
        r.Year,
        unit = r.Unit.ChineseName(),
        r.Contributors,
        income = r.Income.Select(c => new { c.Column, c.Sum, c.Offset, c.Consolidated, c.By }),
        expenditure = r.Expenditure.Select(c => new { c.Column, c.Sum, c.Offset, c.Consolidated, c.By }),
        offsets = r.Offsets.Select(o => new { o.Name, o.PaidColumn, o.ReceivedColumn, o.Paid, o.Received, o.Offset, o.Difference, o.PaidBy, o.ReceivedBy, o.Explanation }),
        r.Notes,
    }, Options)!;
}
