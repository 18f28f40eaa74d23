using Jixiao.Core.Checks;

namespace Jixiao.Core.FinalAccounts.Checks;

/// <summary>The FA-* rules: the identities D1–D25 of rules.md §4.3, the code catalogue checks and the narrative checks.</summary>
public static class FinalAccountsRules
{
    private const string R43 = "rules.md §4.3";
    private static RuleInfo E(string id, string title, string description, string source) => new(id, Severity.Error, title, description, source);
    private static RuleInfo W(string id, string title, string description, string source) => new(id, Severity.Warning, title, description, source);

    public static readonly RuleInfo D1 = E("FA-D1", "收入支出决算总表：本年收入合计等于各项收入之和", "公开01 本年收入合计 = 一般公共预算财政拨款收入 + 政府性基金 + 国有资本经营 + 上级补助 + 事业 + 经营 + 附属单位上缴 + 其他收入。", R43 + " D1");
    public static readonly RuleInfo D2 = E("FA-D2", "收入支出决算总表：收入总计", "公开01 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余。", R43 + " D2");
    public static readonly RuleInfo D3 = E("FA-D3", "收入支出决算总表：支出总计", "公开01 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余。", R43 + " D3");
    public static readonly RuleInfo D4 = E("FA-D4", "收入支出决算总表：收支平衡", "公开01 收入总计 = 支出总计。", R43 + " D4");
    public static readonly RuleInfo D5 = E("FA-D5", "收入支出决算总表：本年支出合计等于各类支出之和", "公开01 本年支出合计 = 各功能分类类级支出之和。", R43 + " D5");
    public static readonly RuleInfo D6 = E("FA-D6", "收入决算表：本年收入合计等于各栏之和", "公开02 每行：本年收入合计 = 财政拨款 + 上级补助 + 事业 + 经营 + 附属单位上缴 + 其他收入。", R43 + " D6");
    public static readonly RuleInfo D7 = E("FA-D7", "支出决算表：本年支出合计等于各栏之和", "公开03 每行：本年支出合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助支出。", R43 + " D7");
    public static readonly RuleInfo D8 = E("FA-D8", "功能分类层级：合计 = Σ类，类 = Σ款，款 = Σ项", "公开02/03/05/08/09 各栏：合计等于各类之和，类等于其下各款之和，款等于其下各项之和。", R43 + " D8");
    public static readonly RuleInfo D9 = E("FA-D9", "公开01 收入与公开02 一致", "公开01 本年收入合计及各项收入 = 公开02 合计行的对应栏（一、二、三项财政拨款之和 = 财政拨款收入）。", R43 + " D9");
    public static readonly RuleInfo D10 = E("FA-D10", "公开01 支出与公开03 一致", "公开01 本年支出合计 = 公开03 合计；公开01 每一类 = 公开03 同类的本年支出合计。", R43 + " D10");
    public static readonly RuleInfo D11 = E("FA-D11", "财政拨款收入支出决算总表内部平衡", "公开04：本年收入合计 = 三项财政拨款之和；收入总计 = 本年收入合计 + 年初结转和结余；支出各行合计 = 三栏之和；本年支出合计 = Σ类；总计 = 本年支出合计 + 年末结转和结余；收入总计 = 支出总计。", R43 + " D11");
    public static readonly RuleInfo D12 = E("FA-D12", "公开04 收入与公开01、公开02 一致", "公开04 三项财政拨款收入 = 公开01 一、二、三项；公开04 本年收入合计 = 公开02 财政拨款收入合计。", R43 + " D12");
    public static readonly RuleInfo D13 = E("FA-D13", "公开04 支出与公开05、08、09 一致", "公开04 一般公共预算财政拨款栏（各类及本年支出合计）= 公开05；政府性基金栏 = 公开08 本年支出；国有资本经营栏 = 公开09。", R43 + " D13");
    public static readonly RuleInfo D14 = E("FA-D14", "一般公共预算财政拨款支出决算表：小计 = 基本 + 项目", "公开05 每行：本年支出小计 = 基本支出 + 项目支出。", R43 + " D14");
    public static readonly RuleInfo D15 = E("FA-D15", "基本支出 = 人员经费 + 公用经费", "公开05 基本支出合计 = 公开06 人员经费合计 + 公用经费合计（基本支出栏）。", R43 + " D15");
    public static readonly RuleInfo D16 = E("FA-D16", "明细表金额合计 = 一般公共预算财政拨款支出", "公开06 金额栏：人员经费合计 + 公用经费合计 = 公开05 本年支出小计合计。", R43 + " D16");
    public static readonly RuleInfo D17 = E("FA-D17", "经济分类层级", "公开06 各栏：类 = Σ款；人员经费合计 = 301 + 303；公用经费合计 = 其余各类之和。", R43 + " D17");
    public static readonly RuleInfo D18 = E("FA-D18", "“三公”经费合计", "公开07 预算数、决算数：合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；公务用车购置及运行维护费 = 购置费 + 运行维护费。", R43 + " D18");
    public static readonly RuleInfo D19 = E("FA-D19", "经济分类明细不超过“三公”决算", "公开06 30212 因公出国（境）费用 ≤ 公开07 因公出国（境）费决算；30217 ≤ 公务接待费；30231 ≤ 公务用车运行维护费；30913 + 31013 ≤ 公务用车购置费。", R43 + " D19");
    public static readonly RuleInfo D20 = E("FA-D20", "政府性基金：结转结余平衡", "公开08 每行：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出；本年支出小计 = 基本 + 项目。", R43 + " D20");
    public static readonly RuleInfo D21 = E("FA-D21", "相关信息统计表合计", "公开10：政府采购合计 = 货物 + 工程 + 服务；车辆数合计 = 8 类车辆之和；机关运行经费合计 = 行政单位 + 参公事业单位。", R43 + " D21");
    public static readonly RuleInfo D22 = E("FA-D22", "情况说明中的金额与表一致", "情况说明中的每一个金额、车辆数与其所述的表中数字相等（按文中印刷精度比较）。", R43 + " D22");
    public static readonly RuleInfo D23 = E("FA-D23", "完成年初预算的百分比", "“完成年初预算的X%”= 决算数 / 年初预算数（按文中小数位数四舍五入）。", R43 + " D23");
    public static readonly RuleInfo D24 = W("FA-D24", "科目编码与名称一致", "每个功能分类、经济分类编码的名称与当年《政府收支分类科目》一致（去掉空格、括号后比较；接受已知的旧名称）。目录中未核实的条目只给提示。", R43 + " D24; rules.md §5");
    public static readonly RuleInfo D25 = W("FA-D25", "空表说明", "无数据的表（三公、政府性基金、国有资本经营）应注明“本表无数据”；注明无数据的表不应有金额。", R43 + " D25");

