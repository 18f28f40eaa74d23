using System.Text;
using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Rules;
using Jixiao.Documents.Reading;

namespace Jixiao.Documents.Tests.Text;

/// <summary>The national project table layout (rules.md R1.18), not seen in the seeds: 分值/得分 columns, 总分 and 等级 rows.</summary>
public class StandaloneProjectTableTests
{
    private const string Table = """
        某某县2023年度项目支出绩效自评表
        （2023年度）
        项目名称	农村道路养护	主管部门	县交通运输局	实施单位	县公路养护中心
        项目资金（万元）	年初预算数	全年预算数	全年执行数	分值	执行率	得分
        年度资金总额	100.00	90.00	81.00	10	90.00%	9
        其中：当年财政拨款	100.00	90.00	81.00	—	—	—
        年度总体目标	预期目标	实际完成情况
        	完成道路养护100公里	完成养护95公里
        绩效指标	一级指标	二级指标	三级指标	年度指标值	实际完成值	分值	得分	偏差原因分析及改进措施
        	产出指标	数量指标	养护里程	≥100公里	95公里	50	{SCORE}	雨季延误
        	效益指标	社会效益指标	群众出行条件	有效改善	有效改善	30	30
        	满意度指标	服务对象满意度指标	群众满意度	≥90%	93%	10	10
        总分	100	{TOTAL}
        评价等级	{GRADE}
        """;

    private static (ProjectSelfEvaluation Doc, CheckReport Report) Read(string score, string total, string grade)
    {
        var text = Table.Replace("{SCORE}", score).Replace("{TOTAL}", total).Replace("{GRADE}", grade);
        var r = DocumentReaders.Read("project.txt", new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var doc = Assert.Single(r.Documents.OfType<ProjectSelfEvaluation>());
        return (doc, Engine.Check(r.Documents, RuleSet.Default));
    }

    [Fact]
    public void Reads_the_layout_and_finds_nothing_wrong_in_a_correct_table()
    {
        var (doc, report) = Read("47.5", "96.5", "优");
        Assert.Equal(("农村道路养护", "县交通运输局", "县公路养护中心"), (doc.FundName, doc.CompetentDepartment, doc.ImplementingUnit));
        var total = doc.TotalFund!;
        Assert.Equal((100m, 90m, 81m), (total.InitialBudget!.Value!.Value, total.Budget.Value!.Value, total.Execution.Value!.Value));
        Assert.Equal((10m, 9m), (total.Points!.Value!.Value, total.Score!.Value!.Value));
        Assert.Equal(3, doc.Indicators.Count);
        Assert.Equal(96.5m, doc.StatedTotalScore!.Value);
        Assert.Equal("优", doc.StatedGrade);
        Assert.Equal(9m, doc.StatedExecutionScore!.Value);
        Assert.DoesNotContain(report.Findings, f => f.Severity != Severity.Info);
        Assert.Equal(96.5m, report.Scores[doc.Id].Total);
    }

    [Fact]
    public void Full_points_for_a_missed_target_a_wrong_total_and_a_wrong_grade_are_errors()
    {
        var (_, report) = Read("50", "98", "良");
        Assert.Contains(report.Findings, f => f.Rule == "SE-SCORE-INDICATOR" && f.Expected == "47.50");
        Assert.Contains(report.Findings, f => f.Rule == "SE-SCORE-TOTAL" && f.Expected == "99");
        Assert.Contains(report.Findings, f => f.Rule == "SE-GRADE" && f.Expected == "优");
    }
}

/// <summary>A Sichuan-style table (rules.md R1.18b): 指标性质 and 度量单位 in their own columns.</summary>
public class ComparatorAndUnitColumnTests
{
    [Fact]
    public void Comparator_and_unit_columns_join_their_values()
    {
        const string text = """
            某某项目支出绩效自评表
            （2023年度）
            项目名称	某某项目	主管部门	某某局	实施单位	某某中心
            项目资金（万元）	年初预算数	全年预算数	全年执行数	分值	执行率	得分
            年度资金总额	50.00	50.00	50.00	10	100.00%	10
            绩效指标	一级指标	二级指标	三级指标	指标性质	指标值	度量单位	实际完成值	分值	得分	偏差原因分析及改进措施
            	产出指标	数量指标	培训人次	≥	500	人次	480	50	48	部分学员未到
            	效益指标	社会效益指标	就业率	≥	80	%	85	30	30
            	满意度指标	服务对象满意度指标	满意度	≥	90	%	95	10	10
            总分	100	98
            """;
        var r = DocumentReaders.Read("sc.txt", new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var p = Assert.Single(r.Documents.OfType<ProjectSelfEvaluation>());
        Assert.Equal(("≥500人次", "480人次", "部分学员未到"), (p.Indicators[0].Target, p.Indicators[0].Actual, p.Indicators[0].DeviationReason));
        Assert.Equal((50m, 48m), (p.Indicators[0].Weight!.Value!.Value, p.Indicators[0].Score!.Value!.Value));
        Assert.Equal(("≥80%", "85%"), (p.Indicators[1].Target, p.Indicators[1].Actual));
        var report = Engine.Check(r.Documents, RuleSet.Default);
        Assert.DoesNotContain(report.Findings, f => f.Severity == Severity.Error);
        Assert.Equal(98m, report.Scores[p.Id].Total);
    }
}

public class LabelLikeNameTests
{
    [Fact]
    public void An_indicator_named_like_a_label_under_a_merged_cell_is_a_name()
    {
        const string text = """
            某某资金绩效自评表
            （2024年度）
            转移支付（项目）名称	某某资金
            资金投入情况（万元）	全年预算数（A）	全年执行数（B）	预算执行率（B/A×100%）
            年度资金总额	10.00	9.00	90.00%
            绩效指标	一级指标	二级指标	三级指标	指标值	全年实际完成值	未完成原因和改进措施
            	满意度指标	服务对象满意度指标	群众满意度	≥90%	95%	无
            			服务对象满意度	≥85%	92%	无
            """;
        var r = DocumentReaders.Read("label.txt", new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var t = Assert.Single(r.Documents.OfType<TransferSelfEvaluation>());
        Assert.Equal(2, t.Indicators.Count);
        Assert.Equal(("服务对象满意度", "≥85%", "92%"), (t.Indicators[1].Name, t.Indicators[1].Target, t.Indicators[1].Actual));
        Assert.Equal(IndicatorLevel2.Satisfaction, t.Indicators[1].Level2);
    }
}
