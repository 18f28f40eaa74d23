using Jixiao.Core.Model;

namespace Jixiao.Core.FinalAccounts;

/// <summary>
/// Recognises a disclosure table by its title (an alias list: provinces publish nine or ten tables under
/// varying names and numbers, rules.md R4.1a) and by its content (the column and row labels). The number
/// printed on a table ("公开02表", "附表3") is never used to decide what it is.
/// </summary>
public static class TableRecognition
{
    /// <summary>Title aliases, compact and without quotes. The longest alias contained in a title wins.</summary>
    public static readonly IReadOnlyList<(string Alias, DisclosureTableKind Kind)> Aliases =
    [
        ("收入支出决算总表", DisclosureTableKind.IncomeExpenditureSummary),
        ("收入支出决算表", DisclosureTableKind.IncomeExpenditureSummary),
        ("收支决算总表", DisclosureTableKind.IncomeExpenditureSummary),
        ("部门收支总表", DisclosureTableKind.IncomeExpenditureSummary),
        ("收入决算表", DisclosureTableKind.Income),
        ("收入决算总表", DisclosureTableKind.Income),
        ("支出决算表", DisclosureTableKind.Expenditure),
        ("支出决算总表", DisclosureTableKind.Expenditure),
        ("财政拨款收入支出决算总表", DisclosureTableKind.AppropriationSummary),
        ("财政拨款收入支出决算表", DisclosureTableKind.AppropriationSummary),
        ("财政拨款收支决算总表", DisclosureTableKind.AppropriationSummary),
        ("财政拨款收支总表", DisclosureTableKind.AppropriationSummary),
        ("一般公共预算财政拨款支出决算表", DisclosureTableKind.GeneralBudgetExpenditure),
        ("一般公共预算财政拨款支出表", DisclosureTableKind.GeneralBudgetExpenditure),
        ("一般公共预算支出决算表", DisclosureTableKind.GeneralBudgetExpenditure),
        ("一般公共预算财政拨款支出决算明细表", DisclosureTableKind.EconomicDetail),
        ("一般公共预算财政拨款基本支出决算表", DisclosureTableKind.EconomicDetail),
        ("一般公共预算财政拨款基本支出决算明细表", DisclosureTableKind.EconomicDetail),
        ("一般公共预算基本支出决算表", DisclosureTableKind.EconomicDetail),
        ("财政拨款支出决算明细表", DisclosureTableKind.EconomicDetail),
        ("基本支出决算表", DisclosureTableKind.EconomicDetail),
        ("三公经费支出决算表", DisclosureTableKind.ThreePublicExpenses),
        ("三公经费决算表", DisclosureTableKind.ThreePublicExpenses),
        ("三公经费及会议费培训费支出决算表", DisclosureTableKind.ThreePublicExpenses),
        ("三公经费及会议费、培训费支出决算表", DisclosureTableKind.ThreePublicExpenses),
        ("三公经费支出表", DisclosureTableKind.ThreePublicExpenses),
        ("政府性基金预算财政拨款收入支出决算表", DisclosureTableKind.GovernmentFunds),
        ("政府性基金预算财政拨款支出决算表", DisclosureTableKind.GovernmentFunds),
        ("政府性基金预算财政拨款收支决算表", DisclosureTableKind.GovernmentFunds),
        ("政府性基金预算支出决算表", DisclosureTableKind.GovernmentFunds),
        ("国有资本经营预算财政拨款支出决算表", DisclosureTableKind.StateCapital),
        ("国有资本经营预算财政拨款收入支出决算表", DisclosureTableKind.StateCapital),
        ("国有资本经营预算支出决算表", DisclosureTableKind.StateCapital),
        ("部门决算公开相关信息统计表", DisclosureTableKind.Statistics),
        ("决算公开相关信息统计表", DisclosureTableKind.Statistics),
        ("相关信息统计表", DisclosureTableKind.Statistics),
    ];

