using Jixiao.Core.Model;

namespace Jixiao.Documents.Text;

/// <summary>
/// The labels of the self-evaluation tables, with the variants and typos seen in published documents
/// (rules.md R3.1–R3.2): level-1 and level-2 indicator labels, header labels, fund-management aspects.
/// Everything is matched on compact text (no white space).
/// </summary>
public static class Vocabulary
{
    private static readonly (string Label, IndicatorLevel1 Level)[] Level1Labels =
    [
        ("产出指标", IndicatorLevel1.Output), ("产出标本", IndicatorLevel1.Output), ("产出", IndicatorLevel1.Output),
        ("效益指标", IndicatorLevel1.Effect), ("效果指标", IndicatorLevel1.Effect), ("效益", IndicatorLevel1.Effect),
        ("满意度指标", IndicatorLevel1.Satisfaction), ("满意指标", IndicatorLevel1.Satisfaction), ("满意度", IndicatorLevel1.Satisfaction),
    ];

    private static readonly (string Label, IndicatorLevel2 Level)[] Level2Labels =
    [
        ("数量指标", IndicatorLevel2.Quantity), ("质量指标", IndicatorLevel2.Quality),
        ("时效指标", IndicatorLevel2.Timeliness), ("进度指标", IndicatorLevel2.Timeliness),
        ("成本指标", IndicatorLevel2.Cost), ("成本", IndicatorLevel2.Cost),
        ("经济效益指标", IndicatorLevel2.Economic), ("社会效益指标", IndicatorLevel2.Social),
        ("生态效益指标", IndicatorLevel2.Ecological), ("环境效益指标", IndicatorLevel2.Ecological),
        ("可持续影响指标", IndicatorLevel2.Sustainability),
        ("服务对象满意度指标", IndicatorLevel2.Satisfaction), ("满意度指标", IndicatorLevel2.Satisfaction),
        ("经济成本指标", IndicatorLevel2.EconomicCost), ("社会成本指标", IndicatorLevel2.SocialCost),
        ("生态环境成本指标", IndicatorLevel2.EcologicalCost),
        ("数量", IndicatorLevel2.Quantity), ("质量", IndicatorLevel2.Quality), ("时效", IndicatorLevel2.Timeliness),
        ("经济效益", IndicatorLevel2.Economic), ("社会效益", IndicatorLevel2.Social), ("生态效益", IndicatorLevel2.Ecological),
        ("可持续影响", IndicatorLevel2.Sustainability), ("服务对象满意度", IndicatorLevel2.Satisfaction),
    ];

    /// <summary>The level-1 indicator a compact cell names, or null.</summary>
    public static IndicatorLevel1? Level1(string compact)
    {
        foreach (var (label, level) in Level1Labels)
            if (compact == label) return level;
        return null;
    }

    /// <summary>The level-2 indicator a compact cell names, or null.</summary>
    public static IndicatorLevel2? Level2(string compact)
    {
        foreach (var (label, level) in Level2Labels)
            if (compact == label) return level;
        return null;
    }

    /// <summary>The level-1 indicator a level-2 belongs to in the classic tree.</summary>
    public static IndicatorLevel1 ParentOf(IndicatorLevel2 level) => level switch
    {
        IndicatorLevel2.Quantity or IndicatorLevel2.Quality or IndicatorLevel2.Timeliness or IndicatorLevel2.Cost => IndicatorLevel1.Output,
        IndicatorLevel2.Economic or IndicatorLevel2.Social or IndicatorLevel2.Ecological or IndicatorLevel2.Sustainability => IndicatorLevel1.Effect,
        IndicatorLevel2.Satisfaction => IndicatorLevel1.Satisfaction,
        IndicatorLevel2.EconomicCost or IndicatorLevel2.SocialCost or IndicatorLevel2.EcologicalCost => IndicatorLevel1.Cost,
        _ => IndicatorLevel1.Unknown,
    };

    public static string CanonicalLabel(IndicatorLevel1 level) => level switch
    {
        IndicatorLevel1.Output => "产出指标",
        IndicatorLevel1.Effect => "效益指标",
        IndicatorLevel1.Satisfaction => "满意度指标",
        IndicatorLevel1.Cost => "成本指标",
        _ => "",
    };

