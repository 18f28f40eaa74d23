using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Core.Provenance;

namespace Jixiao.Core.Checks.SelfEvaluation;

/// <summary>
/// The figures of a report's text: its own sums ("X万元，其中 A、B、C"; "A，B，合计 X"), the execution rates
/// and shares it states, and its amounts by fund source against the tables it covers.
/// </summary>
public static partial class ReportChecks
{
    private static readonly string[] BudgetWords = ["预算", "投入", "合计", "下达", "安排", "资金", "筹集", "总额", "结余"];
    private static readonly string[] SpendWords = ["执行", "支出", "拨付", "使用", "到位"];
    private static readonly string[] TotalWords = ["合计", "共计", "总计", "总额"];

    [GeneratedRegex(@"(中央|自治区|省级|省财政|盟市|市级|市本级|市财政|旗县|县级|县财政|地方)[^，,。；;、\d]{0,14}?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*万元")]
    private static partial Regex SourceAmount();

    public static void Run(ReportText text, IReadOnlyList<SelfEvaluationTable> tables, string documentId, CheckContext ctx)
    {
        var s = text.Sentences;
        for (var k = 0; k < s.Count; k++)
        {
            CheckWhereof(s, k, ctx);
            CheckTotals(s[k], ctx);
            CheckRates(s, k, ctx);
            CheckCompletion(s[k], ctx);
        }
        if (tables.Count > 0)
        {
            CheckAgainstTables(text, tables, ctx);
            CheckIndicators(text, tables, ctx);
        }
        else
        {
            ctx.NotRun(RuleCatalog.ReportTable, "报告没有对应的自评表");
            ctx.NotRun(RuleCatalog.ReportIndicator, "报告没有对应的自评表");
        }
    }

    private static decimal Yuan(Mention m) => m.Value * (m.Unit ?? MoneyUnit.Yuan).YuanPer();

    private static decimal Tolerance(IEnumerable<Mention> ms)
    {
        // each figure may be rounded to half a unit of its last printed digit
        var t = 0m;
        foreach (var m in ms) t += Rates.HalfUnit(m.Decimals) * (m.Unit ?? MoneyUnit.Yuan).YuanPer();
        return t;
    }

    /// <summary>
    /// "X万元，其中：A万元，B万元…" — the parts (or a leading run of them) add up to X; shares "占…的Y%" equal part/X.
    /// When the parts alternate budget and spending ("投入 A，已执行 B；…"), each kind is summed against its own total.
    /// </summary>
    private static void CheckWhereof(IReadOnlyList<ReportSentence> s, int k, CheckContext ctx)
    {
        var p = s[k].Text.IndexOf("其中", StringComparison.Ordinal);
        if (p >= 0) CheckWhereof(s, k, p, ctx);
    }

    /// <summary>The sums of a sentence with "其中" at <paramref name="p"/> (apart, so other sentences cost no closure).</summary>
    private static void CheckWhereof(IReadOnlyList<ReportSentence> s, int k, int p, CheckContext ctx)
    {
        var sentence = s[k];
        var before = Labelled(sentence).Where(c => c.M.End <= p).ToList();
        if (before.Count == 0 && p <= 2 && k > 0) before = Labelled(s[k - 1]).ToList();
        if (before.Count == 0) return;
        var parts = Labelled(sentence).Where(c => c.M.Start > p).ToList();
        if (parts.Count < 2) return;
        static bool IsSpend(string prefix) => SpendWords.Any(prefix.Contains);
        var spendParts = parts.Where(c => IsSpend(c.Prefix)).Select(c => c.M).ToList();
        var budgetParts = parts.Where(c => !IsSpend(c.Prefix)).Select(c => c.M).ToList();
        if (spendParts.Count >= 2 && budgetParts.Count >= 2)
        {
            var xs = before.LastOrDefault(c => IsSpend(c.Prefix)).M;
            var xb = before.LastOrDefault(c => !IsSpend(c.Prefix)).M;
            if (xs is not null) SumAgainst(sentence, xs, spendParts, ctx);
            if (xb is not null) SumAgainst(sentence, xb, budgetParts, ctx);
            return;
        }
        var x = before[^1].M;
        var all = parts.Select(c => c.M).ToList();
        SumAgainst(sentence, x, all, ctx);
        CheckShares(sentence, all, x, ctx);
    }

