using System.Text.RegularExpressions;

namespace Jixiao.Documents.Text;

/// <summary>
/// The reader's quick test of whether a token in a PDF-extracted table line is a value cell (a number,
/// quantity, percentage, deadline or qualitative level) rather than a name or an explanation. Layout
/// logic only: the indicator-value language in Jixiao.Core reads the values properly.
/// </summary>
public static partial class ValueShape
{
    [GeneratedRegex(@"^(?:[≥≤><=＞＜≧≦]=?|不低于|不少于|不高于|不超过|至少|约)?-?\d[\d,]*(?:\.\d+)?\s*(?:万|亿|千)?\s*(?:%|％|元|万元|亿元|人次|人|户|个|家|所|名|件|起|次|项|辆|台|套|天|日|个月|月|年|小时|分|本|场|期|批|元/[^\s]{1,8}|人/[^\s]{1,4}|百分比)?(?:左右|以上|以下|以内)?$")]
    private static partial Regex QuantityPattern();

    [GeneratedRegex(@"^(?:<=|≤)?(?:\d{4}年)?\d{1,2}月(?:底|末|\d{1,2}日)?(?:前|之前|以前)?$|^(?:\d{4}年)?年底前$|^半年$|^\d+年$|^.{0,12}\d+(?:个)?(?:日|天|个工作日)内.{0,8}$")]
    private static partial Regex DeadlinePattern();

    private static readonly HashSet<string> Qualitative = new(StringComparer.Ordinal)
    {
        "提高", "有所提高", "明显提高", "有效提高", "持续提升", "提升", "显著", "作用显著", "作用较显著", "效果显著", "效果明显",
        "较显著", "长期", "保持稳定", "稳定", "有效保障", "有效减轻", "积极参保", "及时", "及时到位", "及时足额发放", "减少",
        "达成预期指标", "部分达成预期指标并具有一定效果", "未达成预期指标且效果较差", "达成年度指标", "完成", "已完成", "未完成",
        "达到预期", "基本满意", "满意", "正常开展", "按时", "按时发放", "足额及时发放到位", "达到国家规定的水平", "及时性",
        "基本达到", "达到", "良好", "较好", "好", "一般", "是", "否", "无", "达标", "合格",
    };

    public static bool IsValue(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 40) return false;
        var t = token.Trim();
        if (Qualitative.Contains(t)) return true;
        if (t.StartsWith('#')) return true; // #DIV/0!
        return QuantityPattern().IsMatch(t) || DeadlinePattern().IsMatch(t);
    }

    /// <summary>A plain amount or rate cell: "1,567,340,000.00", "96.21%", "#DIV/0!".</summary>
    public static bool IsNumberCell(string token)
    {
        var t = token.Trim();
        if (t.Length == 0) return false;
        if (t.StartsWith('#')) return true;
        return Jixiao.Core.Model.NumberText.TryParse(t) is not null;
    }

    /// <summary>Splits a PDF-extracted line into tokens at runs of white space, re-joining a unit split after a slash ("元/ 年").</summary>
    public static List<string> Tokens(string raw)
    {
        var parts = raw.Split([' ', '\u3000', '\u00a0'], StringSplitOptions.RemoveEmptyEntries);
        var result = new List<string>(parts.Length);
        foreach (var p in parts)
        {
            if (result.Count > 0 && (result[^1].EndsWith('/') || p.StartsWith('/') || p is "）" or ")" || result[^1] is "≥" or "≤" or ">" or "<" or "="))
                result[^1] += p;
            else
                result.Add(p);
        }
        return result;
    }
}
