using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Rules;
using Jixiao.Documents.Tests.Text;

namespace Jixiao.Documents.Tests.Checks;

/// <summary>
/// The engine on the real seeds: the defects a careful reviewer finds are reported with the right expected
/// values, and the figures that are right raise nothing.
/// </summary>
public class SeedFindingsTests
{
    private static CheckReport Check(string seed) => Engine.Check(Seeds.Read(seed).Documents, RuleSet.Default);

    private static List<Finding> For(CheckReport r, Document d, string rule) => r.Findings.Where(f => f.DocumentId == d.Id && f.Rule == rule).ToList();

    [Fact]
    public void Seed000_report_typo_is_caught_by_its_own_sum_and_by_the_table()
    {
        var r = Check("000");
        var report = Seeds.Doc<SelfEvaluationReport>("000", "学生资助");
        var sum = Assert.Single(For(r, report, "RPT-SUM"));
        Assert.Equal(("936.21万元", "909.21万元"), (sum.Stated, sum.Expected));
        Assert.Equal(Severity.Error, sum.Severity);
        var table = Assert.Single(For(r, report, "RPT-TABLE"));
        Assert.Equal(("514.48万元", "541.48万元"), (table.Stated, table.Expected));
        // the correct sentence "投入 936.21万元，已执行 900.6825万元…其中" adds up by kind: nothing to report there
        Assert.DoesNotContain(r.Findings, f => f.Stated == "900.6825万元");
    }

    [Fact]
    public void Seed000_yuan_under_a_wan_header_is_an_error_when_the_report_confirms_it()
    {
        var r = Check("000");
        foreach (var title in new[] { "学生资助", "机关事业单位", "城乡居民" })
        {
            var t = Seeds.Doc<TransferSelfEvaluation>("000", title);
            var f = Assert.Single(For(r, t, "SE-FUND-UNIT"));
            Assert.Equal(Severity.Error, f.Severity);
        }
        Assert.Equal("156,734.00（万元）", For(r, Seeds.Doc<TransferSelfEvaluation>("000", "机关事业单位"), "SE-FUND-UNIT")[0].Expected);
        // tables in 万元 with 万元-sized figures are fine
        Assert.Empty(For(r, Seeds.Doc<TransferSelfEvaluation>("000", "三支一扶"), "SE-FUND-UNIT"));
    }

    [Fact]
    public void Seed000_sums_and_rates_that_hold_raise_nothing()
    {
        var r = Check("000");
        Assert.DoesNotContain(r.Findings, f => f.Rule is "SE-FUND-SUM-A" or "SE-FUND-SUM-B" or "SE-FUND-RATE");
        var cov = r.Coverage[Seeds.Doc<TransferSelfEvaluation>("000", "三支一扶").Id];
        Assert.Equal(CoverageStatus.Passed, cov.Single(c => c.Rule == "SE-FUND-SUM-A").Status);
        Assert.Equal(CoverageStatus.Passed, cov.Single(c => c.Rule == "SE-FUND-RATE").Status);
    }

    [Fact]
    public void Seed000_missing_rate_overrun_and_unexplained_miss_are_found()
    {
        var r = Check("000");
        var missing = Assert.Single(For(r, Seeds.Doc<TransferSelfEvaluation>("000", "社区民生"), "SE-FUND-RATE-MISSING"));
        Assert.Equal("77.44%", missing.Expected);
        var over = Assert.Single(For(r, Seeds.Doc<TransferSelfEvaluation>("000", "机关事业单位"), "SE-FUND-OVER100"));
        Assert.Equal("121.19%", over.Stated);
        var loss = Assert.Single(For(r, Seeds.Doc<TransferSelfEvaluation>("000", "高校毕业生到中小企业"), "SE-IND-MISSED-REASON"));
        Assert.Contains("上年度招募人员流失率", loss.Message);
        // the same kind of miss with its reason given is not reported
        Assert.Empty(For(r, Seeds.Doc<TransferSelfEvaluation>("000", "社区民生"), "SE-IND-MISSED-REASON"));
        Assert.Equal(5, r.Findings.Count(f => f.Rule == "SE-REMARKS"));
        Assert.Single(r.Findings, f => f.Rule == "SE-IND-ACTUAL-BLANK" && f.Message.Contains("城镇调查失业率"));
        Assert.Single(r.Findings, f => f.Rule == "SE-IND-TARGET" && f.Stated == "≥0");
        Assert.Single(r.Findings, f => f.Rule == "SE-HEAD-NAME");
        Assert.Equal(3, Seeds.Read("000").Findings.Count(f => f.Rule == "READ-HEADER-DUPLICATE"));
    }

