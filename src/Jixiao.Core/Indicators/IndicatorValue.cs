namespace Jixiao.Core.Indicators;

/// <summary>The comparator of a quantitative target: ≥ > = ≤ < ≈ (rules.md R3.4).</summary>
public enum Comparator
{
    /// <summary>No comparator written: a plain number such as "2000" or "100%" (read as "=" for judging, positive direction).</summary>
    None,
    Equal,
    GreaterOrEqual,
    Greater,
    LessOrEqual,
    Less,
    /// <summary>左右 / 约 / ≈</summary>
    Approximately,
}

public enum IndicatorValueKind
{
    Empty,
    Quantity,
    Deadline,
    Qualitative,
    FreeText,
}

/// <summary>
/// A target or actual string read by the indicator-value language: quantity, deadline, qualitative level or
/// free text. Parsing never throws; <see cref="Reason"/> says what was understood or why it was not.
/// </summary>
public abstract record IndicatorValue(string Raw)
{
    public abstract IndicatorValueKind Kind { get; }
    /// <summary>What was understood, or why the text could not be read as a measurable value (Chinese).</summary>
    public string Reason { get; init; } = "";
}

public sealed record EmptyValue(string Raw) : IndicatorValue(Raw)
{
    public override IndicatorValueKind Kind => IndicatorValueKind.Empty;
}

/// <summary>
/// A number with comparator, scale and unit: "≥3.2万人" = (≥, 3.2, 10000, "人"); "1200元/户/年"; "6%左右".
/// </summary>
public sealed record QuantityValue(string Raw) : IndicatorValue(Raw)
{
    public override IndicatorValueKind Kind => IndicatorValueKind.Quantity;
    public Comparator Comparator { get; init; }
    /// <summary>The number as written (3.2 in "3.2万人").</summary>
    public decimal Number { get; init; }
    /// <summary>The scale word's factor: 1, 10 000 (万), 100 000 000 (亿), 1 000 (千).</summary>
    public decimal Scale { get; init; } = 1m;
    /// <summary>The unit after the scale, normalised: "人", "户", "个", "元", "%", "元/人/月", "" when none.</summary>
    public string Unit { get; init; } = "";
    /// <summary>左右 / 约 / ≈.</summary>
    public bool Approximate { get; init; }
    /// <summary>The upper end of a range such as "3-12个月", scaled like <see cref="Number"/>.</summary>
    public decimal? UpperNumber { get; init; }
    /// <summary>
    /// "提高 20 元/月", "增加5%", "降低10%": the number is a change, not a level. The comparator is then ≥
    /// (at least that much change). <see cref="QuantityChange.None"/> for a level.
    /// </summary>
    public QuantityChange Change { get; init; }
    /// <summary>Who or what the figure is about when written before the comparator: "小学" in "小学≥720元/生·年"; "" when none.</summary>
    public string Subject { get; init; } = "";

    /// <summary>Number × Scale: 3.2万人 → 32000.</summary>
    public decimal Normalized => Number * Scale;
    public bool IsPercent => Unit == "%";
}

/// <summary>A deadline: "12月底前", "7月31日前", "&lt;=2022年12月31日", "收到指标文30日内发放到位", "半年".</summary>
public sealed record DeadlineValue(string Raw) : IndicatorValue(Raw)
{
    public override IndicatorValueKind Kind => IndicatorValueKind.Deadline;
    public int? Year { get; init; }
    public int? Month { get; init; }
    /// <summary>Day of month; for "12月底前" the last day of the month.</summary>
    public int? Day { get; init; }
    /// <summary>"…前" / "≤": on or before the date.</summary>
    public bool OnOrBefore { get; init; }
    /// <summary>A relative period: "30日内" → 30 days; "半年" → 182 days; "1年" → 365 days.</summary>
    public int? WithinDays { get; init; }
    /// <summary>What the relative period counts from, e.g. "收到指标文".</summary>
    public string? Anchor { get; init; }
    /// <summary>The period as written: 30 in "30日内", 1 in "1年", 0.5 in "半年".</summary>
    public decimal? PeriodCount { get; init; }
    /// <summary>The period's unit as written, normalised: "天", "工作日", "月", "年", "小时".</summary>
    public string? PeriodUnit { get; init; }
    /// <summary>True for a relative period ("30日内", "半年"); false for a calendar date ("7月31日前").</summary>
    public bool IsPeriod => WithinDays is not null;
}