    private static void SumAgainst(ReportSentence sentence, Mention x, List<Mention> parts, CheckContext ctx)
    {
        var collapsed = CollapseSubtotals(parts);
        var ok = false;
        decimal running = 0m;
        for (var i = 0; i < collapsed.Count && !ok; i++)
        {
            running += Yuan(collapsed[i]);
            ok = Math.Abs(running - Yuan(x)) <= Tolerance(collapsed.Take(i + 1).Append(x));
        }
        if (ok) { ctx.Checked(RuleCatalog.ReportSum); return; }
        var sum = collapsed.Sum(Yuan);
        var unit = x.Unit ?? MoneyUnit.Yuan;
        ctx.Report(RuleCatalog.ReportSum, Where(sentence, x.Text),
            $"报告称“{x.Text}，其中 {string.Join("、", parts.Select(m => m.Text))}”，分项合计为 {NumberText.Format(sum / unit.YuanPer())}{unit.ChineseName()}，与 {x.Text} 不符。",
            x.Text, NumberText.Format(sum / unit.YuanPer()) + unit.ChineseName());
    }

    private static void CheckShares(ReportSentence sentence, List<Mention> parts, Mention total, CheckContext ctx)
    {
        foreach (var part in parts)
        {
            var pct = sentence.Mentions.FirstOrDefault(m => m.IsPercent && m.Start > part.End && m.Start - part.End <= 14);
            if (pct is null) continue;
            var between = sentence.Text[part.End..pct.Start];
            if (!between.Contains('占')) continue;
            if (parts.Any(o => o.Start > part.End && o.Start < pct.Start)) continue;
            var exact = Yuan(part) / Yuan(total) * 100m;
            if (Rates.AgreesAtStatedPrecision(pct.Value, pct.Decimals, exact)) ctx.Checked(RuleCatalog.ReportShare);
            else ctx.Report(RuleCatalog.ReportShare, Where(sentence, part.Text),
                $"报告称 {part.Text}{between}{pct.Text}，按 {part.Text} ÷ {total.Text} 应为 {NumberText.FormatPercent(Math.Round(exact, Math.Max(pct.Decimals, 2), MidpointRounding.AwayFromZero), Math.Max(pct.Decimals, 2))}。",
                pct.Text, NumberText.FormatPercent(Math.Round(exact, Math.Max(pct.Decimals, 2), MidpointRounding.AwayFromZero), Math.Max(pct.Decimals, 2)));
        }
    }

    /// <summary>"A万元，B万元，合计 X万元" — the amounts before 合计/共计 (after collapsing stated subtotals) add up to X.</summary>
    private static void CheckTotals(ReportSentence sentence, CheckContext ctx)
    {
        foreach (var word in SumWords)
        {
            var p = sentence.Text.IndexOf(word, StringComparison.Ordinal);
            if (p >= 0 && CheckTotal(sentence, word, p, ctx)) return;
        }
    }

    private static readonly string[] SumWords = ["合计", "共计", "总计"];

