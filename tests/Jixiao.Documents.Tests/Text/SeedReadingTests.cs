using Jixiao.Core.Model;
using Jixiao.Core.Money;
using static Jixiao.Documents.Tests.Text.Seeds;

namespace Jixiao.Documents.Tests.Text;

public class Seed000Tests
{
    [Fact]
    public void Finds_the_letter_three_reports_and_nine_tables()
    {
        var docs = Read("000").Documents;
        Assert.Single(docs.OfType<CoverLetter>());
        Assert.Equal(3, docs.OfType<SelfEvaluationReport>().Count());
        Assert.Equal(9, docs.OfType<TransferSelfEvaluation>().Count());
        Assert.Equal(13, docs.Count);
        Assert.All(docs, d => Assert.Equal(2023, d.Year));
    }

    [Fact]
    public void Reads_the_cover_letter()
    {
        var letter = Read("000").Documents.OfType<CoverLetter>().Single();
        Assert.Equal("呼和浩特市财政局", letter.Addressee);
        Assert.Equal("呼财绩〔2024〕7号", letter.BasisDocument);
        Assert.Equal("云波", letter.ContactPerson);
        Assert.Equal("5181205", letter.ContactPhone);
        Assert.Equal("呼和浩特市人力资源和社会保障局", letter.Sender);
        Assert.Equal(new DateOnly(2024, 6, 10), letter.Date);
        Assert.Equal(6, letter.Annexes.Count);
        Assert.Equal("呼和浩特市基本养老保险补助资金2023年度绩效自评报告", letter.Annexes[4].Title);
        Assert.Equal("呼和浩特市基本养老保险补助资金2023年度绩效自评表", letter.Annexes[5].Title);
    }

    [Fact]
    public void Links_each_report_to_the_tables_that_follow_it()
    {
        var docs = Read("000").Documents;
        var reports = docs.OfType<SelfEvaluationReport>().ToList();
        Assert.Equal([1, 5, 3], reports.Select(r => r.TableIds.Count));
        var student = Doc<TransferSelfEvaluation>("000", "学生资助");
        Assert.Equal([student.Id], reports[0].TableIds);
    }

    [Fact]
    public void Reads_the_report_sections()
    {
        var report = Doc<SelfEvaluationReport>("000", "学生资助");
        Assert.Equal("呼和浩特市学生资助资金转移支付2023年度绩效自评报告", report.Title);
        var headings = report.Sections.Where(s => s.Level == 1).Select(s => s.Number + "、" + s.Heading).ToList();
        Assert.Equal(["一、绩效目标分解下达情况", "二、绩效情况分析", "三、偏离绩效目标的原因和下一步改进措施"], headings);
        Assert.Contains("中央资金514.48万元", report.Sections[0].Text);
        Assert.Equal(7, report.Sections.Count(s => s.Level == 3 && s.At!.Line is > 75 and < 110));
    }

    [Fact]
    public void Reads_the_student_aid_table_with_yuan_under_a_wan_header()
    {
        var t = Doc<TransferSelfEvaluation>("000", "学生资助");
        Assert.Equal("附件2", t.AnnexLabel);
        Assert.Equal("中等职业学校2023年学生资助资金", t.FundName);
        Assert.Equal("中华人民共和国人力资源和社会保障部", t.CentralDepartment);
        Assert.Equal("呼和浩特市人力资源和社会保障局", t.CompetentDepartment);
        Assert.Equal("技工院校", t.ImplementingUnit);
        Assert.Equal(MoneyUnit.WanYuan, t.DeclaredUnit);
        Assert.Equal(4, t.Funds.Count);
        var total = Fund(t, FundSourceKind.Total);
        Assert.Equal(9362100m, total.Budget.Value);
        Assert.Equal(9006825m, total.Execution.Value);
        Assert.Equal("96.21%", total.Rate.Text);
        Assert.Equal(5414800m, Fund(t, FundSourceKind.Central).Budget.Value);
        Assert.Equal(1302325m, Fund(t, FundSourceKind.Local).Execution.Value);
        Assert.Equal(2364075m, Fund(t, FundSourceKind.Other).Execution.Value);
        Assert.Equal(7, t.Management.Count);
        Assert.All(t.Management, m => Assert.Equal("无", m.Problems));
        Assert.Equal("落实好资助政策，及时足额拨付项资金，保障学生各项补助。", t.OverallGoal);
        Assert.Equal("达到预期", t.OverallActual);
        Assert.Equal(18, t.Indicators.Count);
        var aid = Indicator(t, "助学金受助人数");
        Assert.Equal("以学籍系统为基准，以异动数据为依据，覆盖所有受助学生", aid.Target);
        Assert.Equal("2141", aid.Actual);
        Assert.StartsWith("未完成原因：预计招生人数比实际招生人数偏多", aid.DeviationReason);
        Assert.Equal("2587", Indicator(t, "免学费、书费受助人数").Actual);
        Assert.Equal(("6000", "6000"), (Indicator(t, "国家奖学金").Target, Indicator(t, "国家奖学金").Actual));
        Assert.Equal(IndicatorLevel2.Ecological, Indicator(t, "对减少办公能耗支出").Level2);
        Assert.Equal("促进教育公平和健康发展，助力乡村振兴", t.Indicators[15].Name);
        Assert.Equal(IndicatorLevel1.Satisfaction, Indicator(t, "家长满意程度").Level1);
        Assert.Equal("无", t.Remarks);
        Assert.Equal(3, t.Footnotes.Count);
    }

