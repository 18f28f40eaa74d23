using System.Globalization;
using System.Text;
using Jixiao.Core.Indicators;
using Jixiao.Core.Model;
using Jixiao.Core.Money;

namespace Jixiao.Core.Aggregation;

/// <summary>One table going into a 汇总, with the unit it stands for (drill-down label) and its stored id.</summary>
public sealed record AggregationInput(SelfEvaluationTable Table, string Contributor, string? DocumentId = null);

/// <summary>What the 汇总 is of: the department or region, the year and the fund.</summary>
public sealed record AggregationOptions
{
    /// <summary>Who aggregates (主管部门 or region), written into 地方主管部门 of the aggregate.</summary>
    public string? Aggregator { get; init; }
    /// <summary>The region the aggregate stands for (区域绩效目标), for the title.</summary>
    public string? Region { get; init; }
    public int? Year { get; init; }
    /// <summary>The fund name of the aggregate; defaults to the common fund name of the inputs.</summary>
    public string? Fund { get; init; }
    /// <summary>The money unit of the aggregate; defaults to 万元 unless every input is in 元.</summary>
    public MoneyUnit? Unit { get; init; }
}

/// <summary>One unit's share of an aggregated figure.</summary>
public sealed record Contribution(string Contributor, string? DocumentId, decimal? Value, string? Text);

/// <summary>A fund-source row of the aggregate: A and B summed over the units (in the aggregate's unit), B/A recomputed.</summary>
public sealed class AggregatedFundRow
{
    public FundSourceKind Source { get; init; }
    public string Label { get; init; } = "";
    public decimal? Budget { get; set; }
    public decimal? Execution { get; set; }
    /// <summary>B / A × 100 of the sums, two decimals; null when A is 0 or missing.</summary>
    public decimal? Rate { get; set; }
    public List<Contribution> BudgetBy { get; } = [];
    public List<Contribution> ExecutionBy { get; } = [];
}

/// <summary>How an indicator was merged.</summary>
public enum IndicatorMerge
{
    /// <summary>A count (人, 户, 个…): targets and actuals summed.</summary>
    Summed,
    /// <summary>A rate or a standard (%, 元/人/月, 标准): shown as range and weighted value.</summary>
    RangeAndWeighted,
    /// <summary>The same text at every unit (a deadline or qualitative level): kept as written.</summary>
    SameText,
    /// <summary>Not merged: listed per unit.</summary>
    PerUnit,
}

/// <summary>An indicator of the aggregate with the units it came from.</summary>
public sealed class AggregatedIndicator
{
    public string Level1Label { get; init; } = "";
    public string Level2Label { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>The measurement unit the merge matched on ("人", "%", "元/人/月"; "" for none).</summary>
    public string MeasureUnit { get; init; } = "";
    public IndicatorMerge Merge { get; init; }
    /// <summary>The target and actual written into the aggregate table.</summary>
    public string? Target { get; set; }
    public string? Actual { get; set; }
    /// <summary>For <see cref="IndicatorMerge.RangeAndWeighted"/>: the lowest and highest target and actual (in <see cref="MeasureUnit"/>).</summary>
    public decimal? TargetMin { get; set; }
    public decimal? TargetMax { get; set; }
    public decimal? ActualMin { get; set; }
    public decimal? ActualMax { get; set; }
    /// <summary>The weighted target and actual, with <see cref="Basis"/>.</summary>
    public decimal? WeightedTarget { get; set; }
    public decimal? WeightedActual { get; set; }
    /// <summary>For <see cref="IndicatorMerge.Summed"/>: the sums in the base unit (万人 → 人).</summary>
    public decimal? TargetSum { get; set; }
    public decimal? ActualSum { get; set; }
    /// <summary>How the value was formed, in Chinese: "求和", "按各单位全年执行数（B）加权"…</summary>
    public string Basis { get; set; } = "";
    public List<Contribution> Targets { get; } = [];
    public List<Contribution> Actuals { get; } = [];
    /// <summary>The unit a <see cref="IndicatorMerge.PerUnit"/> row belongs to.</summary>
    public string? Contributor { get; init; }
}

/// <summary>The 汇总 of a set of self-evaluation tables for one fund.</summary>
public sealed class AggregationResult
{
    /// <summary>The aggregate as a transfer-payment self-evaluation table: checked and exported like any other.</summary>
    public required TransferSelfEvaluation Table { get; init; }
    public required MoneyUnit Unit { get; init; }
    public List<AggregatedFundRow> Funds { get; } = [];
    public List<AggregatedIndicator> Indicators { get; } = [];
    /// <summary>Every table that went in: unit and document id.</summary>
    public List<Contribution> Contributors { get; } = [];
    /// <summary>What the aggregation did that a reader should know (unit conversions, tables left out).</summary>
    public List<string> Notes { get; } = [];
}

/// <summary>
/// The 汇总 of units' self-evaluation tables for one fund (rules.md R2.5: 主管部门汇总时按区域绩效目标填报). Pure:
/// no I/O, so the CLI and the web give the same figures.
/// <list type="bullet">
/// <item>Fund input: A and B summed by source (in one money unit), B/A recomputed per row.</item>
/// <item>Indicators: merged where the level-3 name and the measurement unit match — counts summed; rates and
/// standards as range and a value weighted by each unit's 全年执行数 (B); identical texts kept — the rest
/// listed per unit.</item>
/// <item>Every aggregated figure keeps the units it came from (<see cref="Contribution"/>).</item>
/// </list>
/// </summary>
public static class SelfEvaluationAggregator
{
    private static readonly FundSourceKind[] SourceOrder =
    [
        FundSourceKind.Total, FundSourceKind.Central, FundSourceKind.Provincial, FundSourceKind.City, FundSourceKind.County,
        FundSourceKind.CityCounty, FundSourceKind.Local, FundSourceKind.CurrentAppropriation, FundSourceKind.CarryOver, FundSourceKind.Other, FundSourceKind.Unknown,
    ];

