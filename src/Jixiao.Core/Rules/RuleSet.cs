using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jixiao.Core.Rules;

/// <summary>One grade band: the grade given when the total score is at least <see cref="MinScore"/>.</summary>
public sealed record GradeBand(string Grade, decimal MinScore);

/// <summary>
/// The score band of a qualitative level, as fractions of the indicator weight. <see cref="MaxInclusive"/>
/// says whether <see cref="Max"/> itself belongs to the band (true only for the top band).
/// </summary>
public sealed record QualitativeBand(string Level, decimal Min, decimal Max, bool MaxInclusive, IReadOnlyList<string> Labels);

/// <summary>How a reverse (≤, &lt;) indicator that was missed is scored (rules.md R1.7).</summary>
public enum ReverseFormula
{
    /// <summary>(a) vendor: weight × (1 − (actual − target)/target), 0 from 2×target.</summary>
    LinearToDouble,
    /// <summary>(b) older 填表说明: weight × target/actual.</summary>
    TargetOverActual,
}

/// <summary>
/// The numbers of the official scoring rules, per province and year: execution points, level-1 weights,
/// grade bands, qualitative bands, the reverse-indicator formula, the over-completion threshold and the
/// tolerances. 财预〔2020〕10号 is the default; other deployments are other named sets (rules.md §1).
/// </summary>
public sealed record RuleSet
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    /// <summary>Points for budget execution (10 by default, 20 in some provinces).</summary>
    public decimal ExecutionPoints { get; init; } = 10m;
    /// <summary>Level-1 weights by name ("产出" 50, "效益" 30, "满意度" 10). Indicator points sum to 100 − ExecutionPoints.</summary>
    public IReadOnlyDictionary<string, decimal> Level1Weights { get; init; } = new Dictionary<string, decimal>();
    /// <summary>Grade bands, highest first.</summary>
    public IReadOnlyList<GradeBand> Grades { get; init; } = [];
    public IReadOnlyList<QualitativeBand> QualitativeBands { get; init; } = [];
    public ReverseFormula ReverseFormula { get; init; } = ReverseFormula.LinearToDouble;
    /// <summary>actual ≥ threshold × target on a positive indicator needs an explanation (1.2 or 1.3).</summary>
    public decimal OverCompletionThreshold { get; init; } = 1.2m;
    /// <summary>Decimals indicator scores are rounded to.</summary>
    public int ScoreDecimals { get; init; } = 2;
    /// <summary>A stated score within this many points of the engine's is the same score.</summary>
    public decimal ScoreTolerance { get; init; } = 0.1m;
    /// <summary>Amount identities hold within this much of the table's unit (cents in a 元 table).</summary>
    public decimal AmountTolerance { get; init; } = 0.01m;
    /// <summary>Decimals of the execution rate (2: 96.21%).</summary>
    public int RateDecimals { get; init; } = 2;
    /// <summary>A gap of at least this many percentage points between 全年 and 年初 execution rates is flagged when the 全年 budget was cut to equal spending.</summary>
    public decimal BudgetCutGapPoints { get; init; } = 5m;
    /// <summary>Scores must not exceed the weight (no bonus points).</summary>
    public bool NoBonusPoints { get; init; } = true;
    /// <summary>The execution-pace light thresholds (双监控, rules.md R1.8).</summary>
    public Aggregation.MonitoringThresholds Monitoring { get; init; } = new();

    public decimal IndicatorPoints => 100m - ExecutionPoints;

    /// <summary>The grade for a total score by this set's bands.</summary>
    public string GradeFor(decimal total)
    {
        // The band with the highest minimum the total reaches (the first of equal ones), else the lowest band:
        // what ordering the bands and taking the first match gave, without sorting on every call.
        GradeBand? best = null;
        GradeBand? lowest = null;
        foreach (var band in Grades)
        {
            if (total >= band.MinScore && (best is null || band.MinScore > best.MinScore)) best = band;
            if (lowest is null || band.MinScore < lowest.MinScore) lowest = band;
        }
        return best?.Grade ?? lowest?.Grade ?? "";
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads a rule set from its JSON text; throws <see cref="FormatException"/> with a Chinese message when it is not one.</summary>
    public static RuleSet FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<RuleSet>(json, JsonOptions) ?? throw new FormatException("规则集文件为空。");
        }
        catch (JsonException e)
        {
            throw new FormatException($"规则集文件不是有效的 JSON：{e.Message}", e);
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions(JsonOptions) { WriteIndented = true });

    /// <summary>The rule sets shipped with Jixiao, by name.</summary>
    public static IReadOnlyDictionary<string, RuleSet> BuiltIn => LazyBuiltIn.Value;

    /// <summary>财预〔2020〕10号 — the national default.</summary>
    public static RuleSet Default => BuiltIn["caiyu-2020-10"];

    private static readonly Lazy<IReadOnlyDictionary<string, RuleSet>> LazyBuiltIn = new(() =>
    {
        var asm = typeof(RuleSet).Assembly;
        var result = new Dictionary<string, RuleSet>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith("Jixiao.RuleSets.", StringComparison.Ordinal)))
        {
            using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var set = FromJson(reader.ReadToEnd());
            result[set.Name] = set;
        }
        return result;
    });
}
