using System.Text.RegularExpressions;
using Jixiao.Core.Checks;
using Jixiao.Core.Classification;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Core.Provenance;
using R = Jixiao.Core.FinalAccounts.Checks.FinalAccountsRules;

namespace Jixiao.Core.FinalAccounts.Checks;

/// <summary>
/// The 情况说明 against the tables (D22, D23 and the FA-TEXT-* rules): every amount, share, growth rate and
/// completion rate it states, the "无此项" statements, the "三公" reasons, and the project-evaluation counts and
/// amounts. A statement whose subject cannot be placed is left alone: no guess, no false alarm.
/// </summary>
internal sealed partial class NarrativeChecks(
    FinalAccountsDisclosure d,
    IReadOnlyList<ProjectSelfEvaluation> projects,
    FinalAccountsDisclosure? previous,
    Amounts a)
{
    private CheckContext Ctx => a.Ctx;
    private static string F(decimal v) => Amounts.Fmt(v);

    /// <summary>A paragraph with what it is about.</summary>
    private sealed record Para(Topic Topic, ExplanationSection Section, ExplanationParagraph Paragraph, string Clean, List<Fact> Facts);

    public void Run()
    {
        var paras = Paragraphs().ToList();
        if (paras.Count == 0)
        {
            foreach (var rule in new[] { R.D22, R.D23, R.TextShare, R.TextGrowth })
                Ctx.NotRun(rule, "没有情况说明");
        }
        var zeroBudget = new List<(ExplanationSection Section, SourceRef? At, string Text)>();
        foreach (var p in paras)
        {
            if (p.Topic == Topic.Performance) continue;
            AmountStatements(p);
            Shares(p);
            Growth(p);
            Completion(p, zeroBudget);
            NoneStatements(p);
            if (p.Topic == Topic.ThreePublic) { Reasons(p); SameAsLastYear(p); }
        }
        foreach (var g in zeroBudget.GroupBy(z => z.Section))
        {
            var first = g.First();
            Ctx.Report(R.TextZeroBudget, first.At,
                $"年初预算为 0，却写“完成年初预算的…%”（本节共 {g.Count()} 处）：预算为 0 时完成率无从计算，应改为说明无预算安排。", string.Join("；", g.Select(x => x.Text).Distinct()), "不写完成率");
        }
        var perf = paras.Where(p => p.Topic == Topic.Performance).ToList();
        Performance(perf);
        foreach (var p in perf) ExecutionRates(p);
        ProjectStatements(perf);
        UnitType();
    }

    private IEnumerable<Para> Paragraphs()
    {
        var top = Topic.None;
        var sub = Topic.None;
        foreach (var s in d.Explanation)
        {
            var t = NarrativeFacts.TopicOf(s.Heading);
            if (s.Level <= 1) { top = t; sub = t; }
            else if (NarrativeFacts.IsSpecific(t)) sub = t;
            else if (s.Level == 2) sub = top;
            foreach (var p in s.Paragraphs)
            {
                var clean = NarrativeFacts.Clean(p.Text);
                yield return new Para(sub, s, p, clean, NarrativeFacts.Scan(clean));
            }
        }
    }

    // ---------------------------------------------------------------- resolving a statement to a table figure

    /// <summary>A table figure a narrative label refers to, with a description for messages.</summary>
    private sealed record Target(Fv Value, string Description);

    private Target? T(DisclosureTable? t, Figure? f, string what) => t is null || f is null ? null : new Target(new Fv(f, (t == d.Table(t.TableKind) ? d : previous ?? d).UnitOf(t)), $"{t.Label} {what}");

    private static string N(string s) => TableRecognition.NormalizeTitle(s);

    /// <summary>
    /// The sentence's subject: the words from the start of the sentence up to its first 年初预算 / 预算 / 决算
    /// ("社会保障和就业支出年初预算…，支出决算…" → "社会保障和就业支出").
    /// </summary>
    private static string Subject(Para p, Fact f)
    {
        var start = 0;
        for (var i = Math.Min(f.Start, p.Clean.Length) - 1; i >= 0; i--)
            if ("。；;！？!?".Contains(p.Clean[i])) { start = i + 1; break; }
        var prefix = p.Clean[start..Math.Min(f.Start, p.Clean.Length)];
        var k = -1;
        foreach (var w in new[] { "年初预算", "全年预算", "预算", "决算" })
        {
            var i = prefix.IndexOf(w, StringComparison.Ordinal);
            if (i >= 0 && (k < 0 || i < k)) k = i;
        }
        if (k < 0) return "";
        var subject = prefix[..k];
        var cut = subject.LastIndexOfAny(['，', '：', '、', ',', ':']);
        if (cut >= 0) subject = subject[(cut + 1)..];
        return NarrativeFacts.StripLabel(subject);
    }

    private Target? Resolve(FinalAccountsDisclosure doc, Topic topic, string rawLabel, string subject)
    {
        var l = N(rawLabel);
        if (l.Length == 0) return null;
        bool Has(string s) => l.Contains(s, StringComparison.Ordinal);
        bool Ends(string s) => l.EndsWith(s, StringComparison.Ordinal);
        var s01 = doc.Summary;
        switch (topic)
        {
            case Topic.Overall:
                if (Has("收入总计")) return T(s01, s01?.IncomeLine(SummaryLineKind.IncomeTotal)?.Amount, "收入总计");
                if (Has("支出总计")) return T(s01, s01?.ExpenditureLine(SummaryLineKind.ExpenditureTotal)?.Amount, "支出总计");
                if (Has("收入合计")) return T(s01, s01?.IncomeLine(SummaryLineKind.IncomeSubtotal)?.Amount, "本年收入合计");
                if (Has("支出合计")) return T(s01, s01?.ExpenditureLine(SummaryLineKind.ExpenditureSubtotal)?.Amount, "本年支出合计");
                return null;
            case Topic.Income:
                var i02 = doc.Income?.Total;
                if (Has("财政拨款收入")) return T(doc.Income, i02?.Appropriation, "财政拨款收入");
                if (Has("上级补助收入")) return T(doc.Income, i02?.UpperSubsidy, "上级补助收入");
                if (Has("事业收入")) return T(doc.Income, i02?.Business, "事业收入");
                if (Has("经营收入")) return T(doc.Income, i02?.Operating, "经营收入");
                if (Has("附属单位上缴收入")) return T(doc.Income, i02?.Affiliated, "附属单位上缴收入");
                if (Has("其他收入")) return T(doc.Income, i02?.Other, "其他收入");
                if (Has("收入总计")) return T(s01, s01?.IncomeLine(SummaryLineKind.IncomeTotal)?.Amount, "收入总计");
                if (Has("收入合计") || Has("收入总额")) return T(s01, s01?.IncomeLine(SummaryLineKind.IncomeSubtotal)?.Amount, "本年收入合计") ?? T(doc.Income, i02?.Total, "本年收入合计");
                return null;
            case Topic.Expenditure:
                var e03 = doc.Expenditure?.Total;
                if (Has("基本支出")) return T(doc.Expenditure, e03?.Basic, "基本支出");
                if (Has("项目支出")) return T(doc.Expenditure, e03?.Project, "项目支出");
                if (Has("上缴上级支出")) return T(doc.Expenditure, e03?.RemitToUpper, "上缴上级支出");
                if (Has("经营支出")) return T(doc.Expenditure, e03?.Operating, "经营支出");
                if (Has("对附属单位补助")) return T(doc.Expenditure, e03?.SubsidyToAffiliated, "对附属单位补助支出");
                if (Has("支出总计")) return T(s01, s01?.ExpenditureLine(SummaryLineKind.ExpenditureTotal)?.Amount, "支出总计");
                if (Has("支出合计") || Has("支出总额")) return T(doc.Expenditure, e03?.Total, "本年支出合计") ?? T(s01, s01?.ExpenditureLine(SummaryLineKind.ExpenditureSubtotal)?.Amount, "本年支出合计");
                return null;
            case Topic.Appropriation:
                var a04 = doc.Appropriation;
                if (Has("结转") || Has("结余")) return null;
                if (Has("收入总计")) return T(a04, a04?.IncomeLine(SummaryLineKind.IncomeTotal)?.Amount, "收入总计");
                if (Has("支出总计")) return T(a04, a04?.ExpenditureLine(SummaryLineKind.ExpenditureTotal)?.Total, "支出总计");
                if (Has("收入合计") || Ends("本年收入")) return T(a04, a04?.IncomeLine(SummaryLineKind.IncomeSubtotal)?.Amount, "本年收入合计");
                if (Has("支出合计") || Ends("本年支出")) return T(a04, a04?.ExpenditureLine(SummaryLineKind.ExpenditureSubtotal)?.Total, "本年支出合计");
                return null;
            case Topic.GeneralBudget:
                {
                    var g = doc.GeneralBudget;
                    if (g is null) return null;
                    var isBudget = (Has("预算") && !Has("决算")) || Has("年初预算");
                    var generic = l is "支出决算" or "决算" or "决算数" or "决算支出" or "支出" || isBudget;
                    var key = generic ? N(subject) : l;
                    var row = RowByName(g.Rows, key);
                    if (isBudget)
                    {
                        var rowB = row ?? (Has("财政拨款") || N(subject).Contains("财政拨款") ? g.Total : null);
                        return rowB?.InitialBudget is { } ib ? T(g, ib, $"{rowB.Describe()} 年初预算数") : null;
                    }
                    if (row is not null) return T(g, row.Total, $"{row.Describe()} 本年支出");
                    if (key.Contains("财政拨款") && (key.Contains("支出") || key.Contains("决算")) || generic && key.Length == 0)
                        return T(g, g.Total?.Total, "合计 本年支出");
                    return null;
                }
            case Topic.Basic:
                {
                    var e = doc.EconomicDetail;
                    if (Ends("人员经费")) return e is null ? null : T(e, e.PersonnelTotal?.Basic ?? Sum(e, EconomicGroup.Personnel), "人员经费合计（基本支出）");
                    if (Ends("公用经费")) return e is null ? null : T(e, e.PublicTotal?.Basic ?? Sum(e, EconomicGroup.Public), "公用经费合计（基本支出）");
                    if (Ends("基本支出")) return T(doc.GeneralBudget, doc.GeneralBudget?.Total?.Basic, "合计 基本支出");
                    if (e is null) return null;
                    var row = EconomicRowByName(e, l);
                    if (row is null) return null;
                    return e.HasBasicColumn ? T(e, row.Basic, $"{row.Describe()}（基本支出）") : T(e, row.Amount, $"{row.Describe()}");
                }
            case Topic.GovernmentFunds:
                {
                    var t = doc.GovernmentFunds?.Total;
                    if (Has("年初")) return T(doc.GovernmentFunds, t?.OpeningBalance, "合计 年初结转和结余");
                    if (Has("年末")) return T(doc.GovernmentFunds, t?.ClosingBalance, "合计 年末结转和结余");
                    if (Has("收入")) return T(doc.GovernmentFunds, t?.Income, "合计 本年收入");
                    if (Has("支出")) return T(doc.GovernmentFunds, t?.ExpenditureTotal, "合计 本年支出");
                    return null;
                }
            case Topic.StateCapital:
                return Has("支出") ? T(doc.StateCapital, doc.StateCapital?.Total?.Total, "合计 本年支出") : null;
            case Topic.ThreePublic:
                {
                    var t = doc.ThreePublic;
                    if (t is null || Has("国内") || Has("外事") || Has("境）外") || Has("境)外") || Has("境外")) return null;
                    var budget = Has("预算") && !Has("决算");
                    var block = budget ? t.Budget : t.Actual;
                    var side = budget ? "预算数" : "决算数";
                    var item = ItemOf(l);
                    return item switch
                    {
                        SanGongItem.Abroad => T(t, block.Abroad, $"{side} 因公出国（境）费"),
                        SanGongItem.VehicleTotal => T(t, block.VehicleTotal, $"{side} 公务用车购置及运行维护费"),
                        SanGongItem.Purchase => T(t, block.VehiclePurchase, $"{side} 公务用车购置费"),
                        SanGongItem.Operation => T(t, block.VehicleOperation, $"{side} 公务用车运行维护费"),
                        SanGongItem.Reception => T(t, block.Reception, $"{side} 公务接待费"),
                        _ when Has("三公") || l is "支出决算" or "决算" or "支出预算" or "预算" => T(t, block.Total, $"{side} 合计"),
                        _ => null,
                    };
                }
            case Topic.Procurement:
                {
                    var t = doc.Statistics;
                    if (t is null) return null;
                    if (Has("中小企业") || Has("小微企业")) return Has("中小企业") && t.ProcurementSme is { } sme ? T(t, sme.Value, "授予中小企业合同金额") : null;
                    if (Has("货物")) return T(t, t.ProcurementGoods?.Value, "政府采购 货物");
                    if (Has("工程")) return T(t, t.ProcurementWorks?.Value, "政府采购 工程");
                    if (Has("服务")) return T(t, t.ProcurementServices?.Value, "政府采购 服务");
                    if (Has("采购")) return T(t, t.ProcurementTotal?.Value, "政府采购 合计");
                    return null;
                }
            case Topic.Operating:
                {
                    var t = doc.Statistics;
                    if (t is null || !Has("机关运行经费")) return null;
                    return T(t, t.OperatingCostsTotal?.Value ?? OperatingSum(t), "机关运行经费");
                }
            default:
                return null;
        }
    }

    private static Figure Sum(EconomicDetailTable e, EconomicGroup g) =>
        Figure.Of(e.Rows.Where(r => r.Group == g && r.Code is { Length: 3 }).Sum(r => FigureValues.AmountOf(r.Basic) ?? 0m));

    private static Figure OperatingSum(StatisticsTable t) =>
        Figure.Of((FigureValues.AmountOf(t.OperatingCostsAdministrative?.Value) ?? 0m) + (FigureValues.AmountOf(t.OperatingCostsCivilServiceManaged?.Value) ?? 0m));

    /// <summary>Counts (辆, 台（套）) in 国有资产占用.</summary>
    private Target? ResolveCount(FinalAccountsDisclosure doc, string rawLabel)
    {
        var t = doc.Statistics;
        if (t is null) return null;
        var l = N(rawLabel);
        if (l.Contains("设备")) return T(t, t.Equipment?.Value, "单价100万元（含）以上设备");
        if (VehicleCategories.Classify(l) is { } c)
        {
            var v = t.Vehicles.FirstOrDefault(x => x.Category == c);
            return v is null ? null : T(t, v.Count, c.ChineseName());
        }
        if (l.Contains("车辆") || l.Contains("共有")) return T(t, t.VehiclesTotal?.Value, "车辆数合计");
        return null;
    }

    /// <summary>The coded row a label names ("社会保障和就业支出(类)", "其中：住房保障支出"): the longest row name the label ends with.</summary>
    private static GeneralBudgetRow? RowByName(List<GeneralBudgetRow> rows, string label)
    {
        var key = ClassificationCatalogue.NormalizeName(label);
        if (key.Length == 0) return null;
        var level = label.Contains("（类）") || label.Contains("(类)") ? CodeLevel.Class : label.Contains("（款）") || label.Contains("(款)") ? CodeLevel.Item : label.Contains("（项）") || label.Contains("(项)") ? CodeLevel.Subitem : CodeLevel.Unknown;
        GeneralBudgetRow? best = null;
        var bestLen = 0;
        foreach (var r in rows)
        {
            if (r.Code is null) continue;
            if (level != CodeLevel.Unknown && CodeLevels.Of(r.Code) != level) continue;
            var name = ClassificationCatalogue.NormalizeName(r.Name);
            if (name.Length == 0 || !key.EndsWith(name, StringComparison.Ordinal)) continue;
            // Longest name wins; on a tie the higher level (the 类 before its 款 of the same name).
            if (name.Length > bestLen || name.Length == bestLen && best is not null && r.Code.Length < best.Code!.Length) { best = r; bestLen = name.Length; }
        }
        return best;
    }

    /// <summary>The 公开06 row a label names: exact, else the unique best similar name (≥ 0.8).</summary>
    private static EconomicRow? EconomicRowByName(EconomicDetailTable e, string label)
    {
        var key = ClassificationCatalogue.NormalizeName(label);
        if (key.Length < 2) return null;
        var exact = e.Rows.Where(r => ClassificationCatalogue.NormalizeName(r.Name) == key).ToList();
        if (exact.Count >= 1) return exact.FirstOrDefault(r => r.Code is { Length: 5 }) ?? exact[0];
        var scored = e.Rows.Select(r => (Row: r, Score: NarrativeFacts.Similarity(key, ClassificationCatalogue.NormalizeName(r.Name)))).OrderByDescending(x => x.Score).Take(2).ToList();
        if (scored.Count == 0 || scored[0].Score < 0.8) return null;
        if (scored.Count > 1 && scored[1].Score >= scored[0].Score - 0.05) return null;
        return scored[0].Row;
    }

    private enum SanGongItem { None, Abroad, VehicleTotal, Purchase, Operation, Reception }

    private static SanGongItem ItemOf(string label)
    {
        var l = N(label);
        if (l.Contains("出国") || l.Contains("出境")) return SanGongItem.Abroad;
        if (l.Contains("接待")) return SanGongItem.Reception;
        if (l.Contains("购置") && l.Contains("运行")) return SanGongItem.VehicleTotal;
        if (l.Contains("运行") || l.Contains("维护")) return SanGongItem.Operation;
        if (l.Contains("购置")) return SanGongItem.Purchase;
        return SanGongItem.None;
    }

    // ---------------------------------------------------------------- D22 amounts

    private void AmountStatements(Para p)
    {
        foreach (var f in p.Facts)
        {
            if (f.IsDelta || f.Kind == FactKind.Percent) continue;
            Target? target;
            if (f.Kind == FactKind.Count)
            {
                if (p.Topic != Topic.Assets || f.Text.Length == 0) continue;
                target = ResolveCount(d, f.Label);
                if (target is null) continue;
                a.Equal(R.D22, new Fv(f.Figure(p.Paragraph.At), MoneyUnit.Yuan), target.Value with { Unit = MoneyUnit.Yuan },
                    (x, y) => $"情况说明称“{f.Label}”为 {x:0}，{target.Description}为 {y:0}。", p.Paragraph.At);
                continue;
            }
            target = Resolve(d, p.Topic, f.Label, Subject(p, f));
            if (target is null || target.Value.Figure is null) continue;
            var unit = f.Unit.ChineseName();
            a.Equal(R.D22, new Fv(f.Figure(p.Paragraph.At), f.Unit), target.Value,
                (x, y) => $"情况说明称“{f.Label}”为 {F(x)}{unit}，{target.Description}为 {F(y)}{unit}。", p.Paragraph.At);
        }
    }

    // ---------------------------------------------------------------- shares (占比)

    private Target? Denominator(Topic topic, string shareLabel)
    {
        var l = N(shareLabel);
        var s01 = d.Summary;
        if (l.Contains("本年支出合计") || l.Contains("支出合计"))
            return T(d.Expenditure, d.Expenditure?.Total?.Total, "本年支出合计") ?? T(s01, s01?.ExpenditureLine(SummaryLineKind.ExpenditureSubtotal)?.Amount, "本年支出合计");
        if (l.Contains("本年收入合计") || l.Contains("收入合计"))
            return T(s01, s01?.IncomeLine(SummaryLineKind.IncomeSubtotal)?.Amount, "本年收入合计") ?? T(d.Income, d.Income?.Total?.Total, "本年收入合计");
        if (l.Contains("采购")) return T(d.Statistics, d.Statistics?.ProcurementTotal?.Value, "政府采购支出总额");
        if (!(l.StartsWith("占比", StringComparison.Ordinal) || l.Contains("比重") || l == "占")) return null;
        return topic switch
        {
            Topic.Income => T(s01, s01?.IncomeLine(SummaryLineKind.IncomeSubtotal)?.Amount, "本年收入合计") ?? T(d.Income, d.Income?.Total?.Total, "本年收入合计"),
            Topic.Expenditure => T(d.Expenditure, d.Expenditure?.Total?.Total, "本年支出合计") ?? T(s01, s01?.ExpenditureLine(SummaryLineKind.ExpenditureSubtotal)?.Amount, "本年支出合计"),
            Topic.GeneralBudget => T(d.GeneralBudget, d.GeneralBudget?.Total?.Total, "一般公共预算财政拨款支出合计"),
            Topic.ThreePublic => T(d.ThreePublic, d.ThreePublic?.Actual.Total, "“三公”经费决算合计"),
            Topic.Procurement => T(d.Statistics, d.Statistics?.ProcurementTotal?.Value, "政府采购支出总额"),
            _ => null,
        };
    }

    private void Shares(Para p)
    {
        for (var i = 1; i < p.Facts.Count; i++)
        {
            var f = p.Facts[i];
            if (f.Kind != FactKind.Percent || !f.Label.StartsWith('占')) continue;
            var amount = p.Facts[i - 1];
            if (amount.Kind != FactKind.Amount || amount.Sentence != f.Sentence) continue;
            var den = Denominator(p.Topic, f.Label);
            if (den?.Value.Yuan is not { } denominator) continue;
            var numerator = amount.Value * amount.Unit.YuanPer();
            var decimals = Rates.DecimalsOf(f.Text);
            if (denominator == 0m)
            {
                if (numerator == 0m && f.Value == 0m) Ctx.Checked(R.TextShare);
                continue;
            }
            var exact = numerator / denominator * 100m;
            // Also accept the share of the table's own figure for the item (the amount itself is checked by D22).
            var tableItem = Resolve(d, p.Topic, amount.Label, Subject(p, amount))?.Value.Yuan;
            var agrees = Rates.AgreesAtStatedPrecision(f.Value, decimals, exact)
                || tableItem is { } ti && Rates.AgreesAtStatedPrecision(f.Value, decimals, ti / denominator * 100m);
            if (agrees) { Ctx.Checked(R.TextShare); continue; }
            var expected = Math.Round(exact, Math.Max(decimals, 2), MidpointRounding.AwayFromZero);
            Ctx.Report(R.TextShare, p.Paragraph.At,
                $"情况说明称“{amount.Label}”{F(amount.Value)}{amount.Unit.ChineseName()}“{f.Label}{f.Text}%”，按{den.Description} {F(denominator / amount.Unit.YuanPer())} 计算应为 {NumberText.FormatPercent(expected, Math.Max(decimals, 2))}。",
                f.Text + "%", NumberText.FormatPercent(expected, Math.Max(decimals, 2)));
        }
    }

    // ---------------------------------------------------------------- growth (增长 Y%)

    private void Growth(Para p)
    {
        for (var i = 1; i < p.Facts.Count; i++)
        {
            var f = p.Facts[i];
            if (f.Kind != FactKind.Percent || f.Label.StartsWith('占') || NarrativeFacts.DirectionOf(f.Label) is not { } dir) continue;
            var delta = p.Facts[i - 1];
            if (delta.Kind != FactKind.Amount || !delta.IsDelta || delta.Sentence != f.Sentence) continue;
            var current = CurrentOf(p, delta, i - 1);
            if (current is null) continue;
            var dirDelta = NarrativeFacts.DirectionOf(delta.Label) ?? dir;
            var cur = current.Value * current.Unit.YuanPer();
            var dy = delta.Value * delta.Unit.YuanPer();
            var prev = dirDelta > 0 ? cur - dy : cur + dy;
            if (prev <= 0m) continue;
            var exact = dy / prev * 100m;
            var decimals = Rates.DecimalsOf(f.Text);
            if (Rates.AgreesAtStatedPrecision(f.Value, decimals, exact)) Ctx.Checked(R.TextGrowth);
            else
            {
                var expected = NumberText.FormatPercent(Math.Round(exact, Math.Max(2, decimals), MidpointRounding.AwayFromZero), Math.Max(2, decimals));
                Ctx.Report(R.TextGrowth, p.Paragraph.At,
                    $"情况说明称“{delta.Label}{F(delta.Value)}{delta.Unit.ChineseName()}”、“{f.Label}{f.Text}%”：本年 {F(current.Value)}{current.Unit.ChineseName()}，上年应为 {F(prev / delta.Unit.YuanPer())}，增减率应为 {expected}。",
                    f.Text + "%", expected);
            }
            // With last year's disclosure: the increase itself.
            if (previous is not null)
            {
                var now = Resolve(d, p.Topic, current.Label, Subject(p, current));
                var then = Resolve(previous, p.Topic, current.Label, Subject(p, current));
                if (now?.Value.Yuan is { } n && then?.Value.Yuan is { } t)
                {
                    var expectedDelta = (n - t) * dirDelta;
                    var stated = new Fv(delta.Figure(p.Paragraph.At), delta.Unit);
                    a.Equal(R.TextGrowth, stated, new Fv(Figure.Of(expectedDelta / delta.Unit.YuanPer()), delta.Unit),
                        (x, y) => $"情况说明称“{delta.Label}”{F(x)}{delta.Unit.ChineseName()}，按本年{now.Description}与上年决算公开计算应为 {F(y)}。", p.Paragraph.At);
                }
            }
        }
    }

    /// <summary>The current-year amount a growth statement is about: the latest earlier amount of the paragraph with the same subject, else the latest earlier amount.</summary>
    private static Fact? CurrentOf(Para p, Fact delta, int index)
    {
        var subject = N(NarrativeFacts.GrowthSubject(delta.Label));
        Fact? fallback = null;
        for (var j = index - 1; j >= 0; j--)
        {
            var c = p.Facts[j];
            if (c.Kind != FactKind.Amount || c.IsDelta || N(c.Label).Contains("预算") && !N(c.Label).Contains("决算")) continue;
            fallback ??= c;
            var label = N(c.Label);
            if (subject.Length > 0 && (label.Contains(subject) || subject.Contains(label) && label.Length >= 2)) return c;
        }
        return fallback;
    }

    // ---------------------------------------------------------------- D23 完成年初预算的X%

    private void Completion(Para p, List<(ExplanationSection, SourceRef?, string)> zeroBudget)
    {
        for (var i = 0; i < p.Facts.Count; i++)
        {
            var f = p.Facts[i];
            if (f.Kind != FactKind.Percent || !(f.Label.Contains("完成年初预算") || f.Label.Contains("完成预算") || f.Label.Contains("预算完成"))) continue;
            Fact? actual = null, budget = null;
            for (var j = i - 1; j >= 0 && p.Facts[j].Sentence == f.Sentence; j--)
            {
                var c = p.Facts[j];
                if (c.Kind != FactKind.Amount || c.IsDelta) continue;
                var l = N(c.Label);
                var isBudget = l.Contains("预算") && !l.Contains("决算");
                if (isBudget) budget ??= c; else actual ??= c;
            }
            if (actual is null) { Ctx.NotRun(R.D23, $"“{f.Label}{f.Text}%”前没有决算数（{p.Paragraph.At?.Describe()}）"); continue; }
            decimal? budgetYuan = budget is null ? null : budget.Value * budget.Unit.YuanPer();
            if (budgetYuan is null)
            {
                var budgetLabel = p.Topic == Topic.ThreePublic ? "预算" + actual.Label : "年初预算" + Subject(p, actual);
                budgetYuan = Resolve(d, p.Topic, budgetLabel, Subject(p, actual))?.Value.Yuan;
            }
            if (budgetYuan is null) { Ctx.NotRun(R.D23, $"“{f.Label}{f.Text}%”找不到年初预算数（{p.Paragraph.At?.Describe()}）"); continue; }
            if (budgetYuan == 0m)
            {
                zeroBudget.Add((p.Section, p.Paragraph.At, $"{actual.Label}{actual.Text}{actual.Unit.ChineseName()}，{f.Label}{f.Text}%"));
                continue;
            }
            var exact = actual.Value * actual.Unit.YuanPer() / budgetYuan.Value * 100m;
            var decimals = Rates.DecimalsOf(f.Text);
            if (Rates.AgreesAtStatedPrecision(f.Value, decimals, exact)) { Ctx.Checked(R.D23); continue; }
            var expected = NumberText.FormatPercent(Math.Round(exact, Math.Max(2, decimals), MidpointRounding.AwayFromZero), Math.Max(2, decimals));
            Ctx.Report(R.D23, p.Paragraph.At,
                $"情况说明称决算 {F(actual.Value)}{actual.Unit.ChineseName()}“{f.Label}{f.Text}%”，按年初预算 {F(budgetYuan.Value / actual.Unit.YuanPer())} 计算应为 {expected}。",
                f.Text + "%", expected);
        }
    }

    // ---------------------------------------------------------------- "无此项" statements

    [GeneratedRegex(@"无此项|本年度无|没有此项|无.{0,12}支出|无机关运行经费|无“?三公”?经费")]
    private static partial Regex NoneStatement();

    private void NoneStatements(Para p)
    {
        var m = NoneStatement().Match(p.Clean);
        if (!m.Success) return;
        DisclosureTable? table = p.Topic switch
        {
            Topic.GovernmentFunds => d.GovernmentFunds,
            Topic.StateCapital => d.StateCapital,
            _ => null,
        };
        var label = p.Topic switch { Topic.GovernmentFunds => "政府性基金预算财政拨款收支", Topic.StateCapital => "国有资本经营预算财政拨款支出", _ => "" };
        if (p.Topic == Topic.Operating && p.Clean.Contains("无机关运行经费") && d.Statistics is { } st)
        {
            var sum = (FigureValues.AmountOf(st.OperatingCostsTotal?.Value) ?? 0m) + (FigureValues.AmountOf(st.OperatingCostsAdministrative?.Value) ?? 0m) + (FigureValues.AmountOf(st.OperatingCostsCivilServiceManaged?.Value) ?? 0m);
            if (sum == 0m) Ctx.Checked(R.TextNone);
            else Ctx.Report(R.TextNone, p.Paragraph.At, $"情况说明称“{m.Value}”，公开10 机关运行经费却有 {F(sum)}。", m.Value, "0");
            return;
        }
        if (p.Topic == Topic.ThreePublic && (p.Clean.Contains("无“三公”经费") || p.Clean.Contains("无三公经费")) && d.ThreePublic is { } tp)
        {
            if (FigureValues.IsZeroOrBlank(tp.Actual.Total)) Ctx.Checked(R.TextNone);
            else Ctx.Report(R.TextNone, p.Paragraph.At, $"情况说明称“{m.Value}”，公开07 “三公”经费决算合计却为 {tp.Actual.Total.Text}。", m.Value, "0");
            return;
        }
        if (table is null || p.Facts.Any(f => f.Kind == FactKind.Amount && f.Value != 0m)) return;
        if (table.HasNoData()) Ctx.Checked(R.TextNone);
        else Ctx.Report(R.TextNone, p.Paragraph.At, $"情况说明称“{m.Value}”，{table.Label}{label}却有数据。", m.Value, $"说明{table.Label}的金额");
    }

    // ---------------------------------------------------------------- "三公" reasons and "与上年相同"

    private static readonly Dictionary<SanGongItem, string[]> ItemWords = new()
    {
        [SanGongItem.Abroad] = ["出国", "出境"],
        [SanGongItem.Purchase] = ["购置", "购车", "公务用车", "车辆"],
        [SanGongItem.Operation] = ["运行", "维护", "公务用车", "车辆", "燃料", "维修"],
        [SanGongItem.VehicleTotal] = ["购置", "运行", "维护", "公务用车", "车辆"],
        [SanGongItem.Reception] = ["接待"],
    };

    [GeneratedRegex(@"原因(?:是|为|：|:)[：:]?(?<r>[^。；;]*)")]
    private static partial Regex Reason();

    private void Reasons(Para p)
    {
        foreach (Match m in Reason().Matches(p.Clean))
        {
            var sentence = NarrativeFacts.SentenceOf(p.Clean, m.Index);
            var first = p.Facts.FirstOrDefault(f => f.Sentence == sentence && f.Kind == FactKind.Amount);
            var subject = first is null ? SanGongItem.None : ItemOf(first.Label);
            if (subject == SanGongItem.None) continue;
            var reason = m.Groups["r"].Value;
            var own = ItemWords[subject].Any(w => reason.Contains(w, StringComparison.Ordinal));
            var others = ItemWords.Where(kv => kv.Key != subject && !ItemWords[subject].Intersect(kv.Value).Any(w => reason.Contains(w)))
                .Where(kv => kv.Value.Any(w => reason.Contains(w, StringComparison.Ordinal))).Select(kv => kv.Key).ToList();
            if (own || others.Count == 0) { Ctx.Checked(R.TextReason); continue; }
            Ctx.Report(R.TextReason, p.Paragraph.At,
                $"“{first!.Label}”的原因写的是“{reason}”，说的是{string.Join("、", others.Select(Name))}而不是{Name(subject)}，疑为复制粘贴。",
                reason, $"说明{Name(subject)}的原因");
        }

        static string Name(SanGongItem i) => i switch
        {
            SanGongItem.Abroad => "因公出国（境）费",
            SanGongItem.Purchase => "公务用车购置费",
            SanGongItem.Operation => "公务用车运行维护费",
            SanGongItem.VehicleTotal => "公务用车购置及运行维护费",
            SanGongItem.Reception => "公务接待费",
            _ => "",
        };
    }

    [GeneratedRegex(@"与上年(?:度)?(?:[^，。；]{0,20})?(?:相同|持平|一致)")]
    private static partial Regex SameAsLastYearPhrase();

    private void SameAsLastYear(Para p)
    {
        foreach (Match m in SameAsLastYearPhrase().Matches(p.Clean))
        {
            var sentence = NarrativeFacts.SentenceOf(p.Clean, m.Index);
            var first = p.Facts.FirstOrDefault(f => f.Sentence == sentence && f.Kind == FactKind.Amount && !N(f.Label).Contains("预算") || f.Sentence == sentence && f.Kind == FactKind.Amount && N(f.Label).Contains("决算"));
            if (first is null) continue;
            if (previous?.ThreePublic is null)
            {
                Ctx.NotRun(R.TextYearOnYear, "未提供上年决算公开（或其中没有“三公”经费表），无法核对“与上年相同”");
                continue;
            }
            var now = Resolve(d, Topic.ThreePublic, first.Label, "");
            var then = Resolve(previous, Topic.ThreePublic, first.Label, "");
            if (now is null || then is null) continue;
            a.Equal(R.TextYearOnYear, now.Value, then.Value,
                (x, y) => $"情况说明称“{first.Label}”{m.Value}，但本年{now.Description}为 {F(x)}，上年为 {F(y)}。", p.Paragraph.At);
        }
    }

    // ---------------------------------------------------------------- the unit type (机关运行经费 only for 行政/参公)

    private void UnitType()
    {
        var overview = string.Concat(d.Overview.SelectMany(s => s.Paragraphs).Select(p => NarrativeFacts.Clean(p.Text)));
        if (overview.Length == 0 || d.Statistics?.OperatingCostsAdministrative is not { } admin) return;
        var isInstitution = Regex.IsMatch(overview, @"为[^，。；]{0,8}事业单位") && !overview.Contains("参照公务员法") && !overview.Contains("参公") && !overview.Contains("行政单位");
        if (!isInstitution) return;
        if (FigureValues.IsZeroOrBlank(admin.Value)) Ctx.Checked(R.TextUnitType);
        else Ctx.Report(R.TextUnitType, admin.Value.At, $"概况称本单位为事业单位（非参公），公开10 却填了行政单位机关运行经费 {admin.Value.Text}。", admin.Value.Text, "0");
    }
}