    /// <summary>True when a table is of the fund: its fund name or title contains <paramref name="fund"/> (spaces and quotes ignored).</summary>
    public static bool MatchesFund(SelfEvaluationTable table, string? fund) => MatchesFund(table.FundName, table.Title, fund);

    /// <summary>The same test on a fund name and a title alone (e.g. the columns a store keeps beside the content).</summary>
    public static bool MatchesFund(string? fundName, string? title, string? fund)
    {
        if (string.IsNullOrWhiteSpace(fund)) return true;
        var f = Normalize(fund);
        return Normalize(fundName).Contains(f, StringComparison.Ordinal) || Normalize(title).Contains(f, StringComparison.Ordinal);
    }

    /// <summary>The text without spaces and quotes; the text itself when it has none (most names: no copy).</summary>
    private static string Normalize(string? s)
    {
        if (s is null) return "";
        var i = 0;
        while (i < s.Length && !IgnoredInFundNames(s[i])) i++;
        if (i == s.Length) return s;
        var kept = new StringBuilder(s.Length).Append(s, 0, i);
        for (; i < s.Length; i++)
            if (!IgnoredInFundNames(s[i])) kept.Append(s[i]);
        return kept.ToString();
    }

    private static bool IgnoredInFundNames(char c) => char.IsWhiteSpace(c) || c is '“' or '”' or '"' or '《' or '》';

