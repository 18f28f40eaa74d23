using Jixiao.Core.Model;
using Jixiao.Core.Rules;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Tests.Scoring;

public class GradeBandTests
{
    [Theory]
    [InlineData("100", "优")]
    [InlineData("90", "优")]
    [InlineData("89.99", "良")]
    [InlineData("80", "良")]
    [InlineData("79.99", "中")]
    [InlineData("60", "中")]
    [InlineData("59.99", "差")]
    [InlineData("0", "差")]
    public void National_default_bands_have_inclusive_lower_bounds(string score, string grade) =>
        Assert.Equal(grade, RuleSet.Default.GradeFor(decimal.Parse(score)));

    [Theory]
    [InlineData("80", "优")]
    [InlineData("79.99", "良")]
    [InlineData("70", "良")]
    [InlineData("69.99", "中")]
    [InlineData("59.99", "差")]
    public void Another_deployment_grades_eighty_as_excellent(string score, string grade) =>
        Assert.Equal(grade, RuleSet.BuiltIn["vendor-80"].GradeFor(decimal.Parse(score)));

    [Fact]
    public void Rule_sets_are_data_and_round_trip_through_json()
    {
        var json = RuleSet.Default.ToJson();
        var again = RuleSet.FromJson(json);
        Assert.Equal(RuleSet.Default.ExecutionPoints, again.ExecutionPoints);
        Assert.Equal(RuleSet.Default.Grades, again.Grades);
        Assert.Throws<FormatException>(() => RuleSet.FromJson("{ not json"));
        Assert.Equal(20m, RuleSet.BuiltIn["hb-20-40-40"].ExecutionPoints);
    }
}

public class ScorerTests
{
    private static ProjectSelfEvaluation Project(decimal budget, decimal execution, params IndicatorRow[] rows)
    {
        var p = new ProjectSelfEvaluation { Id = "p", Title = "测试项目" };
        p.Funds.Add(new FundRow { Source = FundSourceKind.Total, Label = "合计", Budget = Figure.Of(budget), Execution = Figure.Of(execution) });
        p.Indicators.AddRange(rows);
        return p;
    }

    private static IndicatorRow Row(string name, string target, string actual, decimal weight, decimal? score = null) => new()
    {
        Name = name,
        Level1 = IndicatorLevel1.Output,
        Target = target,
        Actual = actual,
        Weight = Figure.Of(weight),
        Score = score is { } s ? Figure.Of(s) : null,
    };

    [Theory]
    [InlineData(100, 100, 10)]
    [InlineData(100, 120, 10)]
    [InlineData(100, 76.37, 7.64)]
    [InlineData(100, 0, 0)]
    public void Execution_points_are_ten_times_the_rate_capped_at_ten(decimal a, decimal b, decimal points) =>
        Assert.Equal(points, Scorer.Score(Project(a, b), RuleSet.Default).ExecutionPoints);

    [Fact]
    public void Budget_of_zero_gives_no_rate_and_says_why()
    {
        var s = Scorer.Score(Project(0, 0), RuleSet.Default);
        Assert.Null(s.ExecutionRate);
        Assert.Equal(0m, s.ExecutionPoints);
        Assert.NotEmpty(s.Notes);
    }

    [Fact]
    public void Positive_indicator_scores_full_when_met_and_proportionally_when_missed()
    {
        var s = Scorer.Score(Project(100, 100,
            Row("人数", "≥100人", "100人", 20),
            Row("金额", "=10000元", "3600", 10),
            Row("户数", "≥0.2万户", "500户", 10)), RuleSet.Default);
        Assert.Equal([20m, 3.6m, 2.5m], s.Indicators.Select(i => i.Engine));
        Assert.Equal(10m + 26.1m, s.Total);
    }

    [Fact]
    public void Reverse_indicator_loses_points_linearly_to_zero_at_double_the_target()
    {
        var rows = new[] { Row("流失率", "≤20%", "20%", 10), Row("流失率", "≤20%", "30%", 10), Row("流失率", "≤20%", "40%", 10), Row("流失率", "≤20%", "50%", 10) };
        var s = Scorer.Score(Project(100, 100, rows), RuleSet.Default);
        Assert.Equal([10m, 5m, 0m, 0m], s.Indicators.Select(i => i.Engine));
    }

    [Theory]
    [InlineData("达成预期指标", 10, 10)]
    [InlineData("达成预期指标", 8, 8)]
    [InlineData("达成预期指标", 7.99, 8)]
    [InlineData("部分达成预期指标并具有一定效果", 6, 6)]
    [InlineData("部分达成预期指标并具有一定效果", 9, 7.99)]
    [InlineData("未达成预期指标且效果较差", 5.99, 5.99)]
    [InlineData("未达成预期指标且效果较差", 6, 5.99)]
    public void Qualitative_scores_stay_inside_their_band(string actual, decimal stated, decimal engine)
    {
        var s = Scorer.Score(Project(100, 100, Row("满意度", "95%", actual, 10, stated)), RuleSet.Default);
        Assert.Equal(engine, s.Indicators[0].Engine);
    }

    [Fact]
    public void Zero_weight_indicators_score_nothing()
    {
        var row = Row("影响力", "正常开展", "达成预期指标", 0, 0);
        row.Weight = Figure.Blank();
        var s = Scorer.Score(Project(100, 100, row), RuleSet.Default);
        Assert.Equal(ScoreBasis.NoWeight, s.Indicators[0].Basis);
        Assert.Equal(10m, s.Total);
    }
}
