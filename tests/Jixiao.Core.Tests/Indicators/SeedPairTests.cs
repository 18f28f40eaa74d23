using System.Globalization;
using Jixiao.Core.Indicators;

namespace Jixiao.Core.Tests.Indicators;

/// <summary>Every target/actual pair of the seeds' indicator tables, judged as by hand (seed-pairs.tsv).</summary>
public class SeedPairTests
{
    public static TheoryData<string, string, string, string, string, string> Pairs()
    {
        var data = new TheoryData<string, string, string, string, string, string>();
        foreach (var row in SeedData.Rows("seed-pairs.tsv"))
        {
            data.Add(row[0], row[1], row[2], row[3], row[4], SeedData.Column(row, 5));
        }

        return data;
    }

    [Fact]
    public void The_list_covers_the_seeds() => Assert.True(Pairs().Count >= 270);

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Seed_pair_is_judged_as_by_hand(string seed, string indicator, string target, string actual, string outcome, string ratio)
    {
        var judgement = IndicatorJudge.Judge(target, actual);

        Assert.True(outcome == judgement.Outcome.ToString(), $"{seed} {indicator}: {target} / {actual} → {judgement.Outcome}: {judgement.Reason}");
        Assert.False(string.IsNullOrEmpty(judgement.Reason));
        if (ratio.Length > 0)
        {
            Assert.NotNull(judgement.CompletionRatio);
            Assert.Equal(Math.Round(Ratio(ratio), 6), Math.Round(judgement.CompletionRatio.Value, 6));
        }

        if (judgement.Outcome == Outcome.PartlyMet && judgement.CompletionRatio is { } r)
        {
            Assert.InRange(r, 0m, 1m);
        }
    }

    private static decimal Ratio(string text)
    {
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? decimal.Parse(text, CultureInfo.InvariantCulture)
            : decimal.Parse(text[..slash], CultureInfo.InvariantCulture) / decimal.Parse(text[(slash + 1)..], CultureInfo.InvariantCulture);
    }
}
