namespace Jixiao.Core.Money;

/// <summary>货币单位：元、万元、亿元。</summary>
public enum MoneyUnit
{
    /// <summary>元</summary>
    Yuan,
    /// <summary>万元</summary>
    WanYuan,
    /// <summary>亿元</summary>
    YiYuan,
}

public static class MoneyUnits
{
    /// <summary>How many yuan one of this unit is worth (exact).</summary>
    public static decimal YuanPer(this MoneyUnit unit) => unit switch
    {
        MoneyUnit.Yuan => 1m,
        MoneyUnit.WanYuan => 10_000m,
        MoneyUnit.YiYuan => 100_000_000m,
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    public static string ChineseName(this MoneyUnit unit) => unit switch
    {
        MoneyUnit.Yuan => "元",
        MoneyUnit.WanYuan => "万元",
        MoneyUnit.YiYuan => "亿元",
        _ => unit.ToString(),
    };

    /// <summary>Finds a unit named in a header such as "资金投入情况（万元）" or "金额单位：元". The longest match wins.</summary>
    public static MoneyUnit? FindIn(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Contains("亿元", StringComparison.Ordinal)) return MoneyUnit.YiYuan;
        if (text.Contains("万元", StringComparison.Ordinal)) return MoneyUnit.WanYuan;
        if (text.Contains('元')) return MoneyUnit.Yuan;
        return null;
    }
}
