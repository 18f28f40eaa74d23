using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jixiao.Core.Aggregation;
using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Core.Serialization;

namespace Jixiao.Bench.Tests.Aggregation;

// The oracle's writer: AggregationJson.ToUtf8 as it was before the aggregation was made fast (main at 23a0e11) —
// the whole answer in one buffer, the table serialised to a string and parsed back.
public static class ReferenceAggregationJson
{
    // AggregationJson.Options as it was: every type, Contribution included, written by the serializer's defaults.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        WriteIndented = true,
    };

    public static byte[] ToUtf8(AggregationResult r, IEnumerable<Finding>? findings = null)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder }))
            Write(w, r, findings);
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter w, AggregationResult r, IEnumerable<Finding>? findings)
    {
        var options = Options;
        w.WriteStartObject();
        w.WritePropertyName("fund");
        JsonSerializer.Serialize(w, r.Table.FundName, options);
        w.WritePropertyName("year");
        JsonSerializer.Serialize(w, r.Table.Year, options);
        w.WriteString("unit", r.Unit.ChineseName());
        w.WritePropertyName("contributors");
        JsonSerializer.Serialize(w, r.Contributors, options);
        w.WritePropertyName("funds");
        JsonSerializer.Serialize(w, r.Funds, options);
        w.WritePropertyName("indicators");
        JsonSerializer.Serialize(w, r.Indicators, options);
        w.WritePropertyName("notes");
        JsonSerializer.Serialize(w, r.Notes, options);
        w.WritePropertyName("table");
        using (var table = JsonDocument.Parse(CanonicalJson.Serialize<Document>(r.Table)))
            table.RootElement.WriteTo(w);
        if (findings is not null)
        {
            w.WritePropertyName("findings");
            JsonSerializer.Serialize(w, findings.Select(f => new { f.Rule, severity = f.Severity.ToString().ToLowerInvariant(), f.Location, f.Message, f.Stated, f.Expected }).ToList(), options);
        }
        w.WriteEndObject();
    }
}
