using Jixiao.Core.Indicators;

namespace Jixiao.Core.Tests.Indicators;

public class IndicatorJudgeTests
{
    private static Judgement Judge(string? target, string? actual) => IndicatorJudge.Judge(target, actual);

    // The known defects of the seeds (rules.md R3.4 and the brief).

    [Fact]
    public void Seed000_loss_rate_over_its_ceiling_is_not_met_reverse()
    {
        var j = Judge("≤20%", "36.14%");
        Assert.Equal(Outcome.NotMet, j.Outcome);
        Assert.True(j.Reverse);
        Assert.Equal(1m - ((36.14m - 20m) / 20m), j.CompletionRatio);
        Assert.Null(j.OverCompletion);
    }

    [Fact]
    public void Seed000_trainee_subsidy_is_a_quarter_done()
    {
        var j = Judge("≥0.2万人", "0.05万人");
        Assert.Equal(Outcome.PartlyMet, j.Outcome);
        Assert.Equal(0.25m, j.CompletionRatio);
    }

    [Fact]
    public void Seed000_bare_actual_beside_a_wan_target_is_in_wan()
    {
        var j = Judge("≥6万人", "6.12");
        Assert.Equal(Outcome.Met, j.Outcome);
        Assert.Equal(1.02m, j.OverCompletion);
    }

    [Fact]
    public void Seed004_funeral_headcount_written_in_yuan_is_partly_met()
    {
        var j = Judge("≥2000 元", "1500");
        Assert.Equal(Outcome.PartlyMet, j.Outcome);
        Assert.Equal(0.75m, j.CompletionRatio);
    }

    [Fact]
    public void Seed004_working_fund_equal_target_is_partly_met()
    {
        var j = Judge("=10000元", "3600");
        Assert.Equal(Outcome.PartlyMet, j.Outcome);
        Assert.Equal(0.36m, j.CompletionRatio);
        Assert.Equal(0.36m, j.OverCompletion);
    }

    [Fact]
    public void Seed004_ceiling_reached_exactly_is_met()
    {
        var j = Judge("≤19人", "19");
        Assert.Equal(Outcome.Met, j.Outcome);
        Assert.True(j.Reverse);
        Assert.Equal(1m, j.CompletionRatio);
    }

    [Fact]
    public void Seed002_latex_target_is_read()
    {
        Assert.Equal(Outcome.Met, Judge("$\\geq 90\\%$", "100%").Outcome);
        Assert.Equal(Outcome.Met, Judge("$\\geq 90\\%$", "90%").Outcome);
        Assert.Equal(Outcome.PartlyMet, Judge("$\\geq 90\\%$", "89%").Outcome);
    }

    [Fact]
    public void Over_completion_is_reported_for_positive_targets()
    {
        Assert.Equal(2420m / 1400m, Judge("1400元", "2420.00").OverCompletion);
        Assert.Equal(31300m / 11000m, Judge("≥1.1万人", "3.13万人").OverCompletion);
        Assert.Equal(479m / 340m, Judge("340人", "479人").OverCompletion);
        Assert.Null(Judge("0起", "0").OverCompletion);
    }

    [Fact]
    public void A_subject_before_the_comparator_is_judged_on_its_figure_and_must_match_the_actuals()
    {
        Assert.Equal(Outcome.Met, Judge("小学≥720元/生·年", "720元/生·年").Outcome);
        Assert.Equal(Outcome.Met, Judge("城镇≥95%", "96%").Outcome);
        Assert.Equal(Outcome.PartlyMet, Judge("城镇≥95%", "90%").Outcome);
        var other = Judge("小学≥720元/生·年", "初中≥920元/生·年");
        Assert.Equal(Outcome.NeedsJudgement, other.Outcome);
        Assert.Contains("小学", other.Reason);
    }

    // Boundaries and strict comparators.

