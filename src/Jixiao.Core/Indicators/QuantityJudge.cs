using System.Globalization;

namespace Jixiao.Core.Indicators;

/// <summary>
/// Judges a quantity against a quantitative target (rules.md R1.6–R1.8): brings both to one unit and scale,
/// then applies the target's direction.
/// </summary>
internal static class QuantityJudge
{
    /// <summary>An actual as an interval: exact ("95%"), a lower bound ("90%以上", "＞145元/月") or an upper bound ("≤400元").</summary>
    private readonly record struct Interval(decimal? Low, bool LowStrict, decimal? High, bool HighStrict)
    {
        public bool IsExact => Low is { } l && High is { } h && l == h;
    }

    public static Judgement Judge(QuantityValue target, QuantityValue actual)
    {
        var pair = new Pair(target, actual);
        if (target.Subject.Length > 0 && actual.Subject.Length > 0 && target.Subject != actual.Subject)
        {
            return Judgement(Outcome.NeedsJudgement, QuantityWording.SubjectMismatch, pair, JudgementIssue.UnitMismatch);
        }

        if (!TryReconcile(target, actual, out decimal t, out decimal a, out decimal? aUpper, out _))
        {
            return Judgement(Outcome.NeedsJudgement, QuantityWording.UnitMismatch, pair, JudgementIssue.UnitMismatch);
        }

        var interval = ToInterval(actual.Comparator, a, aUpper);
        if (target.UpperNumber is { } upper)
        {
            return JudgeRange(t, upper * target.Scale, interval, pair);
        }

        return target.Comparator switch
        {
            Comparator.LessOrEqual or Comparator.Less => JudgeReverse(t, target.Comparator == Comparator.Less, interval, pair),
            Comparator.Approximately => JudgeApproximate(t, interval, pair),
            _ when target.Approximate => JudgeApproximate(t, interval, pair),
            Comparator.Greater => JudgePositive(t, strict: true, zeroMeansNone: false, interval, pair),
            Comparator.GreaterOrEqual => JudgePositive(t, strict: false, zeroMeansNone: false, interval, pair),
            // "=" and no comparator score like a positive target; with target 0 ("0起") only 0 is met (R1.8).
            _ => JudgePositive(t, strict: false, zeroMeansNone: t == 0, interval, pair),
        };
    }

    /// <summary>The two values judged, handed to the judgement so that it can word its reason when asked.</summary>
    private readonly record struct Pair(QuantityValue Target, QuantityValue Actual);

    /// <summary>
    /// Brings target and actual to one unit: explicit units must be equal (元/万元/亿元 are one unit with different
    /// scales); a bare number takes the other side's unit, and its scale by magnitude (see <see cref="PickScale"/>).
    /// </summary>
    private static bool TryReconcile(QuantityValue target, QuantityValue actual, out decimal t, out decimal a, out decimal? aUpper, out string unit)
    {
        t = target.Normalized;
        a = actual.Normalized;
        aUpper = actual.UpperNumber * actual.Scale;
        unit = target.Unit.Length > 0 ? target.Unit : actual.Unit;
        if (target.Unit.Length > 0 && actual.Unit.Length > 0 && target.Unit != actual.Unit)
        {
            return false;
        }

        if (IsBareNumber(actual) && target.Scale != 1m)
        {
            decimal factor = PickScale(actual.Number, target.Scale, t);
            a = actual.Number * factor;
            aUpper = actual.UpperNumber * factor;
        }
        else if (IsBareNumber(target) && actual.Scale != 1m)
        {
            t = target.Number * PickScale(target.Number, actual.Scale, a);
        }

        return true;
    }

    private static bool IsBareNumber(QuantityValue q) => q.Unit.Length == 0 && q.Scale == 1m;

