namespace Jixiao.Core.Indicators;

/// <summary>Judges an actual against its target, direction-aware and converting scales and units.</summary>
/// <remarks>The rules are listed in docs/indicator-language.md §4.</remarks>
public static class IndicatorJudge
{
    /// <summary>Relative tolerance of a "左右" / "约" target: ±10%.</summary>
    public const decimal ApproximateTolerance = 0.10m;

    public static Judgement Judge(string? target, string? actual) => Judge(IndicatorParser.Parse(target), IndicatorParser.Parse(actual));

    /// <summary>Slots of the memo of judgements (a power of two).</summary>
    private const int MemoSize = 2048;

    /// <summary>A pair of values and its judgement, published to other threads as one reference.</summary>
    private sealed class Judged(IndicatorValue target, IndicatorValue actual, Judgement result)
    {
        public readonly IndicatorValue Target = target;
        public readonly IndicatorValue Actual = actual;
        public readonly Judgement Result = result;
    }

    /// <summary>
    /// Recent judgements, shared by all threads, direct-mapped by the two values' texts and checked by the values'
    /// identity. The row checks and then the scorer judge every pair of a table, and <see cref="IndicatorParser.Parse"/>
    /// hands out the same value object for a repeated text ("≥95%", "达成预期指标"), so the same pair comes back
    /// often, within a table and across a province's. Values and judgements are immutable and a judgement is a pure
    /// function of the two values: a hit returns the same judgement.
    /// </summary>
    private static readonly Judged?[] Memo = new Judged?[MemoSize];

    public static Judgement Judge(IndicatorValue target, IndicatorValue actual)
    {
        var hash = (Cheap(target.Raw) * 31) ^ Cheap(actual.Raw);
        ref var slot = ref Memo[hash & (MemoSize - 1)];
        var known = Volatile.Read(ref slot);
        if (known is not null && ReferenceEquals(known.Target, target) && ReferenceEquals(known.Actual, actual))
        {
            return known.Result;
        }

        var result = JudgeUncached(target, actual);
        Volatile.Write(ref slot, new Judged(target, actual, result));
        return result;
    }

    /// <summary>
    /// A slot index from a few characters of the text (an object's identity hash would need its header written on
    /// first use, which costs more than the judgement it saves). Equal texts give equal slots; the slot is then
    /// checked by identity, so a collision only costs a miss.
    /// </summary>
    private static int Cheap(string s) => s.Length == 0 ? 0 : ((s.Length * 31 + s[0]) * 31 + s[s.Length / 2]) * 31 + s[^1];

    private static Judgement JudgeUncached(IndicatorValue target, IndicatorValue actual)
    {
        if (NotMeasurable(target, isTarget: true) is { } targetProblem)
        {
            return targetProblem;
        }

        if (NotMeasurable(actual, isTarget: false) is { } actualProblem)
        {
            return actualProblem;
        }

        // Shanxi writes the unit's own level (达成预期指标 …) as the actual of any target (rules.md R1.12).
        if (actual is QualitativeValue { Scale: QualitativeScales.Achievement } level
            && target is not QualitativeValue { Scale: QualitativeScales.Achievement })
        {
            return FromAchievement(level);
        }

        // A bare period ("6个月", "1年") is also a count of months or years.
        if (target is QuantityValue && actual is DeadlineValue { IsPeriod: true, Anchor: null } period)
        {
            actual = new QuantityValue(period.Raw) { Number = period.PeriodCount ?? 0m, Unit = period.PeriodUnit ?? "" };
        }

        return target switch
        {
            QuantityValue t => actual is QuantityValue a
                ? QuantityJudge.Judge(t, a)
                : NeedsJudgement($"指标值为定量“{t.Raw.Trim()}”，实际完成值“{actual.Raw.Trim()}”不是数值，需人工判断",
                    actual is QualitativeValue ? JudgementIssue.ActualNotMeasurable : JudgementIssue.KindMismatch),
            DeadlineValue t => JudgeDeadline(t, actual),
            QualitativeValue t => JudgeQualitative(t, actual),
            _ => NeedsJudgement("指标值无法识别", JudgementIssue.TargetNotMeasurable),
        };
    }

    private static Judgement? NotMeasurable(IndicatorValue value, bool isTarget) => (value, isTarget) switch
    {
        (EmptyValue, true) => NeedsJudgement("指标值为空，无法判断", JudgementIssue.TargetEmpty),
        (FreeTextValue { IsPlaceholder: true }, true) => NeedsJudgement(
            $"指标值为模板提示文字“{value.Raw.Trim()}”，未填写具体指标值", JudgementIssue.TargetPlaceholder),
        (FreeTextValue, true) => NeedsJudgement(
            $"指标值“{value.Raw.Trim()}”为文字说明，不可计量，需人工判断", JudgementIssue.TargetNotMeasurable),
        (EmptyValue, false) => NeedsJudgement("实际完成值为空", JudgementIssue.ActualEmpty),
        (FreeTextValue { IsPlaceholder: true }, false) => NeedsJudgement(
            $"实际完成值为模板提示文字“{value.Raw.Trim()}”，未填写实际完成情况", JudgementIssue.ActualPlaceholder),
        (FreeTextValue, false) => NeedsJudgement(
            $"实际完成值“{value.Raw.Trim()}”为文字说明，需人工判断", JudgementIssue.ActualNotMeasurable),
        _ => null,
    };

    private static Judgement FromAchievement(QualitativeValue actual)
    {
        string reason = $"实际完成值为自评等级“{actual.Canonical}”";
        return actual.Level switch
        {
            >= 2 => new Judgement(Outcome.Met, reason),
            1 => new Judgement(Outcome.PartlyMet, reason + "，按定性指标60%-80%档计分"),
            _ => new Judgement(Outcome.NotMet, reason),
        };
    }