    [Theory]
    [InlineData("≥90%", "90%", Outcome.Met)]
    [InlineData("≥90%", "89.99%", Outcome.PartlyMet)]
    [InlineData("≥90%", "0%", Outcome.NotMet)]
    [InlineData(">90%", "90%", Outcome.PartlyMet)]
    [InlineData(">90%", "90.01%", Outcome.Met)]
    [InlineData("=12次", "12", Outcome.Met)]
    [InlineData("=12次", "13", Outcome.Met)]
    [InlineData("=12次", "11", Outcome.PartlyMet)]
    [InlineData("12", "12", Outcome.Met)]
    [InlineData("≤20%", "20%", Outcome.Met)]
    [InlineData("≤20%", "20.01%", Outcome.NotMet)]
    [InlineData("≤20%", "0%", Outcome.Met)]
    [InlineData("<20%", "20%", Outcome.NotMet)]
    [InlineData("<20%", "19.99%", Outcome.Met)]
    [InlineData("0起", "0", Outcome.Met)]
    [InlineData("0起", "1起", Outcome.NotMet)]
    [InlineData("=0", "2", Outcome.NotMet)]
    [InlineData("≥0", "0", Outcome.Met)]
    [InlineData("≥0", "5", Outcome.Met)]
    public void Boundaries(string target, string actual, Outcome expected) => Assert.Equal(expected, Judge(target, actual).Outcome);

    [Fact]
    public void Reverse_ratio_follows_the_default_formula_and_is_clamped()
    {
        Assert.Equal(0.5m, Judge("≤20%", "30%").CompletionRatio);
        Assert.Equal(0m, Judge("≤20%", "40%").CompletionRatio);
        Assert.Equal(0m, Judge("≤20%", "90%").CompletionRatio);
        Assert.Equal(0m, Judge("≤0起", "1起").CompletionRatio);
    }

    [Theory]
    [InlineData("6%左右", "6.5%", Outcome.Met)]
    [InlineData("6%左右", "5.4%", Outcome.Met)]
    [InlineData("6%左右", "6.6%", Outcome.Met)]
    [InlineData("6%左右", "6.61%", Outcome.NeedsJudgement)]
    [InlineData("约100人", "80人", Outcome.NeedsJudgement)]
    public void Approximate_targets_have_a_ten_percent_tolerance(string target, string actual, Outcome expected)
    {
        var j = Judge(target, actual);
        Assert.Equal(expected, j.Outcome);
        if (expected == Outcome.NeedsJudgement)
        {
            Assert.Equal(JudgementIssue.OutsideTolerance, j.Issue);
        }
    }

    [Theory]
    [InlineData("3-12个月", "6个月", Outcome.Met)]
    [InlineData("3-12个月", "12个月", Outcome.Met)]
    [InlineData("4000人—5000人", "2000人", Outcome.PartlyMet)]
    [InlineData("4000人—5000人", "6000人", Outcome.NeedsJudgement)]
    public void Ranges(string target, string actual, Outcome expected) => Assert.Equal(expected, Judge(target, actual).Outcome);

    // Units and scales.

    [Theory]
    [InlineData("≥0.35万人", "0.35万人")]
    [InlineData("≥0.35万人", "3500")]
    [InlineData("≥0.35万人", "3500人")]
    [InlineData("≥0.35万人", "3,500人")]
    [InlineData("≥12万元", "120000元")]
    [InlineData("≥12万元", "0.0012亿元")]
    [InlineData("≥120000元", "12万元")]
    [InlineData("100%", "100")]
    [InlineData("=100 百分比", "100%")]
    [InlineData("23.5万", "23.5万人")]
    [InlineData("≥90%", "90%以上")]
    [InlineData("≥145元/月", "＞145元/月")]
    [InlineData("≥6万人", "6.12")]
    [InlineData("≥0.95万人", "11800")]
    [InlineData("≥0.95万人", "1.18万人")]
    public void Equivalent_amounts_meet_the_target(string target, string actual)
    {
        var j = Judge(target, actual);
        Assert.Equal(Outcome.Met, j.Outcome);
        Assert.Equal(1m, j.CompletionRatio);
    }

