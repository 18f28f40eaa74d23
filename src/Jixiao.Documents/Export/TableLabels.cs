namespace Jixiao.Documents.Export;

/// <summary>The labels of the official self-evaluation forms (rules.md R1.18, R1.18a, R2.2), written and recognised.</summary>
public static class TableLabels
{
    public const string TransferName = "转移支付（项目）名称";
    public const string ProjectName = "项目名称";
    public const string CentralDepartment = "中央主管部门";
    public const string LocalFinanceDepartment = "地方财政部门";
    public const string LocalCompetentDepartment = "地方主管部门";
    public const string CompetentDepartment = "主管部门";
    public const string FundUser = "资金使用单位";
    public const string ImplementingUnit = "实施单位";

    public const string FundInput = "资金投入情况";
    public const string ProjectFunds = "预算执行情况";
    public const string FundSource = "资金来源";
    public const string InitialBudget = "年初预算数";
    public const string InitialBudgetDeclared = "目标申报";
    public const string InitialBudgetCompiled = "预算编制";
    public const string Budget = "全年预算数（A）";
    public const string Execution = "全年执行数（B）";
    public const string Balance = "结转结余";
    public const string Rate = "预算执行率（B/A×100%）";
    public const string ProjectRate = "执行率";
    public const string Points = "分值";
    public const string Score = "得分";

    public const string Management = "资金管理情况";
    public const string ManagementDescription = "情况说明";
    public const string ManagementProblems = "存在问题和改进措施";

    /// <summary>The seven fund-management aspects, in the official order (R2.2).</summary>
    public static readonly IReadOnlyList<string> ManagementAspects =
        ["分配科学性", "下达及时性", "拨付合规性", "使用规范性", "执行准确性", "预算绩效管理情况", "支出责任履行情况"];

    public const string Goals = "总体目标完成情况";
    public const string ProjectGoals = "年度总体目标";
    public const string Goal = "总体目标";
    public const string ProjectGoal = "预期目标";
    public const string GoalActual = "全年实际完成情况";
    public const string ProjectGoalActual = "实际完成情况";

    public const string Indicators = "绩效指标";
    public const string Level1 = "一级指标";
    public const string Level2 = "二级指标";
    public const string Level3 = "三级指标";
    public const string Target = "指标值";
    public const string YearTarget = "年度指标值";
    public const string InitialTarget = "年初指标";
    public const string AdjustedTarget = "调整后指标";
    public const string Actual = "全年实际完成值";
    public const string ProjectActual = "实际完成值";
    public const string Weight = "权重";
    public const string Reason = "未完成原因和改进措施";
    public const string ProjectReason = "偏差原因分析及改进措施";

    public const string Remarks = "说明";
    public const string TotalScore = "总分";
    public const string ExecutionScore = "预算执行情况得分";
    public const string IndicatorScore = "指标完成情况得分";
    public const string Grade = "评价等级";

    /// <summary>The standard footnotes of the transfer-payment table (R2.2), verbatim.</summary>
    public static readonly IReadOnlyList<string> TransferFootnotes =
    [
        "注：1.资金使用单位按项目绩效目标填报，主管部门汇总时按区域绩效目标填报。",
        "2.其他资金包括与中央财政资金、地方财政资金共同投入到同一项目的自有资金、社会资金，以及以前年度的结转结余资金等。",
        "3.全年执行数是指按照国库集中支付制度要求所形成的实际支出。",
    ];

    /// <summary>The 2023 template's 说明 placeholder (R2.2).</summary>
    public const string RemarksPlaceholder = "请在此处简要说明中央巡视、各级审计和财会监督中发现的问题及其所涉及的金额。如没有请填无。";
}