    [Fact]
    public void Reads_the_employment_table_where_cells_wrap_over_lines()
    {
        var t = Read("000").Documents.OfType<TransferSelfEvaluation>().Single(d => d.Title == "就业补助资金转移支付绩效自评表");
        Assert.Equal("附件1", t.AnnexLabel);
        Assert.Equal("呼和浩特市财政局", t.LocalFinanceDepartment);
        Assert.Equal(49537.02m, Fund(t, FundSourceKind.Total).Budget.Value);
        Assert.Equal(29490.52m, Fund(t, FundSourceKind.Central).Execution.Value);
        Assert.True(Fund(t, FundSourceKind.Provincial).Budget.IsBlank);
        Assert.Equal("其他资金（包括以前年度结转资金）", Fund(t, FundSourceKind.Other).Label);
        Assert.Equal(28, t.Indicators.Count);
        var first = t.Indicators[0];
        Assert.Equal(("享受职业培训补贴人员数量", "≥3.2万人", "3.33万人"), (first.Name, first.Target, first.Actual));
        Assert.Equal(IndicatorLevel2.Quantity, first.Level2);
        var wrapped = Indicator(t, "符合政策规定的毕业年度高校毕业生享受求职创业补贴比例");
        Assert.Equal(("≥95%", "100.00%"), (wrapped.Target, wrapped.Actual));
        Assert.StartsWith("资金拨付方式是由企业先垫后补形式", Indicator(t, "享受就业见习补贴人数").DeviationReason);
        var social = Indicator(t, "社会保险补贴发放人均标准");
        Assert.Equal("原则上不超过社会保险费实际缴费金额的三分之二", social.Target);
        Assert.Equal("5696元/年", social.Actual);
        Assert.Equal("6%左右", Indicator(t, "城镇调查失业率").Target);
        Assert.Null(Indicator(t, "城镇调查失业率").Actual);
        Assert.Equal(("保持稳定", "（此处须填写具体的就业率）"), (Indicator(t, "年末高校毕业生总体就业率").Target, Indicator(t, "年末高校毕业生总体就业率").Actual));
        Assert.Equal(("0起", "0"), (Indicator(t, "因就业问题发生重大群体性事件数量").Target, Indicator(t, "因就业问题发生重大群体性事件数量").Actual));
        Assert.StartsWith("请在此处简要说明", t.Remarks);
    }

    [Fact]
    public void Reads_the_sub_fund_tables()
    {
        var youth = Doc<TransferSelfEvaluation>("000", "高校毕业生到中小企业");
        Assert.Equal("产出标本", youth.Indicators[0].Level1Label);
        Assert.Equal(IndicatorLevel1.Output, youth.Indicators[0].Level1);
        Assert.Equal(("≤20%", "36.14%"), (Indicator(youth, "上年度招募人员流失率").Target, Indicator(youth, "上年度招募人员流失率").Actual));
        Assert.Equal(13, youth.Indicators.Count);
        var community = Doc<TransferSelfEvaluation>("000", "社区民生");
        Assert.True(Fund(community, FundSourceKind.Total).Rate.IsBlank);
        Assert.Equal(7200.58m, Fund(community, FundSourceKind.Total).Budget.Value);
        Assert.Equal(15, community.Indicators.Count);
        var sanzhi = Doc<TransferSelfEvaluation>("000", "三支一扶");
        Assert.Null(sanzhi.FundName);
        Assert.Equal(19, sanzhi.Indicators.Count);
        var training = Indicator(sanzhi, "“三支一扶”人员岗前培训费用标准");
        Assert.Equal(("160元/人/天", "自治区统一组织"), (training.Target, training.Actual));
        Assert.Equal(18, Doc<TransferSelfEvaluation>("000", "自治区就业补助资金").Indicators.Count);
    }