    /// <summary>
    /// A bare number beside a scaled quantity ("6.12" beside "≥6万人", "11800" beside "≥0.95万人") is read in
    /// whichever of the two scales puts it nearer the other value, by ratio: 6.12 → 6.12万 (ratio 1.02, not 0.0001),
    /// 11800 → 11800 (ratio 1.24, not 12 421). The switch point is bare = other / √scale.
    /// </summary>
    internal static decimal PickScale(decimal bare, decimal scale, decimal other)
    {
        if (bare <= 0 || other <= 0)
        {
            return 1m;
        }

        // The choice only compares magnitudes, so double is precise enough; the values compared stay decimal.
        double plain = Math.Abs(Math.Log((double)bare / (double)other));
        double scaled = Math.Abs(Math.Log((double)bare * (double)scale / (double)other));
        return scaled < plain ? scale : 1m;
    }

    private static Interval ToInterval(Comparator comparator, decimal a, decimal? upper) => comparator switch
    {
        _ when upper is { } u => new(a, false, u, false),
        Comparator.GreaterOrEqual => new(a, false, null, false),
        Comparator.Greater => new(a, true, null, false),
        Comparator.LessOrEqual => new(null, false, a, false),
        Comparator.Less => new(null, false, a, true),
        _ => new(a, false, a, false),
    };

    private static Judgement JudgePositive(decimal t, bool strict, bool zeroMeansNone, Interval actual, Pair pair)
    {
        if (zeroMeansNone)
        {
            // R1.8: "0起" / "=0": met only when nothing happened.
            if (actual.High is { } h && h <= 0)
            {
                return Judgement(Outcome.Met, QuantityWording.ZeroMet, pair, ratio: 1m);
            }

            return actual.IsExact || actual.Low > 0
                ? Judgement(Outcome.NotMet, QuantityWording.ZeroOccurred, pair, ratio: 0m)
                : Judgement(Outcome.NeedsJudgement, QuantityWording.ZeroBound, pair, JudgementIssue.ActualIsBound);
        }

        decimal? over = t > 0 && actual.Low is { } low ? Divide(low, t) : null;
        if (actual.Low is { } lo && (lo > t || (lo == t && (!strict || actual.LowStrict))))
        {
            return Judgement(Outcome.Met, actual.IsExact ? QuantityWording.Reached : QuantityWording.ReachedByLowerBound, pair, ratio: 1m, over: over);
        }

        if (!actual.IsExact)
        {
            return Judgement(Outcome.NeedsJudgement, QuantityWording.PositiveBound, pair,
                JudgementIssue.ActualIsBound);
        }

        decimal a = actual.Low!.Value;
        if (a > 0 && t > 0)
        {
            decimal ratio = Divide(a, t);
            return Judgement(Outcome.PartlyMet, QuantityWording.PositivePartly, pair, ratio: ratio, over: over);
        }

        return Judgement(Outcome.NotMet, QuantityWording.PositiveMissed, pair, ratio: t > 0 ? 0m : null, over: over);
    }

    /// <summary>
    /// Reverse targets (≤, &lt;): met when the actual is not above the target. When missed, the completion ratio is
    /// that of the default reverse formula (rules.md R1.7a): 1 − (actual − target) / target, clamped to [0, 1].
    /// </summary>
    private static Judgement JudgeReverse(decimal t, bool strict, Interval actual, Pair pair)
    {
        if (actual.High is { } hi && (hi < t || (hi == t && (!strict || actual.HighStrict))))
        {
            return Judgement(Outcome.Met, QuantityWording.ReverseMet, pair, ratio: 1m, reverse: true);
        }

        if (!actual.IsExact)
        {
            bool surelyAbove = actual.Low is { } lo && (lo > t || (lo == t && (strict || actual.LowStrict)));
            return surelyAbove
                ? Judgement(Outcome.NotMet, QuantityWording.ReverseAbove, pair, reverse: true)
                : Judgement(Outcome.NeedsJudgement, QuantityWording.ReverseBound, pair,
                    JudgementIssue.ActualIsBound, reverse: true);
        }

        decimal a = actual.Low!.Value;
        decimal ratio = t > 0 ? Math.Clamp(1m - Divide(a - t, t), 0m, 1m) : 0m;
        return Judgement(Outcome.NotMet,
            QuantityWording.ReverseMissed, pair, ratio: ratio, reverse: true);
    }

