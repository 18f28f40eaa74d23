using Jixiao.Core.Model;

namespace Jixiao.Core.Indicators;

/// <summary>Whether a row's 调整后指标 really changes its 年初指标 — the one place that decides it.</summary>
public static class TargetChange
{
    /// <summary>
    /// True when an adjusted target is given and says something else than the original: "23.5万" → "23.5万人" or
    /// "12" → "=12次" only restate the same quantity and are not a change; "≥95%" → "≥90%" is.
    /// </summary>
    public static bool IsChanged(IndicatorRow row) => IsChanged(row.Target, row.AdjustedTarget);

    public static bool IsChanged(string? original, string? adjusted)
    {
        if (string.IsNullOrWhiteSpace(adjusted)) return false;
        if (Text.Compact(original) == Text.Compact(adjusted)) return false;
        var a = IndicatorParser.Parse(original);
        var b = IndicatorParser.Parse(adjusted);
        if (a is QuantityValue qa && b is QuantityValue qb)
            return qa.Normalized != qb.Normalized || qa.UpperNumber * qa.Scale != qb.UpperNumber * qb.Scale || !SameDirection(qa.Comparator, qb.Comparator);
        if (a is QualitativeValue la && b is QualitativeValue lb) return la.Canonical != lb.Canonical;
        return true;
    }

    private static bool SameDirection(Comparator x, Comparator y) => x == y || Plain(x) && Plain(y);

    private static bool Plain(Comparator c) => c is Comparator.None or Comparator.Equal;
}