    [Fact]
    public void Reads_the_pension_tables()
    {
        var enterprise = Doc<TransferSelfEvaluation>("000", "企业职工");
        Assert.All(enterprise.Funds.Where(f => f.Source != FundSourceKind.Other), f => Assert.Equal("100.00%", f.Rate.Text));
        Assert.All(enterprise.Funds, f => Assert.True(f.Budget.IsBlank));
        Assert.Equal(11, enterprise.Indicators.Count);
        var cost = Indicator(enterprise, "按照国家规定调整企业退休人员养老金水平");
        Assert.Equal("具体调整水平以人社部、财政部备案批准水平为限", cost.Target);
        Assert.Equal("符合人社部、财政部备案批准水平", cost.Actual);
        var civil = Doc<TransferSelfEvaluation>("000", "机关事业单位");
        Assert.Equal(1_567_340_000m, Fund(civil, FundSourceKind.Total).Budget.Value);
        Assert.Equal("3,360,000.00", Fund(civil, FundSourceKind.Provincial).Budget.Text);
        Assert.True(Fund(civil, FundSourceKind.Provincial).Execution.IsBlank);
        Assert.Equal("0.00%", Fund(civil, FundSourceKind.Provincial).Rate.Text);
        Assert.Equal(11, civil.Indicators.Count);
        var rural = Doc<TransferSelfEvaluation>("000", "城乡居民");
        Assert.Equal(13, rural.Indicators.Count);
        var timely = Indicator(rural, "及时下达城乡居民基本养老保险中央财政补助资金");
        Assert.Equal(("收到指标文30日内发放到位", "足额及时发放到位"), (timely.Target, timely.Actual));
        Assert.Equal((">145元/月"), Indicator(rural, "城乡居民上半年月养老金发放水平").Actual);
    }
}

public class Seed001Tests
{
    [Fact]
    public void Finds_three_tables_and_the_report_that_covers_them()
    {
        var docs = Read("001").Documents;
        Assert.Equal(3, docs.OfType<TransferSelfEvaluation>().Count());
        var report = Assert.Single(docs.OfType<SelfEvaluationReport>());
        Assert.Equal(3, report.TableIds.Count);
        Assert.Equal("附件 4".Replace(" ", ""), report.AnnexLabel);
        Assert.Equal(new DateOnly(2025, 3, 6), report.Date);
        Assert.Equal("扎兰屯市社会保险事业服务中心", report.Signatory);
        Assert.All(docs, d => Assert.Equal(2024, d.Year));
    }

    [Fact]
    public void Reads_tab_separated_tables_whose_columns_shift()
    {
        var t = Doc<TransferSelfEvaluation>("001", "城乡居民");
        Assert.Equal("扎兰屯市社会保险事业服务中心", t.ImplementingUnit);
        Assert.Equal(97_774_804.33m, Fund(t, FundSourceKind.Total).Budget.Value);
        Assert.Equal(94_737_700.00m, Fund(t, FundSourceKind.Total).Execution.Value);
        Assert.Equal("96.89%", Fund(t, FundSourceKind.Total).Rate.Text);
        Assert.Equal(3_399_655.73m, Fund(t, FundSourceKind.City).Budget.Value);
        Assert.Equal("74.73%", Fund(t, FundSourceKind.County).Rate.Text);
        Assert.Equal(13, t.Indicators.Count);
        var basic = Indicator(t, "城乡居民养老保险待遇领取人员提供基本生活保障程度");
        Assert.Equal(("有所提高", "有所提高", "无"), (basic.Target, basic.Actual, basic.DeviationReason));
        Assert.Equal(IndicatorLevel2.Social, basic.Level2);
        Assert.Equal(("≥150元/月", "177"), (Indicator(t, "城乡居民下半年月养老金发放水平").Target, Indicator(t, "城乡居民下半年月养老金发放水平").Actual));

        var enterprise = Doc<TransferSelfEvaluation>("001", "企业职工");
        Assert.Equal("#DIV/0!", Fund(enterprise, FundSourceKind.Central).Rate.Text);
        Assert.Equal(11, enterprise.Indicators.Count);
        var timing = Indicator(enterprise, "调整退休人员基本养老金发放到位时限");
        Assert.Equal((IndicatorLevel2.Timeliness, "7月31日前", "7月31日前"), (timing.Level2, timing.Target, timing.Actual));
        Assert.Equal(IndicatorLevel2.Sustainability, Indicator(enterprise, "企业职工基本养老保险制度长期可持续").Level2);

        var civil = Doc<TransferSelfEvaluation>("001", "机关事业单位");
        Assert.Equal(12, civil.Indicators.Count);
        Assert.Equal("105.97%", Fund(civil, FundSourceKind.Central).Rate.Text);
        Assert.Equal("147.87元", Indicator(civil, "按照国家规定调整机关事业单位退休人员养老金水平").Actual);
    }
}

