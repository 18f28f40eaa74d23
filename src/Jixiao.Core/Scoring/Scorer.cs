using Jixiao.Core.Indicators;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Core.Rules;

namespace Jixiao.Core.Scoring;

/// <summary>How the engine arrived at an indicator's points.</summary>
public enum ScoreBasis
{
    /// <summary>Quantitative target met: full weight.</summary>
    Met,
    /// <summary>Quantitative target missed: weight × completion ratio (or the reverse formula).</summary>
    Proportional,
    /// <summary>Qualitative (or achievement-level) indicator: the stated score is kept if it lies in its level's band, else clamped.</summary>
    QualitativeBand,
    /// <summary>The engine cannot judge (free text): the stated score is kept.</summary>
    Stated,
    /// <summary>No weight: the indicator is informational (rules.md R1.4).</summary>
    NoWeight,
}

/// <summary>The engine's score of one indicator beside the stated one.</summary>
/// <remarks>
/// The explanation and the band are worded when first read: a province's tables are scored for their points, and only
/// the indicators shown to a person need the sentence. (A class, not a record, so that equality never depends on
/// whether they were read.)
/// </remarks>
public sealed class IndicatorScore
{
    private string? _explanation;
    private string? _bandText;

    /// <summary>What <see cref="Explanation"/> and <see cref="Band"/> are worded from when they were not given as text.</summary>
    private readonly ScoreWording _wording;
    private readonly QualitativeBand? _band;
    private readonly int _decimals;

    public IndicatorScore(IndicatorRow row, decimal weight, decimal? stated, decimal engine, ScoreBasis basis, Judgement? judgement, string explanation)
        : this(row, weight, stated, engine, basis, judgement)
    {
        _explanation = explanation;
    }

    private IndicatorScore(IndicatorRow row, decimal weight, decimal? stated, decimal engine, ScoreBasis basis, Judgement? judgement)
    {
        Row = row;
        Weight = weight;
        Stated = stated;
        Engine = engine;
        Basis = basis;
        Judgement = judgement;
    }

    /// <summary>A missed quantity scored in proportion (or by the reverse formula): the explanation states <paramref name="engine"/>.</summary>
    internal IndicatorScore(IndicatorRow row, decimal weight, decimal? stated, decimal engine, Judgement judgement)
        : this(row, weight, stated, engine, ScoreBasis.Proportional, judgement)
    {
        _wording = judgement.Reverse ? ScoreWording.Reverse : ScoreWording.Proportional;
    }

    /// <summary>
    /// A qualitative level's score within <paramref name="band"/> (its points rounded to <paramref name="decimals"/>):
    /// the stated (or default) points when inside, else clamped into it.
    /// </summary>
    internal IndicatorScore(IndicatorRow row, decimal weight, decimal? stated, decimal engine, Judgement? judgement, QualitativeBand band, int decimals, bool inside)
        : this(row, weight, stated, engine, ScoreBasis.QualitativeBand, judgement)
    {
        _wording = inside ? ScoreWording.InsideBand : ScoreWording.OutsideBand;
        _band = band;
        _decimals = decimals;
    }

    public IndicatorRow Row { get; }
    public decimal Weight { get; }
    public decimal? Stated { get; }
    public decimal Engine { get; }
    public ScoreBasis Basis { get; }
    public Judgement? Judgement { get; }

    /// <summary>How the points were arrived at, in Chinese.</summary>
    public string Explanation => _explanation ??= _wording switch
    {
        ScoreWording.Reverse => $"反向指标未达标，按规则计 {Engine} 分。",
        ScoreWording.Proportional => $"完成比例 {Scorer.Percent(Judgement!.CompletionRatio)}，按比例计 {Engine} 分。",
        ScoreWording.InsideBand => $"定性等级“{Scorer.LevelName(_band!.Level)}”，得分区间 {Band}。",
        ScoreWording.OutsideBand => $"定性等级“{Scorer.LevelName(_band!.Level)}”的得分应在 {Band} 内，填报 {StatedOrDefault} 分超出区间。",
        _ => "",
    };

    /// <summary>For qualitative indicators, the band of the level in points, e.g. "[6, 8)".</summary>
    public string? Band => _bandText ??= _band is null ? null : BandText();

    private string BandText()
    {
        var (lo, hi) = Scorer.BandRange(_band!, Weight, _decimals);
        return _band!.MaxInclusive ? $"[{lo:0.##}, {hi:0.##}]" : $"[{lo:0.##}, {hi:0.##})";
    }

    /// <summary>The points the qualitative level was given (<see cref="Scorer.LevelPoints"/>).</summary>
    private decimal StatedOrDefault => Scorer.LevelPoints(Stated, _band!, Weight, Scorer.BandRange(_band!, Weight, _decimals).Low);

