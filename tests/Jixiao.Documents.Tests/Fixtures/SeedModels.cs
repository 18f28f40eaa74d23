using Jixiao.Core.Model;
using Jixiao.Core.Money;

namespace Jixiao.Documents.Tests.Fixtures;

/// <summary>Models built by hand from the seed documents' values (000 就业补助资金, 001 企业职工养老, 004 城乡居民养老业务工作经费).</summary>
public static class SeedModels
{
    private static FundRow Fund(string label, string? a, string? b, string? rate) => new()
    {
        Label = label,
        Source = FundSources.Classify(label),
        Budget = Figure.Parse(a),
        Execution = Figure.Parse(b),
        Rate = Figure.Parse(rate),
    };

    private static IndicatorRow Ind(string l1, string l2, string name, string? target, string? actual, string? reason = null) => new()
    {
        Level1Label = l1,
        Level1 = Jixiao.Documents.Xlsx.IndicatorLevels.Level1(l1),
        Level2Label = l2,
        Level2 = Jixiao.Documents.Xlsx.IndicatorLevels.Level2(l2),
        Name = name,
        Target = target,
        Actual = actual,
        DeviationReason = reason,
    };

    private static List<ManagementItem> Management(params (string Aspect, string? Desc, string? Problems)[] items) =>
        items.Select(i => new ManagementItem { Aspect = i.Aspect, Description = i.Desc, Problems = i.Problems }).ToList();

