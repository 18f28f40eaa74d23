using Jixiao.Core.Model;
using Jixiao.Core.Rules;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Tests.Scoring;

/// <summary>
/// An indicator score's explanation and band are worded only when read. Each kind of sentence, pinned to the wording
/// the scorer used when it built them eagerly (財预〔2020〕10号 rule set, scores to 2 decimals).
/// </summary>
public class ScoreWordingTests
{
    private static IndicatorScore Score(string target, string actual, string weight, string? stated)
    {
        var table = new ProjectSelfEvaluation { Id = "t", Title = "t" };
        table.Indicators.Add(new IndicatorRow { Name = "指标", Target = target, Actual = actual, Weight = Figure.Parse(weight), Score = stated is null ? null : Figure.Parse(stated) });
        return Assert.Single(Scorer.Score(table, RuleSet.Default).Indicators);
    }

    [Theory]
    [InlineData("≥95%", "90%", "10", "7.9", "9.47", null, "完成比例 94.74%，按比例计 9.47 分。")]
    [InlineData("≤5%", "7%", "3.335", "8", "2.00", null, "反向指标未达标，按规则计 2.00 分。")]
    [InlineData("≥95%", "达成预期指标", "10", "7.9", "8.0", "[8, 10]", "定性等级“达成”的得分应在 [8, 10] 内，填报 7.9 分超出区间。")]
    [InlineData("部分达成预期指标并具有一定效果", "部分达成预期指标并具有一定效果", "10", null, "6.0", "[6, 8)", "定性等级“部分达成”，得分区间 [6, 8)。")]
    [InlineData("≥95%", "达成预期指标", "3.335", "8", "3.335", "[2.67, 3.34]", "定性等级“达成”的得分应在 [2.67, 3.34] 内，填报 8 分超出区间。")]
    [InlineData("≥95%", "96%", "10", "9", "10", null, "已完成指标值，得满分。")]
    public void Explanation_and_band_are_worded_from_the_score(string target, string actual, string weight, string? stated, string engine, string? band, string explanation)
    {
        var s = Score(target, actual, weight, stated);
        Assert.Equal(decimal.Parse(engine, System.Globalization.CultureInfo.InvariantCulture), s.Engine);
        Assert.Equal(band, s.Band);
        Assert.Equal(explanation, s.Explanation);
        Assert.Same(s.Explanation, s.Explanation);
    }

    [Fact]
    public void Points_clamped_to_the_weight_keep_the_explanation_of_the_points_computed()
    {
        // 3.3351 × 99.998% = 3.33503 rounds to 3.34, above the weight: the points are clamped to 3.3351 (rules.md R1.3),
        // and the explanation still says what the proportional rule gave.
        var s = Score("≥100000人", "99998人", "3.3351", null);
        Assert.Equal(3.3351m, s.Engine);
        Assert.Equal(ScoreBasis.Proportional, s.Basis);
        Assert.Equal("完成比例 100.00%，按比例计 3.34 分。", s.Explanation);
    }
}