    /// <summary>"左右" / "约": met within ±<see cref="IndicatorJudge.ApproximateTolerance"/> of the target, relative.</summary>
    private static Judgement JudgeApproximate(decimal t, Interval actual, Pair pair)
    {
        if (!actual.IsExact)
        {
            return Judgement(Outcome.NeedsJudgement, QuantityWording.Bound, pair, JudgementIssue.ActualIsBound);
        }

        decimal a = actual.Low!.Value;
        decimal tolerance = Math.Abs(t) * IndicatorJudge.ApproximateTolerance;
        if (Math.Abs(a - t) <= tolerance)
        {
            return Judgement(Outcome.Met, QuantityWording.ApproximateMet, pair, ratio: 1m);
        }

        return Judgement(Outcome.NeedsJudgement,
            QuantityWording.ApproximateOutside, pair,
            JudgementIssue.OutsideTolerance);
    }

    /// <summary>A range "3-12个月": met inside; below the lower end scored like a positive target; above it needs a person.</summary>
    private static Judgement JudgeRange(decimal low, decimal high, Interval actual, Pair pair)
    {
        if (!actual.IsExact)
        {
            return Judgement(Outcome.NeedsJudgement, QuantityWording.Bound, pair, JudgementIssue.ActualIsBound);
        }

        decimal a = actual.Low!.Value;
        if (a >= low && a <= high)
        {
            return Judgement(Outcome.Met, QuantityWording.RangeMet, pair, ratio: 1m);
        }

        if (a > high)
        {
            return Judgement(Outcome.NeedsJudgement, QuantityWording.RangeAbove, pair,
                JudgementIssue.OutsideTolerance);
        }

        return a > 0 && low > 0
            ? Judgement(Outcome.PartlyMet, QuantityWording.RangeBelowPartly, pair, ratio: Divide(a, low))
            : Judgement(Outcome.NotMet, QuantityWording.RangeBelow, pair, ratio: 0m);
    }

    /// <summary>x / y for y &gt; 0, saturating at decimal.MaxValue (a huge actual over a tiny target).</summary>
    private static decimal Divide(decimal x, decimal y)
    {
        try
        {
            return x / y;
        }
        catch (OverflowException)
        {
            return x >= 0 ? decimal.MaxValue : decimal.MinValue;
        }
    }

    private static Judgement Judgement(
        Outcome outcome, QuantityWording wording, Pair pair, JudgementIssue issue = JudgementIssue.None, decimal? ratio = null, decimal? over = null, bool reverse = false) =>
        new(outcome, pair.Target, pair.Actual, wording) { Issue = issue, CompletionRatio = ratio, OverCompletion = over, Reverse = reverse };