    /// <summary>
    /// This score with its points clamped to [0, weight] (rules.md R1.3). The explanation still states the points
    /// computed before, so it is worded now.
    /// </summary>
    internal IndicatorScore ClampedToWeight()
    {
        if (Engine >= 0m && Engine <= Weight) return this;
        return new IndicatorScore(Row, Weight, Stated, Math.Clamp(Engine, 0m, Weight), Basis, Judgement, Explanation) { _bandText = Band };
    }

    private enum ScoreWording
    {
        None,
        Reverse,
        Proportional,
        InsideBand,
        OutsideBand,
    }
}

/// <summary>The engine's score of a project table beside what the document states.</summary>
public sealed record ScoreResult
{
    public required string DocumentId { get; init; }
    public required string RuleSet { get; init; }
    /// <summary>全年执行数 ÷ 全年预算数 × 100, unrounded; null when A is 0 or missing.</summary>
    public decimal? ExecutionRate { get; init; }
    /// <summary>全年执行数 ÷ 年初预算数 × 100 (rules.md R1.5c); null when unknown.</summary>
    public decimal? InitialBudgetRate { get; init; }
    public decimal ExecutionPoints { get; init; }
    public required IReadOnlyList<IndicatorScore> Indicators { get; init; }
    public decimal IndicatorPoints { get; init; }
    public decimal Total { get; init; }
    public required string Grade { get; init; }
    public decimal? StatedExecutionPoints { get; init; }
    public decimal? StatedIndicatorPoints { get; init; }
    public decimal? StatedTotal { get; init; }
    public string? StatedGrade { get; init; }
    /// <summary>Why a part could not be computed (missing budget, unparsable weights).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>Scores a project (or department-wide) self-evaluation by a rule set (财预〔2020〕10号 by default).</summary>
public static class Scorer
{
    public static ScoreResult Score(ProjectSelfEvaluation table, RuleSet rules)
    {
        var notes = new List<string>();
        var total = table.TotalFund;
        decimal? rate = null;
        decimal? initialRate = null;
        var execPoints = 0m;
        if (total is null) notes.Add("未找到资金合计行，预算执行得分按 0 计。");
        else
        {
            rate = Rates.Ratio(total.Execution.Value, total.Budget.Value) is { } r ? r * 100m : null;
            var initial = total.InitialBudget?.Value ?? total.InitialBudgetDeclared?.Value;
            initialRate = Rates.Ratio(total.Execution.Value, initial) is { } ir ? ir * 100m : null;
            if (rate is null) notes.Add("全年预算数为零或未填，执行率不适用，预算执行得分按 0 计。");
            // A negative budget or execution (a sign typed wrongly) gives 0 points, never negative ones.
            else execPoints = Round(Math.Clamp(rules.ExecutionPoints * rate.Value / 100m, 0m, rules.ExecutionPoints), rules.ScoreDecimals);
        }
        var scores = new List<IndicatorScore>(table.Indicators.Count);
        foreach (var row in table.Indicators)
        {
            // No bonus points and no negative ones: an indicator's points stay within [0, weight] (rules.md R1.3).
            scores.Add(ScoreIndicator(row, rules).ClampedToWeight());
        }
        var indicatorPoints = scores.Sum(s => s.Engine);
        var sum = execPoints + indicatorPoints;
        return new ScoreResult
        {
            DocumentId = table.Id,
            RuleSet = rules.Name,
            ExecutionRate = rate,
            InitialBudgetRate = initialRate,
            ExecutionPoints = execPoints,
            Indicators = scores,
            IndicatorPoints = indicatorPoints,
            Total = sum,
            Grade = rules.GradeFor(sum),
            StatedExecutionPoints = table.StatedExecutionScore?.Value,
            StatedIndicatorPoints = table.StatedIndicatorScore?.Value,
            StatedTotal = table.StatedTotalScore?.Value,
            StatedGrade = table.StatedGrade,
            Notes = notes,
        };
    }

    public static IndicatorScore ScoreIndicator(IndicatorRow row, RuleSet rules)
    {
        var weight = row.Weight?.Value ?? 0m;
        var stated = row.Score?.Value;
        if (weight <= 0m) return new IndicatorScore(row, 0m, stated, 0m, ScoreBasis.NoWeight, null, "未设权重，不计分。");
        var target = IndicatorParser.Parse(row.EffectiveTarget);
        var actual = IndicatorParser.Parse(row.Actual);
        // Shanxi writes the achievement level (达成预期指标…) as the actual of every indicator.
        if (actual is QualitativeValue { Scale: "achievement" } level)
            return Band(row, weight, stated, level, rules, null);
        var judgement = IndicatorJudge.Judge(target, actual);
        if (target is QuantityValue q)
        {
            switch (judgement.Outcome)
            {
                case Outcome.Met:
                    return new IndicatorScore(row, weight, stated, weight, ScoreBasis.Met, judgement, "已完成指标值，得满分。");
                case Outcome.PartlyMet or Outcome.NotMet:
                    var points = judgement.Reverse ? ReversePoints(weight, judgement, rules) : weight * Math.Clamp(judgement.CompletionRatio ?? 0m, 0m, 1m);
                    points = Round(points, rules.ScoreDecimals);
                    return new IndicatorScore(row, weight, stated, points, judgement);
            }
        }
        if (judgement.Outcome == Outcome.NeedsJudgement)
            return Kept(row, weight, stated, judgement, "无法自动判断完成情况，沿用填报得分。");
        var achievedLevel = judgement.Outcome switch
        {
            Outcome.Met => "achieved",
            Outcome.PartlyMet => "partly",
            _ => "notAchieved",
        };
        return BandFor(row, weight, stated, achievedLevel, rules, judgement);
    }

