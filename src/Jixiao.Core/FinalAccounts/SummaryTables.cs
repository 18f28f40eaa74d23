using Jixiao.Core.Model;
using Jixiao.Core.Provenance;

namespace Jixiao.Core.FinalAccounts;

/// <summary>What a line of 公开01 / 公开04 stands for, whatever its printed wording or 行次.</summary>
public enum SummaryLineKind
{
    Unknown,
    // 收入 side
    /// <summary>一般公共预算财政拨款（收入）</summary>
    GeneralBudgetAppropriation,
    /// <summary>政府性基金预算财政拨款（收入）</summary>
    GovernmentFundAppropriation,
    /// <summary>国有资本经营预算财政拨款（收入）</summary>
    StateCapitalAppropriation,
    /// <summary>上级补助收入</summary>
    UpperSubsidy,
    /// <summary>事业收入</summary>
    BusinessIncome,
    /// <summary>经营收入</summary>
    OperatingIncome,
    /// <summary>附属单位上缴收入</summary>
    AffiliatedRemittance,
    /// <summary>其他收入</summary>
    OtherIncome,
    /// <summary>本年收入合计</summary>
    IncomeSubtotal,
    /// <summary>使用非财政拨款结余（含专用结余）</summary>
    NonAppropriationBalanceUsed,
    /// <summary>年初结转和结余 / 年初财政拨款结转和结余</summary>
    OpeningBalance,
    /// <summary>年初财政拨款结转和结余 › 一般公共预算财政拨款</summary>
    OpeningBalanceGeneralBudget,
    /// <summary>年初财政拨款结转和结余 › 政府性基金预算财政拨款</summary>
    OpeningBalanceGovernmentFund,
    /// <summary>年初财政拨款结转和结余 › 国有资本经营预算财政拨款</summary>
    OpeningBalanceStateCapital,
    /// <summary>（收入）总计</summary>
    IncomeTotal,
    // 支出 side
    /// <summary>A function class (类) line such as 八、社会保障和就业支出.</summary>
    FunctionClass,
    /// <summary>本年支出合计</summary>
    ExpenditureSubtotal,
    /// <summary>结余分配</summary>
    SurplusDistribution,
    /// <summary>年末结转和结余 / 年末财政拨款结转和结余</summary>
    ClosingBalance,
    ClosingBalanceGeneralBudget,
    ClosingBalanceGovernmentFund,
    ClosingBalanceStateCapital,
    /// <summary>（支出）总计</summary>
    ExpenditureTotal,
}

/// <summary>One line of 公开01 (either side): label, 行次 and the 决算数.</summary>
public sealed class SummaryLine
{
    /// <summary>The label as written (spaces of the extraction removed), e.g. "八、社会保障和就业支出".</summary>
    public string Label { get; set; } = "";
    /// <summary>行次 as printed ("39.00", "27").</summary>
    public string? LineNo { get; set; }
    public SummaryLineKind Kind { get; set; }
    /// <summary>The function class code for <see cref="SummaryLineKind.FunctionClass"/> lines ("208"), from the catalogue by name.</summary>
    public string? ClassCode { get; set; }
    public Figure Amount { get; set; } = Figure.Blank();
    public SourceRef? At { get; set; }
}

/// <summary>公开01 收入支出决算总表: 收入 lines and 支出 lines, each with one amount.</summary>
public sealed class IncomeExpenditureSummary : DisclosureTable
{
    public override DisclosureTableKind TableKind => DisclosureTableKind.IncomeExpenditureSummary;
    public List<SummaryLine> Income { get; set; } = [];
    public List<SummaryLine> Expenditure { get; set; } = [];

    public SummaryLine? IncomeLine(SummaryLineKind kind) => Income.FirstOrDefault(l => l.Kind == kind);
    public SummaryLine? ExpenditureLine(SummaryLineKind kind) => Expenditure.FirstOrDefault(l => l.Kind == kind);
    public IEnumerable<SummaryLine> ClassLines() => Expenditure.Where(l => l.Kind == SummaryLineKind.FunctionClass);

    public override IEnumerable<Figure> AllFigures() => Income.Select(l => l.Amount).Concat(Expenditure.Select(l => l.Amount));
}

/// <summary>A 支出 line of 公开04: 合计 and the three appropriation kinds.</summary>
public sealed class AppropriationLine
{
    public string Label { get; set; } = "";
    public string? LineNo { get; set; }
    public SummaryLineKind Kind { get; set; }
    public string? ClassCode { get; set; }
    /// <summary>合计</summary>
    public Figure Total { get; set; } = Figure.Blank();
    /// <summary>一般公共预算财政拨款</summary>
    public Figure GeneralBudget { get; set; } = Figure.Blank();
    /// <summary>政府性基金预算财政拨款</summary>
    public Figure GovernmentFund { get; set; } = Figure.Blank();
    /// <summary>国有资本经营预算财政拨款</summary>
    public Figure StateCapital { get; set; } = Figure.Blank();
    public SourceRef? At { get; set; }

    public static readonly string[] ColumnNames = ["合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"];

    public IEnumerable<(string Column, Figure Figure)> Cells()
    {
        yield return (ColumnNames[0], Total);
        yield return (ColumnNames[1], GeneralBudget);
        yield return (ColumnNames[2], GovernmentFund);
        yield return (ColumnNames[3], StateCapital);
    }
}

/// <summary>公开04 财政拨款收入支出决算总表.</summary>
public sealed class AppropriationSummary : DisclosureTable
{
    public override DisclosureTableKind TableKind => DisclosureTableKind.AppropriationSummary;
    /// <summary>收入 side: one amount per line (金额).</summary>
    public List<SummaryLine> Income { get; set; } = [];
    /// <summary>支出 side: 合计 and the three appropriation columns.</summary>
    public List<AppropriationLine> Expenditure { get; set; } = [];

    public SummaryLine? IncomeLine(SummaryLineKind kind) => Income.FirstOrDefault(l => l.Kind == kind);
    public AppropriationLine? ExpenditureLine(SummaryLineKind kind) => Expenditure.FirstOrDefault(l => l.Kind == kind);
    public IEnumerable<AppropriationLine> ClassLines() => Expenditure.Where(l => l.Kind == SummaryLineKind.FunctionClass);

    public override IEnumerable<Figure> AllFigures() =>
        Income.Select(l => l.Amount).Concat(Expenditure.SelectMany(l => l.Cells().Select(c => c.Figure)));
}
