using Jixiao.Core.Indicators;

namespace Jixiao.Core.Tests.Indicators;

public class IndicatorParserTests
{
    private static QuantityValue Quantity(string text) => Assert.IsType<QuantityValue>(IndicatorParser.Parse(text));

    [Theory]
    [InlineData("≥95%", Comparator.GreaterOrEqual)]
    [InlineData(">=95%", Comparator.GreaterOrEqual)]
    [InlineData("=>95%", Comparator.GreaterOrEqual)]
    [InlineData("≧95%", Comparator.GreaterOrEqual)]
    [InlineData("＞95%", Comparator.Greater)]
    [InlineData(">95%", Comparator.Greater)]
    [InlineData("＝95%", Comparator.Equal)]
    [InlineData("=95%", Comparator.Equal)]
    [InlineData("≤95%", Comparator.LessOrEqual)]
    [InlineData("<=95%", Comparator.LessOrEqual)]
    [InlineData("≦95%", Comparator.LessOrEqual)]
    [InlineData("<95%", Comparator.Less)]
    [InlineData("＜95%", Comparator.Less)]
    [InlineData("≈95%", Comparator.Approximately)]
    [InlineData("95%", Comparator.None)]
    [InlineData("不低于95%", Comparator.GreaterOrEqual)]
    [InlineData("不少于95%", Comparator.GreaterOrEqual)]
    [InlineData("至少95%", Comparator.GreaterOrEqual)]
    [InlineData("达到95%", Comparator.GreaterOrEqual)]
    [InlineData("95%以上", Comparator.GreaterOrEqual)]
    [InlineData("95%及以上", Comparator.GreaterOrEqual)]
    [InlineData("不高于95%", Comparator.LessOrEqual)]
    [InlineData("不超过95%", Comparator.LessOrEqual)]
    [InlineData("原则上不超过95%", Comparator.LessOrEqual)]
    [InlineData("95%以内", Comparator.LessOrEqual)]
    [InlineData("95%以下", Comparator.LessOrEqual)]
    [InlineData("低于95%", Comparator.Less)]
    [InlineData("超过95%", Comparator.Greater)]
    [InlineData("95%左右", Comparator.Approximately)]
    [InlineData("约95%", Comparator.Approximately)]
    [InlineData("大约95%", Comparator.Approximately)]
    [InlineData("$\\geq 95\\%$", Comparator.GreaterOrEqual)]
    [InlineData("$\\leq 95\\%$", Comparator.LessOrEqual)]
    public void Comparators_in_symbols_and_words(string text, Comparator expected)
    {
        var q = Quantity(text);
        Assert.Equal(expected, q.Comparator);
        Assert.Equal(95m, q.Number);
        Assert.Equal("%", q.Unit);
        Assert.Equal(expected == Comparator.Approximately, q.Approximate);
    }

    [Theory]
    [InlineData("1,200.50元", 1200.50, 1, "元")]
    [InlineData("１２００元", 1200, 1, "元")]
    [InlineData("12,345,678元", 12345678, 1, "元")]
    [InlineData("0.35万人", 0.35, 10000, "人")]
    [InlineData("23.5万", 23.5, 10000, "")]
    [InlineData("12万元", 12, 10000, "元")]
    [InlineData("1.5亿元", 1.5, 100000000, "元")]
    [InlineData("3千人", 3, 1000, "人")]
    [InlineData("5万人次", 5, 10000, "人次")]
    [InlineData("100 百分比", 100, 1, "%")]
    [InlineData("95％", 95, 1, "%")]
    [InlineData("5公里", 5, 1, "公里")]
    [InlineData("5千米", 5, 1, "公里")]
    [InlineData("元/ 年", 0, 0, "")]
    [InlineData("3个月", 0, 0, "")]
    public void Numbers_scales_and_units(string text, decimal number, decimal scale, string unit)
    {
        var value = IndicatorParser.Parse(text);
        if (scale == 0)
        {
            Assert.IsNotType<QuantityValue>(value);
            return;
        }

        var q = Assert.IsType<QuantityValue>(value);
        Assert.Equal(number, q.Number);
        Assert.Equal(scale, q.Scale);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("5696元/ 年", "元/年")]
    [InlineData("145元/月", "元/月")]
    [InlineData("1200元/户/年", "元/户/年")]
    [InlineData("500元/人/月", "元/人/月")]
    [InlineData("160元/人/天", "元/人/天")]
    [InlineData("160元/人/日", "元/人/天")]
    [InlineData("2人/年", "人/年")]
    [InlineData("30元/人次", "元/人次")]
    [InlineData("8元/平方米/月", "元/平方米/月")]
    [InlineData("720元/生·年", "元/生/年")]
    [InlineData("920元/生•年", "元/生/年")]
    public void Compound_units(string text, string unit) => Assert.Equal(unit, Quantity(text).Unit);