    /// <summary>The stated score kept as the engine's, but never below 0 nor above the indicator's weight.</summary>
    private static IndicatorScore Kept(IndicatorRow row, decimal weight, decimal? stated, Judgement? j, string why) => Kept(row, weight, stated, stated, j, why);

    /// <summary>As <see cref="Kept(IndicatorRow, decimal, decimal?, Judgement?, string)"/>, keeping <paramref name="value"/> while reporting <paramref name="stated"/>.</summary>
    private static IndicatorScore Kept(IndicatorRow row, decimal weight, decimal? stated, decimal? value, Judgement? j, string why)
    {
        var points = value ?? 0m;
        var kept = Math.Clamp(points, 0m, weight);
        return new IndicatorScore(row, weight, stated, kept, ScoreBasis.Stated, j,
            kept == points ? why : $"{why}填报 {points} 分超出 0～{weight} 分，按 {kept} 分计。");
    }

    private static IndicatorScore Band(IndicatorRow row, decimal weight, decimal? stated, QualitativeValue level, RuleSet rules, Judgement? j) =>
        BandFor(row, weight, stated, level.Level switch { >= 2 => "achieved", 1 => "partly", _ => "notAchieved" }, rules, j);

    private static IndicatorScore BandFor(IndicatorRow row, decimal weight, decimal? stated, string level, RuleSet rules, Judgement? j)
    {
        QualitativeBand? band = null;
        foreach (var b in rules.QualitativeBands)
        {
            if (b.Level != level) continue;
            band = b;
            break;
        }
        if (band is null) return Kept(row, weight, stated, stated ?? weight, j, "规则集未定义该等级的分值区间。");
        var (lo, hi) = BandRange(band, weight, rules);
        var value = LevelPoints(stated, band, weight, lo);
        var inside = value >= lo && (band.MaxInclusive ? value <= hi : value < hi);
        if (inside) return new IndicatorScore(row, weight, stated, value, j, band, rules.ScoreDecimals, inside: true);
        var clamped = value < lo ? lo : band.MaxInclusive ? hi : Math.Max(lo, hi - Step(rules));
        return new IndicatorScore(row, weight, stated, clamped, j, band, rules.ScoreDecimals, inside: false);
    }

    /// <summary>The points a qualitative level is given: the stated ones, else full marks when achieved, else the band's floor.</summary>
    internal static decimal LevelPoints(decimal? stated, QualitativeBand band, decimal weight, decimal low) =>
        stated ?? (band.Level == "achieved" ? weight : low);

    /// <summary>The band of a level in points for a weight, rounded as the vendor rule does (round(w×0.8, 2)).</summary>
    public static (decimal Low, decimal High) BandRange(QualitativeBand band, decimal weight, RuleSet rules) => BandRange(band, weight, rules.ScoreDecimals);

    internal static (decimal Low, decimal High) BandRange(QualitativeBand band, decimal weight, int decimals) =>
        (Round(weight * band.Min, decimals), Round(weight * band.Max, decimals));

    private static decimal Step(RuleSet rules)
    {
        var s = 1m;
        for (var i = 0; i < rules.ScoreDecimals; i++) s /= 10m;
        return s;
    }

    public static string LevelName(string level) => level switch
    {
        "achieved" => "达成",
        "partly" => "部分达成",
        _ => "未达成",
    };

    /// <summary>
    /// A missed reverse (≤) indicator. The judge's CompletionRatio is 1 − (actual − target)/target, floored at 0
    /// (rules.md R1.7a); the alternative formula scores target/actual (R1.7b).
    /// </summary>
    private static decimal ReversePoints(decimal weight, Judgement j, RuleSet rules)
    {
        var ratio = Math.Clamp(j.CompletionRatio ?? 0m, 0m, 1m);
        if (rules.ReverseFormula == ReverseFormula.LinearToDouble) return weight * ratio;
        // actual/target = 2 − ratio, so target/actual = 1 / (2 − ratio)
        return weight / (2m - ratio);
    }

    internal static string Percent(decimal? ratio) => ratio is { } r ? NumberText.FormatPercent(r * 100m) : "—";

    public static decimal Round(decimal v, int decimals) => Math.Round(v, decimals, MidpointRounding.AwayFromZero);
}