public class Seed002Tests
{
    [Fact]
    public void Reads_the_markdown_report()
    {
        var report = Assert.Single(Read("002").Documents.OfType<SelfEvaluationReport>());
        Assert.Equal("内蒙古自治区呼伦贝尔扎兰屯市就业补助资金2024年度绩效自评报告", report.Title);
        Assert.Equal(2024, report.Year);
        var top = report.Sections.Where(s => s.Level == 1).Select(s => s.Number).ToList();
        Assert.Equal(["一", "二", "三", "四", "五"], top);
        Assert.Contains(report.Sections, s => s.Text.Contains("资金发放准确率年度指标值 ≥90%", StringComparison.Ordinal) || s.Text.Contains("资金发放准确率年度指标值≥90%", StringComparison.Ordinal));
    }
}

public class Seed004Tests
{
    [Fact]
    public void Finds_eleven_scored_project_appendices()
    {
        var projects = Read("004").Documents.OfType<ProjectSelfEvaluation>().ToList();
        Assert.Equal(11, projects.Count);
        Assert.All(projects, p => Assert.Equal(2022, p.Year));
        Assert.All(projects, p => Assert.Equal("优", p.StatedGrade));
        Assert.All(projects, p => Assert.Equal(10m, p.StatedExecutionScore?.Value));
        Assert.Equal([99m, 100m, 100m, 99m, 98m, 100m, 98m, 97m, 100m, 100m, 100m], projects.Select(p => p.StatedTotalScore!.Value!.Value));
        Assert.Equal([6, 7, 7, 15, 8, 9, 7, 14, 9, 7, 7], projects.Select(p => p.Indicators.Count));
    }

    [Fact]
    public void Reads_the_shanxi_budget_table_by_its_headers()
    {
        var p = Doc<ProjectSelfEvaluation>("004", "离退休新中国成立前老工人");
        Assert.Equal(MoneyUnit.Yuan, p.DeclaredUnit);
        var total = Fund(p, FundSourceKind.Total);
        Assert.Equal(1_100_000m, total.InitialBudgetDeclared!.Value);
        Assert.Equal(1_100_000m, total.InitialBudget!.Value);
        Assert.Equal(840_058.5m, total.Budget.Value);
        Assert.Equal(840_058.5m, total.Execution.Value);
        Assert.Equal(0m, total.Balance!.Value);
        Assert.Equal("100", total.Rate.Text);
        Assert.Equal(10m, total.Score!.Value);
        Assert.Equal(FundSourceKind.CityCounty, p.Funds[1].Source);
        var cost = Indicator(p, "汾阳市属企业离休人员、新中国成立前老工人、军转干人员困难补助资金");
        Assert.Equal(("110", "=110万元", "84"), (cost.Target, cost.AdjustedTarget, cost.Actual));
        Assert.Equal((10m, 8m), (cost.Weight!.Value, cost.Score!.Value));
        Assert.StartsWith("随着年龄的增长", cost.DeviationReason);
        Assert.Equal(88m, p.StatedIndicatorScore!.Value);
        Assert.Contains(p.Narrative, s => s.Heading == "项目基本信息" && s.Level == 1);
    }

    [Fact]
    public void Reads_rows_whose_cells_shift_left_and_blank_weights()
    {
        var p = Doc<ProjectSelfEvaluation>("004", "2022年企保工作经费");
        var sustain = Indicator(p, "中心工作正常运转影响力");
        Assert.Null(sustain.Weight!.Value);
        Assert.Equal(0m, sustain.Score!.Value);
        Assert.Equal("达成预期指标", sustain.Actual);
        var work = Indicator(p, "工作经费");
        Assert.Equal(("10000", "=10000元", "3600"), (work.Target, work.AdjustedTarget, work.Actual));
        var central = Doc<ProjectSelfEvaluation>("004", "中央（出口）");
        var satisfaction = Indicator(central, "政策知晓率");
        Assert.Equal((IndicatorLevel1.Satisfaction, IndicatorLevel2.Satisfaction), (satisfaction.Level1, satisfaction.Level2));
        Assert.Equal("提高60周岁到龄人员的生活水平", central.Indicators.Single(i => i.Level2 == IndicatorLevel2.Social).Name);
        var three = Doc<ProjectSelfEvaluation>("004", "补充养老保险");
        Assert.Equal(3, three.Funds.Count);
        Assert.Equal(5_763_720m, Fund(three, FundSourceKind.Central).Budget.Value);
        Assert.Equal(0m, Fund(three, FundSourceKind.Central).InitialBudget!.Value);
    }
}