    /// <summary>
    /// "A，B，合计 X" with the word at <paramref name="p"/>: X against the amounts before it. False when the word has no
    /// amount right after it or fewer than two before it (the next word is tried).
    /// </summary>
    private static bool CheckTotal(ReportSentence sentence, string word, int p, CheckContext ctx)
    {
        var x = sentence.Mentions.FirstOrDefault(m => !m.IsPercent && m.Start >= p && m.Start - p <= 12);
        if (x is null) return false;
        var parts = sentence.Mentions.Where(m => !m.IsPercent && m.End <= p).ToList();
        if (parts.Count < 2) return false;
        var collapsed = CollapseSubtotals(parts);
        var ok = false;
        for (var i = collapsed.Count - 1; i >= 0 && !ok; i--)
        {
            var suffix = collapsed.Skip(i).ToList();
            ok = Math.Abs(suffix.Sum(Yuan) - Yuan(x)) <= Tolerance(suffix.Append(x));
        }
        if (ok) ctx.Checked(RuleCatalog.ReportSum);
        else
        {
            var unit = x.Unit ?? MoneyUnit.Yuan;
            ctx.Report(RuleCatalog.ReportSum, Where(sentence, x.Text),
                $"报告称 {string.Join("、", parts.Select(m => m.Text))}，{word} {x.Text}，但前列金额之和为 {NumberText.Format(collapsed.Sum(Yuan) / unit.YuanPer())}{unit.ChineseName()}。",
                x.Text, NumberText.Format(collapsed.Sum(Yuan) / unit.YuanPer()) + unit.ChineseName());
        }
        return true;
    }

    /// <summary>Drops the parts that a stated subtotal before them already counts: [T, a, b, c, d] with T = a+b+c → [T, d].</summary>
    private static List<Mention> CollapseSubtotals(List<Mention> parts)
    {
        var result = new List<Mention>(parts);
        for (var i = 0; i < result.Count; i++)
        {
            decimal running = 0m;
            for (var j = i + 1; j < result.Count; j++)
            {
                running += Yuan(result[j]);
                if (j > i + 1 && Math.Abs(running - Yuan(result[i])) <= Tolerance(result.Skip(i).Take(j - i + 1)))
                {
                    result.RemoveRange(i + 1, j - i);
                    break;
                }
            }
        }
        return result;
    }

    /// <summary>"执行率 R%": R = B ÷ A for the nearest spending amount B before it and the budget amount A before that.</summary>
    private static void CheckRates(IReadOnlyList<ReportSentence> s, int k, CheckContext ctx)
    {
        var sentence = s[k];
        foreach (var pct in sentence.Mentions)
        {
            if (!pct.IsPercent || !sentence.Text.AsSpan(Math.Max(0, pct.Start - 8)..pct.Start).Contains("执行率", StringComparison.Ordinal)) continue;
            var candidates = new List<(Mention M, string Prefix, bool Part)>();
            if (k > 0) candidates.AddRange(LabelledParts(s[k - 1]));
            candidates.AddRange(LabelledParts(sentence).Where(c => c.M.End <= pct.Start));
            var bIdx = candidates.FindLastIndex(c => SpendWords.Any(c.Prefix.Contains));
            if (bIdx <= 0) continue;
            // A is the budget the spending is measured against: the whole, not a part listed after its "其中",
            // unless the spending is itself such a part ("其中中央资金300万元，执行270万元，执行率90%").
            var bIsPart = candidates[bIdx].Part;
            var aIdx = candidates.FindLastIndex(bIdx - 1, bIdx, c => BudgetWords.Any(c.Prefix.Contains) && !SpendWords.Any(c.Prefix.Contains) && (bIsPart || !c.Part));
            if (aIdx < 0) continue;
            var a = candidates[aIdx].M;
            var b = candidates[bIdx].M;
            if (Yuan(a) == 0m) continue;
            var exact = Yuan(b) / Yuan(a) * 100m;
            if (Rates.AgreesAtStatedPrecision(pct.Value, pct.Decimals, exact)) ctx.Checked(RuleCatalog.ReportRate);
            else
            {
                var expected = NumberText.FormatPercent(Math.Round(exact, 2, MidpointRounding.AwayFromZero));
                ctx.Report(RuleCatalog.ReportRate, Where(sentence, pct.Text),
                    $"报告称执行率 {pct.Text}，按 {b.Text} ÷ {a.Text} 应为 {expected}。", pct.Text, expected);
            }
        }
    }

