using System.Text;
using Jixiao.Core.Checks;
using Jixiao.Core.Rules;
using Jixiao.Documents.Reading;

namespace Jixiao.Documents.Tests.Checks;

/// <summary>A report that names an indicator word for word must state the table's target and actual.</summary>
public class ReportIndicatorTests
{
    private const string Bundle = """
        某某市就业补助资金2024年度绩效自评报告
        一、绩效目标分解下达情况
        全年下达资金 10.00 万元。
        二、绩效情况分析
        （四）绩效指标完成情况分析
        社会保险补贴人数年度目标指标值为 {TARGET} 人，2024 年实际完成 {ACTUAL} 人。
        三、偏离绩效目标的原因和下一步改进措施
        无。
        某某市就业补助资金绩效自评表
        （2024年度）
        转移支付（项目）名称	就业补助资金
        资金投入情况（万元）	全年预算数（A）	全年执行数（B）	预算执行率（B/A×100%）
        年度资金总额	10.00	9.00	90.00%
        绩效指标	一级指标	二级指标	三级指标	指标值	全年实际完成值	未完成原因和改进措施
        	产出指标	数量指标	社会保险补贴人数	≥0.23万人	2865人	无
        说明	无
        """;

    private static CheckReport Check(string target, string actual)
    {
        var text = Bundle.Replace("{TARGET}", target).Replace("{ACTUAL}", actual);
        var r = DocumentReaders.Read("bundle.txt", new MemoryStream(Encoding.UTF8.GetBytes(text)));
        return Engine.Check(r.Documents, RuleSet.Default);
    }

    [Fact]
    public void Agreeing_figures_in_another_scale_pass()
    {
        var report = Check("2300", "2865");
        Assert.DoesNotContain(report.Findings, f => f.Rule == "RPT-INDICATOR");
        Assert.Contains(report.Coverage.Values.SelectMany(c => c), c => c.Rule == "RPT-INDICATOR" && c.Status == CoverageStatus.Passed && c.Checked == 2);
    }

    [Fact]
    public void A_different_actual_is_reported_with_the_table_value()
    {
        var report = Check("2300", "2856");
        var f = Assert.Single(report.Findings, f => f.Rule == "RPT-INDICATOR");
        Assert.Equal(("2856人", "2865人"), (f.Stated, f.Expected));
    }
}