    /// <summary>000: 就业补助资金转移支付绩效自评表（2023年度）.</summary>
    public static TransferSelfEvaluation Employment000() => new()
    {
        Id = "000_66f46ff16e0133a5.txt#4",
        Title = "就业补助资金转移支付绩效自评表",
        Year = 2023,
        AnnexLabel = "附件1",
        FundName = "就业补助资金",
        CentralDepartment = "人力资源社会保障部",
        LocalFinanceDepartment = "呼和浩特市财政局",
        CompetentDepartment = "呼和浩特市人力资源和社会保障局",
        Unit = "呼和浩特市人力资源和社会保障局",
        DeclaredUnit = MoneyUnit.WanYuan,
        Funds =
        [
            Fund("年度资金总额", "49537.02", "29490.52", "59.53%"),
            Fund("其中：中央财政资金", "49537.02", "29490.52", "59.53%"),
            Fund("自治区财政资金", null, null, null),
            Fund("盟市财政资金", null, null, null),
            Fund("旗县财政资金", null, null, null),
            Fund("其他资金（包括以前年度结转资金）", null, null, null),
        ],
        Management = Management(
            ("分配科学性", "资金分配科学性强", null),
            ("下达及时性", "资金下达及时", null),
            ("拨付合规性", "符合规定", null),
            ("使用规范性", "使用规范", null),
            ("执行准确性", "执行准确", null),
            ("预算绩效管理情况", "管理规范", null),
            ("支出责任履行情况", "足额拨付资金", null)),
        OverallGoal = "目标1：资金按规定用于职业培训补贴、职业技能鉴定补贴、社会保险补贴、公益性岗位补贴、创业补贴、就业见习补贴、求职创业补贴、就业创业服务补助、高技能人才培养补助等支出以及经省级人民政府批准的其他支出项目。\n目标2：确保完成年度城镇新增就业目标任务。\n目标3：确保年末城镇调查失业率保持在目标范围内。",
        OverallActual = "1:全年为33270人办理发放了就业困难人员灵活就业社会保险补贴。2:全年公益性岗位补贴中央资金目标执行率达到95.16%。",
        Indicators =
        [
            Ind("产出指标", "数量指标", "享受职业培训补贴人员数量", "≥3.2万人", "3.33万人"),
            Ind("产出指标", "数量指标", "享受社会保险补贴人员数量", "≥3.2万人", "3.33万人"),
            Ind("产出指标", "数量指标", "享受公益性岗位补贴人员数量", "≥0.35万人", "0.35万人", "因为疫情原因领取失业金，提前退出公益性岗位人员较多"),
            Ind("产出指标", "数量指标", "享受就业见习补贴人数", "≥0.2万人", "0.05万人", "资金拨付方式是由企业先垫后补形式，企业申请资金时提供相应材料后，旗县区（开发区）人社部门将资金支付到位。一般情况是次年拨付上年度资金。"),
            Ind("产出指标", "数量指标", "符合政策规定的毕业年度高校毕业生享受求职创业补贴比例", "≥95%", "100.00%"),
            Ind("产出指标", "数量指标", "国家级高技能人才培训基地建设数量", "≥2个", "2"),
            Ind("产出指标", "数量指标", "国家级大师工作室建设数量", "≥1个", "1"),
            Ind("产出指标", "质量指标", "职业培训补贴发放准确率", "≥98%", "100%"),
            Ind("产出指标", "质量指标", "接受职业培训后取得职业资格证书（或职业技能等级证书、专项职业能力证书、培训合格证书）人员的比例", "≥80%", "90.00%"),
            Ind("产出指标", "质量指标", "社会保险补贴发放准确率", "≥98%", "99%", "向公益性岗位期间注册营业执照人员发放岗位补贴；加强监管定期到市场管理部门核查营业执照注册信息"),
            Ind("产出指标", "质量指标", "公益性岗位补贴发放准确率", "≥98%", "99%", "向公益性岗位期间注册营业执照人员发放岗位补贴；加强监管定期到市场管理部门核查营业执照注册信息"),
            Ind("产出指标", "质量指标", "就业见习补贴发放准确率", "≥98%", "98%"),
            Ind("产出指标", "质量指标", "求职创业补贴发放准确率", "≥98%", "100%"),
            Ind("产出指标", "时效指标", "资金在规定时间内下达率", "≥98%", "100%"),
            Ind("产出指标", "时效指标", "补贴资金在规定时间内支付到位率", "≥98%", "99.00%"),
            Ind("产出指标", "成本指标", "职业培训补贴人均标准", "1400元", "2420.00", "职业培训补贴按照课时和工种类别按照文件规定执行，实际完成值与年初目标值存在一定差异。"),
            Ind("产出指标", "成本指标", "职业技能评价补贴人均标准", "221元", "230.00", "职业技能评价补贴根据工种及鉴定人数据实补贴，实际完成值与年初目标值存在一定差异。"),
            Ind("产出指标", "成本指标", "社会保险补贴发放人均标准", "原则上不超过社会保险费实际缴费金额的三分之二", "5696元/ 年"),
            Ind("产出指标", "成本指标", "公益性岗位补贴人均标准", "援助不高于当地最低工资标准", "1900元/月", "清水河县地方资金匹配不到位，未足额发放岗位补贴。督促清水河县将岗位补贴资金纳入财政预算。"),
            Ind("效益指标", "经济效益指标", "城镇新增就业人数", "≥6万人", "6.12"),
            Ind("效益指标", "经济效益指标", "城镇调查失业率", "6%左右", null),
            Ind("效益指标", "经济效益指标", "年末高校毕业生总体就业率", "保持稳定", "（此处须填写具体的就业率）"),
            Ind("效益指标", "经济效益指标", "失业人员再就业人数", "≥1.1万人", "3.13万人", "由于受2022年疫情影响就业转失业人员较多，2023年积极落实就业创业各项政策，鼓励支持失业人员再就业"),
            Ind("效益指标", "经济效益指标", "就业困难人员就业人数", "≥0.95万人", "1.18万人"),
            Ind("效益指标", "社会效益指标", "零就业家庭帮扶率", "≥98%", "100%"),
            Ind("效益指标", "社会效益指标", "因就业问题发生重大群体性事件数量", "0起", "0"),
            Ind("满意度指标", "服务对象满意度指标", "公共就业服务满意度", "≥85%", "95%"),
            Ind("满意度指标", "服务对象满意度指标", "就业扶持政策经办服务满意度", "≥90%", "98%"),
        ],
        Remarks = "请在此处简要说明中央巡视、各级审计和财会监督中发现的问题及其所涉及的金额。如没有请填无。",
        Footnotes =
        [
            "资金使用单位按项目绩效目标填报，主管部门汇总时按区域绩效目标填报。",
            "其他资金包括与中央财政资金、地方财政资金共同投入到同一项目的自有资金、社会资金，以及以前年度的结转结余资金等。",
            "全年执行数是指按照国库集中支付制度要求所形成的实际支出。",
        ],
    };

