using System.Globalization;
using Jixiao.Core.Indicators;

namespace Jixiao.Core.Tests.Indicators;

/// <summary>Every target and actual string of the seeds' indicator tables, read as verified by hand (seed-values.tsv).</summary>
public class SeedValueTests
{
    public static TheoryData<string, string, string, string, string, string> Values()
    {
        var data = new TheoryData<string, string, string, string, string, string>();
        foreach (var row in SeedData.Rows("seed-values.tsv"))
        {
            data.Add(row[0], row[1], SeedData.Column(row, 2), SeedData.Column(row, 3), SeedData.Column(row, 4), SeedData.Column(row, 5));
        }

        return data;
    }

    [Fact]
    public void The_list_covers_the_seeds() => Assert.True(Values().Count >= 260);

    [Theory]
    [MemberData(nameof(Values))]
    public void Seed_string_is_read_as_verified(string raw, string kind, string comparator, string normalized, string unit, string detail)
    {
        var value = IndicatorParser.Parse(raw);

        Assert.Equal(kind, value.Kind.ToString());
        Assert.Equal(raw, value.Raw);
        Assert.False(string.IsNullOrEmpty(value.Reason));
        switch (value)
        {
            case QuantityValue q:
                Assert.Equal(comparator, q.Comparator.ToString());
                Assert.Equal(decimal.Parse(normalized, CultureInfo.InvariantCulture), q.Normalized);
                Assert.Equal(unit, q.Unit);
                Assert.Equal(detail.StartsWith("scale:", StringComparison.Ordinal) ? decimal.Parse(detail[6..], CultureInfo.InvariantCulture) : 1m, q.Scale);
                Assert.Equal(detail == "approximate", q.Approximate);
                Assert.Equal(detail == "increase" ? QuantityChange.Increase : QuantityChange.None, q.Change);
                Assert.Equal(detail == "trivial", IndicatorChecks.IsTrivialTarget(q));
                break;
            case QualitativeValue v:
                Assert.Equal(detail, $"{v.Scale}:{v.Level}");
                Assert.False(string.IsNullOrEmpty(v.Canonical));
                break;
            case DeadlineValue d:
                Assert.Equal(detail, Describe(d));
                break;
            case FreeTextValue f:
                Assert.Equal(detail == "placeholder", f.IsPlaceholder);
                break;
        }
    }

    private static string Describe(DeadlineValue d) => d.IsPeriod
        ? $"period:{d.WithinDays}{(d.Anchor is null ? "" : ":" + d.Anchor)}"
        : $"date:{(d.Year is { } y ? $"{y}-" : "")}{d.Month}-{d.Day}";
}
