using Jixiao.Core.Model;
using Jixiao.Core.Money;

namespace Jixiao.Core.Aggregation;

/// <summary>One spending line for the credibility measures: a fund or project of an entity in a year, in yuan.</summary>
public sealed record OutturnLine(string Entity, int Year, string Category, decimal? OriginalBudget, decimal? FinalBudget, decimal? Outturn, string? DocumentId = null)
{
    /// <summary>Reads a table: 年初预算数 as the original budget when the table has it, else nothing (A is the adjusted budget).</summary>
    public static OutturnLine? From(SelfEvaluationTable t, string entity, string? documentId = null)
    {
        if (t.Year is not { } year || t.TotalFund is not { } total) return null;
        var per = (t.DeclaredUnit ?? MoneyUnit.WanYuan).YuanPer();
        decimal? Y(decimal? v) => v is { } x ? x * per : null;
        return new OutturnLine(entity, year, t.FundName ?? t.Title, Y(total.InitialBudget?.Value), Y(total.Budget.Value), Y(total.Execution.Value), documentId);
    }
}

/// <summary>PEFA PI-1.1 for one year: aggregate outturn against the original budget.</summary>
public sealed record OutturnYear(int Year, decimal Original, decimal Outturn, decimal? Percent, string Band, string Basis, decimal? CompositionVariance, int Lines);

/// <summary>The PI-1 / PI-2 view of one entity (unit, department or region) over the years it has data.</summary>
public sealed record CredibilityResult(string Entity, IReadOnlyList<OutturnYear> Years, string Pi1Score, string Pi2Score, string Explanation);

/// <summary>
/// Budget credibility in the style of PEFA PI-1 and PI-2 (peers.md §3): outturn ÷ <b>original</b> budget per year,
/// banded 95–105 % (A), 90–110 % (B), 85–115 % (C), else D; scored over the last three years (A when two of three
/// years are in the A band, …); composition variance (PI-2.1) over the entity's funds or projects: each line's
/// original budget scaled by total outturn ÷ total original, variance = Σ|outturn − adjusted| ÷ Σ adjusted, banded
/// &lt;5 % A, &lt;10 % B, &lt;15 % C, else D. Where a table has no 年初预算数 the 全年预算数 (A) stands in, and the basis says so:
/// a budget cut to equal spending then shows as 100 % — which is why the original budget is asked for.
/// </summary>
public static class BudgetCredibility
{
    public static string OutturnBand(decimal? percent) => percent switch
    {
        null => "D*",
        >= 95m and <= 105m => "A",
        >= 90m and <= 110m => "B",
        >= 85m and <= 115m => "C",
        _ => "D",
    };

    public static string VarianceBand(decimal? percent) => percent switch
    {
        null => "D*",
        < 5m => "A",
        < 10m => "B",
        < 15m => "C",
        _ => "D",
    };

    public static IReadOnlyList<CredibilityResult> Assess(IEnumerable<OutturnLine> lines)
    {
        var results = new List<CredibilityResult>();
        foreach (var entity in lines.GroupBy(l => l.Entity).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var years = new List<OutturnYear>();
            foreach (var y in entity.GroupBy(l => l.Year).OrderBy(g => g.Key))
            {
                var usable = y.Where(l => l.Outturn is not null && (l.OriginalBudget ?? l.FinalBudget) is > 0m).ToList();
                var original = usable.Sum(l => (l.OriginalBudget ?? l.FinalBudget)!.Value);
                var outturn = usable.Sum(l => l.Outturn!.Value);
                var percent = Rates.Percent(outturn, original);
                var allOriginal = usable.All(l => l.OriginalBudget is not null);
                var basis = usable.Count == 0 ? "没有可比的预算和执行数"
                    : allOriginal ? "年初预算数" : usable.Any(l => l.OriginalBudget is not null) ? "年初预算数（部分表没有年初数，以全年预算数代替）" : "全年预算数（表中没有年初预算数；调整后的预算会掩盖偏差）";
                decimal? variance = null;
                if (usable.Count >= 2 && original > 0)
                {
                    var scale = outturn / original;
                    var adjusted = usable.Select(l => (l.OriginalBudget ?? l.FinalBudget)!.Value * scale).ToList();
                    var sumAdjusted = adjusted.Sum();
                    if (sumAdjusted > 0)
                        variance = Math.Round(usable.Zip(adjusted).Sum(p => Math.Abs(p.First.Outturn!.Value - p.Second)) / sumAdjusted * 100m, 2, MidpointRounding.AwayFromZero);
                }
                years.Add(new OutturnYear(y.Key, original, outturn, percent, OutturnBand(percent), basis, variance, usable.Count));
            }
            var last3 = years.TakeLast(3).ToList();
            var pi1 = MultiYear(last3.Select(y => y.Band).ToList());
            var pi2 = MultiYear(last3.Select(y => VarianceBand(y.CompositionVariance)).ToList());
            var explanation = last3.Count < 3
                ? $"只有 {last3.Count} 个年度的数据；PEFA 按最近三个年度中至少两年所在的区间评分，此处按已有年度暂评。"
                : "按最近三个年度中至少两年所在的区间评分（PEFA 2016 PI-1.1 / PI-2.1）。";
            results.Add(new CredibilityResult(entity.Key, years, pi1, pi2, explanation));
        }
        return results;
    }

    /// <summary>The best band that at least two of the (up to) three years reach; with one year, that year's band.</summary>
    private static string MultiYear(IReadOnlyList<string> bands)
    {
        if (bands.Count == 0) return "D*";
        if (bands.Count == 1) return bands[0];
        foreach (var b in new[] { "A", "B", "C" })
        {
            var reach = bands.Count(x => x != "D*" && string.CompareOrdinal(x, b) <= 0);
            if (reach >= 2) return b;
        }
        return bands.All(b => b == "D*") ? "D*" : "D";
    }
}
