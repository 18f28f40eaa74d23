using Jixiao.Core.Money;
using Jixiao.Core.Provenance;

namespace Jixiao.Core.Model;

/// <summary>
/// The fund source of a row in 资金投入情况 / 预算执行情况. The labels vary by province and year; readers
/// map them with <see cref="FundSources.Classify"/>.
/// </summary>
public enum FundSourceKind
{
    /// <summary>年度资金总额 / 合计</summary>
    Total,
    /// <summary>中央财政资金</summary>
    Central,
    /// <summary>省级 / 自治区财政资金</summary>
    Provincial,
    /// <summary>市级 / 盟市财政资金</summary>
    City,
    /// <summary>县级 / 旗县财政资金</summary>
    County,
    /// <summary>市县区财政资金 (city and county together)</summary>
    CityCounty,
    /// <summary>地方财政资金 (all local levels together)</summary>
    Local,
    /// <summary>当年财政拨款 / 本年财政拨款</summary>
    CurrentAppropriation,
    /// <summary>上年结转资金</summary>
    CarryOver,
    /// <summary>其他资金（包括以前年度结转资金）</summary>
    Other,
    Unknown,
}

/// <summary>One row of the fund block: a source with its budget A, execution B and the stated rate.</summary>
public sealed class FundRow
{
    /// <summary>The label as written, e.g. "其中：中央财政资金".</summary>
    public string Label { get; set; } = "";
    public FundSourceKind Source { get; set; }
    /// <summary>年初预算数 (project tables; 预算编制 where the table splits it).</summary>
    public Figure? InitialBudget { get; set; }
    /// <summary>年初预算数 › 目标申报 (Shanxi layout), when given separately.</summary>
    public Figure? InitialBudgetDeclared { get; set; }
    /// <summary>全年预算数 (A).</summary>
    public Figure Budget { get; set; } = Figure.Blank();
    /// <summary>全年执行数 (B).</summary>
    public Figure Execution { get; set; } = Figure.Blank();
    /// <summary>结转结余 / 资金结(转)余 (project tables).</summary>
    public Figure? Balance { get; set; }
    /// <summary>预算执行率 as stated (percentage points; "100" without % also means 100%).</summary>
    public Figure Rate { get; set; } = Figure.Blank();
    /// <summary>分值 (project tables, on the total row).</summary>
    public Figure? Points { get; set; }
    /// <summary>得分 (project tables, on the total row).</summary>
    public Figure? Score { get; set; }
    public SourceRef? At { get; set; }
}

/// <summary>One of the seven 资金管理情况 items, with 情况说明 and 存在问题和改进措施.</summary>
public sealed class ManagementItem
{
    public string Aspect { get; set; } = "";
    public string? Description { get; set; }
    public string? Problems { get; set; }
    public SourceRef? At { get; set; }
}

/// <summary>Level 1 of the indicator tree.</summary>
public enum IndicatorLevel1
{
    /// <summary>产出指标</summary>
    Output,
    /// <summary>效益指标</summary>
    Effect,
    /// <summary>满意度指标</summary>
    Satisfaction,
    /// <summary>成本指标 as a level-1 indicator (财预〔2021〕101号)</summary>
    Cost,
    Unknown,
}

/// <summary>Level 2 of the indicator tree.</summary>
public enum IndicatorLevel2
{
    Quantity, Quality, Timeliness, Cost,
    Economic, Social, Ecological, Sustainability,
    Satisfaction,
    EconomicCost, SocialCost, EcologicalCost,
    Unknown,
}

/// <summary>One level-3 indicator row: target, actual, and (project tables) weight, score and reason.</summary>
public sealed class IndicatorRow
{
    /// <summary>一级指标 as written (e.g. "产出指标", or the typo "产出标本").</summary>
    public string Level1Label { get; set; } = "";
    public IndicatorLevel1 Level1 { get; set; }
    /// <summary>二级指标 as written (e.g. "数量指标", "成本").</summary>
    public string Level2Label { get; set; } = "";
    public IndicatorLevel2 Level2 { get; set; }
    /// <summary>三级指标 / 指标名称.</summary>
    public string Name { get; set; } = "";
    /// <summary>指标值 / 年度指标值 / 年初指标, verbatim.</summary>
    public string? Target { get; set; }
    /// <summary>调整后指标 (project tables, or a declared goal changed during the year), verbatim.</summary>
    public string? AdjustedTarget { get; set; }
    /// <summary>Why, by whom and when <see cref="AdjustedTarget"/> was set, when known (entered in the system).</summary>
    public TargetAdjustment? Adjustment { get; set; }
    /// <summary>全年实际完成值 / 实际完成值, verbatim.</summary>
    public string? Actual { get; set; }
    /// <summary>未完成原因和改进措施 / 偏差原因分析及改进措施.</summary>
    public string? DeviationReason { get; set; }
    /// <summary>权重 / 分值 (project tables).</summary>
    public Figure? Weight { get; set; }
    /// <summary>得分 (project tables).</summary>
    public Figure? Score { get; set; }
    public SourceRef? At { get; set; }

    /// <summary>The target an actual is judged against: 调整后指标 when given, else 年初指标.</summary>
    public string? EffectiveTarget => string.IsNullOrWhiteSpace(AdjustedTarget) ? Target : AdjustedTarget;
}