    [GeneratedRegex(@"((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(万人|人次|人|户|个|家|所|名|件|次|项|元/人/月|元/人/年|元/人|元|%)")]
    private static partial Regex Quantity();

    /// <summary>"目标指标值为 2300 人，…实际完成 2865 人，完成年度预期目标的 124.57%": X = B ÷ A, and a large X needs a reason.</summary>
    private static void CheckCompletion(ReportSentence sentence, CheckContext ctx)
    {
        var text = sentence.Text;
        foreach (var pct in sentence.Mentions)
        {
            if (!pct.IsPercent) continue;
            var head = text.AsSpan(Math.Max(0, pct.Start - 14)..pct.Start);
            if (!head.Contains("完成", StringComparison.Ordinal) || !head.Contains('的') || !(head.Contains("目标", StringComparison.Ordinal) || head.Contains("计划", StringComparison.Ordinal))) continue;
            var targetAt = text.LastIndexOf("指标值", pct.Start, StringComparison.Ordinal);
            if (targetAt < 0) targetAt = text.LastIndexOf("目标值", pct.Start, StringComparison.Ordinal);
            var actualAt = text.LastIndexOf("实际完成", pct.Start, StringComparison.Ordinal);
            if (targetAt < 0 || actualAt < 0 || actualAt < targetAt) continue;
            var a = Quantity().Match(text, targetAt);
            var b = Quantity().Match(text, actualAt);
            if (!a.Success || !b.Success || a.Index >= actualAt || b.Index >= pct.Start) continue;
            if (a.Groups[2].Value != b.Groups[2].Value) continue;
            // "≥90%，实际完成 100%，完成年度预期目标的 100%" means fully achieved, not 100 ÷ 90.
            if (a.Groups[2].Value == "%") continue;
            if (NumberText.TryParse(a.Groups[1].Value) is not { } av || NumberText.TryParse(b.Groups[1].Value) is not { } bv || av == 0m) continue;
            var exact = bv / av * 100m;
            if (Rates.AgreesAtStatedPrecision(pct.Value, pct.Decimals, exact)) ctx.Checked(RuleCatalog.ReportCompletion);
            else ctx.Report(RuleCatalog.ReportCompletion, Where(sentence, pct.Text),
                $"报告称完成目标的 {pct.Text}，按实际 {b.Value} ÷ 目标 {a.Value} 应为 {NumberText.FormatPercent(Math.Round(exact, 2, MidpointRounding.AwayFromZero))}。",
                pct.Text, NumberText.FormatPercent(Math.Round(exact, 2, MidpointRounding.AwayFromZero)));
            if (a.Groups[2].Value == "%") continue;
            var threshold = ctx.RuleSet.OverCompletionThreshold * 100m;
            if (exact < threshold) { ctx.Checked(RuleCatalog.ReportOverCompletion); continue; }
            if (text.Contains("原因") || text.Contains("由于") || text.Contains('因') || text.Contains("主要是"))
                ctx.Checked(RuleCatalog.ReportOverCompletion);
            else ctx.Report(RuleCatalog.ReportOverCompletion, Where(sentence, pct.Text),
                $"报告称实际完成 {b.Value}，达到目标 {a.Value} 的 {pct.Text}，超过 {NumberText.FormatPercent(threshold, 0)}，但未分析原因（指标值是否设定偏低）。",
                pct.Text, "说明超额完成的原因");
        }
    }

    /// <summary>
    /// The labelled amounts of a sentence, each marked when it is a part listed after "其中" of an amount before it —
    /// not one labelled as a total again ("…，年度资金合计 3914.95 万元").
    /// </summary>
    private static IEnumerable<(Mention M, string Prefix, bool Part)> LabelledParts(ReportSentence sentence)
    {
        var whereof = sentence.Text.IndexOf("其中", StringComparison.Ordinal);
        var hasWhole = whereof >= 0 && sentence.Mentions.Any(m => !m.IsPercent && m.End <= whereof);
        foreach (var (m, prefix) in Labelled(sentence))
            yield return (m, prefix, hasWhole && m.Start > whereof && !TotalWords.Any(prefix.Contains));
    }

