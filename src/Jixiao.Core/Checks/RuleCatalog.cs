namespace Jixiao.Core.Checks;

/// <summary>
/// Every rule of the self-evaluation engine, in one place: stable id, severity, what it checks, and its
/// source (rules.md section). docs/rules.md is generated from this list by a test, so the two never drift.
/// </summary>
public static class RuleCatalog
{
    private const string R2 = "rules.md R2.3（中央对地方转移支付绩效自评表）";
    private const string R1 = "rules.md §1（财预〔2020〕10号）";

    public static readonly RuleInfo FundSumBudget = new("SE-FUND-SUM-A", Severity.Error, "分来源全年预算数之和等于年度资金总额",
        "各资金来源的全年预算数（A）相加应等于年度资金总额（合计）的全年预算数。", R2);
    public static readonly RuleInfo FundSumExecution = new("SE-FUND-SUM-B", Severity.Error, "分来源全年执行数之和等于年度资金总额",
        "各资金来源的全年执行数（B）相加应等于年度资金总额（合计）的全年执行数。", R2);
    public static readonly RuleInfo FundRate = new("SE-FUND-RATE", Severity.Error, "预算执行率 = B/A",
        "填报的预算执行率应等于全年执行数÷全年预算数×100%，按填报的小数位四舍五入。", R2 + "；DESIGN §3");
    public static readonly RuleInfo FundRateRounding = new("SE-FUND-RATE-ROUNDING", Severity.Warning, "执行率应四舍五入而非截尾",
        "执行率与 B/A 截尾后的值相同、与四舍五入后的值不同：应按四舍五入保留两位小数。", "DESIGN §3");
    public static readonly RuleInfo FundRateMissing = new("SE-FUND-RATE-MISSING", Severity.Warning, "缺少预算执行率",
        "全年预算数大于零的行应填写预算执行率。", R2);
    public static readonly RuleInfo FundRateNotApplicable = new("SE-FUND-RATE-NA", Severity.Warning, "全年预算数为零或空时不应有执行率",
        "全年预算数为零或未填时执行率不适用，应留空或填“—”，不应出现 #DIV/0! 或百分比。", "rules.md R1.5a");
    public static readonly RuleInfo FundExecutionMissing = new("SE-FUND-B-MISSING", Severity.Warning, "缺少全年执行数",
        "全年预算数大于零的行应填写全年执行数（未执行填 0）。", R2);
    public static readonly RuleInfo FundOver100 = new("SE-FUND-OVER100", Severity.Warning, "执行率超过100%须说明",
        "执行数大于预算数（执行率超过100%）时，应在资金管理情况、说明或自评报告中说明原因。", R2);
    public static readonly RuleInfo FundUnit = new("SE-FUND-UNIT", Severity.Error, "金额量级与表头单位相符",
        "表头单位为万元时，金额应以万元填报；数值量级相当于以元填报（且自评报告以万元陈述同一金额）时报错，仅量级异常时提示。", R2 + "（单位检查）");
    public static readonly RuleInfo FundBalance = new("SE-FUND-BALANCE", Severity.Error, "结转结余 = 全年预算数 − 全年执行数",
        "项目支出自评表中，资金结（转）余应等于全年预算数减全年执行数。", "rules.md R1.5c");
    public static readonly RuleInfo BudgetCut = new("SE-FUND-BUDGET-CUT", Severity.Warning, "全年预算被调减至等于执行数",
        "全年预算数调减到恰等于全年执行数、执行率显示为100%，而按年初预算计算的执行率明显更低：应说明调整理由，并以年初预算反映真实执行情况。", "rules.md R1.5c")
        ;
    public static readonly RuleInfo MissedWithoutReason = new("SE-IND-MISSED-REASON", Severity.Warning, "未完成指标须说明原因",
        "实际完成值未达到指标值时，“未完成原因和改进措施/偏差原因分析”不能为空或“无”。", "rules.md R3.5、R1.13")
        ;
    public static readonly RuleInfo ActualBlank = new("SE-IND-ACTUAL-BLANK", Severity.Warning, "实际完成值未填",
        "每个三级指标都应填写全年实际完成值，不能为空或保留模板提示文字。", "rules.md R3.4")
        ;
    public static readonly RuleInfo TargetUnmeasurable = new("SE-IND-TARGET", Severity.Warning, "指标值不可衡量",
        "指标值应是可衡量的数值、时限或定性等级；空白、模板提示文字或“≥0”之类恒成立的指标值无法评价。", "rules.md R3.4")
        ;
    public static readonly RuleInfo UnitMismatch = new("SE-IND-UNIT", Severity.Warning, "指标值与完成值单位不一致",
        "指标值与实际完成值的计量单位应一致或可换算（如 万人 与 人）；人数指标以“元”计等属于单位错误。", "rules.md R3.4")
        ;
    public static readonly RuleInfo OverCompletion = new("SE-IND-OVERCOMPLETION", Severity.Warning, "大幅超额完成须说明",
        "正向指标实际完成值达到指标值的规则集阈值（默认120%）以上时，应分析原因（指标值是否设定偏低）。", "rules.md R1.9、R1.14")
        ;
    public static readonly RuleInfo AdjustedWithoutReason = new("SE-IND-ADJUST-REASON", Severity.Warning, "调整指标须说明理由",
        "调整后指标与年初申报的指标值不同（不只是补写单位或“=”）时，应写明调整理由；年初指标值保留，调整后指标、调整人和时间一并记录。", "rules.md R3.4；财预〔2020〕10号 第十二条（绩效目标调整）")
        ;
    public static readonly RuleInfo NoBonus = new("SE-SCORE-NO-BONUS", Severity.Error, "得分不超过权重",
        "不设加分项：每个指标的得分不能超过其权重（分值）。", R1 + " R1.3");
    public static readonly RuleInfo WeightsSum = new("SE-SCORE-WEIGHTS", Severity.Error, "指标权重合计",
        "各三级指标权重之和应等于 100 减预算执行分值（默认 90）。", R1 + " R1.2");
    public static readonly RuleInfo Level1Weights = new("SE-SCORE-LEVEL1", Severity.Info, "一级指标权重与规则集不同",
        "产出、效益、满意度指标的权重原则上为 50、30、10（规则集可调），不同时请确认有特殊情况。", R1 + " R1.2");
    public static readonly RuleInfo IndicatorScore = new("SE-SCORE-INDICATOR", Severity.Error, "定量指标得分与完成比例不符",
        "定量指标未完成时按完成值与指标值的比例计分；填报得分高于按规则计算的得分。", R1 + " R1.6–R1.8");
    public static readonly RuleInfo QualitativeBand = new("SE-SCORE-QUAL-BAND", Severity.Error, "定性指标得分超出等级区间",
        "定性指标按“达成/部分达成/未达成”分别在权重的[80%,100%]、[60%,80%)、[0,60%)区间内计分（规则集可调）。", R1 + " R1.12");
    public static readonly RuleInfo BelowWeightReason = new("SE-SCORE-REASON", Severity.Warning, "扣分须说明偏差原因",
        "指标得分低于权重时必须填写偏差原因分析及改进措施。", R1 + " R1.13");
    public static readonly RuleInfo ExecutionScore = new("SE-SCORE-EXECUTION", Severity.Error, "预算执行得分 = 分值 × 执行率",
        "预算执行率得分 = 分值 × 全年执行数 ÷ 全年预算数，最高不超过分值。", R1 + " R1.5");
    public static readonly RuleInfo TotalScore = new("SE-SCORE-TOTAL", Severity.Error, "总分 = 预算执行得分 + 指标得分",
        "填报的总得分应等于预算执行情况得分加各指标得分之和。", R1 + " R1.1");
    public static readonly RuleInfo EngineScore = new("SE-SCORE-ENGINE", Severity.Info, "按规则计算的总分与填报不同",
        "按规则集重新计算的总分与填报总分相差超过容差，请核对各指标得分。", R1);
    public static readonly RuleInfo Grade = new("SE-GRADE", Severity.Error, "评价等级与总分相符",
        "评价等级应按规则集的等级区间由总分确定（默认 优≥90、良[80,90)、中[60,80)、差<60）。", R1 + " R1.16");
    public static readonly RuleInfo FundName = new("SE-HEAD-NAME", Severity.Warning, "缺少项目（资金）名称",
        "表头应填写转移支付（项目）名称。", "rules.md R2.2");
    public static readonly RuleInfo RemarksPlaceholder = new("SE-REMARKS", Severity.Warning, "“说明”栏仍为模板提示",
        "“说明”栏应填写巡视、审计和财会监督发现的问题及金额，没有则填“无”，不能保留模板提示文字。", "rules.md R2.2")
        ;
    public static readonly RuleInfo ManagementItems = new("SE-MGMT", Severity.Warning, "资金管理情况七项齐全",
        "资金管理情况应逐项填写分配科学性、下达及时性、拨付合规性、使用规范性、执行准确性、预算绩效管理情况、支出责任履行情况。", "rules.md R2.2");
    public static readonly RuleInfo ReportSum = new("RPT-SUM", Severity.Error, "报告中的分项之和",
        "自评报告中“X万元，其中：A万元、B万元…”的分项应加总为 X（或其中某一前缀之和为 X）。", "rules.md R2.3（报告与表一致）");
    public static readonly RuleInfo ReportRate = new("RPT-RATE", Severity.Error, "报告中的执行率",
        "自评报告中陈述的执行率应等于紧邻其前的执行数÷预算数。", "rules.md R2.3");
    public static readonly RuleInfo ReportShare = new("RPT-SHARE", Severity.Error, "报告中的占比",
        "自评报告中“A万元，占…的Y%”应等于 A 除以该句的总额。", "rules.md D22（同理）");
    public static readonly RuleInfo ReportCompletion = new("RPT-COMPLETION", Severity.Error, "报告中的完成比例",
        "自评报告中“目标值 A…实际完成 B…完成目标的 X%”应有 X = B ÷ A。", "rules.md R3.4（同理）");
    public static readonly RuleInfo ReportOverCompletion = new("RPT-OVERCOMPLETION", Severity.Warning, "报告中大幅超额完成未分析原因",
        "报告称完成目标的比例达到规则集阈值（默认120%）以上，却未说明原因（指标值是否设定偏低）。", "rules.md R1.9");
    public static readonly RuleInfo ReportIndicator = new("RPT-INDICATOR", Severity.Warning, "报告中的指标值与自评表不一致",
        "自评报告逐字提到自评表中的某个指标并写出其“目标值”或“实际完成值”时，应与表中该指标的指标值、实际完成值一致。", "rules.md R2.3（报告与表一致）");
    public static readonly RuleInfo ReportTable = new("RPT-TABLE", Severity.Warning, "报告金额与自评表不一致",
        "自评报告按资金来源陈述的金额应与所附自评表中同一来源的全年预算数或执行数一致。", "rules.md R2.3");
    public static readonly RuleInfo LetterAnnexes = new("LETTER-ANNEX", Severity.Info, "报送函附件与文件内容对应",
        "报送函附件清单所列的报告和表，应能在报送材料中找到。", "DESIGN §1");

