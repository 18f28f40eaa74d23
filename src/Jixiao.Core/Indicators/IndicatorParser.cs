namespace Jixiao.Core.Indicators;

/// <summary>Reads target and actual strings (rules.md R3.4). Never throws.</summary>
public static class IndicatorParser
{
    /// <summary>Parses one target or actual string into a quantity, deadline, qualitative level, free text or empty.</summary>
    public static IndicatorValue Parse(string? text) => throw new NotImplementedException("indicator parser: being written");
}
