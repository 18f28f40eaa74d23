using Jixiao.Core.Checks;
using Jixiao.Core.FinalAccounts;
using Jixiao.Core.FinalAccounts.Checks;
using Jixiao.Core.Model;

namespace Jixiao.Core.Tests.FinalAccounts;

public class FinalAccountsChecksTests
{
    private static CoverageStatus Status(CheckContext ctx, string rule) => ctx.Coverage(FinalAccountsChecks.Rules).Single(c => c.Rule == rule).Status;

    private static List<Finding> Problems(CheckContext ctx) => ctx.Findings.Where(f => f.Severity >= Severity.Warning).ToList();

    [Fact]
    public void Rule_ids_are_unique_and_cover_D1_to_D25()
    {
        var ids = FinalAccountsChecks.Rules.Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        for (var i = 1; i <= 25; i++) Assert.Contains($"FA-D{i}", ids);
        Assert.All(FinalAccountsChecks.Rules, r => Assert.Matches("^FA-(D\\d+|CODE-[A-Z-]+|TEXT-[A-Z-]+)$", r.Id));
    }

    [Fact]
    public void Seed_identities_that_hold_pass()
    {
        var ctx = FenyangSeed.Check(FenyangSeed.Read());
        foreach (var id in new[] { "FA-D1", "FA-D2", "FA-D3", "FA-D4", "FA-D5", "FA-D6", "FA-D7", "FA-D8", "FA-D9", "FA-D10", "FA-D11", "FA-D12", "FA-D13", "FA-D14", "FA-D15", "FA-D16", "FA-D17", "FA-D19", "FA-D21", "FA-D22", "FA-D23", "FA-D25",
                     "FA-CODE-UNKNOWN", "FA-CODE-PARENT", "FA-TEXT-SHARE", "FA-TEXT-GROWTH", "FA-TEXT-NONE", "FA-TEXT-PERF-COUNT", "FA-TEXT-RATE", "FA-TEXT-UNIT-TYPE" })
            Assert.True(Status(ctx, id) == CoverageStatus.Passed, $"{id}: {Status(ctx, id)}");
        // 三公 and 政府性基金 have no data: their identities did not run (never reported as passed).
        Assert.Equal(CoverageStatus.NotRun, Status(ctx, "FA-D18"));
        Assert.Equal(CoverageStatus.NotRun, Status(ctx, "FA-D20"));
        // "与上年相同" needs last year's disclosure.
        Assert.Equal(CoverageStatus.NotRun, Status(ctx, "FA-TEXT-YOY"));
    }

    [Fact]
    public void Seed_defects_are_found_with_expected_values_and_nothing_else()
    {
        var ctx = FenyangSeed.Check(FenyangSeed.Read());
        var problems = Problems(ctx);

        // 十(四): 共涉及资金 200,458,179.41 vs 一级 162,697,641.91 + 二级 35,235,274.52 = 197,932,916.43 = 公开03 项目支出.
        var perf = Assert.Single(problems, f => f.Rule == "FA-TEXT-PERF-TOTAL");
        Assert.Equal(Severity.Error, perf.Severity);
        Assert.Equal("200,458,179.41", perf.Stated);
        Assert.Equal("197,932,916.43", perf.Expected);
        Assert.Equal(500, perf.At!.Line);

        // The 三公 reasons copied from 因公出国（境）费 into the three other items.
        var reasons = problems.Where(f => f.Rule == "FA-TEXT-REASON").ToList();
        Assert.Equal([466, 468, 470], reasons.Select(f => f.At!.Line!.Value));
        Assert.All(reasons, f => Assert.Equal("本单位无因公出国（境）支出", f.Stated));

        // 公开03 prints 20801 as 人力资源和社会保险管理事务.
        var name = Assert.Single(problems, f => f.Rule == "FA-D24");
        Assert.Equal("人力资源和社会保障管理事务", name.Expected);
        Assert.Equal("公开03", name.At!.Table);

        // "完成年初预算的0%" with a 年初预算 of 0 (once for the section).
        Assert.Single(problems, f => f.Rule == "FA-TEXT-ZERO-BUDGET");

        // The listed projects against their appendices: 全年预算数 differ for five (the appendix cut the budget to
        // the spending), 执行数 differs for one (840,060 vs 840,058.50).
        var projects = problems.Where(f => f.Rule == "FA-TEXT-PROJECT").Select(f => (f.Stated, f.Expected)).ToList();
        Assert.Equal(
        [
            ("120,000.00", "118,718.00"), ("35,037,960.00", "34,713,220.36"), ("1,100,000.00", "840,058.50"),
            ("840,060.00", "840,058.50"), ("2,000,000.00", "1,500,000.00"), ("294,000.00", "281,200.00"),
        ], projects);

        Assert.Equal(1 + 3 + 1 + 1 + 6, problems.Count);
        Assert.Equal(7, problems.Count(f => f.Severity == Severity.Error));
    }

