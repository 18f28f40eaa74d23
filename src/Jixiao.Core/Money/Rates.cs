namespace Jixiao.Core.Money;

/// <summary>Execution rates and shares, in percentage points (96.21 means 96.21%).</summary>
public static class Rates
{
    /// <summary>B / A × 100, rounded half away from zero to <paramref name="decimals"/>; null when A is zero or missing (never #DIV/0!).</summary>
    public static decimal? Percent(decimal? numerator, decimal? denominator, int decimals = 2)
    {
        if (numerator is null || denominator is null || denominator == 0m) return null;
        return Math.Round(numerator.Value / denominator.Value * 100m, decimals, MidpointRounding.AwayFromZero);
    }

    /// <summary>The unrounded ratio B / A, or null when A is zero or missing.</summary>
    public static decimal? Ratio(decimal? numerator, decimal? denominator)
    {
        if (numerator is null || denominator is null || denominator == 0m) return null;
        return numerator.Value / denominator.Value;
    }

    /// <summary>How many decimals a stated number was written with ("96.2" → 1, "100" → 0).</summary>
    public static int DecimalsOf(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        var t = text.AsSpan().Trim().TrimEnd("%％").Trim();
        var dot = t.IndexOf('.');
        if (dot < 0) return 0;
        var n = 0;
        for (var i = dot + 1; i < t.Length && char.IsAsciiDigit(t[i]); i++) n++;
        return n;
    }

    /// <summary>
    /// True when a stated percentage agrees with the exact ratio at the precision it was written with
    /// (rounded half up, or truncated as some spreadsheets do — both are accepted as "the same figure").
    /// </summary>
    public static bool AgreesAtStatedPrecision(decimal stated, int statedDecimals, decimal exactPercent)
    {
        var rounded = Math.Round(exactPercent, statedDecimals, MidpointRounding.AwayFromZero);
        if (rounded == stated) return true;
        var factor = Pow10(statedDecimals);
        var truncated = Math.Truncate(exactPercent * factor) / factor;
        return truncated == stated;
    }

    /// <summary>Half a unit of the last printed decimal: 0.5 for "3", 0.005 for "3.60" — what rounding may hide.</summary>
    public static decimal HalfUnit(int decimals) => 0.5m / Pow10(decimals);

    private static decimal Pow10(int n)
    {
        var f = 1m;
        for (var i = 0; i < n; i++) f *= 10m;
        return f;
    }
}