    /// <summary>001 (first table): yuan under a 万元 header, #DIV/0! cells.</summary>
    public static TransferSelfEvaluation Pension001() => new()
    {
        Id = "001_9e81b93be66c6a64.txt#1",
        Title = "企业职工基本养老保险补助资金绩效自评表",
        Year = 2024,
        FundName = "企业职工基本养老保险补助资金(基本养老金转移支付)",
        CentralDepartment = "人力资源社会保障部",
        CompetentDepartment = "扎兰屯市人力资源和社会保障局",
        ImplementingUnit = "扎兰屯市社会保险事业服务中心",
        Unit = "扎兰屯市社会保险事业服务中心",
        DeclaredUnit = MoneyUnit.WanYuan,
        Funds =
        [
            Fund("年度资金总额", "62500000.00", "0.00", "0.00%"),
            Fund("其中:中央财政资金", "0.00", "0.00", "#DIV/0!"),
            Fund("自治区财政资金", "0.00", "0.00", "#DIV/0!"),
            Fund("盟市财政资金", "0.00", "0.00", "#DIV/0!"),
            Fund("旗县财政资金", "62500000.00", "0.00", "0.00%"),
            Fund("其他资金(包括以前年度结转资金)", null, null, null),
        ],
        Management = Management(
            ("分配科学性", "按照财政基金分配表执行", "无"),
            ("下达及时性", "按照资金时限要求请示资金", "无"),
            ("拨付合规性", "按规定国库集中支付拨付资金", "无"),
            ("使用规范性", "按照上级下达预算科目和项目执行", "无"),
            ("执行准确性", "按照上级下达预算安排金额执行", "无"),
            ("预算绩效管理情况", "细化下达预算同步下达绩效目标", "无"),
            ("支出责任履行情况", "足额安排资金履行本级支出责任", "无")),
        OverallGoal = "1. 确保企业职工退休人员基本养老金按时足额发放。 2. 确保基金中长期收支平衡, 增强资金可持续性。 3. 确保资金及时准确下达, 分配科学合理, 拨付程序合规, 防止资金挪用, 以及明确事权责任, 进一步提升资金使用效率和服务水平。",
        OverallActual = "2024年度转移支付资金包括中央、自治区、盟市及旗县已全部拨付到位, 共计0元。根据呼财社(2024)480号 呼伦贝尔市2024年企业职工基本养老保险地方财政支出责任不用承担资金, 当期无缺口分担。",
        Indicators =
        [
            Ind("产出指标", "数量指标", "企业职工基本养老保险参保人数", "81128", "83968", "无"),
            Ind("产出指标", "数量指标", "企业职工基本养老金领取人数", "40285", "41790", "无"),
            Ind("产出指标", "数量指标", "企业职工基本养老保险缴费人数", "35691", "35058", "无"),
            Ind("产出指标", "质量指标", "企业离退休人员基本养老金足额发放率", "100%", "100%", "无"),
            Ind("产出指标", "时效指标", "调整退休人员基本养老金发放到位时限", "7月31日前", "7月31日前", "无"),
            Ind("产出指标", "时效指标", "企业离退休人员基本养老金按时发放率", "100%", "100%", "无"),
            Ind("产出指标", "成本指标", "按照国家规定调整企业退休人员养老金水平", "具体调整水平以人社部、财政部备案批准水平为限", "96.32元", "无"),
            Ind("效益指标", "社会效益指标", "企业职工养老保险待遇水平", "有所提高", "有所提高", "无"),
            Ind("效益指标", "社会效益指标", "保障企业退休人员基本生活", "效果显著", "效果显著", "无"),
            Ind("效益指标", "可持续影响指标", "企业职工基本养老保险制度长期可持续", "长期", "长期", "无"),
            Ind("满意度指标", "服务对象满意度指标", "参保人员满意度", "≥90%", "92.00%", "无"),
        ],
        Remarks = "无",
        Footnotes =
        [
            "资金使用单位按项目绩效目标填报, 主管部门汇总时按区域绩效目标填报。",
            "其他资金包括与中央财政资金、地方财政资金共同投入到同一项目的自有资金、社会资金, 以及以前年度的结转结余资金等。",
            "全年执行数是指按照国库集中支付制度要求所形成的实际支出。",
        ],
    };

