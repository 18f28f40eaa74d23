namespace Jixiao.Core.Model;

/// <summary>Maps the fund-source labels published in different provinces to <see cref="FundSourceKind"/>.</summary>
public static class FundSources
{
    public static FundSourceKind Classify(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return FundSourceKind.Unknown;
        var t = Text.Compact(label);
        if (t.StartsWith("其中", StringComparison.Ordinal)) t = t[2..].TrimStart(':', '：');
        if (t is "合计" or "总计" || t.Contains("资金总额") || t.StartsWith("年度资金", StringComparison.Ordinal)) return FundSourceKind.Total;
        // Bracketed qualifiers such as "地方财政资金（市本级资金）" or "其他资金（自治区资金）" name the fund
        // by what comes before the bracket.
        var head = Text.BeforeBracket(t);
        if (head.Length == 0) return FundSourceKind.Unknown;
        if (head.StartsWith("中央", StringComparison.Ordinal)) return FundSourceKind.Central;
        if (head.StartsWith("其他", StringComparison.Ordinal)) return FundSourceKind.Other;
        if (head.Contains("市县区") || head.Contains("市县")) return FundSourceKind.CityCounty;
        if (head.StartsWith("省", StringComparison.Ordinal) || head.StartsWith("自治区", StringComparison.Ordinal) || head.Contains("省级")) return FundSourceKind.Provincial;
        if (head.StartsWith("盟市", StringComparison.Ordinal) || head.StartsWith("市级", StringComparison.Ordinal) || head.StartsWith("市本级", StringComparison.Ordinal) || head.StartsWith("地市", StringComparison.Ordinal) || head.StartsWith("州", StringComparison.Ordinal)) return FundSourceKind.City;
        if (head.StartsWith("旗县", StringComparison.Ordinal) || head.StartsWith("县", StringComparison.Ordinal) || head.StartsWith("区县", StringComparison.Ordinal)) return FundSourceKind.County;
        if (head.StartsWith("地方", StringComparison.Ordinal)) return FundSourceKind.Local;
        if (head.Contains("当年财政拨款") || head.Contains("本年财政拨款") || head.Contains("财政拨款")) return FundSourceKind.CurrentAppropriation;
        if (head.Contains("上年结转") || head.Contains("结转")) return FundSourceKind.CarryOver;
        if (head.Contains("财政资金")) return FundSourceKind.Unknown;
        return FundSourceKind.Unknown;
    }

    public static string ChineseName(this FundSourceKind kind) => kind switch
    {
        FundSourceKind.Total => "年度资金总额",
        FundSourceKind.Central => "中央财政资金",
        FundSourceKind.Provincial => "省级财政资金",
        FundSourceKind.City => "市级财政资金",
        FundSourceKind.County => "县级财政资金",
        FundSourceKind.CityCounty => "市县区财政资金",
        FundSourceKind.Local => "地方财政资金",
        FundSourceKind.CurrentAppropriation => "当年财政拨款",
        FundSourceKind.CarryOver => "上年结转资金",
        FundSourceKind.Other => "其他资金",
        _ => "其他来源",
    };
}