    [Fact]
    public void Bare_actual_far_below_a_wan_target_is_read_in_units_not_wan()
    {
        // 11800 as 万 would be 1.18亿 people; as 人 it is 1.24 times the target.
        Assert.Equal(11800m / 9500m, Judge("≥0.95万人", "11800").OverCompletion);
        // 3600 beside 12万: 3600元, not 3600万.
        Assert.Equal(0.03m, Judge("≥12万元", "3600").CompletionRatio);
    }

    [Theory]
    [InlineData("≥2000人", "1500元", "人", "元")]
    [InlineData("≥90%", "95元", "%", "元")]
    [InlineData("≥3.2万人", "3.3万户", "万人", "万户")]
    [InlineData("≥145元/月", "1800元/年", "元/月", "元/年")]
    public void Irreconcilable_units_need_judgement_naming_both(string target, string actual, string targetUnit, string actualUnit)
    {
        var j = Judge(target, actual);
        Assert.Equal(Outcome.NeedsJudgement, j.Outcome);
        Assert.Equal(JudgementIssue.UnitMismatch, j.Issue);
        Assert.Contains($"“{targetUnit}”", j.Reason, StringComparison.Ordinal);
        Assert.Contains($"“{actualUnit}”", j.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Percent_on_one_side_only_is_flagged_for_checks()
    {
        Assert.True(IndicatorChecks.PercentOnOneSideOnly(IndicatorParser.Parse("≥90"), IndicatorParser.Parse("90.00%")));
        Assert.False(IndicatorChecks.PercentOnOneSideOnly(IndicatorParser.Parse("≥90%"), IndicatorParser.Parse("90.00%")));
    }

    // Bounds written as actuals.

    [Theory]
    [InlineData("≥95%", "90%以上", Outcome.NeedsJudgement)]
    [InlineData("≥95%", "≤99%", Outcome.NeedsJudgement)]
    [InlineData(">145元/月", "≥145元/月", Outcome.NeedsJudgement)]
    [InlineData(">145元/月", ">145元/月", Outcome.Met)]
    [InlineData("≤400元/人/天", "≤400元/人/天", Outcome.Met)]
    [InlineData("≤400元/人/天", "≤500元/人/天", Outcome.NeedsJudgement)]
    [InlineData("≤400元/人/天", "500元/人/天以上", Outcome.NotMet)]
    public void Actual_bounds(string target, string actual, Outcome expected)
    {
        var j = Judge(target, actual);
        Assert.Equal(expected, j.Outcome);
        if (expected == Outcome.NeedsJudgement)
        {
            Assert.Equal(JudgementIssue.ActualIsBound, j.Issue);
        }
    }

    // Deadlines.

    [Theory]
    [InlineData("12月底前", "12月底前", Outcome.Met)]
    [InlineData("12月底前", "11月30日", Outcome.Met)]
    [InlineData("9月底前", "10月15日", Outcome.NotMet)]
    [InlineData("<=2022年12月31日", "2022年12月20日", Outcome.Met)]
    [InlineData("<=2022年12月31日", "2023年1月5日", Outcome.NotMet)]
    [InlineData("9月底前", "已完成", Outcome.Met)]
    [InlineData("9月底前", "完成", Outcome.Met)]
    [InlineData("9月底前", "按时完成", Outcome.Met)]
    [InlineData("9月底前", "未完成", Outcome.NotMet)]
    [InlineData("收到指标文30日内发放到位", "收到指标文30日内发放到位", Outcome.Met)]
    [InlineData("收到指标文30日内发放到位", "20日内", Outcome.Met)]
    [InlineData("收到指标文30日内发放到位", "45日内", Outcome.NotMet)]
    [InlineData("收到指标文30日内发放到位", "足额及时发放到位", Outcome.Met)]
    [InlineData("收到指标文30日内发放到位", "不及时", Outcome.NotMet)]
    [InlineData("=1年", "1", Outcome.Met)]
    [InlineData("半年", "半年", Outcome.Met)]
    [InlineData("半年", "1年", Outcome.NotMet)]
    [InlineData("12月底前", "达成预期指标", Outcome.Met)]
    [InlineData("12月底前", "效果显著", Outcome.NeedsJudgement)]
    [InlineData("12月底前", "30日内", Outcome.NeedsJudgement)]
    public void Deadlines(string target, string actual, Outcome expected) => Assert.Equal(expected, Judge(target, actual).Outcome);

    // Qualitative targets.

    [Theory]
    [InlineData("作用显著", "显著", Outcome.Met)]
    [InlineData("作用显著", "作用较显著", Outcome.NotMet)]
    [InlineData("作用较显著", "作用显著", Outcome.Met)]
    [InlineData("有所提高", "明显提高", Outcome.Met)]
    [InlineData("有所提高", "下降", Outcome.NotMet)]
    [InlineData("满意", "基本满意", Outcome.NotMet)]
    [InlineData("基本满意", "满意", Outcome.Met)]
    [InlineData("达成预期指标", "部分达成预期指标并具有一定效果", Outcome.PartlyMet)]
    [InlineData("达成预期指标", "未达成预期指标且效果较差", Outcome.NotMet)]
    [InlineData("有效保障", "达成预期指标", Outcome.Met)]
    [InlineData("有效保障", "部分达成预期指标并具有一定效果", Outcome.PartlyMet)]
    [InlineData("有效保障", "未达成预期指标且效果较差", Outcome.NotMet)]
    [InlineData("有所提高", "效果显著", Outcome.NeedsJudgement)]
    [InlineData("长期", "100%", Outcome.NeedsJudgement)]
    public void Qualitative(string target, string actual, Outcome expected) => Assert.Equal(expected, Judge(target, actual).Outcome);

    [Fact]
    public void Achievement_actual_judges_quantitative_targets_too()
    {
        Assert.Equal(Outcome.Met, Judge("23.5万人", "达成预期指标").Outcome);
        var partly = Judge("12万元", "部分达成预期指标并具有一定效果");
        Assert.Equal(Outcome.PartlyMet, partly.Outcome);
        Assert.Null(partly.CompletionRatio);
    }

    // What the engine cannot decide.

    [Theory]
    [InlineData(null, "100%", JudgementIssue.TargetEmpty)]
    [InlineData("", "100%", JudgementIssue.TargetEmpty)]
    [InlineData("具体调整水平以人社部、财政部备案批准水平为限", "96.32元", JudgementIssue.TargetNotMeasurable)]
    [InlineData("（此处须填写具体的就业率）", "95%", JudgementIssue.TargetPlaceholder)]
    [InlineData("6%左右", "", JudgementIssue.ActualEmpty)]
    [InlineData("6%左右", null, JudgementIssue.ActualEmpty)]
    [InlineData("保持稳定", "（此处须填写具体的就业率）", JudgementIssue.ActualPlaceholder)]
    [InlineData("160元/人/天", "自治区统一组织", JudgementIssue.ActualNotMeasurable)]
    [InlineData("3450元/人/月", "已完成", JudgementIssue.ActualNotMeasurable)]
    [InlineData("≥90%", "12月底前", JudgementIssue.KindMismatch)]
    public void Needs_judgement_with_the_cause(string? target, string? actual, JudgementIssue issue)
    {
        var j = Judge(target, actual);
        Assert.Equal(Outcome.NeedsJudgement, j.Outcome);
        Assert.Equal(issue, j.Issue);
        Assert.False(string.IsNullOrEmpty(j.Reason));
    }

    [Fact]
    public void Empty_actual_reason_says_so() => Assert.Equal("实际完成值为空", Judge("≥90%", "").Reason);
}