    [Fact]
    public void Seed001_the_sixty_fen_gap_and_the_truncated_rate_are_found()
    {
        var r = Check("001");
        var rural = Seeds.Doc<TransferSelfEvaluation>("001", "城乡居民");
        var sum = Assert.Single(For(r, rural, "SE-FUND-SUM-A"));
        Assert.Equal(("97,774,804.33", "97,774,803.73"), (sum.Stated, sum.Expected));
        Assert.Empty(For(r, rural, "SE-FUND-SUM-B"));
        var rounding = Assert.Single(For(r, rural, "SE-FUND-RATE-ROUNDING"));
        Assert.Equal(("101.06%", "101.07%"), (rounding.Stated, rounding.Expected));
        Assert.DoesNotContain(r.Findings, f => f.Rule == "SE-FUND-RATE");
        Assert.Equal(3, r.Findings.Count(f => f.Rule == "SE-FUND-UNIT"));
        Assert.Equal(5, r.Findings.Count(f => f.Rule == "SE-FUND-RATE-NA" && f.Stated == "#DIV/0!"));
    }

    [Fact]
    public void Seed002_over_completion_without_analysis_is_flagged_and_its_arithmetic_holds()
    {
        var r = Check("002");
        Assert.Equal(["124.57%", "140.88%", "279%"], r.Findings.Where(f => f.Rule == "RPT-OVERCOMPLETION").Select(f => f.Stated));
        Assert.DoesNotContain(r.Findings, f => f.Severity == Severity.Error);
        var cov = r.Coverage.Values.Single();
        Assert.Equal(CoverageStatus.Passed, cov.Single(c => c.Rule == "RPT-SUM").Status);
        Assert.Equal(CoverageStatus.Passed, cov.Single(c => c.Rule == "RPT-SHARE").Status);
        Assert.Equal(CoverageStatus.Passed, cov.Single(c => c.Rule == "RPT-COMPLETION").Status);
    }

    [Fact]
    public void Seed004_scores_that_break_the_rules_are_found()
    {
        var r = Check("004");
        var kb = Seeds.Doc<ProjectSelfEvaluation>("004", "2022年企保工作经费");
        var work = Assert.Single(For(r, kb, "SE-SCORE-INDICATOR"));
        Assert.Equal(("10", "3.60"), (work.Stated, work.Expected));
        var band = Assert.Single(For(r, Seeds.Doc<ProjectSelfEvaluation>("004", "城乡居民养老业务"), "SE-SCORE-QUAL-BAND"));
        Assert.Equal(("9", "[6, 8)"), (band.Stated, band.Expected));
        var funeral = Seeds.Doc<ProjectSelfEvaluation>("004", "丧葬费");
        Assert.Equal(2, For(r, funeral, "SE-SCORE-INDICATOR").Count);
        Assert.Single(For(r, funeral, "SE-IND-UNIT"));
        foreach (var title in new[] { "中央（出口）", "吕梁市" })
        {
            var p = Seeds.Doc<ProjectSelfEvaluation>("004", title);
            Assert.Equal(("100", "90"), (For(r, p, "SE-SCORE-WEIGHTS")[0].Stated, For(r, p, "SE-SCORE-WEIGHTS")[0].Expected));
        }
        var cut = Assert.Single(For(r, Seeds.Doc<ProjectSelfEvaluation>("004", "老工人"), "SE-FUND-BUDGET-CUT"));
        Assert.Equal("76.37%（按年初预算）", cut.Expected);
    }

    [Fact]
    public void Seed004_what_is_right_raises_nothing()
    {
        var r = Check("004");
        // rounded whole-number scores (3 for 2.86, 8 for 7.64) are the rule's scores, not errors
        var agents = Seeds.Doc<ProjectSelfEvaluation>("004", "代办员");
        Assert.Empty(For(r, agents, "SE-SCORE-INDICATOR"));
        Assert.Empty(For(r, Seeds.Doc<ProjectSelfEvaluation>("004", "老工人"), "SE-SCORE-INDICATOR"));
        // rates are stated on the 合计 row only in this layout; grades all match their totals
        Assert.DoesNotContain(r.Findings, f => f.Rule is "SE-FUND-RATE-MISSING" or "SE-GRADE" or "SE-FUND-RATE" or "SE-FUND-BALANCE");
        var unemployment = Seeds.Doc<ProjectSelfEvaluation>("004", "失业保险");
        Assert.DoesNotContain(r.Findings, f => f.DocumentId == unemployment.Id && f.Severity != Severity.Info);
        Assert.Equal(100m, r.Scores[unemployment.Id].Total);
    }

    [Fact]
    public void Every_document_has_a_coverage_record_and_nothing_not_run_is_passed()
    {
        foreach (var seed in new[] { "000", "001", "002", "004" })
        {
            var r = Check(seed);
            foreach (var doc in Seeds.Read(seed).Documents)
            {
                var cov = r.Coverage[doc.Id];
                Assert.NotEmpty(cov);
                Assert.All(cov.Where(c => c.Status == CoverageStatus.Passed), c => Assert.True(c.Checked > 0));
                Assert.All(cov.Where(c => c.Status == CoverageStatus.NotRun), c => Assert.False(string.IsNullOrEmpty(c.Reason)));
            }
        }
    }
}