    /// <summary>
    /// The reason of a quantity's judgement, worded from the two values when <see cref="Judgement.Reason"/> is first
    /// read: the values as written, each followed by the value compared when a conversion was made ("（3500人）").
    /// </summary>
    internal static string Describe(QuantityWording wording, QuantityValue target, QuantityValue actual, decimal? ratio)
    {
        if (wording == QuantityWording.SubjectMismatch)
        {
            return $"对象不一致：指标值针对“{target.Subject}”，实际完成值针对“{actual.Subject}”，无法比较";
        }

        if (wording == QuantityWording.UnitMismatch)
        {
            return $"单位不一致：指标值单位为“{UnitText(target)}”，实际完成值单位为“{UnitText(actual)}”，无法比较";
        }

        TryReconcile(target, actual, out decimal t, out decimal a, out _, out string unit);
        string tr = target.Raw.Trim(), tc = Conversion(target, t, unit), ar = actual.Raw.Trim(), ac = Conversion(actual, a, unit);
        return wording switch
        {
            QuantityWording.ZeroMet => $"实际完成值“{ar}”{ac}，符合指标值“{tr}”{tc}",
            QuantityWording.ZeroOccurred => $"指标值为0，实际发生“{ar}”{ac}，未完成",
            QuantityWording.ZeroBound => $"实际完成值“{ar}”{ac}只给出范围，无法判断是否为0",
            QuantityWording.Reached => $"实际完成值“{ar}”{ac}达到指标值“{tr}”{tc}，已完成",
            QuantityWording.ReachedByLowerBound => $"实际完成值“{ar}”{ac}达到指标值“{tr}”{tc}，已完成（实际完成值为下限）",
            QuantityWording.PositiveBound => $"实际完成值“{ar}”{ac}只给出范围，不能确定是否达到指标值“{tr}”{tc}",
            QuantityWording.PositivePartly => $"实际完成值“{ar}”{ac}未达到指标值“{tr}”{tc}，完成率{Percent(ratio!.Value)}",
            QuantityWording.PositiveMissed => $"实际完成值“{ar}”{ac}未达到指标值“{tr}”{tc}",
            QuantityWording.ReverseMet => $"实际完成值“{ar}”{ac}未超过指标值“{tr}”{tc}，已完成",
            QuantityWording.ReverseAbove => $"实际完成值“{ar}”{ac}超过指标值“{tr}”{tc}（反向指标）",
            QuantityWording.ReverseBound => $"实际完成值“{ar}”{ac}只给出范围，不能确定是否超过指标值“{tr}”{tc}",
            QuantityWording.ReverseMissed => $"实际完成值“{ar}”{ac}超过指标值“{tr}”{tc}（反向指标，越低越好），按反向公式完成率{Percent(ratio!.Value)}",
            QuantityWording.Bound => $"实际完成值“{ar}”{ac}只给出范围，指标值为“{tr}”{tc}",
            QuantityWording.ApproximateMet => $"实际完成值“{ar}”{ac}在指标值“{tr}”{tc}的±{Percent(IndicatorJudge.ApproximateTolerance)}以内，已完成",
            QuantityWording.ApproximateOutside => $"实际完成值“{ar}”{ac}偏离指标值“{tr}”{tc}超过±{Percent(IndicatorJudge.ApproximateTolerance)}，“左右”类指标方向不明，需人工判断",
            QuantityWording.RangeMet => $"实际完成值“{ar}”{ac}在指标区间“{tr}”{tc}内，已完成",
            QuantityWording.RangeAbove => $"实际完成值“{ar}”{ac}高于指标区间“{tr}”{tc}的上限，需人工判断",
            QuantityWording.RangeBelowPartly => $"实际完成值“{ar}”{ac}低于指标区间“{tr}”{tc}，完成率{Percent(ratio!.Value)}",
            QuantityWording.RangeBelow => $"实际完成值“{ar}”{ac}低于指标区间“{tr}”{tc}",
            _ => throw new ArgumentOutOfRangeException(nameof(wording)),
        };
    }

    private static string UnitText(QuantityValue q)
    {
        string text = QuantityGrammar.ScaleText(q.Scale) + q.Unit;
        return text.Length == 0 ? "无单位" : text;
    }

    /// <summary>"（3500人）" for "0.35万人": the value as compared when it differs from the value as written, else "".</summary>
    private static string Conversion(QuantityValue value, decimal compared, string unit) =>
        compared == value.Number && value.Unit == unit ? "" : $"（{Format(compared)}{unit}）";

    internal static string Format(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    internal static string Percent(decimal ratio) => (ratio * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}

/// <summary>Which sentence describes a quantity's judgement (<see cref="QuantityJudge.Describe"/>).</summary>
internal enum QuantityWording
{
    None,
    SubjectMismatch,
    UnitMismatch,
    ZeroMet,
    ZeroOccurred,
    ZeroBound,
    Reached,
    ReachedByLowerBound,
    PositiveBound,
    PositivePartly,
    PositiveMissed,
    ReverseMet,
    ReverseAbove,
    ReverseBound,
    ReverseMissed,
    Bound,
    ApproximateMet,
    ApproximateOutside,
    RangeMet,
    RangeAbove,
    RangeBelowPartly,
    RangeBelow,
}
