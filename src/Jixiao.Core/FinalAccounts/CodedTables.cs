using Jixiao.Core.Model;
using Jixiao.Core.Provenance;

namespace Jixiao.Core.FinalAccounts;

/// <summary>The level of a functional-classification row: 合计, 类 (3 digits), 款 (5), 项 (7).</summary>
public enum CodeLevel
{
    Unknown,
    Total,
    Class,
    Item,
    Subitem,
}

public static class CodeLevels
{
    /// <summary>类 / 款 / 项 by the number of digits (3 / 5 / 7); Unknown otherwise.</summary>
    public static CodeLevel Of(string? code) => code?.Length switch
    {
        3 => CodeLevel.Class,
        5 => CodeLevel.Item,
        7 => CodeLevel.Subitem,
        _ => CodeLevel.Unknown,
    };

    public static string ChineseName(this CodeLevel level) => level switch
    {
        CodeLevel.Total => "合计",
        CodeLevel.Class => "类",
        CodeLevel.Item => "款",
        CodeLevel.Subitem => "项",
        _ => "科目",
    };

    /// <summary>The parent code: 项 → 款 (5 digits), 款 → 类 (3 digits); null for a 类.</summary>
    public static string? ParentOf(string? code) => code?.Length switch
    {
        7 => code[..5],
        5 => code[..3],
        _ => null,
    };
}

/// <summary>A row keyed by a functional-classification code (公开02/03/05/08/09).</summary>
public abstract class CodedRow
{
    /// <summary>功能分类科目编码 ("208", "20805", "2080507"); null on the 合计 row.</summary>
    public string? Code { get; set; }
    /// <summary>科目名称 as written (spaces of the extraction removed, continuation lines joined).</summary>
    public string Name { get; set; } = "";
    public SourceRef? At { get; set; }

    /// <summary>The row's figures with their column names, in column order.</summary>
    public abstract IEnumerable<(string Column, Figure Figure)> Cells();

    /// <summary>"208 社会保障和就业支出" or "合计".</summary>
    public string Describe() => Code is null ? (Name.Length > 0 ? Name : "合计") : $"{Code} {Name}";
}

/// <summary>A table of <see cref="CodedRow"/>s with its 合计 row.</summary>
public abstract class CodedTable<TRow> : DisclosureTable where TRow : CodedRow
{
    /// <summary>The 合计 row.</summary>
    public TRow? Total { get; set; }
    /// <summary>类 / 款 / 项 rows in printed order.</summary>
    public List<TRow> Rows { get; set; } = [];

    public TRow? Row(string code) => Rows.FirstOrDefault(r => r.Code == code);
    public IEnumerable<TRow> ClassRows() => Rows.Where(r => CodeLevels.Of(r.Code) == CodeLevel.Class);

    public override IEnumerable<Figure> AllFigures() =>
        (Total is null ? Rows : Rows.Prepend(Total)).SelectMany(r => r.Cells().Select(c => c.Figure));
}

/// <summary>A row of 公开02 收入决算表.</summary>
public sealed class IncomeRow : CodedRow
{
    /// <summary>本年收入合计</summary>
    public Figure Total { get; set; } = Figure.Blank();
    /// <summary>财政拨款收入</summary>
    public Figure Appropriation { get; set; } = Figure.Blank();
    /// <summary>上级补助收入</summary>
    public Figure UpperSubsidy { get; set; } = Figure.Blank();
    /// <summary>事业收入</summary>
    public Figure Business { get; set; } = Figure.Blank();
    /// <summary>经营收入</summary>
    public Figure Operating { get; set; } = Figure.Blank();
    /// <summary>附属单位上缴收入</summary>
    public Figure Affiliated { get; set; } = Figure.Blank();
    /// <summary>其他收入</summary>
    public Figure Other { get; set; } = Figure.Blank();

    public static readonly string[] ColumnNames = ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"];

    public override IEnumerable<(string Column, Figure Figure)> Cells()
    {
        yield return (ColumnNames[0], Total);
        yield return (ColumnNames[1], Appropriation);
        yield return (ColumnNames[2], UpperSubsidy);
        yield return (ColumnNames[3], Business);
        yield return (ColumnNames[4], Operating);
        yield return (ColumnNames[5], Affiliated);
        yield return (ColumnNames[6], Other);
    }
}

/// <summary>公开02 收入决算表.</summary>
public sealed class IncomeTable : CodedTable<IncomeRow>
{
    public override DisclosureTableKind TableKind => DisclosureTableKind.Income;
}

/// <summary>A row of 公开03 支出决算表.</summary>
public sealed class ExpenditureRow : CodedRow
{
    /// <summary>本年支出合计</summary>
    public Figure Total { get; set; } = Figure.Blank();
    /// <summary>基本支出</summary>
    public Figure Basic { get; set; } = Figure.Blank();
    /// <summary>项目支出</summary>
    public Figure Project { get; set; } = Figure.Blank();
    /// <summary>上缴上级支出</summary>
    public Figure RemitToUpper { get; set; } = Figure.Blank();
    /// <summary>经营支出</summary>
    public Figure Operating { get; set; } = Figure.Blank();
    /// <summary>对附属单位补助支出</summary>
    public Figure SubsidyToAffiliated { get; set; } = Figure.Blank();

