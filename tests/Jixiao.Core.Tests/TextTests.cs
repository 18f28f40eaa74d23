using Jixiao.Core.Checks.SelfEvaluation;
using Jixiao.Core.Model;
using Jixiao.Core.Money;

namespace Jixiao.Core.Tests;

public class CompactTests
{
    [Fact]
    public void Drops_exactly_white_space_zero_width_space_and_bom_over_all_utf16_characters()
    {
        for (var c = char.MinValue; ; c++)
        {
            if (!char.IsSurrogate(c))
            {
                var dropped = char.IsWhiteSpace(c) || c == '\u200b' || c == '\ufeff';
                var compact = Text.Compact($"指标{c}值");
                Assert.True(dropped ? compact == "指标值" : compact.Length == 4, $"U+{(int)c:X4}: “{compact}”");
            }
            if (c == char.MaxValue) break;
        }
    }

    [Fact]
    public void Replaces_ascii_brackets_colons_and_commas_and_keeps_text_that_needs_nothing()
    {
        const string clean = "资金到位率（%）";
        Assert.Same(clean, Text.Compact(clean));
        Assert.Equal("项目（一期）：完成率，达标", Text.Compact("项目 (一期):\u3000完成率,达标"));
    }
}

public class ReportFigureTests
{
    [Fact]
    public void Reads_amounts_and_percentages_with_their_unit_decimals_and_place()
    {
        const string text = "全年预算1,234.50万元，执行率96.21%，其中 300 元为利息，另有2亿元、45％。";
        var m = ReportText.Parse(text);
        Assert.Equal(5, m.Count);
        Assert.Equal((1234.50m, (MoneyUnit?)MoneyUnit.WanYuan, false, "1,234.50万元", 2), (m[0].Value, m[0].Unit, m[0].IsPercent, m[0].Text, m[0].Decimals));
        Assert.Equal(text.IndexOf("1,234", StringComparison.Ordinal), m[0].Start);
        Assert.Equal(m[0].Start + "1,234.50万元".Length, m[0].End);
        Assert.Equal((96.21m, (MoneyUnit?)null, true, 2), (m[1].Value, m[1].Unit, m[1].IsPercent, m[1].Decimals));
        Assert.Equal((300m, (MoneyUnit?)MoneyUnit.Yuan, "300 元", 0), (m[2].Value, m[2].Unit, m[2].Text, m[2].Decimals));
        Assert.Equal((2m, (MoneyUnit?)MoneyUnit.YiYuan), (m[3].Value, m[3].Unit));
        Assert.Equal((45m, true), (m[4].Value, m[4].IsPercent));
    }

    [Fact]
    public void Ignores_numbers_without_a_unit_and_digits_glued_to_a_previous_number()
    {
        Assert.Empty(ReportText.Parse("共完成12项，2024年度。"));
        // "1.5.3万元" (a section number run into an amount) is not read as 5.3 or 3万元: a figure never starts right
        // after a digit, point or comma.
        Assert.Empty(ReportText.Parse("见第1.5.3万元"));
        Assert.Equal(3m, Assert.Single(ReportText.Parse("见第1.5节 3万元")).Value);
    }
}