    /// <summary>
    /// A deadline is met by the same phrase, an earlier or equal date, a shorter or equal period, 完成/已完成/按时完成
    /// or 及时; missed by 未完成, 不及时, a later date or a longer period.
    /// </summary>
    private static Judgement JudgeDeadline(DeadlineValue target, IndicatorValue actual)
    {
        string t = target.Raw.Trim();
        if (SameText(target.Raw, actual.Raw))
        {
            return new Judgement(Outcome.Met, $"实际完成值与指标值“{t}”一致，已按时完成");
        }

        switch (actual)
        {
            case DeadlineValue a when a.IsPeriod && target.IsPeriod:
                return a.WithinDays <= target.WithinDays
                    ? new Judgement(Outcome.Met, $"实际用时“{a.Raw.Trim()}”不超过指标值“{t}”，已按时完成")
                    : new Judgement(Outcome.NotMet, $"实际用时“{a.Raw.Trim()}”超过指标值“{t}”，未按时完成");
            case DeadlineValue { Month: { } m, Day: { } d } a when !a.IsPeriod && !target.IsPeriod && target.Month is { } tm && target.Day is { } td:
                // A date without a year is in the other side's year.
                int actualDate = (((a.Year ?? target.Year ?? 0) * 100) + m) * 100 + d;
                int targetDate = (((target.Year ?? a.Year ?? 0) * 100) + tm) * 100 + td;
                return actualDate <= targetDate
                    ? new Judgement(Outcome.Met, $"实际完成时间“{a.Raw.Trim()}”不晚于指标值“{t}”，已按时完成")
                    : new Judgement(Outcome.NotMet, $"实际完成时间“{a.Raw.Trim()}”晚于指标值“{t}”，未按时完成");
            case QualitativeValue { Scale: QualitativeScales.Completion or QualitativeScales.Timeliness } q:
                int top = QualitativeScales.Levels[q.Scale].Keys.Max();
                return q.Level >= top
                    ? new Judgement(Outcome.Met, $"实际完成值“{q.Raw.Trim()}”，时限指标“{t}”视为已完成")
                    : q.Level == 0
                        ? new Judgement(Outcome.NotMet, $"实际完成值“{q.Raw.Trim()}”，时限指标“{t}”未完成")
                        : NeedsJudgement($"实际完成值“{q.Raw.Trim()}”，不能确定时限指标“{t}”是否完成", JudgementIssue.KindMismatch);
            case QuantityValue { Comparator: Comparator.None or Comparator.Equal } a
                when target.IsPeriod && (a.Unit.Length == 0 || a.Unit == target.PeriodUnit) && a.Scale == 1m:
                // "=1年" against "1": the actual counts the target's period unit.
                return a.Number <= target.PeriodCount
                    ? new Judgement(Outcome.Met, $"实际完成值{QuantityJudge.Format(a.Number)}{target.PeriodUnit}不超过指标值“{t}”，已按时完成")
                    : new Judgement(Outcome.NotMet, $"实际完成值{QuantityJudge.Format(a.Number)}{target.PeriodUnit}超过指标值“{t}”，未按时完成");
            default:
                return NeedsJudgement($"时限指标“{t}”与实际完成值“{actual.Raw.Trim()}”无法直接比较，需人工判断", JudgementIssue.KindMismatch);
        }
    }

    /// <summary>Same scale: a level at least the target's is met; lower is not (the middle achievement level is partly met).</summary>
    private static Judgement JudgeQualitative(QualitativeValue target, IndicatorValue actual)
    {
        if (actual is not QualitativeValue a)
        {
            return SameText(target.Raw, actual.Raw)
                ? new Judgement(Outcome.Met, "实际完成值与指标值一致")
                : NeedsJudgement($"指标值为定性“{target.Raw.Trim()}”，实际完成值“{actual.Raw.Trim()}”不是同类表述，需人工判断",
                    JudgementIssue.KindMismatch);
        }

        if (a.Scale != target.Scale)
        {
            return NeedsJudgement(
                $"指标值“{target.Raw.Trim()}”与实际完成值“{a.Raw.Trim()}”不属于同一等级序列（{target.Scale} / {a.Scale}），需人工判断",
                JudgementIssue.KindMismatch);
        }

        if (a.Level >= target.Level)
        {
            return new Judgement(Outcome.Met, $"实际完成值“{a.Raw.Trim()}”达到指标值“{target.Raw.Trim()}”");
        }

        return a.Scale == QualitativeScales.Achievement && a.Level == 1
            ? new Judgement(Outcome.PartlyMet, $"实际完成值“{a.Raw.Trim()}”为部分达成")
            : new Judgement(Outcome.NotMet, $"实际完成值“{a.Raw.Trim()}”低于指标值“{target.Raw.Trim()}”");
    }

    private static bool SameText(string x, string y)
    {
        if (x.Length > IndicatorText.MaxLength || y.Length > IndicatorText.MaxLength)
        {
            return false;
        }

        Span<char> bx = stackalloc char[x.Length];
        Span<char> by = stackalloc char[y.Length];
        int nx = IndicatorText.Normalize(x.AsSpan(), bx);
        int ny = IndicatorText.Normalize(y.AsSpan(), by);
        return nx > 0 && bx[..nx].SequenceEqual(by[..ny]);
    }

    private static Judgement NeedsJudgement(string reason, JudgementIssue issue) =>
        new(Outcome.NeedsJudgement, reason) { Issue = issue };
}