    [Fact]
    public void Correct_narrative_figures_raise_nothing()
    {
        // 52.52%, 99.90%, 113.30%, 2.19% and the rest of the narrative agree with the tables.
        var ctx = FenyangSeed.Check(FenyangSeed.Read());
        Assert.DoesNotContain(ctx.Findings, f => f.Rule is "FA-D22" or "FA-D23" or "FA-TEXT-SHARE" or "FA-TEXT-GROWTH" or "FA-TEXT-RATE" or "FA-TEXT-NONE");
        Assert.True(ctx.Coverage(FinalAccountsChecks.Rules).Single(c => c.Rule == "FA-D22").Checked >= 60);
    }

    [Fact]
    public void Without_appendices_the_project_cross_check_does_not_run()
    {
        var ctx = FenyangSeed.Check(FenyangSeed.Read(), projects: []);
        Assert.Equal(CoverageStatus.NotRun, Status(ctx, "FA-TEXT-PROJECT"));
        Assert.DoesNotContain(ctx.Findings, f => f.Rule == "FA-TEXT-PROJECT");
    }

    // ---------------------------------------------------------------- broken copies: exactly the right findings

    private static string[] Edit(int lineNo, string from, string to)
    {
        var lines = FenyangSeed.Lines();
        Assert.Contains(from, lines[lineNo - 1]);
        lines[lineNo - 1] = lines[lineNo - 1].Replace(from, to);
        return lines;
    }

    private static List<Finding> NewProblems(string[] lines)
    {
        var baseline = Problems(FenyangSeed.Check(FenyangSeed.Read())).Select(f => (f.Rule, f.Message)).ToHashSet();
        return Problems(FenyangSeed.Check(FenyangSeed.Read(lines))).Where(f => !baseline.Contains((f.Rule, f.Message))).ToList();
    }

    [Fact]
    public void Wrong_class_sum_in_expenditure_table()
    {
        // 公开03 208 基本支出 218534839.76 → 218534839.67
        var found = NewProblems(Edit(148, "218534839.76", "218534839.67"));
        var d7 = Assert.Single(found, f => f.Rule == "FA-D7");
        Assert.Equal("416,467,756.19", d7.Stated);
        Assert.Equal("416,467,756.10", d7.Expected); // 基本 + 项目 as printed
        var d8 = found.Where(f => f.Rule == "FA-D8").OrderBy(f => f.Message).ToList();
        Assert.Equal(2, d8.Count);
        Assert.Contains(d8, f => f.Stated == "218,935,501.76" && f.Expected == "218,935,501.67"); // 合计 vs Σ类
        Assert.Contains(d8, f => f.Stated == "218,534,839.67" && f.Expected == "218,534,839.76"); // 208 vs Σ款
        Assert.Equal(3, found.Count);
        Assert.All(found, f => Assert.Contains(f.At!.Line!.Value, new[] { 147, 148 })); // the 合计 row and the 208 row
    }

    [Fact]
    public void Wrong_income_subtotal_in_summary()
    {
        // 公开01 本年收入合计 416868418.19 → 416868418.29
        var found = NewProblems(Edit(90, "本年收入合计\t27\t416868418.19", "本年收入合计\t27\t416868418.29"));
        var d1 = Assert.Single(found, f => f.Rule == "FA-D1");
        Assert.Equal("416,868,418.29", d1.Stated);
        Assert.Equal("416,868,418.19", d1.Expected);
        Assert.Single(found, f => f.Rule == "FA-D2"); // 总计 = 本年收入合计 + …
        Assert.Single(found, f => f.Rule == "FA-D9"); // = 公开02 合计
        var text = Assert.Single(found, f => f.Rule == "FA-D22"); // 二、"收入合计416,868,418.19元" in the text
        Assert.Equal("416,868,418.29", text.Expected);
        Assert.Equal(4, found.Count);
    }

    [Fact]
    public void Wrong_economic_item_breaks_class_sum_and_narrative()
    {
        // 公开06 30201 办公费 其中：基本支出 41000.00 → 41001.00
        var found = NewProblems(Edit(258, "349296.16\t41000.00", "349296.16\t41001.00"));
        var d17 = Assert.Single(found, f => f.Rule == "FA-D17");
        Assert.Equal("133,518.09", d17.Stated);
        Assert.Equal("133,519.09", d17.Expected);
        var d22 = Assert.Single(found, f => f.Rule == "FA-D22");
        Assert.Equal("41,000.00", d22.Stated);
        Assert.Equal("41,001.00", d22.Expected);
        Assert.Equal(448, d22.At!.Line);
        Assert.Equal(2, found.Count);
    }

