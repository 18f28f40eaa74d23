using System.Globalization;
using Jixiao.Core.Aggregation;
using Jixiao.Core.Indicators;
using Jixiao.Core.Model;
using Jixiao.Core.Money;

namespace Jixiao.Bench.Tests.Aggregation;

// The oracle: SelfEvaluationAggregator as it was before the aggregation was made fast (main at 23a0e11), kept
// verbatim apart from its name, so that AggregationEquivalenceTests can show the fast one gives the same 汇总.
/// <summary>
/// (Reference copy.) The 汇总 of units' self-evaluation tables for one fund (rules.md R2.5: 主管部门汇总时按区域绩效目标填报). Pure:
/// no I/O, so the CLI and the web give the same figures.
/// <list type="bullet">
/// <item>Fund input: A and B summed by source (in one money unit), B/A recomputed per row.</item>
/// <item>Indicators: merged where the level-3 name and the measurement unit match — counts summed; rates and
/// standards as range and a value weighted by each unit's 全年执行数 (B); identical texts kept — the rest
/// listed per unit.</item>
/// <item>Every aggregated figure keeps the units it came from (<see cref="Contribution"/>).</item>
/// </list>
/// </summary>
public static class ReferenceAggregator
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

    private static string Normalize(string? s) =>
        new((s ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('“' or '”' or '"' or '《' or '》')).ToArray());

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

    private sealed record Item(AggregationInput Input, IndicatorRow Row, IndicatorValue Target, IndicatorValue Actual, string MeasureUnit, string CompactName);

    private static string MeasureUnitOf(IndicatorValue v) => v is QuantityValue q ? q.Unit : "";

    private static bool IsRateOrStandard(string name, string unit) =>
        unit == "%" || unit.Contains('/') || name.Contains("率", StringComparison.Ordinal) || name.Contains("标准", StringComparison.Ordinal)
        || name.Contains("人均", StringComparison.Ordinal) || name.Contains("满意度", StringComparison.Ordinal);

    private static void AggregateIndicators(IReadOnlyList<AggregationInput> inputs, AggregationResult result)
    {
        var items = new List<Item>();
        foreach (var i in inputs)
            foreach (var row in i.Table.Indicators)
            {
                var target = IndicatorParser.Parse(row.EffectiveTarget);
                items.Add(new Item(i, row, target, IndicatorParser.Parse(row.Actual), MeasureUnitOf(target), Text.Compact(row.Name)));
            }
        // Groups by level-3 name and measurement unit, in the order first seen.
        var groups = items.GroupBy(x => (Name: x.CompactName, x.MeasureUnit)).ToList();
        // The items of each level-3 name (whatever the unit), in input order: looked up once per aggregated row
        // instead of scanning every unit's every indicator for each row (quadratic at a region's thousands of tables).
        var byName = new Dictionary<string, List<Item>>(StringComparer.Ordinal);
        foreach (var x in items)
        {
            if (!byName.TryGetValue(x.CompactName, out var same)) byName[x.CompactName] = same = [];
            same.Add(x);
        }
        var ownReason = new Dictionary<AggregatedIndicator, string?>(ReferenceEqualityComparer.Instance);
        foreach (var g in groups)
        {
            var list = g.ToList();
            var contributors = list.Select(x => x.Input).Distinct().Count();
            AggregatedIndicator? merged = null;
            if (contributors >= 2)
            {
                if (list.All(x => x.Target is QuantityValue { Change: QuantityChange.None }))
                    merged = IsRateOrStandard(g.Key.Name, g.Key.MeasureUnit) ? Weighted(list) : Summed(list);
                else if (list.Select(x => x.Row.EffectiveTarget?.Trim()).Distinct().Count() == 1)
                    merged = SameText(list);
            }
            if (merged is not null)
            {
                result.Indicators.Add(merged);
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
                result.Indicators.Add(per);
                ownReason[per] = x.Row.DeviationReason;
            }
        }
        foreach (var ind in result.Indicators)
        {
            var named = byName[Text.Compact(ind.Name)];
            var first = named[0];
            result.Table.Indicators.Add(new IndicatorRow
            {
                Level1Label = ind.Level1Label,
                Level1 = first.Row.Level1,
                Level2Label = ind.Level2Label,
                Level2 = first.Row.Level2,
                Name = ind.Merge == IndicatorMerge.PerUnit ? $"{ind.Name}（{ind.Contributor}）" : ind.Name,
                Target = ind.Target,
                Actual = ind.Actual,
                // A per-unit row keeps its own indicator's reason (a unit with two tables has two rows, two reasons).
                DeviationReason = ind.Merge == IndicatorMerge.PerUnit ? ownReason[ind] : JoinReasons(named),
            });
        }
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
        var weights = list.Select(x => WeightOf(x.Input.Table)).ToList();
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
        string? Join(Func<SelfEvaluationTable, string?> pick)
        {
            var parts = inputs.Select(i => (i.Contributor, Text: pick(i.Table)?.Trim())).Where(p => !string.IsNullOrWhiteSpace(p.Text)).ToList();
            if (parts.Count == 0) return null;
            if (parts.Select(p => p.Text).Distinct().Count() == 1 && parts.Count == inputs.Count) return parts[0].Text;
            return string.Join("\n", parts.Select(p => $"{p.Contributor}：{p.Text}"));
        }
        foreach (var aspect in Aspects)
        {
            table.Management.Add(new ManagementItem
            {
                Aspect = aspect,
                Description = Join(t => t.Management.FirstOrDefault(m => Text.Compact(m.Aspect) == aspect)?.Description),
                Problems = Join(t => t.Management.FirstOrDefault(m => Text.Compact(m.Aspect) == aspect)?.Problems),
            });
        }
        table.OverallGoal = Join(t => t.OverallGoal);
        table.OverallActual = Join(t => t.OverallActual);
        var remarks = inputs.Select(i => (i.Contributor, Text: i.Table.Remarks?.Trim()))
            .Where(p => !string.IsNullOrWhiteSpace(p.Text) && p.Text != "无").ToList();
        table.Remarks = remarks.Count == 0 ? "无" : string.Join("\n", remarks.Select(p => $"{p.Contributor}：{p.Text}"));
    }
}