    public static string CanonicalLabel(IndicatorLevel2 level) => level switch
    {
        IndicatorLevel2.Quantity => "数量指标",
        IndicatorLevel2.Quality => "质量指标",
        IndicatorLevel2.Timeliness => "时效指标",
        IndicatorLevel2.Cost => "成本指标",
        IndicatorLevel2.Economic => "经济效益指标",
        IndicatorLevel2.Social => "社会效益指标",
        IndicatorLevel2.Ecological => "生态效益指标",
        IndicatorLevel2.Sustainability => "可持续影响指标",
        IndicatorLevel2.Satisfaction => "服务对象满意度指标",
        IndicatorLevel2.EconomicCost => "经济成本指标",
        IndicatorLevel2.SocialCost => "社会成本指标",
        IndicatorLevel2.EcologicalCost => "生态环境成本指标",
        _ => "",
    };

    /// <summary>Every label whose pieces PDF extraction may scatter over several lines (vertical or wrapped cells).</summary>
    public static readonly string[] JoinableLabels =
    [
        "产出指标", "产出标本", "效益指标", "满意度指标", "数量指标", "质量指标", "时效指标", "成本指标",
        "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标",
        "绩效指标", "一级指标", "二级指标", "三级指标", "总体目标完成情况", "总体目标", "资金投入情况",
        "预算绩效管理情况", "支出责任履行情况", "转移支付（项目）名称", "全年实际完成值", "全年预算数（A）",
    ];

    /// <summary>Column headers of the indicator block.</summary>
    public static bool IsIndicatorHeader(string compact) =>
        compact is "绩效指标" or "一级指标" or "二级指标" or "三级指标" or "指标名称" or "指标值" or "年度指标" or "年度指标值"
            or "年度目标指标值" or "全年实际完成值" or "实际完成值" or "未完成原因和改进措施" or "偏差原因分析及改进措施"
            or "年初指标" or "调整后指标" or "权重" or "得分" or "分值" or "一级" or "指标" or "全年实际完" or "成值"
            or "指标性质" or "度量单位" or "计量单位" or "指标方向"
            or "偏差原因分析及改进措施" or "未完成原因及改进措施" or "年度目标值" or "实际完成情况";

    /// <summary>The seven 资金管理情况 aspects (rules.md R2.2).</summary>
    public static readonly string[] ManagementAspects =
    [
        "分配科学性", "下达及时性", "拨付合规性", "使用规范性", "执行准确性", "预算绩效管理情况", "支出责任履行情况",
    ];

    /// <summary>Header labels of the table's top block, longest first so that "地方主管部门" wins over "主管部门".</summary>
    public static readonly string[] HeaderLabels =
    [
        "转移支付（项目）名称", "转移支付名称", "项目名称", "中央主管部门", "地方财政部门", "地方主管部门", "资金使用单位",
        "实施单位", "主管部门",
    ];

    /// <summary>Labels that open the fund block in the templates of the provinces: 资金投入情况（万元）, 项目资金（元）,
    /// 预算执行情况, 资金情况（元）, 资金来源情况, 资金构成.</summary>
    private static readonly string[] FundBlockLabels = ["资金投入情况", "项目资金", "预算执行情况", "资金情况", "资金来源", "资金构成"];

    public static bool IsFundBlockStart(string compact) =>
        Array.Exists(FundBlockLabels, l => compact.StartsWith(l, StringComparison.Ordinal));

    /// <summary>
    /// A header row of the fund block whatever its label says: one column of the year's budget (全年预算数, 预算数(A))
    /// and one of spending (全年执行数, 执行数(B), 实际执行) — a rate column (执行率) is neither. Found where a template's block label is missing or worded otherwise.
    /// </summary>
    public static bool IsFundHeaderRow(IEnumerable<string> compactCells)
    {
        bool budget = false, execution = false;
        foreach (var c in compactCells)
        {
            if (c.Contains("执行率", StringComparison.Ordinal)) continue;
            if (c.Contains("全年预算", StringComparison.Ordinal) || c.Contains("调整后预算", StringComparison.Ordinal) || c.Contains("预算数（A）", StringComparison.Ordinal)) budget = true;
            else if (c.Contains("执行", StringComparison.Ordinal)) execution = true;
        }
        return budget && execution;
    }
}
