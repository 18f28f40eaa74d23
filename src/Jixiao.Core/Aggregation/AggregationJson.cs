using System.IO.Pipelines;
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
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower), new ContributionConverter() },
        WriteIndented = true,
    };

    /// <summary>
    /// A <see cref="Contribution"/> as the serializer writes it by default (camelCase, nulls left out), with the
    /// property names encoded once: a region's 汇总 holds a few hundred thousand of them.
    /// </summary>
    private sealed class ContributionConverter : JsonConverter<Contribution>
    {
        private static readonly JsonEncodedText ContributorName = JsonEncodedText.Encode("contributor");
        private static readonly JsonEncodedText DocumentIdName = JsonEncodedText.Encode("documentId");
        private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("value");
        private static readonly JsonEncodedText TextName = JsonEncodedText.Encode("text");

        public override void Write(Utf8JsonWriter writer, Contribution value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString(ContributorName, value.Contributor);
            if (value.DocumentId is { } id) writer.WriteString(DocumentIdName, id);
            if (value.Value is { } v) writer.WriteNumber(ValueName, v);
            if (value.Text is { } text) writer.WriteString(TextName, text);
            writer.WriteEndObject();
        }

        public override Contribution Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("汇总的单位明细应为 JSON 对象。");
            string? contributor = null, documentId = null, text = null;
            decimal? value = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null) continue;
                if (name == "contributor") contributor = reader.GetString();
                else if (name == "documentId") documentId = reader.GetString();
                else if (name == "value") value = reader.GetDecimal();
                else if (name == "text") text = reader.GetString();
                else reader.Skip();
            }
            return new Contribution(contributor ?? "", documentId, value, text);
        }
    }

    /// <summary>The 汇总 as a JSON object (for embedding, as the CLI does); the same text as <see cref="Write"/>.</summary>
    public static JsonObject ToJson(AggregationResult r, IEnumerable<Finding>? findings = null) =>
        JsonNode.Parse(ToUtf8(r, findings))!.AsObject();

    /// <summary>The 汇总 as indented UTF-8 JSON, written in one pass (a region's 汇总 runs to tens of MB).</summary>
    public static byte[] ToUtf8(AggregationResult r, IEnumerable<Finding>? findings = null)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
            Write(w, r, findings);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the one shape: fund, year, unit, contributors, funds, indicators, notes, table, findings.</summary>
    public static void Write(Utf8JsonWriter w, AggregationResult r, IEnumerable<Finding>? findings = null)
    {
        foreach (var _ in Steps(w, r, findings)) { }
    }

    /// <summary>
    /// Writes the same bytes as <see cref="ToUtf8"/> to <paramref name="output"/>, flushing every 64 KB or so: a
    /// region's tens of MB go out as they are written instead of being built in one array first.
    /// </summary>
    public static async Task WriteAsync(PipeWriter output, AggregationResult r, IEnumerable<Finding>? findings = null, CancellationToken ct = default)
    {
        await using var w = new Utf8JsonWriter(output, WriterOptions);
        long flushed = 0;
        foreach (var _ in Steps(w, r, findings))
        {
            if (w.BytesCommitted + w.BytesPending - flushed < FlushEvery) continue;
            w.Flush();
            await output.FlushAsync(ct);
            flushed = w.BytesCommitted;
        }
        w.Flush();
        await output.FlushAsync(ct);
    }

    private const int FlushEvery = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = Options.Encoder };

    /// <summary>
    /// The one shape, written element by element; each step is a point where the writer may be flushed. A list
    /// written element by element gives the same bytes as the list at once (the writer keeps depth and commas).
    /// </summary>
    private static IEnumerable<int> Steps(Utf8JsonWriter w, AggregationResult r, IEnumerable<Finding>? findings)
    {
        w.WriteStartObject();
        w.WritePropertyName("fund");
        JsonSerializer.Serialize(w, r.Table.FundName, Options);
        w.WritePropertyName("year");
        JsonSerializer.Serialize(w, r.Table.Year, Options);
        w.WriteString("unit", r.Unit.ChineseName());
        w.WritePropertyName("contributors");
        foreach (var step in Elements(w, r.Contributors)) yield return step;
        w.WritePropertyName("funds");
        foreach (var step in Elements(w, r.Funds)) yield return step;
        w.WritePropertyName("indicators");
        foreach (var step in Elements(w, r.Indicators)) yield return step;
        w.WritePropertyName("notes");
        JsonSerializer.Serialize(w, r.Notes, Options);
        w.WritePropertyName("table");
        // Straight into the writer with the canonical options: the bytes CanonicalJson.Serialize gives, indented at this depth.
        JsonSerializer.Serialize<Document>(w, r.Table, CanonicalJson.Options);
        yield return 0;
        if (findings is not null)
        {
            w.WritePropertyName("findings");
            JsonSerializer.Serialize(w, findings.Select(f => new { f.Rule, severity = f.Severity.ToString().ToLowerInvariant(), f.Location, f.Message, f.Stated, f.Expected }).ToList(), Options);
        }
        w.WriteEndObject();
        yield return 0;
    }

    private static IEnumerable<int> Elements<T>(Utf8JsonWriter w, List<T> list)
    {
        w.WriteStartArray();
        foreach (var item in list)
        {
            JsonSerializer.Serialize(w, item, Options);
            yield return 0;
        }
        w.WriteEndArray();
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
