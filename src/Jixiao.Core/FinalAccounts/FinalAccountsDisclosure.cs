using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Core.Provenance;

namespace Jixiao.Core.FinalAccounts;

/// <summary>
/// 部门决算公开 — one department's (or unit's) published final accounts for one year: the disclosure tables
/// (公开01–10, recognised by content, whatever the province numbers them), the 情况说明, the 名词解释 and the
/// 概况. The project self-evaluation appendices (第五部分 附件) are separate documents.
/// </summary>
/// <remarks><see cref="Document.Unit"/> holds the department name (部门名称 / 单位名称).</remarks>
public sealed class FinalAccountsDisclosure : Document
{
    static FinalAccountsDisclosure() => FinalAccountsRegistration.EnsureRegistered();

    public override DocumentKind Kind => DocumentKind.FinalAccounts;

    /// <summary>The money unit most tables declare (金额单位：元 / 万元). Each table also keeps its own.</summary>
    public MoneyUnit? DeclaredUnit { get; set; }
    public SourceRef? DeclaredUnitAt { get; set; }

    /// <summary>第一部分 概况: 一、职责, 二、机构设置 (and whatever else the unit writes there).</summary>
    public List<ExplanationSection> Overview { get; set; } = [];

    /// <summary>公开01 收入支出决算总表.</summary>
    public IncomeExpenditureSummary? Summary { get; set; }
    /// <summary>公开02 收入决算表.</summary>
    public IncomeTable? Income { get; set; }
    /// <summary>公开03 支出决算表.</summary>
    public ExpenditureTable? Expenditure { get; set; }
    /// <summary>公开04 财政拨款收入支出决算总表.</summary>
    public AppropriationSummary? Appropriation { get; set; }
    /// <summary>公开05 一般公共预算财政拨款支出决算表.</summary>
    public GeneralBudgetTable? GeneralBudget { get; set; }
    /// <summary>公开06 一般公共预算财政拨款支出决算明细表 / 基本支出决算表 (经济分类).</summary>
    public EconomicDetailTable? EconomicDetail { get; set; }
    /// <summary>公开07 财政拨款“三公”经费支出决算表.</summary>
    public ThreePublicTable? ThreePublic { get; set; }
    /// <summary>公开08 政府性基金预算财政拨款收入支出决算表.</summary>
    public GovernmentFundTable? GovernmentFunds { get; set; }
    /// <summary>公开09 国有资本经营预算财政拨款支出决算表.</summary>
    public StateCapitalTable? StateCapital { get; set; }
    /// <summary>公开10 部门决算公开相关信息统计表.</summary>
    public StatisticsTable? Statistics { get; set; }

    /// <summary>第三部分 情况说明, as numbered sections (一、… （一）… （1）…) in document order.</summary>
    public List<ExplanationSection> Explanation { get; set; } = [];

    /// <summary>第四部分 名词解释.</summary>
    public List<GlossaryEntry> Glossary { get; set; } = [];

    /// <summary>The tables present, in the standard order.</summary>
    public IEnumerable<DisclosureTable> Tables()
    {
        DisclosureTable?[] all = [Summary, Income, Expenditure, Appropriation, GeneralBudget, EconomicDetail, ThreePublic, GovernmentFunds, StateCapital, Statistics];
        foreach (var t in all)
            if (t is not null) yield return t;
    }

    public DisclosureTable? Table(DisclosureTableKind kind) => kind switch
    {
        DisclosureTableKind.IncomeExpenditureSummary => Summary,
        DisclosureTableKind.Income => Income,
        DisclosureTableKind.Expenditure => Expenditure,
        DisclosureTableKind.AppropriationSummary => Appropriation,
        DisclosureTableKind.GeneralBudgetExpenditure => GeneralBudget,
        DisclosureTableKind.EconomicDetail => EconomicDetail,
        DisclosureTableKind.ThreePublicExpenses => ThreePublic,
        DisclosureTableKind.GovernmentFunds => GovernmentFunds,
        DisclosureTableKind.StateCapital => StateCapital,
        DisclosureTableKind.Statistics => Statistics,
        _ => null,
    };

    /// <summary>Puts a table in its slot by its kind.</summary>
    public void SetTable(DisclosureTable table)
    {
        switch (table)
        {
            case IncomeExpenditureSummary t: Summary = t; break;
            case IncomeTable t: Income = t; break;
            case ExpenditureTable t: Expenditure = t; break;
            case AppropriationSummary t: Appropriation = t; break;
            case GeneralBudgetTable t: GeneralBudget = t; break;
            case EconomicDetailTable t: EconomicDetail = t; break;
            case ThreePublicTable t: ThreePublic = t; break;
            case GovernmentFundTable t: GovernmentFunds = t; break;
            case StateCapitalTable t: StateCapital = t; break;
            case StatisticsTable t: Statistics = t; break;
            default: throw new ArgumentException($"未知的表类型 {table.GetType().Name}", nameof(table));
        }
    }

    /// <summary>The unit a table's figures are in: its own declaration, else the disclosure's.</summary>
    public MoneyUnit UnitOf(DisclosureTable? table) => table?.Unit ?? DeclaredUnit ?? MoneyUnit.Yuan;
}

/// <summary>A numbered section of the 情况说明 or the 概况: number as written, heading and paragraphs.</summary>
public sealed class ExplanationSection
{
    /// <summary>The number as written: "一", "（一）", "（1）", "1".</summary>
    public string Number { get; set; } = "";
    /// <summary>1 for 一、, 2 for （一）, 3 for （1）/ 1、.</summary>
    public int Level { get; set; } = 1;
    public string Heading { get; set; } = "";
    public List<ExplanationParagraph> Paragraphs { get; set; } = [];
    public SourceRef? At { get; set; }

    /// <summary>The heading as printed with its number, e.g. "一、收入支出决算总体情况说明" or "（一）机关运行经费支出情况说明".</summary>
    public string NumberedHeading() => Level switch
    {
        1 when Number.Length > 0 => $"{Number}、{Heading}",
        2 when Number.Length > 0 => $"（{Number}）{Heading}",
        3 when Number.Length > 0 => $"（{Number}）{Heading}",
        _ => Heading,
    };

    public string FullText() => string.Join("\n", Paragraphs.Select(p => p.Text));
}

/// <summary>One paragraph of running text, with the source line(s) it came from.</summary>
public sealed class ExplanationParagraph
{
    public string Text { get; set; } = "";
    public SourceRef? At { get; set; }

    public ExplanationParagraph() { }
    public ExplanationParagraph(string text, SourceRef? at = null) { Text = text; At = at; }
}

/// <summary>One entry of 名词解释.</summary>
public sealed class GlossaryEntry
{
    public string Number { get; set; } = "";
    public string Term { get; set; } = "";
    public string Definition { get; set; } = "";
    public SourceRef? At { get; set; }
}
