using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Jixiao.Core.Indicators;
using Outcome = Jixiao.Core.Indicators.Outcome;

namespace Jixiao.Core.Tests.Indicators;

/// <summary>A quantity written from parts, with what the parser must read back.</summary>
public sealed record QuantityCase(string Text, Comparator Comparator, decimal Number, decimal Scale, string Unit)
{
    public override string ToString() => Text;
}

/// <summary>A target and two actuals in the target's unit, the first not larger than the second.</summary>
public sealed record MonotoneCase(string Target, string Smaller, string Larger)
{
    public override string ToString() => $"{Target} | {Smaller} ≤ {Larger}";
}

public static class IndicatorArbitraries
{
    private static readonly (string Text, Comparator Comparator)[] Prefixes =
    [
        ("", Comparator.None), ("≥", Comparator.GreaterOrEqual), (">=", Comparator.GreaterOrEqual), ("＞", Comparator.Greater),
        (">", Comparator.Greater), ("=", Comparator.Equal), ("＝", Comparator.Equal), ("≤", Comparator.LessOrEqual),
        ("<=", Comparator.LessOrEqual), ("<", Comparator.Less), ("＜", Comparator.Less), ("不低于", Comparator.GreaterOrEqual),
        ("不超过", Comparator.LessOrEqual), ("约", Comparator.Approximately), ("≈", Comparator.Approximately),
    ];

    private static readonly (string Text, Comparator Comparator)[] Suffixes =
        [("以上", Comparator.GreaterOrEqual), ("以下", Comparator.LessOrEqual), ("以内", Comparator.LessOrEqual), ("左右", Comparator.Approximately)];

    private static readonly (string Text, decimal Factor)[] Scales = [("", 1m), ("万", 10_000m), ("亿", 100_000_000m), ("千", 1_000m)];

    private static readonly string[] Units = ["", "人", "人次", "户", "个", "家", "件", "起", "次", "项", "元", "%", "元/人/月", "元/户/年", "元/人", "人/年"];

    private static readonly string[] Spaces = ["", "", "", " ", "\u3000"];

    private static Gen<decimal> Numbers() =>
        from whole in Gen.Choose(0, 2_000_000)
        from cents in Gen.Choose(0, 99)
        from decimals in Gen.Elements(0, 0, 1, 2)
        select decimals switch
        {
            0 => whole,
            1 => whole + (cents / 10) / 10m,
            _ => whole + cents / 100m,
        };

    private static string Write(decimal number, bool thousands) =>
        thousands ? number.ToString("#,0.##", CultureInfo.InvariantCulture) : number.ToString("0.##", CultureInfo.InvariantCulture);

    public static Arbitrary<QuantityCase> Quantities()
    {
        var gen =
            from number in Numbers()
            from thousands in Gen.Elements(false, true)
            from scale in Gen.Elements(Scales)
            from unit in Gen.Elements(Units)
            from space in Gen.Elements(Spaces)
            from useSuffix in Gen.Elements(false, false, true)
            from prefix in Gen.Elements(Prefixes)
            from suffix in Gen.Elements(Suffixes)
            let comparator = useSuffix ? suffix.Comparator : prefix.Comparator
            let text = useSuffix
                ? Write(number, thousands) + scale.Text + space + unit + suffix.Text
                : prefix.Text + space + Write(number, thousands) + space + scale.Text + unit
            select new QuantityCase(text, comparator, number, scale.Factor, unit);
        return Arb.From(gen);
    }

    public static Arbitrary<MonotoneCase> Monotone()
    {
        var gen =
            from comparator in Gen.Elements("≥", ">", "=", "", "≤", "<")
            from target in Numbers()
            from scale in Gen.Elements(Scales)
            from unit in Gen.Elements("人", "%", "元", "元/人/月", "个")
            from x in Numbers()
            from y in Numbers()
            let suffix = scale.Text + unit
            select new MonotoneCase(comparator + Write(target, false) + suffix, Write(Math.Min(x, y), false) + suffix, Write(Math.Max(x, y), false) + suffix);
        return Arb.From(gen);
    }

