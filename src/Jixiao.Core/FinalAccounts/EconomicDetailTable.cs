using Jixiao.Core.Model;
using Jixiao.Core.Provenance;

namespace Jixiao.Core.FinalAccounts;

/// <summary>人员经费 (301, 303) or 公用经费 (302, 307, 309, 310, 311, 312, 313, 399 …).</summary>
public enum EconomicGroup
{
    /// <summary>人员经费</summary>
    Personnel,
    /// <summary>公用经费</summary>
    Public,
}

/// <summary>A row of 公开06 by the economic classification (部门预算支出经济分类): 类 301 or 款 30101.</summary>
public sealed class EconomicRow
{
    /// <summary>The full code ("301", "30101"), expanded when the table abbreviates 款 to two digits or omits the 类 code.</summary>
    public string? Code { get; set; }
    /// <summary>The code as printed ("01", "" or "30201").</summary>
    public string? PrintedCode { get; set; }
    public string Name { get; set; } = "";
    public EconomicGroup Group { get; set; }
    /// <summary>金额 (all general-budget appropriation spending on the item).</summary>
    public Figure Amount { get; set; } = Figure.Blank();
    /// <summary>其中：基本支出.</summary>
    public Figure Basic { get; set; } = Figure.Blank();
    public SourceRef? At { get; set; }

    /// <summary>True when <see cref="Code"/> was not printed as such (expanded from two digits, or found by name).</summary>
    public bool CodeInferred => Code != PrintedCode;

    public string Describe() => Code is null ? Name : $"{Code} {Name}";
}

/// <summary>人员经费合计 / 公用经费合计: the stated totals of a group.</summary>
public sealed class EconomicTotal
{
    public Figure Amount { get; set; } = Figure.Blank();
    public Figure Basic { get; set; } = Figure.Blank();
    public SourceRef? At { get; set; }
}

/// <summary>
/// 公开06 一般公共预算财政拨款支出决算明细表 (Shanxi: 金额 and 其中：基本支出, four column-blocks) or the
/// national 一般公共预算财政拨款基本支出决算表 (basic expenditure only: <see cref="HasAmountColumn"/> false).
/// </summary>
public sealed class EconomicDetailTable : DisclosureTable
{
    public override DisclosureTableKind TableKind => DisclosureTableKind.EconomicDetail;
    public List<EconomicRow> Rows { get; set; } = [];
    /// <summary>人员经费合计.</summary>
    public EconomicTotal? PersonnelTotal { get; set; }
    /// <summary>公用经费合计.</summary>
    public EconomicTotal? PublicTotal { get; set; }
    /// <summary>The table has a 金额 column (all spending, not only basic).</summary>
    public bool HasAmountColumn { get; set; } = true;
    /// <summary>The table has a 基本支出 column (in the basic-only variant its only column).</summary>
    public bool HasBasicColumn { get; set; } = true;

    public EconomicRow? Row(string code) => Rows.FirstOrDefault(r => r.Code == code);

    public override IEnumerable<Figure> AllFigures()
    {
        foreach (var r in Rows) { yield return r.Amount; yield return r.Basic; }
        foreach (var t in new[] { PersonnelTotal, PublicTotal })
            if (t is not null) { yield return t.Amount; yield return t.Basic; }
    }
}

/// <summary>One block of 公开07: 预算数 or 决算数.</summary>
public sealed class ThreePublicFigures
{
    /// <summary>合计</summary>
    public Figure Total { get; set; } = Figure.Blank();
    /// <summary>因公出国（境）费</summary>
    public Figure Abroad { get; set; } = Figure.Blank();
    /// <summary>公务用车购置及运行维护费 小计</summary>
    public Figure VehicleTotal { get; set; } = Figure.Blank();
    /// <summary>公务用车购置费</summary>
    public Figure VehiclePurchase { get; set; } = Figure.Blank();
    /// <summary>公务用车运行维护费</summary>
    public Figure VehicleOperation { get; set; } = Figure.Blank();
    /// <summary>公务接待费</summary>
    public Figure Reception { get; set; } = Figure.Blank();
    /// <summary>会议费 (provinces that publish "三公"经费及会议费、培训费).</summary>
    public Figure? Meeting { get; set; }
    /// <summary>培训费 (idem).</summary>
    public Figure? Training { get; set; }

    public static readonly string[] ColumnNames = ["合计", "因公出国（境）费", "公务用车购置及运行维护费小计", "公务用车购置费", "公务用车运行维护费", "公务接待费", "会议费", "培训费"];

    public IEnumerable<(string Column, Figure Figure)> Cells()
    {
        yield return (ColumnNames[0], Total);
        yield return (ColumnNames[1], Abroad);
        yield return (ColumnNames[2], VehicleTotal);
        yield return (ColumnNames[3], VehiclePurchase);
        yield return (ColumnNames[4], VehicleOperation);
        yield return (ColumnNames[5], Reception);
        if (Meeting is not null) yield return (ColumnNames[6], Meeting);
        if (Training is not null) yield return (ColumnNames[7], Training);
    }
}

/// <summary>公开07 财政拨款“三公”经费支出决算表: 预算数 and 决算数.</summary>
public sealed class ThreePublicTable : DisclosureTable
{
    public override DisclosureTableKind TableKind => DisclosureTableKind.ThreePublicExpenses;
    public ThreePublicFigures Budget { get; set; } = new();
    public ThreePublicFigures Actual { get; set; } = new();

    public override IEnumerable<Figure> AllFigures() => Budget.Cells().Concat(Actual.Cells()).Select(c => c.Figure);
}

