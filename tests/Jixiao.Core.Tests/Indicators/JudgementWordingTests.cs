using Jixiao.Core.Indicators;

namespace Jixiao.Core.Tests.Indicators;

/// <summary>
/// The reason of a quantity's judgement is worded only when read (QuantityJudge.Describe). Every sentence it can
/// produce, pinned to the wording the judge used when it built the reason eagerly, so that a change of the
/// deferred wording (or of what it is worded from) shows here.
/// </summary>
public class JudgementWordingTests
{
    [Theory]
    [InlineData("≥95%", "30人", Outcome.NeedsJudgement, "单位不一致：指标值单位为“%”，实际完成值单位为“人”，无法比较")]
    [InlineData("0起", "0起", Outcome.Met, "实际完成值“0起”，符合指标值“0起”")]
    [InlineData("=0", "3起", Outcome.NotMet, "指标值为0，实际发生“3起”，未完成")]
    [InlineData("=0", "≥2起", Outcome.NotMet, "指标值为0，实际发生“≥2起”，未完成")]
    [InlineData("0起", "≤1起", Outcome.NeedsJudgement, "实际完成值“≤1起”只给出范围，无法判断是否为0")]
    [InlineData("≥95%", "96%", Outcome.Met, "实际完成值“96%”达到指标值“≥95%”，已完成")]
    [InlineData("≥95%", "≥96%", Outcome.Met, "实际完成值“≥96%”达到指标值“≥95%”，已完成（实际完成值为下限）")]
    [InlineData("≥95%", "＞95%", Outcome.Met, "实际完成值“＞95%”达到指标值“≥95%”，已完成（实际完成值为下限）")]
    [InlineData("≥95%", "≤96%", Outcome.NeedsJudgement, "实际完成值“≤96%”只给出范围，不能确定是否达到指标值“≥95%”")]
    [InlineData("≥95%", "90%", Outcome.PartlyMet, "实际完成值“90%”未达到指标值“≥95%”，完成率94.74%")]
    [InlineData("≥100人", "0人", Outcome.NotMet, "实际完成值“0人”未达到指标值“≥100人”")]
    [InlineData("≥0.35万人", "3600", Outcome.Met, "实际完成值“3600”（3600人）达到指标值“≥0.35万人”（3500人），已完成")]
    [InlineData("≥6万人", "6.12", Outcome.Met, "实际完成值“6.12”（61200人）达到指标值“≥6万人”（60000人），已完成")]
    [InlineData("≥11800人", "1.2万人", Outcome.Met, "实际完成值“1.2万人”（12000人）达到指标值“≥11800人”，已完成")]
    [InlineData(">95%", "95%", Outcome.PartlyMet, "实际完成值“95%”未达到指标值“>95%”，完成率100%")]
    [InlineData("≤5%", "3%", Outcome.Met, "实际完成值“3%”未超过指标值“≤5%”，已完成")]
    [InlineData("≤5%", "≥6%", Outcome.NotMet, "实际完成值“≥6%”超过指标值“≤5%”（反向指标）")]
    [InlineData("≤5%", "≥4%", Outcome.NeedsJudgement, "实际完成值“≥4%”只给出范围，不能确定是否超过指标值“≤5%”")]
    [InlineData("≤5%", "7%", Outcome.NotMet, "实际完成值“7%”超过指标值“≤5%”（反向指标，越低越好），按反向公式完成率60%")]
    [InlineData("<5%", "5%", Outcome.NotMet, "实际完成值“5%”超过指标值“<5%”（反向指标，越低越好），按反向公式完成率100%")]
    [InlineData("≤0", "3", Outcome.NotMet, "实际完成值“3”超过指标值“≤0”（反向指标，越低越好），按反向公式完成率0%")]
    [InlineData("6%左右", "≥5%", Outcome.NeedsJudgement, "实际完成值“≥5%”只给出范围，指标值为“6%左右”")]
    [InlineData("6%左右", "6.3%", Outcome.Met, "实际完成值“6.3%”在指标值“6%左右”的±10%以内，已完成")]
    [InlineData("6%左右", "9%", Outcome.NeedsJudgement, "实际完成值“9%”偏离指标值“6%左右”超过±10%，“左右”类指标方向不明，需人工判断")]
    [InlineData("约100人", "95人", Outcome.Met, "实际完成值“95人”在指标值“约100人”的±10%以内，已完成")]
    [InlineData("3-12个月", "≥5个月", Outcome.NeedsJudgement, "实际完成值“≥5个月”只给出范围，指标值为“3-12个月”")]
    [InlineData("3-12个月", "6个月", Outcome.Met, "实际完成值“6个月”在指标区间“3-12个月”内，已完成")]
    [InlineData("3-12个月", "15个月", Outcome.NeedsJudgement, "实际完成值“15个月”高于指标区间“3-12个月”的上限，需人工判断")]
    [InlineData("3-12个月", "2个月", Outcome.PartlyMet, "实际完成值“2个月”低于指标区间“3-12个月”，完成率66.67%")]
    [InlineData("3-12个月", "0个月", Outcome.NotMet, "实际完成值“0个月”低于指标区间“3-12个月”")]
    [InlineData("3-5万人", "4万人", Outcome.Met, "实际完成值“4万人”（40000人）在指标区间“3-5万人”（30000人）内，已完成")]
    [InlineData("≥985万元", "1000", Outcome.Met, "实际完成值“1000”（10000000元）达到指标值“≥985万元”（9850000元），已完成")]
    [InlineData("≥1年", "6个月", Outcome.NeedsJudgement, "单位不一致：指标值单位为“年”，实际完成值单位为“月”，无法比较")]
    [InlineData("提高20元/月", "提高25元/月", Outcome.Met, "实际完成值“提高25元/月”达到指标值“提高20元/月”，已完成（实际完成值为下限）")]
    [InlineData("降低10%", "8%", Outcome.PartlyMet, "实际完成值“8%”未达到指标值“降低10%”，完成率80%")]
    [InlineData("≥3.2万人", "3万多人", Outcome.NeedsJudgement, "实际完成值“3万多人”（30000人）只给出范围，不能确定是否达到指标值“≥3.2万人”（32000人）")]
    [InlineData("90%以上", "89.5%", Outcome.PartlyMet, "实际完成值“89.5%”未达到指标值“90%以上”，完成率99.44%")]
    [InlineData("≤400元", "450元", Outcome.NotMet, "实际完成值“450元”超过指标值“≤400元”（反向指标，越低越好），按反向公式完成率87.5%")]
    [InlineData("≥1200元/户/年", "1100元/户/年", Outcome.PartlyMet, "实际完成值“1100元/户/年”未达到指标值“≥1200元/户/年”，完成率91.67%")]
    [InlineData("≥95 %", " 94.99% ", Outcome.PartlyMet, "实际完成值“94.99%”未达到指标值“≥95 %”，完成率99.99%")]
    [InlineData("城镇≥95%", "农村≥96%", Outcome.NeedsJudgement, "对象不一致：指标值针对“城镇”，实际完成值针对“农村”，无法比较")]
    public void Quantity_reason_is_worded_from_the_values(string target, string actual, Outcome outcome, string reason)
    {
        var j = IndicatorJudge.Judge(target, actual);
        Assert.Equal(outcome, j.Outcome);
        Assert.Equal(reason, j.Reason);
        // Worded once: a second read returns the same string.
        Assert.Same(j.Reason, j.Reason);
    }
}
