using System.Text;
using Jixiao.Core.Checks;
using Jixiao.Core.Rules;
using Jixiao.Documents.Reading;

namespace Jixiao.Documents.Tests.Checks;

/// <summary>"执行率 R%" in a report: B ÷ A with A the budget the spending is measured against, never one of its parts.</summary>
public class ReportRateTests
{
    private static CheckReport Check(string paragraph)
    {
        var text = $"""
            某县2023年度农村公路养护补助资金绩效自评报告
            一、基本情况
            {paragraph}
            二、自评结论
            综合评分98分。
            """;
        var r = DocumentReaders.Read("report.txt", new MemoryStream(Encoding.UTF8.GetBytes(text)));
        return Engine.Check(r.Documents, RuleSet.Default);
    }

    private const string Budget = "2023年度预算安排资金480万元，其中中央资金300万元、省级资金120万元、县级资金60万元。";

    [Fact]
    public void The_rate_is_measured_against_the_whole_budget_not_the_last_part_listed_after_its_whereof()
    {
        var report = Check(Budget + "实际支出432万元，预算执行率为90%。");
        Assert.DoesNotContain(report.Findings, f => f.Rule is "RPT-RATE" or "RPT-SUM");
        Assert.Contains(report.Coverage.Values.SelectMany(c => c), c => c.Rule == "RPT-RATE" && c.Status == CoverageStatus.Passed);
    }

    [Fact]
    public void A_wrong_rate_after_a_whereof_list_is_reported_against_the_whole_budget()
    {
        var report = Check(Budget + "实际支出432万元，预算执行率为80%。");
        var f = Assert.Single(report.Findings, f => f.Rule == "RPT-RATE");
        Assert.Equal(("80%", "90.00%"), (f.Stated, f.Expected));
    }

    [Fact]
    public void A_part_with_its_own_spending_is_measured_against_that_part()
    {
        var ok = Check("其中中央资金300万元，执行270万元，执行率90%。");
        Assert.DoesNotContain(ok.Findings, f => f.Rule == "RPT-RATE");
        var wrong = Check("其中中央资金300万元，执行270万元，执行率95%。");
        Assert.Equal(("95%", "90.00%"), (Assert.Single(wrong.Findings, f => f.Rule == "RPT-RATE").Stated, Assert.Single(wrong.Findings, f => f.Rule == "RPT-RATE").Expected));
    }
}