    [Theory]
    [InlineData("小学≥720元/生·年", "小学", Comparator.GreaterOrEqual, 720, "元/生/年")]
    [InlineData("城镇≥95%", "城镇", Comparator.GreaterOrEqual, 95, "%")]
    [InlineData("一级≤3天", "一级", Comparator.LessOrEqual, 3, "天")]
    [InlineData("≥95%", "", Comparator.GreaterOrEqual, 95, "%")]
    [InlineData("不低于95%", "", Comparator.GreaterOrEqual, 95, "%")]
    [InlineData("达到≥95%", "", Comparator.GreaterOrEqual, 95, "%")]
    public void A_short_subject_before_the_comparator_is_who_the_figure_is_about(string text, string subject, Comparator comparator, decimal number, string unit)
    {
        var q = Quantity(text);
        Assert.Equal((subject, comparator, number, unit), (q.Subject, q.Comparator, q.Number, q.Unit));
    }

    [Theory]
    [InlineData("小学≥720元/生·年，初中≥920元/生·年")]
    [InlineData("城乡居民基本医疗保险≥95%")]
    [InlineData("小学720元")]
    public void Longer_or_listed_subjects_stay_text(string text) => Assert.IsNotType<QuantityValue>(IndicatorParser.Parse(text));

    [Fact]
    public void Range_with_units_on_both_ends()
    {
        var q = Quantity("4000人—5000人");
        Assert.Equal(4000m, q.Number);
        Assert.Equal(5000m, q.UpperNumber);
        Assert.Equal("人", q.Unit);
    }

    [Fact]
    public void Range_with_unit_at_the_end()
    {
        var q = Quantity("3-12个月");
        Assert.Equal(3m, q.Number);
        Assert.Equal(12m, q.UpperNumber);
        Assert.Equal("月", q.Unit);
    }

    [Fact]
    public void Range_lower_end_takes_the_upper_scale()
    {
        var q = Quantity("3-5万人");
        Assert.Equal(30000m, q.Normalized);
        Assert.Equal(5m, q.UpperNumber);
    }

    [Fact]
    public void More_than_words_are_lower_bounds()
    {
        var q = Quantity("300余人");
        Assert.Equal(Comparator.GreaterOrEqual, q.Comparator);
        Assert.Equal(300m, q.Number);
        Assert.Equal("人", q.Unit);
        Assert.Equal(Comparator.GreaterOrEqual, Quantity("3万多人").Comparator);
    }