    public static readonly string[] ColumnNames = ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"];

    public override IEnumerable<(string Column, Figure Figure)> Cells()
    {
        yield return (ColumnNames[0], Total);
        yield return (ColumnNames[1], Basic);
        yield return (ColumnNames[2], Project);
        yield return (ColumnNames[3], RemitToUpper);
        yield return (ColumnNames[4], Operating);
        yield return (ColumnNames[5], SubsidyToAffiliated);
    }
}

/// <summary>公开03 支出决算表.</summary>
public sealed class ExpenditureTable : CodedTable<ExpenditureRow>
{
    public override DisclosureTableKind TableKind => DisclosureTableKind.Expenditure;
}

/// <summary>A row of 公开05 一般公共预算财政拨款支出决算表 (with the optional 年初预算数 / 调整预算数 columns of some provinces).</summary>
public sealed class GeneralBudgetRow : CodedRow
{
    /// <summary>本年支出 小计 / 合计</summary>
    public Figure Total { get; set; } = Figure.Blank();
    /// <summary>基本支出</summary>
    public Figure Basic { get; set; } = Figure.Blank();
    /// <summary>项目支出</summary>
    public Figure Project { get; set; } = Figure.Blank();
    /// <summary>年初预算数 (central / some provinces), when the table has the column.</summary>
    public Figure? InitialBudget { get; set; }
    /// <summary>调整预算数, when the table has the column.</summary>
    public Figure? AdjustedBudget { get; set; }

    public static readonly string[] ColumnNames = ["小计", "基本支出", "项目支出", "年初预算数", "调整预算数"];

    public override IEnumerable<(string Column, Figure Figure)> Cells()
    {
        yield return (ColumnNames[0], Total);
        yield return (ColumnNames[1], Basic);
        yield return (ColumnNames[2], Project);
        if (InitialBudget is not null) yield return (ColumnNames[3], InitialBudget);
        if (AdjustedBudget is not null) yield return (ColumnNames[4], AdjustedBudget);
    }
}

/// <summary>公开05 一般公共预算财政拨款支出决算表.</summary>
public sealed class GeneralBudgetTable : CodedTable<GeneralBudgetRow>
{
    public override DisclosureTableKind TableKind => DisclosureTableKind.GeneralBudgetExpenditure;
}

/// <summary>A row of 公开08 政府性基金预算财政拨款收入支出决算表.</summary>
public sealed class GovernmentFundRow : CodedRow
{
    /// <summary>年初结转和结余</summary>
    public Figure OpeningBalance { get; set; } = Figure.Blank();
    /// <summary>本年收入</summary>
    public Figure Income { get; set; } = Figure.Blank();
    /// <summary>本年支出 小计</summary>
    public Figure ExpenditureTotal { get; set; } = Figure.Blank();
    /// <summary>本年支出 基本支出</summary>
    public Figure Basic { get; set; } = Figure.Blank();
    /// <summary>本年支出 项目支出</summary>
    public Figure Project { get; set; } = Figure.Blank();
    /// <summary>年末结转和结余</summary>
    public Figure ClosingBalance { get; set; } = Figure.Blank();

    public static readonly string[] ColumnNames = ["年初结转和结余", "本年收入", "本年支出小计", "基本支出", "项目支出", "年末结转和结余"];

    public override IEnumerable<(string Column, Figure Figure)> Cells()
    {
        yield return (ColumnNames[0], OpeningBalance);
        yield return (ColumnNames[1], Income);
        yield return (ColumnNames[2], ExpenditureTotal);
        yield return (ColumnNames[3], Basic);
        yield return (ColumnNames[4], Project);
        yield return (ColumnNames[5], ClosingBalance);
    }
}

/// <summary>公开08 政府性基金预算财政拨款收入支出决算表.</summary>
public sealed class GovernmentFundTable : CodedTable<GovernmentFundRow>
{
    public override DisclosureTableKind TableKind => DisclosureTableKind.GovernmentFunds;
}

/// <summary>A row of 公开09 国有资本经营预算财政拨款支出决算表.</summary>
public sealed class StateCapitalRow : CodedRow
{
    /// <summary>本年支出 合计</summary>
    public Figure Total { get; set; } = Figure.Blank();
    public Figure Basic { get; set; } = Figure.Blank();
    public Figure Project { get; set; } = Figure.Blank();

    public static readonly string[] ColumnNames = ["合计", "基本支出", "项目支出"];

    public override IEnumerable<(string Column, Figure Figure)> Cells()
    {
        yield return (ColumnNames[0], Total);
        yield return (ColumnNames[1], Basic);
        yield return (ColumnNames[2], Project);
    }
}

/// <summary>公开09 国有资本经营预算财政拨款支出决算表.</summary>
public sealed class StateCapitalTable : CodedTable<StateCapitalRow>
{
    public override DisclosureTableKind TableKind => DisclosureTableKind.StateCapital;
}