    public static IReadOnlyList<RuleInfo> SelfEvaluation { get; } =
    [
        FundName, FundSumBudget, FundSumExecution, FundRate, FundRateRounding, FundRateMissing, FundRateNotApplicable,
        FundExecutionMissing, FundOver100, FundUnit, FundBalance, BudgetCut, ManagementItems, RemarksPlaceholder,
        ActualBlank, TargetUnmeasurable, UnitMismatch, MissedWithoutReason, OverCompletion, AdjustedWithoutReason,
    ];

    public static IReadOnlyList<RuleInfo> Scoring { get; } =
    [
        WeightsSum, Level1Weights, NoBonus, IndicatorScore, QualitativeBand, BelowWeightReason, ExecutionScore, TotalScore, EngineScore, Grade,
    ];

    public static IReadOnlyList<RuleInfo> Report { get; } = [ReportSum, ReportRate, ReportShare, ReportCompletion, ReportOverCompletion, ReportTable, ReportIndicator];

    public static IReadOnlyList<RuleInfo> Letter { get; } = [LetterAnnexes];

    /// <summary>Rules of other modules (final accounts) register here so the catalogue and docs list them too.</summary>
    public static List<RuleInfo> Extra { get; } = [];

    public static IEnumerable<RuleInfo> All => SelfEvaluation.Concat(Scoring).Concat(Report).Concat(Letter).Concat(Extra);
}
