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
        // A bare number restated with its direction, unit or scale ("90" → "≥90人", "985" → "≥985万元", "1" → "=1年",
        // where 年 may even read as a period): the same figure, as a 绩效目标表's 年初 column often writes it.
        if (a is QuantityValue { Comparator: Comparator.None, Unit: "", Scale: 1m, UpperNumber: null } bare && OnlyNumber(adjusted) == bare.Number) return false;
        var b = IndicatorParser.Parse(adjusted);
        if (a is QuantityValue qa && b is QuantityValue qb)
            return qa.Normalized != qb.Normalized || qa.UpperNumber * qa.Scale != qb.UpperNumber * qb.Scale || !SameDirection(qa.Comparator, qb.Comparator)
                || qa.Unit.Length > 0 && qb.Unit.Length > 0 && qa.Unit != qb.Unit;
        if (a is QualitativeValue la && b is QualitativeValue lb) return la.Canonical != lb.Canonical;
        return true;
    }

    private static bool SameDirection(Comparator x, Comparator y) => x == y || Plain(x) && Plain(y);

    /// <summary>The one number written in a text, or null when it holds none or several.</summary>
    private static decimal? OnlyNumber(string text)
    {
        decimal? found = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i])) { i++; continue; }
            if (found is not null) return null;
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
            if (!decimal.TryParse(text.AsSpan(start, i - start), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var n)) return null;
            found = n;
        }
        return found;
    }

    private static bool Plain(Comparator c) => c is Comparator.None or Comparator.Equal;
}