    /// <summary>A title without spaces, quotes and brackets of any kind, for alias matching.</summary>
    public static string NormalizeTitle(string? title)
    {
        var t = Text.Compact(title);
        if (t.AsSpan().IndexOfAny(Quotes) < 0) return t;
        var sb = new System.Text.StringBuilder(t.Length);
        foreach (var c in t)
            if (!Quotes.Contains(c)) sb.Append(c);
        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Quotes = System.Buffers.SearchValues.Create("“”\"‘’'「」");

    /// <summary>The table a title names, by the longest alias it contains; null when none.</summary>
    public static DisclosureTableKind? FromTitle(string? title)
    {
        var t = NormalizeTitle(title);
        if (t.Length == 0) return null;
        (string Alias, DisclosureTableKind Kind)? best = null;
        foreach (var a in Aliases)
            if (t.Contains(a.Alias, StringComparison.Ordinal) && (best is null || a.Alias.Length > best.Value.Alias.Length))
                best = a;
        return best?.Kind;
    }

    /// <summary>
    /// True when a line looks like a table title: short, not a sentence, not a narrative heading
    /// ("…情况说明"), not a table-of-contents entry, and naming a table by an alias.
    /// </summary>
    public static bool IsTitleLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line) || line.Contains('\t') || line.Contains('|')) return false;
        var t = NormalizeTitle(line);
        if (t.Length is < 4 or > 60) return false;
        if (t.Contains("说明") || t.Contains("情况") && !t.Contains("统计表") || t.Contains("。") || t.Contains("……") || t.Contains("....")) return false;
        if (t.StartsWith("注", StringComparison.Ordinal) || t.StartsWith("本表", StringComparison.Ordinal)) return false;
        return FromTitle(t) is not null;
    }

    /// <summary>
    /// The table the content (all cell texts of the table) shows, by signature; null when the content alone
    /// does not decide (e.g. 公开05 and 公开09 share their columns).
    /// </summary>
    public static DisclosureTableKind? FromContent(string? content) => FromNormalizedContent(NormalizeTitle(content));

    private static DisclosureTableKind? FromNormalizedContent(string c)
    {
        if (c.Length == 0) return null;
        bool Has(string s) => c.Contains(s, StringComparison.Ordinal);
        // 公开06 lists 30212 因公出国（境）费用 and 30217 公务接待费 among its rows: test it before 三公.
        if (Has("人员经费") && Has("公用经费") || Has("工资福利支出") && Has("商品和服务支出")) return DisclosureTableKind.EconomicDetail;
        if (Has("因公出国") && Has("公务接待")) return DisclosureTableKind.ThreePublicExpenses;
        if (Has("政府采购") && (Has("机关运行经费") || Has("车辆"))) return DisclosureTableKind.Statistics;
        if (Has("年初财政拨款结转和结余") || Has("年末财政拨款结转和结余")) return DisclosureTableKind.AppropriationSummary;
        if (Has("本年收入合计") && Has("本年支出合计") && (Has("事业收入") || Has("上级补助收入") || Has("使用非财政拨款结余")))
            return DisclosureTableKind.IncomeExpenditureSummary;
        if (Has("本年收入合计") && !Has("本年支出合计") && (Has("财政拨款收入") || Has("上级补助收入") || Has("事业收入")))
            return DisclosureTableKind.Income;
        if (Has("年初结转和结余") && Has("本年收入") && Has("年末结转和结余") && !Has("本年收入合计"))
            return DisclosureTableKind.GovernmentFunds;
        if (Has("基本支出") && Has("项目支出") && (Has("上缴上级支出") || Has("经营支出") || Has("对附属单位补助")))
            return DisclosureTableKind.Expenditure;
        return null;
    }

    /// <summary>
    /// The kind of a table from its title and content. The content decides when its signature is
    /// unambiguous; the title decides otherwise (公开05 vs 公开09, or an empty table with headers only).
    /// </summary>
    public static DisclosureTableKind? Identify(string? title, string? content)
    {
        var c = NormalizeTitle(content);
        var byContent = FromNormalizedContent(c);
        var byTitle = FromTitle(title);
        return byContent ?? byTitle ?? (c.Contains("基本支出") && c.Contains("项目支出") ? DisclosureTableKind.GeneralBudgetExpenditure : null);
    }
}
