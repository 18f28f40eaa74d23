namespace Jixiao.Core.Indicators;

/// <summary>Questions the checks ask of parsed indicator values, beyond met / not met.</summary>
public static class IndicatorChecks
{
    /// <summary>
    /// True when any non-negative actual meets the target, so the target measures nothing: "≥0", "≥0%", "&gt;-1",
    /// "≤" or "&lt;" never (a reverse target of 0 is strict, not trivial). rules.md R3.4, seed 000.
    /// </summary>
    public static bool IsTrivialTarget(QuantityValue target) => target.Change == QuantityChange.None && target.Comparator switch
    {
        Comparator.GreaterOrEqual => target.Normalized <= 0m,
        Comparator.Greater => target.Normalized < 0m,
        _ => false,
    };

    /// <summary>True when the value is a template hint left in ("（此处须填写具体的就业率）").</summary>
    public static bool IsPlaceholder(IndicatorValue value) => value is FreeTextValue { IsPlaceholder: true };

    /// <summary>True when the value can be judged by the engine: a quantity, a deadline or a qualitative level.</summary>
    public static bool IsMeasurable(IndicatorValue value) => value.Kind is IndicatorValueKind.Quantity or IndicatorValueKind.Deadline or IndicatorValueKind.Qualitative;

    /// <summary>True when the actual is a percentage and the target is a bare number, or the reverse (rules.md R3.4: "≥90" vs "90.00%").</summary>
    public static bool PercentOnOneSideOnly(IndicatorValue target, IndicatorValue actual) =>
        target is QuantityValue t && actual is QuantityValue a && t.IsPercent != a.IsPercent && (t.Unit.Length == 0 || a.Unit.Length == 0);
}