    /// <summary>004: 2022 年城乡居民养老业务工作经费 (Shanxi project layout, amounts in 元), with its narrative.</summary>
    public static ProjectSelfEvaluation RuralPension004()
    {
        FundRow F(string label, string decl, string init, string a, string b, string bal, string? rate, string? score) => new()
        {
            Label = label,
            Source = FundSources.Classify(label),
            InitialBudgetDeclared = Figure.Parse(decl),
            InitialBudget = Figure.Parse(init),
            Budget = Figure.Parse(a),
            Execution = Figure.Parse(b),
            Balance = Figure.Parse(bal),
            Rate = Figure.Parse(rate),
            Score = score is null ? null : Figure.Parse(score),
        };
        IndicatorRow P(string l1, string l2, string name, string target, string adjusted, string actual, string w, string sc, string? reason = null)
        {
            var i = Ind(l1, l2, name, target, actual, reason);
            i.AdjustedTarget = adjusted;
            i.Weight = Figure.Parse(w);
            i.Score = Figure.Parse(sc);
            return i;
        }
        return new ProjectSelfEvaluation
        {
            Id = "004_a282273b1331087d.txt#12",
            Title = "2022 年城乡居民养老业务工作经费",
            Year = 2022,
            FundName = "2022 年城乡居民养老业务工作经费",
            DeclaredUnit = MoneyUnit.Yuan,
            Funds =
            [
                F("合计", "120,000", "120,000", "118,718", "118,718", "0", "100", "10"),
                F("市县区财政资金", "120,000", "120,000", "118,718", "118,718", "0", null, null),
            ],
            OverallGoal = "保证服务于每个城乡居民，本年计划大力宣传城乡居民养老保险知识，下乡核查死亡人员，补充工作经费的不足。",
            Indicators =
            [
                P("产出指标", "数量指标", "参保服务对象人数", "23.5万", "23.5万人", "达成预期指标", "20", "20"),
                P("产出指标", "质量指标", "完成参保任务率", "90%", "90%", "达成预期指标", "10", "10"),
                P("产出指标", "时效指标", "对服务人员的服务时效", "及时到位", "及时到位", "达成预期指标", "10", "10"),
                P("产出指标", "成本指标", "所需经费金额", "12万", "12万元", "部分达成预期指标并具有一定效果", "10", "9", "按照预算金额,该项目有1282元未支付完成,原因为"),
                P("效益指标", "社会效益指标", "参保人员的积极性", "积极参保", "积极参保", "达成预期指标", "30", "30"),
                P("满意度指标", "服务对象满意度指标", "工作满意度", "95%", "95%", "达成预期指标", "10", "10"),
            ],
            StatedExecutionScore = Figure.Parse("10"),
            StatedIndicatorScore = Figure.Parse("89"),
            StatedTotalScore = Figure.Parse("99"),
            StatedGrade = "优",
            Narrative =
            [
                new ReportSection { Number = "一", Level = 1, Heading = "项目基本信息" },
                new ReportSection { Number = "一", Level = 2, Heading = "项目概况", Text = "项目概况：在乡镇（街道）、行政村设立固定的农保业务办公场所，配备必要的设施和人员，建立与服务人群和业务量挂钩的经费保障机制。原则上按每位服务对象每年补助 3 元的标准，服务人数 235000 人，纳入本级财政预算，通过购买服务的方式解决经办人员不足和必要的经费问题。金额为 705000 元。\n立项依据：汾政发[2011]53 号" },
                new ReportSection { Number = "二", Level = 1, Heading = "项目绩效完成情况" },
                new ReportSection { Number = "三", Level = 1, Heading = "项目自评结果" },
                new ReportSection { Number = "1", Level = 3, Heading = "项目自评得分和结论", Text = "综合考虑预算执行情况得分 10 分，产出、效益、服务对象满意度各方面因素，指标完成情况得分 89 分，最终评分结果：2022 年城乡居民养老业务经费项目绩效自评价结果为：总得分 99 分，属于“优”。" },
                new ReportSection { Number = "3", Level = 3, Heading = "项目实施和预算执行情况分析", Text = "2022 年该项目全年支出 118718 元，预算执行率 98.93%" },
                new ReportSection { Number = "四", Level = 1, Heading = "项目主要经验做法", Text = "一是加强组织领导。二是强化全程管控。" },
                new ReportSection { Number = "五", Level = 1, Heading = "项目管理中存在的主要问题及原因分析", Text = "建立健全绩效目标考评体系,提升绩效管理水平,及时跟踪问效,实现全程可查询、可追溯、可控制。" },
                new ReportSection { Number = "六", Level = 1, Heading = "下一步改进措施及管理建议", Text = "一是对于绩效目标执行正常项目,提出后续保障目标实现的具体措施。" },
            ],
        };
    }

    /// <summary>000's cover letter.</summary>
    public static CoverLetter Letter000() => new()
    {
        Id = "000_66f46ff16e0133a5.txt#0",
        Title = "呼和浩特市人力资源和社会保障局关于报送《2023年度中央对地方转移支付预算执行情况绩效自评报告》的函",
        Year = 2023,
        Addressee = "呼和浩特市财政局",
        BasisDocument = "呼财绩【2024】7 号",
        Body = "按照《关于转发自治区财政厅开展 2023 年度中央对地方转移支付预算执行情况绩效自评工作的通知》(呼财绩【2024】7 号)要求，现将 2023 年学生资助资金、2023 年就业补助资金、2023 年基本养老保险补助资金三个项目的绩效自评报告予以报送。",
        ContactPerson = "云波",
        ContactPhone = "5181205",
        Sender = "呼和浩特市人力资源和社会保障局",
        Date = new DateOnly(2024, 6, 10),
        Annexes =
        [
            new AnnexEntry { Number = "1", Title = "呼和浩特市就业补助资金 2023 年度绩效自评报告" },
            new AnnexEntry { Number = "2", Title = "呼和浩特市就业补助资金 2023 年度绩效自评表" },
        ],
    };
}