    /// <summary>Strings built from the language's own pieces, to reach deep into the grammar.</summary>
    public static Arbitrary<string[]> Fragments()
    {
        string[] pieces =
        [
            "≥", "≤", ">", "<", "=", ">=", "<=", "=>", "＞", "≈", "~", "-", "—", "至", ",", ".", "/", "%", "％", "百分比", "万", "亿", "千",
            "人", "元", "元/人/月", "个", "月", "日", "年", "底", "前", "内", "以上", "以下", "左右", "约", "提高", "达到", "不超过",
            "0", "1", "12", "31", "2022", "0.35", "1,000", "９", "半", "一", "收到指标文", "达成预期指标", "显著", "较", "不", "未",
            "及时", "完成", "此处须填写", "（", "）", "$", "\\geq", "\\", " ", "\t", "\u3000",
        ];
        return Arb.From(Gen.ArrayOf(Gen.Elements(pieces)));
    }
}

[Properties(Arbitrary = [typeof(IndicatorArbitraries)], MaxTest = 500)]
public class IndicatorPropertyTests
{
    [Property(MaxTest = 2000)]
    public void Parse_never_throws_on_any_string(string? text)
    {
        var value = IndicatorParser.Parse(text);
        Assert.NotNull(value.Reason);
        _ = IndicatorJudge.Judge(value, value);
    }

    [Property(MaxTest = 2000)]
    public void Parse_and_judge_never_throw_on_grammar_fragments(string[] first, string[] second)
    {
        string target = string.Concat(first);
        string actual = string.Concat(second);
        var judgement = IndicatorJudge.Judge(target, actual);
        Assert.False(string.IsNullOrEmpty(judgement.Reason));
        if (judgement.Outcome == Outcome.PartlyMet && judgement.CompletionRatio is { } ratio)
        {
            Assert.InRange(ratio, 0m, 1m);
        }
    }

    [Property]
    public void Generated_quantities_read_back(QuantityCase q)
    {
        var value = Assert.IsType<QuantityValue>(IndicatorParser.Parse(q.Text));
        Assert.Equal(q.Comparator, value.Comparator);
        Assert.Equal(q.Number, value.Number);
        Assert.Equal(q.Scale, value.Scale);
        Assert.Equal(q.Unit, value.Unit);
    }

    [Property]
    public void Larger_actual_never_judges_worse_for_positive_targets_and_never_better_for_reverse(MonotoneCase c)
    {
        var target = Assert.IsType<QuantityValue>(IndicatorParser.Parse(c.Target));
        int smaller = Rank(IndicatorJudge.Judge(c.Target, c.Smaller).Outcome);
        int larger = Rank(IndicatorJudge.Judge(c.Target, c.Larger).Outcome);
        bool reverse = target.Comparator is Comparator.LessOrEqual or Comparator.Less;
        bool zeroTarget = target.Normalized == 0 && target.Comparator is Comparator.Equal or Comparator.None;
        if (reverse || zeroTarget)
        {
            Assert.True(larger <= smaller, $"{c}: {smaller} then {larger}");
        }
        else
        {
            Assert.True(larger >= smaller, $"{c}: {smaller} then {larger}");
        }
    }

    [Property]
    public void Partly_met_ratio_is_a_fraction(MonotoneCase c)
    {
        foreach (string actual in new[] { c.Smaller, c.Larger })
        {
            var j = IndicatorJudge.Judge(c.Target, actual);
            if (j.Outcome == Outcome.PartlyMet)
            {
                Assert.NotNull(j.CompletionRatio);
                Assert.InRange(j.CompletionRatio.Value, 0m, 1m);
            }

            if (j.CompletionRatio is { } r)
            {
                Assert.InRange(r, 0m, 1m);
            }
        }
    }

    private static int Rank(Outcome outcome) => outcome switch
    {
        Outcome.NotMet => 0,
        Outcome.PartlyMet => 1,
        Outcome.Met => 2,
        _ => throw new InvalidOperationException("a quantity against a quantity in the same unit must be decided"),
    };
}