/// <summary>
/// A change of a declared target (调整后指标): the reason the unit gave, and who made the change when (stamped by
/// the system that stored it, never taken from an upload). The original target stays in <see cref="IndicatorRow.Target"/>.
/// </summary>
public sealed class TargetAdjustment
{
    /// <summary>调整理由.</summary>
    public string? Reason { get; set; }
    /// <summary>The user who set the adjusted target.</summary>
    public string? By { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime? At { get; set; }
}

/// <summary>A numbered section of a report or of a project appendix's narrative.</summary>
public sealed class ReportSection
{
    /// <summary>The number as written: "一", "（一）", "1", "(1)", "①".</summary>
    public string Number { get; set; } = "";
    /// <summary>Outline depth: 1 for 一、, 2 for （一）, 3 for 1., 4 for (1).</summary>
    public int Level { get; set; }
    public string Heading { get; set; } = "";
    /// <summary>The text under the heading up to the next heading, line breaks of the extraction removed.</summary>
    public string Text { get; set; } = "";
    public SourceRef? At { get; set; }
}

/// <summary>
/// A performance self-evaluation table (绩效自评表). The same shape serves the transfer-payment kind (not
/// scored), the project kind and the department-wide kind (scored).
/// </summary>
public abstract class SelfEvaluationTable : Document
{
    /// <summary>转移支付（项目）名称 / 项目名称.</summary>
    public string? FundName { get; set; }
    /// <summary>中央主管部门.</summary>
    public string? CentralDepartment { get; set; }
    /// <summary>地方财政部门.</summary>
    public string? LocalFinanceDepartment { get; set; }
    /// <summary>地方主管部门 / 主管部门.</summary>
    public string? CompetentDepartment { get; set; }
    /// <summary>资金使用单位 / 实施单位.</summary>
    public string? ImplementingUnit { get; set; }

    /// <summary>The money unit the fund block's header declares (万元 in most transfer tables, 元 in Shanxi's).</summary>
    public MoneyUnit? DeclaredUnit { get; set; }
    /// <summary>Where the unit is declared.</summary>
    public SourceRef? DeclaredUnitAt { get; set; }
    public List<FundRow> Funds { get; set; } = [];
    public List<ManagementItem> Management { get; set; } = [];
    /// <summary>总体目标 / 年度总体目标 / 预期目标.</summary>
    public string? OverallGoal { get; set; }
    /// <summary>全年实际完成情况.</summary>
    public string? OverallActual { get; set; }
    public SourceRef? GoalsAt { get; set; }
    public List<IndicatorRow> Indicators { get; set; } = [];
    /// <summary>说明 (audit and inspection findings, or 无).</summary>
    public string? Remarks { get; set; }
    public SourceRef? RemarksAt { get; set; }
    public List<string> Footnotes { get; set; } = [];

    public FundRow? TotalFund => Funds.FirstOrDefault(f => f.Source == FundSourceKind.Total);
}

/// <summary>中央对地方转移支付绩效自评表 — not scored (rules.md R2.1).</summary>
public sealed class TransferSelfEvaluation : SelfEvaluationTable
{
    public override DocumentKind Kind => DocumentKind.TransferSelfEvaluation;
}

/// <summary>项目支出绩效自评表 — scored by the rule set (财预〔2020〕10号 by default).</summary>
public class ProjectSelfEvaluation : SelfEvaluationTable
{
    public override DocumentKind Kind => DocumentKind.ProjectSelfEvaluation;

    /// <summary>预算执行情况得分 as stated (in the fund block or the narrative).</summary>
    public Figure? StatedExecutionScore { get; set; }
    /// <summary>指标完成情况得分 as stated in the narrative.</summary>
    public Figure? StatedIndicatorScore { get; set; }
    /// <summary>总得分 / 总分 as stated.</summary>
    public Figure? StatedTotalScore { get; set; }
    /// <summary>评价等级 as stated (优/良/中/差).</summary>
    public string? StatedGrade { get; set; }
    public SourceRef? StatedGradeAt { get; set; }
    /// <summary>The appendix narrative (一、项目基本信息 … 六、下一步改进措施), when the table comes with it.</summary>
    public List<ReportSection> Narrative { get; set; } = [];
}

/// <summary>部门（单位）整体支出绩效自评表 — the project shape at department level.</summary>
public sealed class DepartmentSelfEvaluation : ProjectSelfEvaluation
{
    public override DocumentKind Kind => DocumentKind.DepartmentSelfEvaluation;
}

/// <summary>绩效自评报告 — its numbered sections, linked to the tables it reports on.</summary>
public sealed class SelfEvaluationReport : Document
{
    public override DocumentKind Kind => DocumentKind.SelfEvaluationReport;
    public List<ReportSection> Sections { get; set; } = [];
    /// <summary>Text before the first numbered heading (the preamble).</summary>
    public string? Preamble { get; set; }
    /// <summary>Ids of the tables this report covers.</summary>
    public List<string> TableIds { get; set; } = [];
    /// <summary>Signature block: the issuing organisation and date, when present.</summary>
    public string? Signatory { get; set; }
    public DateOnly? Date { get; set; }
}

/// <summary>One entry of a cover letter's annex list.</summary>
public sealed class AnnexEntry
{
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>The id of the document in the bundle this entry names, when found.</summary>
    public string? DocumentId { get; set; }
}

/// <summary>报送函 — the letter that sends a bundle of reports and tables to the finance bureau.</summary>
public sealed class CoverLetter : Document
{
    public override DocumentKind Kind => DocumentKind.CoverLetter;
    /// <summary>The addressee, e.g. "呼和浩特市财政局".</summary>
    public string? Addressee { get; set; }
    /// <summary>The notice it answers, e.g. "呼财绩【2024】7 号".</summary>
    public string? BasisDocument { get; set; }
    public string? Body { get; set; }
    public List<AnnexEntry> Annexes { get; set; } = [];
    public string? ContactPerson { get; set; }
    public string? ContactPhone { get; set; }
    /// <summary>The sending organisation (signature).</summary>
    public string? Sender { get; set; }
    public DateOnly? Date { get; set; }
}
