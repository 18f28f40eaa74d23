using Jixiao.Core.Checks;
using Jixiao.Core.Indicators;
using Jixiao.Core.Model;
using Jixiao.Core.Rules;
using Jixiao.Core.Workflow;

namespace Jixiao.Core.Tests.Workflow;

public class GoalCarryOverTests
{
    private static ProjectSelfEvaluation Goals() => new()
    {
        Title = "职业技能培训项目绩效目标申报表",
        FundName = "职业技能培训",
        Year = 2025,
        OverallGoal = "完成培训 500 人次",
        Funds = [new FundRow { Label = "年度资金总额", Source = FundSourceKind.Total, Budget = Figure.Of(120000m) }],
        Indicators =
        [
            new IndicatorRow { Level1Label = "产出指标", Level1 = IndicatorLevel1.Output, Level2Label = "数量指标", Level2 = IndicatorLevel2.Quantity, Name = "培训人次", Target = "≥500人次", Weight = Figure.Of(50m) },
            new IndicatorRow { Level1Label = "满意度指标", Level1 = IndicatorLevel1.Satisfaction, Level2Label = "服务对象满意度指标", Level2 = IndicatorLevel2.Satisfaction, Name = "学员满意度", Target = "≥90%", Weight = Figure.Of(10m) },
        ],
    };

    [Theory]
    [InlineData("23.5万", "23.5万人", false)]
    [InlineData("12", "=12次", false)]
    [InlineData("100", "=100%", false)]
    [InlineData("12万", "12万元", false)]
    [InlineData("≥95%", "≥90%", true)]
    [InlineData("≥3.2万人", "≥30000人", true)]
    [InlineData("≥3.2万人", "≥32000人", false)]
    [InlineData("≥90%", "≤90%", true)]
    [InlineData("90", "≥90人", false)]
    [InlineData("1", "=1年", false)]
    [InlineData("1", "=2年", true)]
    [InlineData("985", "≥985万元", false)]
    [InlineData("985", "≥958万元", true)]
    [InlineData("≥90", "≤90", true)]
    [InlineData("≥3.2万人", "≥3.2万元", true)]
    [InlineData("及时到位", "及时到位", false)]
    [InlineData("较好", "好", true)]
    [InlineData("≥90%", null, false)]
    [InlineData("≥90%", " ", false)]
    public void A_target_is_changed_only_when_the_adjusted_value_says_something_else(string original, string? adjusted, bool changed) =>
        Assert.Equal(changed, TargetChange.IsChanged(original, adjusted));

    [Fact]
    public void The_year_end_table_carries_targets_goal_text_and_budget_and_leaves_the_results_blank()
    {
        var t = (ProjectSelfEvaluation)GoalCarryOver.YearEnd(Goals());
        Assert.Equal("职业技能培训项目绩效自评表", t.Title);
        Assert.Equal("完成培训 500 人次", t.OverallGoal);
        Assert.Equal(120000m, t.TotalFund!.Budget.Value);
        Assert.Equal(120000m, t.TotalFund.InitialBudget!.Value);
        Assert.True(t.TotalFund.Execution.IsBlank);
        Assert.Equal(["≥500人次", "≥90%"], t.Indicators.Select(i => i.Target));
        Assert.All(t.Indicators, i => Assert.Null(i.Actual));
        Assert.Equal(50m, t.Indicators[0].Weight!.Value);
        Assert.Empty(GoalCarryOver.Problems(Goals()));
    }

    [Fact]
    public void A_table_with_actuals_or_without_targets_is_not_a_goal_table()
    {
        var withActual = Goals();
        withActual.Indicators[0].Actual = "520人次";
        Assert.Contains(GoalCarryOver.Problems(withActual), p => p.Contains("不是年初的绩效目标表", StringComparison.Ordinal));
        var noTarget = Goals();
        noTarget.Indicators[1].Target = " ";
        Assert.Equal(["“职业技能培训项目绩效目标申报表”指标“学员满意度”没有年初指标值。"], GoalCarryOver.Problems(noTarget));
    }

    [Fact]
    public void Overwriting_a_declared_target_makes_it_the_adjusted_one_and_the_stamp_is_the_servers()
    {
        var goals = Goals();
        var v1 = GoalCarryOver.YearEnd(goals);
        var v2 = GoalCarryOver.YearEnd(goals);
        v2.Indicators[0].Target = "≥450人次";
        v2.Indicators[1].Adjustment = new TargetAdjustment { By = "伪造", At = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
        GoalCarryOver.KeepDeclaredTargets(goals, v2);
        var at = new DateTime(2025, 7, 1, 8, 0, 0, DateTimeKind.Utc);
        var changes = GoalCarryOver.StampAdjustments(v1, v2, "filler", at);
        Assert.Equal("≥500人次", v2.Indicators[0].Target);
        Assert.Equal("≥450人次", v2.Indicators[0].AdjustedTarget);
        Assert.Equal(("filler", at), (v2.Indicators[0].Adjustment!.By, v2.Indicators[0].Adjustment!.At!.Value));
        Assert.Null(v2.Indicators[1].Adjustment);
        Assert.Equal([new GoalCarryOver.Change("培训人次", "≥500人次", "≥450人次", null)], changes);

        // Saved again unchanged by someone else: the first stamp stays, nothing is recorded.
        var v3 = GoalCarryOver.YearEnd(goals);
        v3.Indicators[0].AdjustedTarget = "≥450人次";
        v3.Indicators[0].Adjustment = new TargetAdjustment { By = "other" };
        Assert.Empty(GoalCarryOver.StampAdjustments(v2, v3, "other", at.AddDays(1)));
        Assert.Equal("filler", v3.Indicators[0].Adjustment!.By);
    }

    [Fact]
    public void A_changed_target_without_a_reason_is_flagged_and_a_reason_clears_it()
    {
        var t = GoalCarryOver.YearEnd(Goals());
        t.Indicators[0].AdjustedTarget = "≥450人次";
        t.Indicators[1].AdjustedTarget = "≥90%";
        var findings = Engine.Check([t], RuleSet.Default).Findings.Where(f => f.Rule == RuleCatalog.AdjustedWithoutReason.Id).ToList();
        Assert.Equal("指标“培训人次”的指标值由年初的“≥500人次”调整为“≥450人次”，但没有写明调整理由。", Assert.Single(findings).Message);
        t.Indicators[0].Adjustment = new TargetAdjustment { Reason = "受场地限制，经批准调减" };
        Assert.DoesNotContain(Engine.Check([t], RuleSet.Default).Findings, f => f.Rule == RuleCatalog.AdjustedWithoutReason.Id);
    }
}
