namespace Jixiao.Core.Indicators;

/// <summary>Plausibility tests on parsed values that checks share.</summary>
public static class IndicatorValues
{
    /// <summary>What an indicator's name says it counts: 人数 → "人数"; null when the name does not say.</summary>
    public static string NameMeasure(string name) =>
        name.Contains("人数") || name.Contains("人次") || name.EndsWith("人员", StringComparison.Ordinal) ? "人数"
        : name.Contains("户数") ? "户数"
        : name.Contains("个数") || name.Contains("数量") ? "数量"
        : "";

    /// <summary>True when the name counts people or households but the target is money ("申请丧葬费人数 ≥2000元").</summary>
    public static bool UnitContradictsName(string name, QuantityValue target)
    {
        var measure = NameMeasure(name);
        if (measure is not ("人数" or "户数")) return false;
        var u = target.Unit;
        return u.StartsWith('元') || u.StartsWith("万元", StringComparison.Ordinal) || u.StartsWith("亿元", StringComparison.Ordinal);
    }
}
