using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Jixiao.Core.Indicators;
using Jixiao.Core.Model;
using Jixiao.Core.Rules;
using Jixiao.Core.Scoring;
using Jixiao.Core.Serialization;

namespace Jixiao.Core.Tests.Scoring;

/// <summary>A generated project table: any figures, any indicator texts, any stated scores (negative and over the weight too).</summary>
public sealed record ProjectCase(ProjectSelfEvaluation Table, bool WellFormedWeights)
{
    public override string ToString() =>
        $"A={Table.TotalFund?.Budget.Text} B={Table.TotalFund?.Execution.Text}; " +
        string.Join("; ", Table.Indicators.Select(i => $"[{i.Target} | {i.Actual} | w={i.Weight?.Text} s={i.Score?.Text}]"));
}

public static class ScoringArbitraries
{
    private static readonly string[] Texts =
    [
        "≥95%", "100%", "98.5%", "≥1000人", "1200人", "800人", "≤3天", "2天", "5天", "≤5%", "3%", "8%", "好", "较好", "一般", "差",
        "显著提升", "有所提升", "达成预期指标", "部分达成预期指标并具有一定效果", "未达成预期指标且效果较差", "按时完成", "2023年12月31日前",
        "2024年3月", "0", "0%", "", "—", "#DIV/0!", "1,567,340", "约500万元", "≥90分", "92分", "不适用", "完成", "未完成", "提高", "降低",
    ];

    private static Gen<Figure?> Money() =>
        Gen.OneOf(
            Gen.Constant<Figure?>(null),
            Gen.Choose(0, 10_000_000).Select(n => (Figure?)Figure.Of(n / 100m)),
            Gen.Elements<Figure?>(Figure.Parse("0"), Figure.Parse("—"), Figure.Parse("#DIV/0!"), Figure.Parse("-100.00")));

    private static Gen<Figure?> Points(int max) =>
        Gen.OneOf(
            Gen.Constant<Figure?>(null),
            Gen.Choose(-500, max * 100).Select(n => (Figure?)Figure.Of(n / 100m)),
            Gen.Elements<Figure?>(Figure.Parse(""), Figure.Parse("—"), Figure.Parse("满分")));

    private static Gen<IndicatorRow> Row(Gen<Figure?> weight) =>
        from target in Gen.Elements(Texts)
        from adjusted in Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements(Texts).Select(t => (string?)t))
        from actual in Gen.Elements(Texts)
        from w in weight
        from s in Points(40)
        select new IndicatorRow { Name = "指标", Target = target, AdjustedTarget = adjusted, Actual = actual, Weight = w, Score = s };

    public static Arbitrary<ProjectCase> Projects()
    {
        var anyWeights =
            from a in Money()
            from b in Money()
            from rows in Gen.ListOf(Row(Points(40)))
            select new ProjectCase(Table(a, b, rows), false);
        // Weights that add up to at most 80: within the indicator points of every built-in rule set (90, or 80 with 20 for execution).
        var wellFormed =
            from a in Money()
            from b in Money()
            from n in Gen.Choose(1, 12)
            from parts in Gen.ArrayOf(Gen.Choose(0, 20), n)
            from rows in Gen.ArrayOf(Row(Gen.Constant<Figure?>(null)), n)
            select new ProjectCase(Table(a, b, Weighted(rows, parts)), true);
        return Gen.OneOf(anyWeights, wellFormed).ToArbitrary();
    }

    private static IEnumerable<IndicatorRow> Weighted(IndicatorRow[] rows, int[] parts)
    {
        var sum = Math.Max(1, parts.Sum());
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i].Weight = Figure.Of(Math.Floor(80m * parts[i] / sum * 100m) / 100m);
            yield return rows[i];
        }
    }

    private static ProjectSelfEvaluation Table(Figure? a, Figure? b, IEnumerable<IndicatorRow> rows)
    {
        var t = new ProjectSelfEvaluation { Id = "p", Title = "生成的项目", Year = 2023 };
        t.Funds.Add(new FundRow { Label = "年度资金总额", Source = FundSourceKind.Total, Budget = a ?? Figure.Blank(), Execution = b ?? Figure.Blank() });
        t.Indicators.AddRange(rows);
        return t;
    }

    public static Arbitrary<decimal> Amounts() =>
        Gen.Choose(0, int.MaxValue).Select(n => n / 100m).ToArbitrary();
}

/// <summary>Scoring bounds and parse/print round trips, as properties over generated inputs.</summary>
[Properties(Arbitrary = [typeof(ScoringArbitraries)], MaxTest = 500)]
public class ScoringPropertyTests
{
    private static readonly RuleSet[] Sets = [.. RuleSet.BuiltIn.Values];

    [Property]
    public void Each_indicator_scores_between_zero_and_its_weight(ProjectCase c)
    {
        foreach (var rules in Sets)
        {
            var result = Scorer.Score(c.Table, rules);
            foreach (var s in result.Indicators)
            {
                Assert.True(s.Engine >= 0m, $"{rules.Name}：{s.Row.Target}/{s.Row.Actual} 得 {s.Engine} < 0");
                Assert.True(s.Engine <= Math.Max(0m, s.Weight), $"{rules.Name}：{s.Row.Target}/{s.Row.Actual} 得 {s.Engine} > 权重 {s.Weight}");
            }
            Assert.InRange(result.ExecutionPoints, 0m, rules.ExecutionPoints);
            Assert.True(result.Total >= 0m);
            Assert.Equal(result.ExecutionPoints + result.Indicators.Sum(i => i.Engine), result.Total);
        }
    }

    [Property]
    public void Total_is_at_most_100_when_the_weights_are_well_formed(ProjectCase c)
    {
        if (!c.WellFormedWeights) return;
        var weights = c.Table.Indicators.Sum(i => i.Weight?.Value ?? 0m);
        foreach (var rules in Sets.Where(r => weights <= r.IndicatorPoints))
        {
            var result = Scorer.Score(c.Table, rules);
            Assert.True(result.Total <= 100m, $"{rules.Name}：总分 {result.Total}");
            Assert.False(string.IsNullOrEmpty(result.Grade));
        }
    }

    [Property]
    public void Canonical_json_round_trips_a_generated_table(ProjectCase c)
    {
        var once = CanonicalJson.Serialize<Document>(c.Table);
        var back = CanonicalJson.Deserialize<Document>(once);
        Assert.IsType<ProjectSelfEvaluation>(back);
        Assert.Equal(once, CanonicalJson.Serialize<Document>(back!));
    }

    [Property]
    public void Money_prints_and_parses_back(decimal amount)
    {
        var text = NumberText.Format(amount);
        var figure = Figure.Parse(text);
        Assert.Equal(text, figure.Text);
        Assert.Equal(Math.Round(amount, 2), figure.Value);
    }

    [Property]
    public void Percentages_print_and_parse_back_as_quantities(decimal amount)
    {
        var pct = Math.Round(amount % 1000m, 2);
        var text = NumberText.FormatPercent(pct);
        var q = Assert.IsType<QuantityValue>(IndicatorParser.Parse(text));
        Assert.Equal(pct, q.Number);
        Assert.Equal("%", q.Unit);
        Assert.Equal(Math.Round(pct, 2), Figure.Parse(text).Value);
    }
}