    [Theory]
    [InlineData(408, "占比52.52%", "占比52.50%", "FA-TEXT-SHARE", "52.50%", "52.52%")]
    [InlineData(432, "占比99.90%", "占比99.80%", "FA-TEXT-SHARE", "99.80%", "99.90%")]
    [InlineData(386, "收入总计增加8,927,151.34元，增长2.19%", "收入总计增加8,927,151.34元，增长2.91%", "FA-TEXT-GROWTH", "2.91%", "2.19%")]
    [InlineData(438, "完成年初预算的113.30%", "完成年初预算的113.03%", "FA-D23", "113.03%", "113.30%")]
    [InlineData(410, "项目支出197,932,916.43元", "项目支出197,932,961.43元", "FA-D22", "197,932,961.43", "197,932,916.43")]
    [InlineData(490, "政府采购货物支出78,398.00元", "政府采购货物支出87,398.00元", "FA-D22", "87,398.00", "78,398.00")]
    [InlineData(494, "本部门共有车辆0辆", "本部门共有车辆2辆", "FA-D22", "2.00", "0.00")]
    [InlineData(452, "本年度无此项支出", "本年度政府性基金支出5元", "FA-D22", "5.00", "0.00")]
    public void Broken_narrative_statement_gives_one_finding(int line, string from, string to, string rule, string stated, string expected)
    {
        var found = NewProblems(Edit(line, from, to));
        var f = Assert.Single(found);
        Assert.Equal(rule, f.Rule);
        Assert.Equal(stated, f.Stated);
        Assert.Equal(expected, f.Expected);
        Assert.Equal(line, f.At!.Line);
    }

    [Fact]
    public void Performance_counts_that_do_not_add_up()
    {
        var found = NewProblems(Edit(508, "0个项目自评等级为“良”", "2个项目自评等级为“良”"));
        var f = Assert.Single(found);
        Assert.Equal("FA-TEXT-PERF-COUNT", f.Rule);
        Assert.Equal("31", f.Stated);
        Assert.Equal("29", f.Expected);
    }

    [Fact]
    public void Empty_declared_table_with_data_is_an_error_and_three_public_sums_run()
    {
        var d = FenyangSeed.Read();
        var t = d.ThreePublic!;
        t.Actual.Abroad = Figure.Parse("1000.00");
        t.Actual.Reception = Figure.Parse("500.00");
        t.Actual.Total = Figure.Parse("1600.00");
        var ctx = FenyangSeed.Check(d);
        var d25 = Assert.Single(ctx.Findings, f => f.Rule == "FA-D25");
        Assert.Equal(Severity.Error, d25.Severity);
        var d18 = Assert.Single(ctx.Findings, f => f.Rule == "FA-D18");
        Assert.Equal("1,600.00", d18.Stated);
        Assert.Equal("1,500.00", d18.Expected);
        // The narrative says 因公出国（境）费支出0元 while the table now says 1,000.00.
        Assert.Contains(ctx.Findings, f => f.Rule == "FA-D22" && f.Expected == "1,000.00");
    }

    [Fact]
    public void Economic_item_above_three_public_actual_is_found()
    {
        var d = FenyangSeed.Read();
        d.EconomicDetail!.Row("30217")!.Amount = Figure.Parse("800.00");
        var ctx = FenyangSeed.Check(d);
        var f = Assert.Single(ctx.Findings, x => x.Rule == "FA-D19");
        Assert.Equal("800.00", f.Stated);
        Assert.Equal("≤ 0.00", f.Expected);
    }

    [Fact]
    public void Unparsable_figure_makes_the_rule_not_run()
    {
        var d = FenyangSeed.Read();
        d.Summary!.IncomeLine(SummaryLineKind.IncomeSubtotal)!.Amount = Figure.Parse("#VALUE!");
        var ctx = FenyangSeed.Check(d);
        var cov = ctx.Coverage(FinalAccountsChecks.Rules).Single(c => c.Rule == "FA-D1");
        Assert.Equal(CoverageStatus.NotRun, cov.Status);
        Assert.Contains("#VALUE!", cov.Reason);
        Assert.DoesNotContain(ctx.Findings, f => f.Rule == "FA-D1");
    }

    [Fact]
    public void Same_as_last_year_checked_against_previous_disclosure()
    {
        var d = FenyangSeed.Read();
        var previous = FenyangSeed.Read();
        previous.Year = 2021;
        var ok = FenyangSeed.Check(d, previous: previous);
        Assert.Equal(CoverageStatus.Passed, Status(ok, "FA-TEXT-YOY"));
        previous.ThreePublic!.Actual.Reception = Figure.Parse("2000.00");
        previous.ThreePublic.Actual.Total = Figure.Parse("2000.00");
        var broken = FenyangSeed.Check(d, previous: previous);
        var found = broken.Findings.Where(f => f.Rule == "FA-TEXT-YOY").ToList();
        Assert.Equal(2, found.Count); // the total and 公务接待费
        Assert.All(found, f => Assert.Equal("2,000.00", f.Expected));
    }
}