/// <summary>A qualitative level on an ordered scale, e.g. 达成预期指标 &gt; 部分达成… &gt; 未达成…, or 显著 &gt; 较显著.</summary>
public sealed record QualitativeValue(string Raw) : IndicatorValue(Raw)
{
    public override IndicatorValueKind Kind => IndicatorValueKind.Qualitative;
    /// <summary>The scale the phrase belongs to, e.g. "achievement" (达成/部分达成/未达成), "effect" (显著…), "trend" (提高…), "completion" (完成/已完成/未完成).</summary>
    public string Scale { get; init; } = "";
    /// <summary>Position on the scale: higher is better. For the achievement scale: 2 达成, 1 部分达成, 0 未达成.</summary>
    public int Level { get; init; }
    /// <summary>The canonical phrase for the level.</summary>
    public string Canonical { get; init; } = "";
}

/// <summary>Text that is not a measurable value: a description, a rule ("具体调整水平以…为限"), a template hint.</summary>
public sealed record FreeTextValue(string Raw) : IndicatorValue(Raw)
{
    public override IndicatorValueKind Kind => IndicatorValueKind.FreeText;
    /// <summary>True when the text is a template placeholder left in, e.g. "（此处须填写具体的就业率）".</summary>
    public bool IsPlaceholder { get; init; }
}

/// <summary>Whether a quantity states a level or a change ("提高 20 元/月").</summary>
public enum QuantityChange
{
    None,
    /// <summary>提高 / 增加 / 增长 / 提升 N.</summary>
    Increase,
    /// <summary>降低 / 减少 / 下降 N.</summary>
    Decrease,
}

/// <summary>Why a judgement could not be made, or what was odd about it: for checks, which must not parse <see cref="Judgement.Reason"/>.</summary>
public enum JudgementIssue
{
    None,
    TargetEmpty,
    /// <summary>The target is free text (a description or rule), not a measurable value.</summary>
    TargetNotMeasurable,
    /// <summary>The target is a template placeholder left in ("（此处须填写具体的就业率）").</summary>
    TargetPlaceholder,
    ActualEmpty,
    /// <summary>The actual is free text, or a word such as "已完成" where a number is due.</summary>
    ActualNotMeasurable,
    ActualPlaceholder,
    /// <summary>Target and actual carry units that cannot be reconciled (人 vs 元, % vs 元).</summary>
    UnitMismatch,
    /// <summary>Target and actual are of different kinds or on different qualitative scales.</summary>
    KindMismatch,
    /// <summary>The actual gives only a bound ("90%以上") that does not settle the comparison.</summary>
    ActualIsBound,
    /// <summary>An approximate ("左右") target missed by more than the tolerance, or an actual above a range: direction unknown.</summary>
    OutsideTolerance,
}

public enum Outcome
{
    Met,
    PartlyMet,
    NotMet,
    /// <summary>The engine cannot decide (free text, different units, qualitative against quantity): a person must.</summary>
    NeedsJudgement,
}

/// <summary>The judgement of an actual against its target.</summary>
/// <remarks>
/// A class, not a record: its <see cref="Reason"/> may be worded only when first read (see
/// <see cref="QuantityJudge"/>), and a record's generated equality would then depend on whether it had been read.
/// </remarks>
public sealed class Judgement
{
    private string? _reason;

    /// <summary>For a quantity judged by <see cref="QuantityJudge"/>: the two values and which sentence describes them.</summary>
    private readonly QuantityValue? _target;
    private readonly QuantityValue? _actual;
    private readonly QuantityWording _wording;

    public Judgement(Outcome outcome, string reason)
    {
        Outcome = outcome;
        _reason = reason;
    }

    /// <summary>
    /// A quantity's judgement whose reason is worded when first read: a province's 2 million indicators are judged
    /// for their outcome and ratio, and only the few shown to a person need the sentence (formatting it for every
    /// one cost more than the judgement itself).
    /// </summary>
    internal Judgement(Outcome outcome, QuantityValue target, QuantityValue actual, QuantityWording wording)
    {
        Outcome = outcome;
        _target = target;
        _actual = actual;
        _wording = wording;
    }

    public Outcome Outcome { get; }
    /// <summary>Why, in Chinese: the values compared and the conclusion.</summary>
    public string Reason => _reason ??= QuantityJudge.Describe(_wording, _target!, _actual!, CompletionRatio);
    /// <summary>For quantities: actual/target (positive) or the reverse-direction ratio, unrounded; 1 when met exactly.</summary>
    public decimal? CompletionRatio { get; init; }
    /// <summary>True when the target is of the reverse kind (≤, &lt;): lower is better.</summary>
    public bool Reverse { get; init; }
    /// <summary>Actual / target for positive targets, for the over-completion check (e.g. 1.4088 for 140.88%).</summary>
    public decimal? OverCompletion { get; init; }
    /// <summary>What kept the engine from deciding, or <see cref="JudgementIssue.None"/>.</summary>
    public JudgementIssue Issue { get; init; }

    public override string ToString() => $"{Outcome}: {Reason}";
}