/// <summary>The eight vehicle categories of 公开10 三、国有资产占用情况.</summary>
public enum VehicleCategory
{
    /// <summary>副部（省）级及以上领导用车</summary>
    SeniorLeaders,
    /// <summary>主要领导干部用车</summary>
    PrincipalLeaders,
    /// <summary>机要通信用车</summary>
    ConfidentialCommunication,
    /// <summary>应急保障用车</summary>
    Emergency,
    /// <summary>执法执勤用车</summary>
    LawEnforcement,
    /// <summary>特种专业技术用车</summary>
    SpecialTechnical,
    /// <summary>离退休干部用车</summary>
    RetiredCadres,
    /// <summary>其他用车</summary>
    Other,
}

public static class VehicleCategories
{
    public static string ChineseName(this VehicleCategory c) => c switch
    {
        VehicleCategory.SeniorLeaders => "副部（省）级及以上领导用车",
        VehicleCategory.PrincipalLeaders => "主要领导干部用车",
        VehicleCategory.ConfidentialCommunication => "机要通信用车",
        VehicleCategory.Emergency => "应急保障用车",
        VehicleCategory.LawEnforcement => "执法执勤用车",
        VehicleCategory.SpecialTechnical => "特种专业技术用车",
        VehicleCategory.RetiredCadres => "离退休干部用车",
        VehicleCategory.Other => "其他用车",
        _ => c.ToString(),
    };

    /// <summary>Classifies a label such as "1. 副部(省)级及以上领导用车".</summary>
    public static VehicleCategory? Classify(string? label)
    {
        var t = Text.Compact(label);
        if (t.Contains("副部") || t.Contains("省级及以上") || t.Contains("（省）级")) return VehicleCategory.SeniorLeaders;
        if (t.Contains("主要领导")) return VehicleCategory.PrincipalLeaders;
        if (t.Contains("机要通信")) return VehicleCategory.ConfidentialCommunication;
        if (t.Contains("应急保障")) return VehicleCategory.Emergency;
        if (t.Contains("执法执勤")) return VehicleCategory.LawEnforcement;
        if (t.Contains("特种专业")) return VehicleCategory.SpecialTechnical;
        if (t.Contains("离退休干部")) return VehicleCategory.RetiredCadres;
        if (t.Contains("其他用车")) return VehicleCategory.Other;
        return null;
    }
}

/// <summary>A line of 公开10 with its label, 行次 and value.</summary>
public sealed class StatisticsLine
{
    public string Label { get; set; } = "";
    public string? LineNo { get; set; }
    public Figure Value { get; set; } = Figure.Blank();
    public SourceRef? At { get; set; }
}

/// <summary>A vehicle line of 公开10 (辆).</summary>
public sealed class VehicleLine
{
    public VehicleCategory Category { get; set; }
    public string Label { get; set; } = "";
    public string? LineNo { get; set; }
    public Figure Count { get; set; } = Figure.Blank();
    public SourceRef? At { get; set; }
}

/// <summary>公开10 部门决算公开相关信息统计表: 政府采购, 机关运行经费, 国有资产占用.</summary>
public sealed class StatisticsTable : DisclosureTable
{
    public override DisclosureTableKind TableKind => DisclosureTableKind.Statistics;
    /// <summary>一、政府采购 合计</summary>
    public StatisticsLine? ProcurementTotal { get; set; }
    /// <summary>货物</summary>
    public StatisticsLine? ProcurementGoods { get; set; }
    /// <summary>工程</summary>
    public StatisticsLine? ProcurementWorks { get; set; }
    /// <summary>服务</summary>
    public StatisticsLine? ProcurementServices { get; set; }
    /// <summary>授予中小企业合同金额, where the table has it.</summary>
    public StatisticsLine? ProcurementSme { get; set; }
    /// <summary>二、机关运行经费 合计, where printed.</summary>
    public StatisticsLine? OperatingCostsTotal { get; set; }
    /// <summary>（一）行政单位</summary>
    public StatisticsLine? OperatingCostsAdministrative { get; set; }
    /// <summary>（二）参照公务员法管理事业单位</summary>
    public StatisticsLine? OperatingCostsCivilServiceManaged { get; set; }
    /// <summary>（一）车辆数合计（辆）</summary>
    public StatisticsLine? VehiclesTotal { get; set; }
    public List<VehicleLine> Vehicles { get; set; } = [];
    /// <summary>（二）单价100万元（含）以上设备（不含车辆）</summary>
    public StatisticsLine? Equipment { get; set; }
    /// <summary>Lines the reader could not name (kept, never dropped).</summary>
    public List<StatisticsLine> OtherLines { get; set; } = [];

    /// <summary>The money lines (procurement and 机关运行经费) — the counts (vehicles, equipment) are not money.</summary>
    public IEnumerable<StatisticsLine> MoneyLines()
    {
        foreach (var l in new[] { ProcurementTotal, ProcurementGoods, ProcurementWorks, ProcurementServices, ProcurementSme, OperatingCostsTotal, OperatingCostsAdministrative, OperatingCostsCivilServiceManaged })
            if (l is not null) yield return l;
    }

    public override IEnumerable<Figure> AllFigures()
    {
        foreach (var l in MoneyLines()) yield return l.Value;
        if (VehiclesTotal is not null) yield return VehiclesTotal.Value;
        foreach (var v in Vehicles) yield return v.Count;
        if (Equipment is not null) yield return Equipment.Value;
        foreach (var l in OtherLines) yield return l.Value;
    }
}