    public static readonly RuleInfo CodeUnknown = W("FA-CODE-UNKNOWN", "科目编码不在目录中", "类、款编码在当年的科目目录中找不到（项级目录不全，不检查）。款级目录多为未核实条目，对应只给提示。", "rules.md §5 R5.3");
    public static readonly RuleInfo CodeParent = W("FA-CODE-PARENT", "科目挂在错误的上级下", "项的前五位应等于其上方的款，款的前三位应等于其上方的类；上级行缺失也报告。", "rules.md §5 R5.1");
    public static readonly RuleInfo CodeConsistent = W("FA-CODE-CONSISTENT", "同一编码在各表中名称不同", "目录中没有的编码，在公开02/03/05/08/09 中的名称应一致。", "rules.md §5");

    public static readonly RuleInfo TextShare = E("FA-TEXT-SHARE", "情况说明中的占比", "“占比X%”按正确的分母重新计算：收入类 → 本年收入合计；支出类 → 本年支出合计；财政拨款支出结构 → 一般公共预算财政拨款支出合计；政府采购 → 政府采购支出总额；“三公” → “三公”经费决算合计。", R43 + " D22");
    public static readonly RuleInfo TextGrowth = E("FA-TEXT-GROWTH", "情况说明中的增减率", "“增加X元，增长Y%”：Y = X ÷（本年数 − X）；给出上年决算公开时，X = 本年数 − 上年数。", R43 + " D22");
    public static readonly RuleInfo TextZeroBudget = W("FA-TEXT-ZERO-BUDGET", "年初预算为 0 时写了完成率", "年初预算为 0 时“完成年初预算的X%”没有意义。", R43 + " D23");
    public static readonly RuleInfo TextNone = E("FA-TEXT-NONE", "“无此项”与表不符", "“本年度无此项支出”“本部门无机关运行经费”“无‘三公’经费支出”等说法与对应表的数字一致。", R43 + " D22, D25");
    public static readonly RuleInfo TextReason = W("FA-TEXT-REASON", "原因说明与事项不符", "“三公”各项的“主要原因是”不应说的是另一项（如公务用车购置费的原因写“本单位无因公出国（境）支出”），多为复制粘贴。", R43 + " D25");
    public static readonly RuleInfo TextYearOnYear = E("FA-TEXT-YOY", "“与上年相同”", "“与上年相同/持平”须与上年决算公开的数字一致；未提供上年决算公开时不能核对。", R43 + " D22");
    public static readonly RuleInfo TextPerformanceTotal = E("FA-TEXT-PERF-TOTAL", "绩效自评涉及资金", "预算绩效情况说明中：自评涉及资金总额 = 一级、二级项目涉及资金之和，且与所称占项目支出总额的比例一致（以公开03 项目支出为准）；其中各预算类别之和 = 总额。", R43 + " D22; rules.md R4.3 十(四)");
    public static readonly RuleInfo TextPerformanceCount = E("FA-TEXT-PERF-COUNT", "绩效自评项目个数", "各等级项目个数之和 = 该级项目个数；各处所述的一级、二级项目个数及合计一致。", "rules.md R4.3 十(四)");
    public static readonly RuleInfo TextProject = E("FA-TEXT-PROJECT", "项目自评结果与附件一致", "情况说明逐项列出的项目得分、全年预算数、执行数与同一文件所附该项目的自评表一致。", "rules.md R4.3 十(四)(2)");
    public static readonly RuleInfo TextRate = E("FA-TEXT-RATE", "情况说明中的执行率", "“全年预算数为A，执行数为B，执行率为R%”：R = B ÷ A（按文中小数位数）。", "rules.md §1; DESIGN §3");
    public static readonly RuleInfo TextUnitType = W("FA-TEXT-UNIT-TYPE", "机关运行经费只属于行政单位和参公单位", "概况称本单位为（非参公）事业单位时，公开10 不应有行政单位机关运行经费。", R43 + " D21; rules.md R4.5");

    public static IReadOnlyList<RuleInfo> All { get; } =
    [
        D1, D2, D3, D4, D5, D6, D7, D8, D9, D10, D11, D12, D13, D14, D15, D16, D17, D18, D19, D20, D21, D22, D23, D24, D25,
        CodeUnknown, CodeParent, CodeConsistent,
        TextShare, TextGrowth, TextZeroBudget, TextNone, TextReason, TextYearOnYear, TextPerformanceTotal, TextPerformanceCount, TextProject, TextRate, TextUnitType,
    ];
}
