using Jixiao.Core.Model;

namespace Jixiao.Documents.Xlsx;

/// <summary>Maps the level-1/level-2 indicator labels as written (with typos such as "产出标本") to the model's enums.</summary>
public static class IndicatorLevels
{
    public static IndicatorLevel1 Level1(string? label)
    {
        var t = Jixiao.Core.Model.Text.Compact(label);
        if (t.StartsWith("产出", StringComparison.Ordinal)) return IndicatorLevel1.Output;
        if (t.StartsWith("效益", StringComparison.Ordinal) || t.StartsWith("效果", StringComparison.Ordinal)) return IndicatorLevel1.Effect;
        if (t.StartsWith("满意", StringComparison.Ordinal) || t.Contains("满意度")) return IndicatorLevel1.Satisfaction;
        if (t.StartsWith("成本", StringComparison.Ordinal)) return IndicatorLevel1.Cost;
        return IndicatorLevel1.Unknown;
    }

    public static IndicatorLevel2 Level2(string? label)
    {
        var t = Jixiao.Core.Model.Text.Compact(label);
        if (t.StartsWith("数量", StringComparison.Ordinal)) return IndicatorLevel2.Quantity;
        if (t.StartsWith("质量", StringComparison.Ordinal)) return IndicatorLevel2.Quality;
        if (t.StartsWith("时效", StringComparison.Ordinal)) return IndicatorLevel2.Timeliness;
        if (t.StartsWith("经济成本", StringComparison.Ordinal)) return IndicatorLevel2.EconomicCost;
        if (t.StartsWith("社会成本", StringComparison.Ordinal)) return IndicatorLevel2.SocialCost;
        if (t.StartsWith("生态环境成本", StringComparison.Ordinal) || t.StartsWith("生态成本", StringComparison.Ordinal)) return IndicatorLevel2.EcologicalCost;
        if (t.StartsWith("成本", StringComparison.Ordinal)) return IndicatorLevel2.Cost;
        if (t.StartsWith("经济", StringComparison.Ordinal)) return IndicatorLevel2.Economic;
        if (t.StartsWith("社会", StringComparison.Ordinal)) return IndicatorLevel2.Social;
        if (t.StartsWith("生态", StringComparison.Ordinal)) return IndicatorLevel2.Ecological;
        if (t.StartsWith("可持续", StringComparison.Ordinal)) return IndicatorLevel2.Sustainability;
        if (t.Contains("满意", StringComparison.Ordinal)) return IndicatorLevel2.Satisfaction;
        return IndicatorLevel2.Unknown;
    }
}
