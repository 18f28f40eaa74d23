using Jixiao.Core.Checks;
using Jixiao.Core.FinalAccounts;
using Jixiao.Core.FinalAccounts.Checks;
using Jixiao.Core.FinalAccounts.Drafting;
using Jixiao.Core.Model;
using Jixiao.Core.Serialization;

namespace Jixiao.Core.Tests.FinalAccounts;

public class ExplanationDrafterTests
{
    private static string All(IEnumerable<ExplanationSection> s) => string.Join("\n", s.SelectMany(x => x.Paragraphs).Select(p => p.Text));

    [Fact]
    public void Drafts_sections_one_to_ten_with_the_tables_figures()
    {
        var d = FenyangSeed.Read();
        var sections = ExplanationDrafter.Draft(d);
        Assert.Equal(["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"], sections.Where(s => s.Level == 1).Select(s => s.Number));
        var text = All(sections);
        Assert.Contains("2022年度收入总计416,868,418.19元、支出总计416,868,418.19元。", text);
        Assert.Contains("基本支出218,935,501.76元，占比52.52%；", text);
        Assert.Contains("社会保障和就业支出（类）416,467,756.19元，占比99.90%；", text);
        Assert.Contains("人员经费218,801,983.67元，主要包括基本工资1,754,977.00元", text);
        Assert.Contains("政府采购货物支出78,398.00元", text);
        Assert.Contains("本部门无机关运行经费。", text);
        Assert.Contains(ExplanationDrafter.LastYearPlaceholder, text); // no invented last-year numbers
        Assert.DoesNotContain("完成年初预算的0", text); // no completion rate on a zero budget
    }

    [Fact]
    public void Drafted_figures_equal_the_tables_by_the_checks_themselves()
    {
        var d = FenyangSeed.Read();
        d.Explanation = ExplanationDrafter.Draft(d);
        var ctx = new CheckContext(d.Id, Rules.RuleSet.Default);
        FinalAccountsChecks.Run(d, [], ctx);
        Assert.DoesNotContain(ctx.Findings, f => f.Severity >= Severity.Warning && f.Rule is "FA-D22" or "FA-D23" or "FA-TEXT-SHARE" or "FA-TEXT-GROWTH" or "FA-TEXT-NONE" or "FA-TEXT-REASON" or "FA-TEXT-ZERO-BUDGET");
        var cov = ctx.Coverage(FinalAccountsChecks.Rules).ToDictionary(c => c.Rule);
        Assert.Equal(CoverageStatus.Passed, cov["FA-D22"].Status);
        Assert.True(cov["FA-D22"].Checked >= 40);
        Assert.Equal(CoverageStatus.Passed, cov["FA-TEXT-SHARE"].Status);
    }

    [Fact]
    public void Year_on_year_sentences_from_last_years_disclosure()
    {
        var d = FenyangSeed.Read();
        var previous = FenyangSeed.Read();
        previous.Year = 2021;
        previous.Summary!.IncomeLine(SummaryLineKind.IncomeTotal)!.Amount = Figure.Parse("407941266.85");
        previous.Summary.ExpenditureLine(SummaryLineKind.ExpenditureTotal)!.Amount = Figure.Parse("407941266.85");
        var text = All(ExplanationDrafter.Draft(d, previous));
        Assert.Contains("与2021年相比，收入总计增加8,927,151.34元，增长2.19%，支出总计增加8,927,151.34元，增长2.19%。", text);
        Assert.Contains("财政拨款收入总计与上年相同", text);
        d.Explanation = ExplanationDrafter.Draft(d, previous);
        var ctx = new CheckContext(d.Id, Rules.RuleSet.Default);
        FinalAccountsChecks.Run(d, [], ctx, previous);
        Assert.DoesNotContain(ctx.Findings, f => f.Rule is "FA-TEXT-GROWTH" or "FA-TEXT-YOY");
        Assert.Equal(CoverageStatus.Passed, ctx.Coverage(FinalAccountsChecks.Rules).Single(c => c.Rule == "FA-TEXT-GROWTH").Status);
    }

    [Fact]
    public void Disclosure_round_trips_through_canonical_json()
    {
        var d = FenyangSeed.Read();
        var json = CanonicalJson.SerializeDocuments([d]);
        Assert.Contains("\"kind\": \"final-accounts\"", json);
        Assert.Contains("416868418.19", json);
        var back = Assert.IsType<FinalAccountsDisclosure>(Assert.Single(CanonicalJson.DeserializeDocuments(json).Documents));
        foreach (var t in d.Tables())
            Assert.Equal(t.AllFigures().Select(f => (f.Text, f.Value)), back.Table(t.TableKind)!.AllFigures().Select(f => (f.Text, f.Value)));
        Assert.Equal(d.Explanation.Count, back.Explanation.Count);
        Assert.Equal("30101", back.EconomicDetail!.Row("30101")!.Code);
        Assert.Equal("01", back.EconomicDetail.Row("30101")!.PrintedCode);
    }
}
