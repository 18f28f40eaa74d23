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

    public static JsonObject ToJson(AggregationResult r, IEnumerable<Finding>? findings = null)
    {
        var o = new JsonObject
        {
            ["fund"] = r.Table.FundName,
            ["year"] = r.Table.Year,
            ["unit"] = r.Unit.ChineseName(),
            ["contributors"] = JsonSerializer.SerializeToNode(r.Contributors, Options),
            ["funds"] = JsonSerializer.SerializeToNode(r.Funds, Options),
            ["indicators"] = JsonSerializer.SerializeToNode(r.Indicators, Options),
            ["notes"] = JsonSerializer.SerializeToNode(r.Notes, Options),
            ["table"] = JsonNode.Parse(CanonicalJson.Serialize<Document>(r.Table)),
        };
        if (findings is not null)
            o["findings"] = JsonSerializer.SerializeToNode(findings.Select(f => new { f.Rule, severity = f.Severity.ToString().ToLowerInvariant(), f.Location, f.Message, f.Stated, f.Expected }).ToList(), Options);
        return o;
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
