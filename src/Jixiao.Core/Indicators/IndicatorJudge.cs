namespace Jixiao.Core.Indicators;

/// <summary>Judges an actual against its target, direction-aware and converting scales and units.</summary>
public static class IndicatorJudge
{
    public static Judgement Judge(IndicatorValue target, IndicatorValue actual) => throw new NotImplementedException("indicator judge: being written");

    public static Judgement Judge(string? target, string? actual) => Judge(IndicatorParser.Parse(target), IndicatorParser.Parse(actual));
}
