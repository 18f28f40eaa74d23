using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Core.Provenance;

namespace Jixiao.Core.FinalAccounts.Checks;

/// <summary>A figure with the unit it is printed in.</summary>
internal readonly record struct Fv(Figure? Figure, MoneyUnit Unit)
{
    public decimal? Yuan => FigureValues.AmountOf(Figure) is { } v ? v * Unit.YuanPer() : null;
}

/// <summary>
/// Compares amounts the way published figures allow: exactly (to <see cref="Rules.RuleSet.AmountTolerance"/>
/// of the unit) where every figure is printed to the cent in a 元 table; otherwise within half a unit of the
/// last printed decimal of each figure involved (a 万元 table rounds every figure; a cut-off "133518" is
/// known to the 元). Values are compared in 元, so tables in different units can be compared.
/// </summary>
internal sealed class Amounts(CheckContext ctx)
{
    public CheckContext Ctx { get; } = ctx;

    /// <summary>Half a unit of the last printed decimal, in 元; 0 for a cent-exact 元 figure or a blank.</summary>
    public static decimal HalfUnitYuan(Fv f)
    {
        if (f.Figure is null || f.Figure.IsBlank || f.Figure.Value is null) return 0m;
        var d = Rates.DecimalsOf(f.Figure.Text);
        if (f.Unit == MoneyUnit.Yuan && d >= 2) return 0m;
        var half = 0.5m;
        for (var i = 0; i < d; i++) half /= 10m;
        return half * f.Unit.YuanPer();
    }

    /// <summary>The tolerance in 元 for an identity over <paramref name="figures"/>; at least the rule set's tolerance in <paramref name="unit"/>.</summary>
    public decimal ToleranceYuan(MoneyUnit unit, IEnumerable<Fv> figures) =>
        Math.Max(Ctx.RuleSet.AmountTolerance * unit.YuanPer(), figures.Sum(HalfUnitYuan));

    public static string Fmt(decimal v, int decimals = 2) => NumberText.Format(v, decimals);

    private bool Values(RuleInfo rule, IEnumerable<Fv> figures)
    {
        foreach (var f in figures)
            if (f.Figure is not null && FigureValues.IsUnparsable(f.Figure))
            {
                Ctx.NotRun(rule, $"“{f.Figure.Text}”不是数字（{f.Figure.At?.Describe()}）");
                return false;
            }
        return true;
    }

    /// <summary>
    /// Checks <paramref name="stated"/> = Σ ±<paramref name="parts"/>; reports at <paramref name="at"/> (default: the stated
    /// figure) with the values in the stated figure's unit. NotRun when a figure is not a number. True when it held.
    /// </summary>
    public bool Sum(RuleInfo rule, Fv stated, IReadOnlyList<Fv> parts, Func<decimal, decimal, string> message, IReadOnlyList<int>? signs = null, SourceRef? at = null)
    {
        if (!Values(rule, parts.Prepend(stated))) return false;
        var s = stated.Yuan!.Value;
        var sum = 0m;
        for (var i = 0; i < parts.Count; i++) sum += (signs is null ? 1 : signs[i]) * parts[i].Yuan!.Value;
        var tol = ToleranceYuan(stated.Unit, parts.Append(stated));
        if (Math.Abs(s - sum) <= tol) { Ctx.Checked(rule); return true; }
        var per = stated.Unit.YuanPer();
        Ctx.Report(rule, at ?? stated.Figure?.At, message(s / per, sum / per), Fmt(s / per), Fmt(sum / per));
        return false;
    }

    public bool Sum(RuleInfo rule, Figure? stated, IEnumerable<Figure?> parts, MoneyUnit unit, Func<decimal, decimal, string> message, IReadOnlyList<int>? signs = null, SourceRef? at = null) =>
        Sum(rule, new Fv(stated, unit), parts.Select(p => new Fv(p, unit)).ToList(), message, signs, at);

    /// <summary>Two statements of one quantity: reports at <paramref name="stated"/> with <paramref name="expected"/> as the expected value.</summary>
    public bool Equal(RuleInfo rule, Fv stated, Fv expected, Func<decimal, decimal, string> message, SourceRef? at = null) =>
        Sum(rule, stated, [expected], message, null, at);

    /// <summary>Checks Σ <paramref name="parts"/> ≤ <paramref name="whole"/>.</summary>
    public bool AtMost(RuleInfo rule, IReadOnlyList<Fv> parts, Fv whole, Func<decimal, decimal, string> message, SourceRef? at)
    {
        if (!Values(rule, parts.Append(whole))) return false;
        var sum = parts.Sum(p => p.Yuan!.Value);
        var w = whole.Yuan!.Value;
        if (sum <= w + ToleranceYuan(whole.Unit, parts.Append(whole))) { Ctx.Checked(rule); return true; }
        var per = whole.Unit.YuanPer();
        Ctx.Report(rule, at, message(sum / per, w / per), Fmt(sum / per), "≤ " + Fmt(w / per));
        return false;
    }
}