    private static IEnumerable<(Mention M, string Prefix)> Labelled(ReportSentence sentence)
    {
        var amounts = sentence.Mentions.Where(m => !m.IsPercent).ToList();
        for (var i = 0; i < amounts.Count; i++)
        {
            var m = amounts[i];
            var from = Math.Max(i > 0 ? amounts[i - 1].End : 0, m.Start - 10);
            yield return (m, sentence.Text[from..m.Start]);
        }
    }

    /// <summary>Amounts the report states for a fund source equal that source's A or B in the tables.</summary>
    private static void CheckAgainstTables(ReportText text, IReadOnlyList<SelfEvaluationTable> tables, CheckContext ctx)
    {
        foreach (var sentence in text.Sentences)
        {
            // Every amount by source ends in "万元": a sentence without it has none (and costs no match objects).
            if (!sentence.Text.Contains("万元", StringComparison.Ordinal)) continue;
            foreach (Match m in SourceAmount().Matches(sentence.Text))
            {
                var kind = m.Groups[1].Value switch
                {
                    "中央" => FundSourceKind.Central,
                    "自治区" or "省级" or "省财政" => FundSourceKind.Provincial,
                    "盟市" or "市级" or "市本级" or "市财政" => FundSourceKind.City,
                    "旗县" or "县级" or "县财政" => FundSourceKind.County,
                    _ => FundSourceKind.Local,
                };
                if (NumberText.TryParse(m.Groups[2].Value) is not { } wan) continue;
                var decimals = Rates.DecimalsOf(m.Groups[2].Value);
                var tol = 0.005m;
                if (decimals == 0) tol = 0.5m;
                else if (decimals == 1) tol = 0.05m;
                var context = sentence.Text[Math.Max(0, m.Index - 6)..Math.Min(sentence.Text.Length, m.Index + m.Length)];
                var wantsSpend = SpendWords.Any(context.Contains);
                var candidates = new List<(decimal Wan, FundRow Row, SelfEvaluationTable Table, string Column)>();
                var any = new List<decimal>();
                foreach (var t in tables)
                {
                    foreach (var row in t.Funds)
                    {
                        foreach (var (fig, col) in new[] { (row.Budget, "全年预算数"), (row.Execution, "全年执行数") })
                        {
                            if (fig.Value is not { } v) continue;
                            foreach (var w in InWan(v, t))
                            {
                                any.Add(w);
                                if (row.Source == kind && (col == "全年执行数") == wantsSpend) candidates.Add((w, row, t, col));
                            }
                        }
                    }
                }
                if (any.Any(w => Math.Abs(w - wan) <= tol)) { ctx.Checked(RuleCatalog.ReportTable); continue; }
                if (candidates.Count == 0) continue;
                var nearest = candidates.MinBy(c => Math.Abs(c.Wan - wan));
                if (nearest.Wan == 0m || Math.Abs(nearest.Wan - wan) / nearest.Wan > 0.1m) continue;
                ctx.Report(RuleCatalog.ReportTable, Where(sentence, m.Value),
                    $"报告称“{m.Value}”，而自评表“{nearest.Table.Title}”中“{nearest.Row.Label}”的{nearest.Column}为 {NumberText.Format(nearest.Wan)} 万元，二者不一致，请核对哪一处有误。",
                    $"{NumberText.Format(wan)}万元", $"{NumberText.Format(nearest.Wan)}万元");
            }
        }
    }