    [Fact]
    public void Reasons_say_what_was_understood()
    {
        Assert.Equal("定量，≥，单位：万人", IndicatorParser.Parse("≥3.2万人").Reason);
        Assert.Equal("定量（增加量），≥，单位：元/月", IndicatorParser.Parse("提高 20 元/月").Reason);
        Assert.Equal("定量，单位：无", IndicatorParser.Parse("6.12").Reason);
        Assert.Contains("达成预期指标", IndicatorParser.Parse("达成年度指标").Reason, StringComparison.Ordinal);
        Assert.Contains("12月31日前", IndicatorParser.Parse("12月底前").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Increase_is_a_change_at_least()
    {
        var q = Quantity("提高 20 元/月");
        Assert.Equal(Comparator.GreaterOrEqual, q.Comparator);
        Assert.Equal(QuantityChange.Increase, q.Change);
        Assert.Equal(QuantityChange.Decrease, Quantity("降低5%").Change);
        Assert.False(IndicatorChecks.IsTrivialTarget(Quantity("提高0元")));
    }

    [Theory]
    [InlineData("≥0", true)]
    [InlineData("≥0%", true)]
    [InlineData(">-1", true)]
    [InlineData(">0", false)]
    [InlineData("0起", false)]
    [InlineData("≤0", false)]
    [InlineData("≥1", false)]
    public void Trivial_targets(string text, bool trivial) => Assert.Equal(trivial, IndicatorChecks.IsTrivialTarget(Quantity(text)));

    [Theory]
    [InlineData("12月底前", null, 12, 31, true)]
    [InlineData("9月底前", null, 9, 30, true)]
    [InlineData("2月底前", null, 2, 28, true)]
    [InlineData("7月31日前", null, 7, 31, true)]
    [InlineData("7月31日之前完成", null, 7, 31, true)]
    [InlineData("<=2022年12月31日", 2022, 12, 31, true)]
    [InlineData("<=2022 年12月31日", 2022, 12, 31, true)]
    [InlineData("≤2023年6月30日", 2023, 6, 30, true)]
    [InlineData("2023-06-30前", 2023, 6, 30, true)]
    [InlineData("8月1日", null, 8, 1, false)]
    [InlineData("年底前", null, 12, 31, true)]
    [InlineData("上半年", null, 6, 30, false)]
    [InlineData("第三季度", null, 9, 30, false)]
    [InlineData("2024年", 2024, 12, 31, true)]
    public void Calendar_deadlines(string text, int? year, int month, int day, bool onOrBefore)
    {
        var d = Assert.IsType<DeadlineValue>(IndicatorParser.Parse(text));
        Assert.False(d.IsPeriod);
        Assert.Equal(year, d.Year);
        Assert.Equal(month, d.Month);
        Assert.Equal(day, d.Day);
        Assert.Equal(onOrBefore, d.OnOrBefore);
    }

    [Theory]
    [InlineData("收到指标文30日内发放到位", 30, "收到指标文")]
    [InlineData("收到指标发文30日内拨付到位", 30, "收到指标发文")]
    [InlineData("资金下达后15个工作日内", 21, "资金下达后")]
    [InlineData("30天内", 30, null)]
    [InlineData("半年", 182, null)]
    [InlineData("1年", 365, null)]
    [InlineData("=1年", 365, null)]
    [InlineData("一年", 365, null)]
    [InlineData("3个月内", 90, null)]
    public void Relative_deadlines(string text, int days, string? anchor)
    {
        var d = Assert.IsType<DeadlineValue>(IndicatorParser.Parse(text));
        Assert.True(d.IsPeriod);
        Assert.Equal(days, d.WithinDays);
        Assert.Equal(anchor, d.Anchor);
    }

    [Theory]
    [InlineData("达成预期指标", QualitativeScales.Achievement, 2)]
    [InlineData("达成年度指标", QualitativeScales.Achievement, 2)]
    [InlineData("达到预期目标", QualitativeScales.Achievement, 2)]
    [InlineData("部分达成年度指标并具有一定效果", QualitativeScales.Achievement, 1)]
    [InlineData("部分达到预期目标,并且具备一定效果", QualitativeScales.Achievement, 1)]
    [InlineData("未达成预期指标且效果较差", QualitativeScales.Achievement, 0)]
    [InlineData("未达到预期目标", QualitativeScales.Achievement, 0)]
    [InlineData("效果明显", QualitativeScales.Effect, 3)]
    [InlineData("作用非常显著", QualitativeScales.Effect, 3)]
    [InlineData("作用较为显著", QualitativeScales.Effect, 2)]
    [InlineData("一般", QualitativeScales.Effect, 1)]
    [InlineData("作用不显著", QualitativeScales.Effect, 0)]
    [InlineData("明显提高", QualitativeScales.Trend, 1)]
    [InlineData("群众生活水平逐步提升", QualitativeScales.Trend, 1)]
    [InlineData("下降", QualitativeScales.Trend, 0)]
    [InlineData("未完成", QualitativeScales.Completion, 0)]
    [InlineData("按时完成", QualitativeScales.Completion, 2)]
    [InlineData("按时", QualitativeScales.Timeliness, 1)]
    [InlineData("不及时", QualitativeScales.Timeliness, 0)]
    [InlineData("长期可持续", QualitativeScales.Stability, 2)]
    [InlineData("满意", QualitativeScales.Satisfaction, 4)]
    [InlineData("反响积极，基本满意", QualitativeScales.Satisfaction, 2)]
    [InlineData("反响积极, 基本满意。", QualitativeScales.Satisfaction, 2)]
    [InlineData("符合省定标准", QualitativeScales.Compliance, 1)]
    [InlineData("有效保障", QualitativeScales.Guarantee, 1)]
    public void Qualitative_levels(string text, string scale, int level)
    {
        var v = Assert.IsType<QualitativeValue>(IndicatorParser.Parse(text));
        Assert.Equal(scale, v.Scale);
        Assert.Equal(level, v.Level);
        Assert.Equal(QualitativeScales.CanonicalOf(scale, level), v.Canonical);
    }

    [Theory]
    [InlineData("未能有效提高")]
    [InlineData("具体调整水平以人社部、财政部备案批准水平为限")]
    [InlineData("以学籍系统为基准，以异动数据为依据，覆盖所有受助学生")]
    [InlineData("自治区统一组织")]
    [InlineData("援助不高于当地最低工资标准")]
    [InlineData("社保补贴534.93元/人/月，医保补贴213.97元/人/月")]
    [InlineData("2141 人，其中新生 300 人")]
    public void Descriptions_are_free_text(string text)
    {
        var f = Assert.IsType<FreeTextValue>(IndicatorParser.Parse(text));
        Assert.False(f.IsPlaceholder);
        Assert.Contains("不是可计量", f.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("（此处须填写具体的就业率）")]
    [InlineData("请在此处简要说明中央巡视、各级审计和财会监督中发现的问题及其所涉及的金额。如没有请填无。")]
    [InlineData("请填写具体数值")]
    [InlineData("≥XX%")]
    public void Template_hints_are_placeholders(string text)
    {
        var value = IndicatorParser.Parse(text);
        Assert.True(IndicatorChecks.IsPlaceholder(value), value.Reason);
        Assert.False(IndicatorChecks.IsMeasurable(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    [InlineData("/")]
    [InlineData("—")]
    [InlineData("无")]
    public void Empty_cells(string? text) => Assert.IsType<EmptyValue>(IndicatorParser.Parse(text));

    [Theory]
    [InlineData("及时", IndicatorValueKind.Qualitative)]
    [InlineData("及时到位", IndicatorValueKind.Qualitative)]
    [InlineData("12月底前", IndicatorValueKind.Deadline)]
    [InlineData("≥300天", IndicatorValueKind.Quantity)]
    [InlineData("3-12个月", IndicatorValueKind.Quantity)]
    [InlineData("0", IndicatorValueKind.Quantity)]
    [InlineData("达到国家规定的水平", IndicatorValueKind.Qualitative)]
    [InlineData("达到90%", IndicatorValueKind.Quantity)]
    [InlineData("≤30日", IndicatorValueKind.Quantity)]
    [InlineData("30日", IndicatorValueKind.Quantity)]
    [InlineData("30日内", IndicatorValueKind.Deadline)]
    [InlineData("≥3年", IndicatorValueKind.Quantity)]
    public void Kinds_that_look_alike(string text, IndicatorValueKind kind) => Assert.Equal(kind, IndicatorParser.Parse(text).Kind);

    [Fact]
    public void Huge_and_hostile_inputs_do_not_throw()
    {
        string[] inputs =
        [
            new string('9', 10_000), "≥" + new string('9', 40) + "%", new string('万', 300), "1," + new string('0', 500),
            "\\geq\\leq\\%$$$", "\0\0\0", "≥", "—————", "9999999999999999999999999999999亿元", "-", "+", ".5", "5.", "1..2",
            "2022-13-45", "2月30日前", "0月0日", "收到指标文9999999999日内", "\uD800", string.Concat(Enumerable.Repeat("≥1万人", 2_000)),
        ];
        foreach (string input in inputs)
        {
            var value = IndicatorParser.Parse(input);
            Assert.Equal(input, value.Raw);
            _ = IndicatorJudge.Judge(value, value);
        }
    }

    [Theory]
    [InlineData("79228162514264337593543950335亿元")]
    [InlineData("≥1000000000000000000000万人")]
    public void Absurd_magnitudes_are_not_quantities(string text) => Assert.IsType<FreeTextValue>(IndicatorParser.Parse(text));

    [Fact]
    public void Extreme_values_judge_without_throwing()
    {
        string[] values = ["0.0000000001", "≥0.0000000001%", "99999999999999999999", "≤0.0000000001", "-99999999999999999999", "≥-1", "0", "1e5", "0.5万"];
        foreach (string target in values)
        {
            foreach (string actual in values)
            {
                var j = IndicatorJudge.Judge(target, actual);
                Assert.False(string.IsNullOrEmpty(j.Reason));
            }
        }
    }
}