    public static AggregationResult Aggregate(IReadOnlyList<AggregationInput> inputs, AggregationOptions? options = null)
    {
        options ??= new AggregationOptions();
        if (inputs.Count == 0) throw new ArgumentException("没有可汇总的自评表。", nameof(inputs));
        var unit = options.Unit ?? (inputs.All(i => (i.Table.DeclaredUnit ?? MoneyUnit.WanYuan) == MoneyUnit.Yuan) ? MoneyUnit.Yuan : MoneyUnit.WanYuan);
        var fund = options.Fund ?? CommonFund(inputs);
        var year = options.Year ?? inputs.Select(i => i.Table.Year).FirstOrDefault(y => y is not null);
        var first = inputs[0].Table;
        var who = options.Region ?? options.Aggregator ?? "";
        var table = new TransferSelfEvaluation
        {
            Id = "aggregate:" + (fund ?? "") + ":" + (year?.ToString(CultureInfo.InvariantCulture) ?? ""),
            Title = $"{fund}转移支付区域绩效自评表（{who}汇总）",
            Year = year,
            FundName = fund,
            CentralDepartment = inputs.Select(i => i.Table.CentralDepartment).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)),
            LocalFinanceDepartment = inputs.Select(i => i.Table.LocalFinanceDepartment).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)),
            CompetentDepartment = options.Aggregator ?? first.CompetentDepartment,
            ImplementingUnit = $"汇总：{string.Join("、", inputs.Select(i => i.Contributor).Distinct())}",
            Unit = options.Aggregator,
            DeclaredUnit = unit,
            Footnotes = [.. first.Footnotes],
        };
        var result = new AggregationResult { Table = table, Unit = unit };
        foreach (var i in inputs) result.Contributors.Add(new Contribution(i.Contributor, i.DocumentId, null, i.Table.Title));
        foreach (var i in inputs)
        {
            var from = i.Table.DeclaredUnit ?? MoneyUnit.WanYuan;
            if (from != unit) result.Notes.Add($"{i.Contributor}：金额单位为{from.ChineseName()}，已换算为{unit.ChineseName()}。");
            if (i.Table.DeclaredUnit is null) result.Notes.Add($"{i.Contributor}：自评表未注明金额单位，按万元汇总。");
        }

        AggregateFunds(inputs, unit, result);
        AggregateIndicators(inputs, result);
        AggregateText(inputs, table);
        return result;
    }

    private static string? CommonFund(IReadOnlyList<AggregationInput> inputs)
    {
        var names = inputs.Select(i => i.Table.FundName).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).Distinct().ToList();
        if (names.Count == 1) return names[0];
        if (names.Count == 0) return inputs[0].Table.Title;
        // The longest common prefix of the names, else the most frequent one.
        var prefix = names.Aggregate((a, b) => new string(a.Zip(b).TakeWhile(p => p.First == p.Second).Select(p => p.First).ToArray()));
        return prefix.Length >= 2 ? prefix : names.GroupBy(n => n).OrderByDescending(g => g.Count()).First().Key;
    }

    private static decimal Convert(decimal value, MoneyUnit from, MoneyUnit to) => from == to ? value : value * from.YuanPer() / to.YuanPer();

    private static void AggregateFunds(IReadOnlyList<AggregationInput> inputs, MoneyUnit unit, AggregationResult result)
    {
        var rows = new Dictionary<FundSourceKind, AggregatedFundRow>();
        foreach (var i in inputs)
        {
            var from = i.Table.DeclaredUnit ?? MoneyUnit.WanYuan;
            var bySource = i.Table.Funds.GroupBy(f => f.Source).ToList();
            foreach (var g in bySource)
            {
                if (!rows.TryGetValue(g.Key, out var row))
                {
                    var label = g.Key == FundSourceKind.Total ? "年度资金总额" : (g.Key == FundSourceKind.Unknown ? Text.Compact(g.First().Label) : g.Key.ChineseName());
                    rows[g.Key] = row = new AggregatedFundRow { Source = g.Key, Label = label };
                }
                decimal? a = null, b = null;
                foreach (var f in g)
                {
                    if (f.Budget.Value is { } av) a = (a ?? 0m) + Convert(av, from, unit);
                    if (f.Execution.Value is { } bv) b = (b ?? 0m) + Convert(bv, from, unit);
                }
                // A total row left blank: the sum of the unit's sources stands for it.
                if (g.Key == FundSourceKind.Total && a is null && b is null)
                {
                    var parts = i.Table.Funds.Where(f => f.Source != FundSourceKind.Total).ToList();
                    if (parts.Any(p => p.Budget.Value is not null)) a = parts.Sum(p => p.Budget.Value is { } v ? Convert(v, from, unit) : 0m);
                    if (parts.Any(p => p.Execution.Value is not null)) b = parts.Sum(p => p.Execution.Value is { } v ? Convert(v, from, unit) : 0m);
                    if (a is not null || b is not null) result.Notes.Add($"{i.Contributor}：年度资金总额未填写，按各来源之和计入。");
                }
                if (a is { } av2) { row.Budget = (row.Budget ?? 0m) + av2; row.BudgetBy.Add(new Contribution(i.Contributor, i.DocumentId, av2, g.First().Budget.Text)); }
                if (b is { } bv2) { row.Execution = (row.Execution ?? 0m) + bv2; row.ExecutionBy.Add(new Contribution(i.Contributor, i.DocumentId, bv2, g.First().Execution.Text)); }
            }
        }
        foreach (var kind in SourceOrder)
        {
            if (!rows.TryGetValue(kind, out var row)) continue;
            row.Rate = row.Budget is { } a && a != 0m ? Rates.Percent(row.Execution ?? 0m, a) : null;
            result.Funds.Add(row);
            result.Table.Funds.Add(new FundRow
            {
                Label = kind == FundSourceKind.Total ? row.Label : (result.Table.Funds.Count == 1 ? "其中：" : "") + row.Label,
                Source = kind,
                Budget = row.Budget is { } av ? Money(av) : Figure.Blank(),
                Execution = row.Execution is { } bv ? Money(bv) : Figure.Blank(),
                Rate = row.Rate is { } r ? Figure.Parse(NumberText.FormatPercent(r)) : Figure.Blank(),
            });
        }
    }

    private static Figure Money(decimal v)
    {
        var rounded = Math.Round(v, 2, MidpointRounding.AwayFromZero);
        return new Figure { Text = NumberText.Format(rounded), Value = rounded };
    }

    /// <summary>Each unit's weight for weighted indicator values: its 全年执行数 B (total row), else its budget A.</summary>
    private static decimal? WeightOf(SelfEvaluationTable t)
    {
        var total = t.TotalFund;
        var unit = t.DeclaredUnit ?? MoneyUnit.WanYuan;
        var v = total?.Execution.Value ?? total?.Budget.Value;
        return v is { } x && x > 0 ? Convert(x, unit, MoneyUnit.Yuan) : null;
    }

    /// <summary>
    /// One input as the indicator merge sees it: <see cref="Identity"/> is the position of the first input equal to it
    /// (record equality: the same table, unit and id), so units are counted once per group without hashing records;
    /// <see cref="Weight"/> is <see cref="WeightOf"/>, computed once per table rather than once per indicator.
    /// </summary>
    private sealed record Unit(AggregationInput Input, int Identity, decimal? Weight);

    private sealed record Item(Unit Unit, IndicatorRow Row, IndicatorValue Target, IndicatorValue Actual, string MeasureUnit, string CompactName)
    {
        public AggregationInput Input => Unit.Input;
    }

    private static string MeasureUnitOf(IndicatorValue v) => v is QuantityValue q ? q.Unit : "";

    private static bool IsRateOrStandard(string name, string unit) =>
        unit == "%" || unit.Contains('/') || name.Contains("率", StringComparison.Ordinal) || name.Contains("标准", StringComparison.Ordinal)
        || name.Contains("人均", StringComparison.Ordinal) || name.Contains("满意度", StringComparison.Ordinal);

    private static void AggregateIndicators(IReadOnlyList<AggregationInput> inputs, AggregationResult result)
    {
        var identities = Identities(inputs);
        var items = new List<Item>(inputs.Sum(i => i.Table.Indicators.Count));
        for (var k = 0; k < inputs.Count; k++)
        {
            var i = inputs[k];
            var unit = new Unit(i, identities[k], WeightOf(i.Table));
            foreach (var row in i.Table.Indicators)
            {
                var target = IndicatorParser.Parse(row.EffectiveTarget);
                items.Add(new Item(unit, row, target, IndicatorParser.Parse(row.Actual), MeasureUnitOf(target), Text.Compact(row.Name)));
            }
        }
        // Groups by level-3 name and measurement unit, in the order first seen.
        var groups = new Dictionary<(string Name, string MeasureUnit), List<Item>>();
        var order = new List<List<Item>>();
        // The items of each level-3 name (whatever the unit), in input order, and the first item of each unit and
        // exact name: looked up once per aggregated row instead of scanning every unit's every indicator for each
        // row (quadratic at a region's thousands of tables).
        var byName = new Dictionary<string, List<Item>>(StringComparer.Ordinal);
        foreach (var x in items)
        {
            if (!groups.TryGetValue((x.CompactName, x.MeasureUnit), out var group))
            {
                groups[(x.CompactName, x.MeasureUnit)] = group = [];
                order.Add(group);
            }
            group.Add(x);
            if (!byName.TryGetValue(x.CompactName, out var same)) byName[x.CompactName] = same = [];
            same.Add(x);
        }
        var rows = new List<(AggregatedIndicator Indicator, Item Source)>(items.Count);
        foreach (var list in order)
        {
            AggregatedIndicator? merged = null;
            if (FromSeveralUnits(list))
            {
                if (list.TrueForAll(x => x.Target is QuantityValue { Change: QuantityChange.None }))
                    merged = IsRateOrStandard(list[0].CompactName, list[0].MeasureUnit) ? Weighted(list) : Summed(list);
                else if (SameTarget(list))
                    merged = SameText(list);
            }
            if (merged is not null)
            {
                rows.Add((merged, list[0]));
                continue;
            }
            foreach (var x in list)
            {
                var per = new AggregatedIndicator
                {
                    Level1Label = x.Row.Level1Label,
                    Level2Label = x.Row.Level2Label,
                    Name = x.Row.Name,
                    MeasureUnit = x.MeasureUnit,
                    Merge = IndicatorMerge.PerUnit,
                    Contributor = x.Input.Contributor,
                    Target = x.Row.EffectiveTarget,
                    Actual = x.Row.Actual,
                    Basis = "未合并：各单位指标名称或计量单位不同，按单位列示",
                };
                per.Targets.Add(new Contribution(x.Input.Contributor, x.Input.DocumentId, (x.Target as QuantityValue)?.Normalized, x.Row.EffectiveTarget));
                per.Actuals.Add(new Contribution(x.Input.Contributor, x.Input.DocumentId, (x.Actual as QuantityValue)?.Normalized, x.Row.Actual));
                rows.Add((per, x));
            }
        }
        // A merged row's reasons are those of every unit's indicator of its name: joined once per name.
        var reasonsByName = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (ind, source) in rows)
        {
            result.Indicators.Add(ind);
            var first = byName[source.CompactName][0];
            string? reason;
            if (ind.Merge == IndicatorMerge.PerUnit)
                // The row's own indicator's (a unit with two tables of the same indicator has two rows, two reasons).
                reason = source.Row.DeviationReason;
            else if (!reasonsByName.TryGetValue(source.CompactName, out reason))
                reasonsByName[source.CompactName] = reason = JoinReasons(byName[source.CompactName]);
            result.Table.Indicators.Add(new IndicatorRow
            {
                Level1Label = ind.Level1Label,
                Level1 = first.Row.Level1,
                Level2Label = ind.Level2Label,
                Level2 = first.Row.Level2,
                Name = ind.Merge == IndicatorMerge.PerUnit ? $"{ind.Name}（{ind.Contributor}）" : ind.Name,
                Target = ind.Target,
                Actual = ind.Actual,
                DeviationReason = reason,
            });
        }
    }

    /// <summary>
    /// For each input, the position of the first input equal to it (the same table, unit and id). Keyed on the two
    /// strings, the table compared by reference: hashing the records would hash each table by identity, which writes
    /// every table's object header and cost more than the rest of the merge.
    /// </summary>
    private static int[] Identities(IReadOnlyList<AggregationInput> inputs)
    {
        var identities = new int[inputs.Count];
        var seen = new Dictionary<(string Contributor, string? DocumentId), List<int>>(inputs.Count);
        for (var k = 0; k < inputs.Count; k++)
        {
            var i = inputs[k];
            identities[k] = k;
            if (!seen.TryGetValue((i.Contributor, i.DocumentId), out var same)) seen[(i.Contributor, i.DocumentId)] = same = [];
            var equal = same.FindIndex(j => ReferenceEquals(inputs[j].Table, i.Table));
            if (equal >= 0) identities[k] = same[equal];
            else same.Add(k);
        }
        return identities;
    }

    /// <summary>True when the items come from at least two different inputs.</summary>
    private static bool FromSeveralUnits(List<Item> list)
    {
        var identity = list[0].Unit.Identity;
        foreach (var x in list)
            if (x.Unit.Identity != identity) return true;
        return false;
    }

    /// <summary>True when every item's target reads the same once trimmed (a missing target only equals a missing one).</summary>
    private static bool SameTarget(List<Item> list)
    {
        var first = list[0].Row.EffectiveTarget;
        foreach (var x in list)
        {
            var t = x.Row.EffectiveTarget;
            if (t is null != first is null) return false;
            if (t is not null && !t.AsSpan().Trim().SequenceEqual(first.AsSpan().Trim())) return false;
        }
        return true;
    }

    private static string? JoinReasons(IEnumerable<Item> items)
    {
        var reasons = items.Where(x => !string.IsNullOrWhiteSpace(x.Row.DeviationReason) && x.Row.DeviationReason!.Trim() is not ("无" or "/"))
            .Select(x => $"{x.Input.Contributor}：{x.Row.DeviationReason!.Trim()}").ToList();
        return reasons.Count == 0 ? null : string.Join("；", reasons);
    }

    private static AggregatedIndicator Base(List<Item> list, IndicatorMerge merge) => new()
    {
        Level1Label = list[0].Row.Level1Label,
        Level2Label = list[0].Row.Level2Label,
        Name = list[0].Row.Name,
        MeasureUnit = list[0].MeasureUnit,
        Merge = merge,
    };

    private static void AddContributions(AggregatedIndicator ind, List<Item> list)
    {
        ind.Targets.EnsureCapacity(list.Count);
        ind.Actuals.EnsureCapacity(list.Count);
        foreach (var x in list)
        {
            ind.Targets.Add(new Contribution(x.Input.Contributor, x.Input.DocumentId, (x.Target as QuantityValue)?.Normalized, x.Row.EffectiveTarget));
            ind.Actuals.Add(new Contribution(x.Input.Contributor, x.Input.DocumentId, ActualNumber(x), x.Row.Actual));
        }
    }

    /// <summary>The actual in the target's unit: "3.33万人" → 33300; a bare "6.12" under a "≥6万人" target is read in the target's scale.</summary>
    private static decimal? ActualNumber(Item x)
    {
        if (x.Target is not QuantityValue t) return null;
        return x.Actual switch
        {
            QuantityValue a when a.Unit == t.Unit => a.Normalized,
            QuantityValue a when a.Unit == "" => a.Number * t.Scale,
            _ => null,
        };
    }

    private static string Symbol(Comparator c) => c switch
    {
        Comparator.GreaterOrEqual => "≥",
        Comparator.Greater => ">",
        Comparator.LessOrEqual => "≤",
        Comparator.Less => "<",
        Comparator.Equal => "=",
        _ => "",
    };

    private static string Num(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    private static AggregatedIndicator Summed(List<Item> list)
    {
        var ind = Base(list, IndicatorMerge.Summed);
        AddContributions(ind, list);
        var targets = list.Select(x => (QuantityValue)x.Target).ToList();
        ind.TargetSum = targets.Sum(t => t.Normalized);
        var actuals = list.Select(ActualNumber).ToList();
        ind.ActualSum = actuals.All(a => a is not null) ? actuals.Sum(a => a!.Value) : null;
        var comparators = targets.Select(t => t.Comparator).Distinct().ToList();
        var cmp = comparators.Count == 1 ? Symbol(comparators[0]) : "";
        // Written in the scale all units used (万人), else in the base unit.
        var scales = targets.Select(t => t.Scale).Distinct().ToList();
        var scale = scales.Count == 1 ? scales[0] : 1m;
        var scaleWord = scale switch { 10_000m => "万", 100_000_000m => "亿", 1_000m => "千", _ => "" };
        ind.Target = cmp + Num(ind.TargetSum.Value / scale) + scaleWord + ind.MeasureUnit;
        ind.Actual = ind.ActualSum is { } s ? Num(s / scale) + scaleWord + ind.MeasureUnit : null;
        ind.Basis = ind.ActualSum is null ? "求和（部分单位的实际完成值不是同一计量单位的数字，未能求和）" : "各单位求和";
        return ind;
    }

    private static AggregatedIndicator Weighted(List<Item> list)
    {
        var ind = Base(list, IndicatorMerge.RangeAndWeighted);
        AddContributions(ind, list);
        var weights = list.Select(x => x.Unit.Weight).ToList();
        var useWeights = weights.All(w => w is not null);
        ind.Basis = useWeights ? "范围与按各单位全年执行数（B）加权的值" : "范围与简单平均（部分单位没有执行数，不能加权）";
        var targets = list.Select(x => ((QuantityValue)x.Target).Normalized).ToList();
        ind.TargetMin = targets.Min();
        ind.TargetMax = targets.Max();
        ind.WeightedTarget = WeightedMean(targets.Select(v => (decimal?)v).ToList(), weights, useWeights);
        var actuals = list.Select(ActualNumber).ToList();
        if (actuals.Any(a => a is not null))
        {
            ind.ActualMin = actuals.Where(a => a is not null).Min();
            ind.ActualMax = actuals.Where(a => a is not null).Max();
            ind.WeightedActual = actuals.All(a => a is not null) ? WeightedMean(actuals, weights, useWeights) : null;
        }
        var comparators = list.Select(x => ((QuantityValue)x.Target).Comparator).Distinct().ToList();
        var cmp = comparators.Count == 1 ? Symbol(comparators[0]) : "";
        // The table shows the weighted value (readable by the indicator language); the range is in the drill-down.
        ind.Target = ind.WeightedTarget is { } wt ? cmp + Num(wt) + ind.MeasureUnit : null;
        ind.Actual = ind.WeightedActual is { } wa ? Num(wa) + ind.MeasureUnit : null;
        return ind;
    }

    private static decimal? WeightedMean(List<decimal?> values, List<decimal?> weights, bool useWeights)
    {
        if (values.Any(v => v is null)) return null;
        if (!useWeights) return values.Average(v => v!.Value);
        var w = weights.Sum(x => x!.Value);
        return w == 0 ? null : values.Zip(weights).Sum(p => p.First!.Value * p.Second!.Value) / w;
    }

    private static AggregatedIndicator SameText(List<Item> list)
    {
        var ind = Base(list, IndicatorMerge.SameText);
        AddContributions(ind, list);
        ind.Target = list[0].Row.EffectiveTarget;
        var actuals = list.Select(x => x.Row.Actual?.Trim()).Distinct().ToList();
        ind.Actual = actuals.Count == 1 ? actuals[0] : string.Join("；", list.Select(x => $"{x.Input.Contributor}：{x.Row.Actual}"));
        ind.Basis = "各单位指标值相同";
        return ind;
    }

    private static readonly string[] Aspects = ["分配科学性", "下达及时性", "拨付合规性", "使用规范性", "执行准确性", "预算绩效管理情况", "支出责任履行情况"];

    private static void AggregateText(IReadOnlyList<AggregationInput> inputs, TransferSelfEvaluation table)
    {
        // The texts of every input (by position), joined: one text when all units wrote the same.
        string? Join(Func<int, string?> pick)
        {
            var parts = new List<(string Contributor, string Text)>();
            for (var n = 0; n < inputs.Count; n++)
                if (pick(n)?.Trim() is { } text && !string.IsNullOrWhiteSpace(text)) parts.Add((inputs[n].Contributor, text));
            if (parts.Count == 0) return null;
            if (parts.Count == inputs.Count && parts.TrueForAll(p => p.Text == parts[0].Text)) return parts[0].Text;
            return string.Join("\n", parts.Select(p => $"{p.Contributor}：{p.Text}"));
        }
        // Each table's item of each aspect (the first whose compacted name is the aspect), found once per table.
        var items = new ManagementItem?[inputs.Count, Aspects.Length];
        for (var n = 0; n < inputs.Count; n++)
            foreach (var m in inputs[n].Table.Management)
            {
                var k = Array.IndexOf(Aspects, Text.Compact(m.Aspect));
                if (k >= 0) items[n, k] ??= m;
            }
        for (var k = 0; k < Aspects.Length; k++)
        {
            table.Management.Add(new ManagementItem
            {
                Aspect = Aspects[k],
                Description = Join(n => items[n, k]?.Description),
                Problems = Join(n => items[n, k]?.Problems),
            });
        }
        table.OverallGoal = Join(n => inputs[n].Table.OverallGoal);
        table.OverallActual = Join(n => inputs[n].Table.OverallActual);
        var remarks = inputs.Select(i => (i.Contributor, Text: i.Table.Remarks?.Trim()))
            .Where(p => !string.IsNullOrWhiteSpace(p.Text) && p.Text != "无").ToList();
        table.Remarks = remarks.Count == 0 ? "无" : string.Join("\n", remarks.Select(p => $"{p.Contributor}：{p.Text}"));
    }
}