    /// <summary>
    /// An indicator the report names word for word, with a 目标(值) or 实际(完成值) stated in the same clause, must
    /// agree with the table's target or actual (compared as quantities: 0.35万人 equals 3500人).
    /// </summary>
    private static void CheckIndicators(ReportText text, IReadOnlyList<SelfEvaluationTable> tables, CheckContext ctx)
    {
        // Each name compacted once, not once per clause.
        var count = 0;
        foreach (var t in tables) count += t.Indicators.Count;
        var indicators = new List<(IndicatorRow Row, string Name)>(count);
        foreach (var t in tables)
            foreach (var i in t.Indicators)
                if (Text.Compact(i.Name) is { Length: >= 4 } compactName) indicators.Add((i, compactName));
        if (indicators.Count == 0) return;
        foreach (var sentence in text.Sentences)
        {
            // Compacting is a filter of characters, so a clause names an indicator only if its whole sentence does.
            if (!NamesAny(Text.Compact(sentence.Text), indicators)) continue;
            foreach (var clause in sentence.Text.Split('；', ';'))
            {
                var compact = Text.Compact(clause);
                foreach (var (row, name) in indicators)
                {
                    var at = compact.IndexOf(name, StringComparison.Ordinal);
                    if (at < 0) continue;
                    var rest = compact[(at + name.Length)..];
                    Compare(row, rest, "目标", row.EffectiveTarget, "指标值", sentence, ctx);
                    Compare(row, rest, "实际", row.Actual, "实际完成值", sentence, ctx);
                }
            }
        }
    }

    private static bool NamesAny(string compact, List<(IndicatorRow Row, string Name)> indicators)
    {
        foreach (var (_, name) in indicators)
            if (compact.Contains(name, StringComparison.Ordinal)) return true;
        return false;
    }

    private static void Compare(IndicatorRow row, string rest, string label, string? tableValue, string column, ReportSentence sentence, CheckContext ctx)
    {
        var p = rest.IndexOf(label, StringComparison.Ordinal);
        if (p < 0) return;
        var m = Quantity().Match(rest, p);
        if (!m.Success || m.Index - p > 16) return;
        if (Indicators.IndicatorParser.Parse(tableValue) is not Indicators.QuantityValue table) return;
        if (Indicators.IndicatorParser.Parse(m.Value) is not Indicators.QuantityValue said) return;
        // Only the same measure is compared: a bare table figure takes the unit of the row's target.
        var tableUnit = table.Unit.Length > 0 ? table.Unit : Indicators.IndicatorParser.Parse(row.EffectiveTarget) is Indicators.QuantityValue t ? t.Unit : "";
        if (tableUnit.Length == 0 || said.Unit.Length == 0 || UnitClass(tableUnit) != UnitClass(said.Unit)) return;
        if (table.Unit.Length == 0 && Indicators.IndicatorParser.Parse(row.EffectiveTarget) is Indicators.QuantityValue scaled) table = table with { Scale = scaled.Scale };
        if (table.Normalized == said.Normalized) { ctx.Checked(RuleCatalog.ReportIndicator); return; }
        ctx.Report(RuleCatalog.ReportIndicator, Where(sentence, row.Name),
            $"报告称指标“{row.Name}”的{(label == "目标" ? "目标值" : "实际完成值")}为 {m.Value}，自评表中{column}为 {tableValue}。",
            m.Value, tableValue);
    }

    private static string UnitClass(string unit) => unit.TrimStart('万', '亿');

    /// <summary>A table figure in 万元: as declared, and — for a 万元 table holding yuan-sized numbers — divided by 10 000.</summary>
    private static IEnumerable<decimal> InWan(decimal v, SelfEvaluationTable t)
    {
        switch (t.DeclaredUnit)
        {
            case MoneyUnit.Yuan: yield return v / 10_000m; break;
            case MoneyUnit.YiYuan: yield return v * 10_000m; break;
            default:
                yield return v;
                if (v >= 100_000m) yield return v / 10_000m;
                break;
        }
    }

    private static SourceRef? Where(ReportSentence sentence, string what) =>
        sentence.At is null ? null : sentence.At with { Column = what };
}
