using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Core.Provenance;

namespace Jixiao.Core.FinalAccounts;

/// <summary>The table shapes of a final-accounts disclosure (the Shanxi numbers in brackets).</summary>
public enum DisclosureTableKind
{
    /// <summary>收入支出决算总表 (公开01)</summary>
    IncomeExpenditureSummary,
    /// <summary>收入决算表 (公开02)</summary>
    Income,
    /// <summary>支出决算表 (公开03)</summary>
    Expenditure,
    /// <summary>财政拨款收入支出决算总表 (公开04)</summary>
    AppropriationSummary,
    /// <summary>一般公共预算财政拨款支出决算表 (公开05)</summary>
    GeneralBudgetExpenditure,
    /// <summary>一般公共预算财政拨款支出决算明细表 / 基本支出决算表 (公开06)</summary>
    EconomicDetail,
    /// <summary>财政拨款“三公”经费支出决算表 (公开07)</summary>
    ThreePublicExpenses,
    /// <summary>政府性基金预算财政拨款收入支出决算表 (公开08)</summary>
    GovernmentFunds,
    /// <summary>国有资本经营预算财政拨款支出决算表 (公开09)</summary>
    StateCapital,
    /// <summary>部门决算公开相关信息统计表 (公开10)</summary>
    Statistics,
}

/// <summary>What every disclosure table has: its printed number and title, its unit, its notes, and the empty state.</summary>
public abstract class DisclosureTable
{
    public abstract DisclosureTableKind TableKind { get; }
    /// <summary>The number as printed ("公开02表", "附表3", "表一"), when printed.</summary>
    public string? PrintedNumber { get; set; }
    /// <summary>The title as printed.</summary>
    public string? Title { get; set; }
    /// <summary>The money unit the table declares (金额单位：元). Null when the table does not say.</summary>
    public MoneyUnit? Unit { get; set; }
    /// <summary>"本表无数据" / "无此项" declared: an empty table is a state, not an error.</summary>
    public bool IsEmptyDeclared { get; set; }
    /// <summary>The empty-table note as written, e.g. "说明：本表无数据".</summary>
    public string? EmptyNote { get; set; }
    /// <summary>注：… lines under the table.</summary>
    public List<string> Notes { get; set; } = [];
    /// <summary>Where the table sits (file, first and last line or sheet).</summary>
    public SourceRef? At { get; set; }

    /// <summary>The label used in locations: the standard number "公开02" (stable across provinces' numbering).</summary>
    public string Label => DisclosureTables.StandardNumber(TableKind);

    /// <summary>True when no figure of the table has a non-zero value.</summary>
    public bool HasNoData() => AllFigures().All(f => FigureValues.IsZeroOrBlank(f));

    /// <summary>Every figure of the table.</summary>
    public abstract IEnumerable<Figure> AllFigures();
}

public static class DisclosureTables
{
    /// <summary>"公开01" … "公开10": the Shanxi standard numbers, used as stable labels.</summary>
    public static string StandardNumber(DisclosureTableKind kind) => $"公开{(int)kind + 1:00}";

    public static string StandardName(DisclosureTableKind kind) => kind switch
    {
        DisclosureTableKind.IncomeExpenditureSummary => "收入支出决算总表",
        DisclosureTableKind.Income => "收入决算表",
        DisclosureTableKind.Expenditure => "支出决算表",
        DisclosureTableKind.AppropriationSummary => "财政拨款收入支出决算总表",
        DisclosureTableKind.GeneralBudgetExpenditure => "一般公共预算财政拨款支出决算表",
        DisclosureTableKind.EconomicDetail => "一般公共预算财政拨款支出决算明细表",
        DisclosureTableKind.ThreePublicExpenses => "财政拨款“三公”经费支出决算表",
        DisclosureTableKind.GovernmentFunds => "政府性基金预算财政拨款收入支出决算表",
        DisclosureTableKind.StateCapital => "国有资本经营预算财政拨款支出决算表",
        DisclosureTableKind.Statistics => "部门决算公开相关信息统计表",
        _ => kind.ToString(),
    };

    public static DisclosureTable Create(DisclosureTableKind kind) => kind switch
    {
        DisclosureTableKind.IncomeExpenditureSummary => new IncomeExpenditureSummary(),
        DisclosureTableKind.Income => new IncomeTable(),
        DisclosureTableKind.Expenditure => new ExpenditureTable(),
        DisclosureTableKind.AppropriationSummary => new AppropriationSummary(),
        DisclosureTableKind.GeneralBudgetExpenditure => new GeneralBudgetTable(),
        DisclosureTableKind.EconomicDetail => new EconomicDetailTable(),
        DisclosureTableKind.ThreePublicExpenses => new ThreePublicTable(),
        DisclosureTableKind.GovernmentFunds => new GovernmentFundTable(),
        DisclosureTableKind.StateCapital => new StateCapitalTable(),
        DisclosureTableKind.Statistics => new StatisticsTable(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>How figures of the disclosure tables are read as amounts.</summary>
public static class FigureValues
{
    /// <summary>
    /// The amount of a cell: blank and the dash placeholders ("-", "—", "/") are zero, as published tables
    /// leave zero cells empty; a text that is not a number (e.g. "#VALUE!") gives null.
    /// </summary>
    public static decimal? AmountOf(Figure? f)
    {
        if (f is null || f.IsBlank) return 0m;
        if (f.Value is { } v) return v;
        var t = Text.Compact(f.Text);
        return t is "-" or "—" or "——" or "－" or "/" or "／" or "0" ? 0m : null;
    }

    public static bool IsZeroOrBlank(Figure? f) => AmountOf(f) is 0m;

    /// <summary>True for a figure with a non-numeric, non-placeholder text.</summary>
    public static bool IsUnparsable(Figure? f) => AmountOf(f) is null;
}
