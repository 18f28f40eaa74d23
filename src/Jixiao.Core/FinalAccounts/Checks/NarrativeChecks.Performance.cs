using System.Text.RegularExpressions;
using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Core.Provenance;
using R = Jixiao.Core.FinalAccounts.Checks.FinalAccountsRules;

namespace Jixiao.Core.FinalAccounts.Checks;

/// <summary>十(四) 预算绩效情况说明: counts and amounts of the project self-evaluations, and each project stated against its appendix.</summary>
internal sealed partial class NarrativeChecks
{
    private const string Num = @"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";

    [GeneratedRegex(@"(?<lvl>一级|二级)项目(?<n>\d+)个")]
    private static partial Regex CoverageCount();

    [GeneratedRegex(@"共涉及资金(?<a>" + Num + @")(?<u>亿元|万元|元)")]
    private static partial Regex CoverageAmount();

    [GeneratedRegex(@"占[^，。；]*?项目支出(?:总额|总数|合计)?的?(?<p>\d+(?:\.\d+)?)[%％]")]
    private static partial Regex CoverageShare();

    [GeneratedRegex(@"(?<kind>一般公共预算|政府性基金预算|国有资[本金]经营预算|社会保险基金预算)项目支出(?<a>" + Num + @")(?<u>亿元|万元|元)")]
    private static partial Regex CoveragePart();

    [GeneratedRegex(@"(?<lvl>一级|二级)项目绩效自评个数(?<n>\d+)个[，,]?(?:涉及资金(?<a>" + Num + @")(?<u>亿元|万元|元))?")]
    private static partial Regex LevelStatement();

    [GeneratedRegex(@"(?<n>\d+)个项目自评等级为[“""]?(?<g>优|良|中|差)")]
    private static partial Regex GradeCount();

    [GeneratedRegex(@"(?<n>\d+)个一、二级项目")]
    private static partial Regex EvaluatedCount();

    private sealed record Stated(decimal Value, string Text, MoneyUnit Unit, SourceRef? At)
    {
        public decimal Yuan => Value * Unit.YuanPer();
        public Fv Fv => new(new Figure { Text = Text, Value = Value, At = At }, Unit);
    }

    private static Stated Amount(Match m, SourceRef? at) =>
        new(NumberText.TryParse(m.Groups["a"].Value) ?? 0m, m.Groups["a"].Value, MoneyUnits.FindIn(m.Groups["u"].Value) ?? MoneyUnit.Yuan, at);

    private void Performance(List<Para> perf)
    {
        if (perf.Count == 0) return;
        Stated? total = null;
        decimal? share = null;
        string? shareText = null;
        SourceRef? coverageAt = null;
        var coverageCounts = new Dictionary<string, int>();
        var parts = new List<Stated>();
        var levels = new Dictionary<string, (int Count, Stated? Amount, SourceRef? At)>();
        (int Count, SourceRef? At)? evaluated = null;
        foreach (var p in perf)
        {
            var at = p.Paragraph.At;
            if (CoverageAmount().Match(p.Clean) is { Success: true } ca && total is null)
            {
                total = Amount(ca, at);
                coverageAt = at;
                foreach (Match c in CoverageCount().Matches(p.Clean[..ca.Index])) coverageCounts[c.Groups["lvl"].Value] = int.Parse(c.Groups["n"].Value);
                if (CoverageShare().Match(p.Clean, ca.Index) is { Success: true } cs) { share = NumberText.TryParse(cs.Groups["p"].Value); shareText = cs.Groups["p"].Value; }
                foreach (Match part in CoveragePart().Matches(p.Clean, ca.Index)) parts.Add(Amount(part, at));
            }
            foreach (Match l in LevelStatement().Matches(p.Clean))
            {
                var lvl = l.Groups["lvl"].Value;
                var n = int.Parse(l.Groups["n"].Value);
                levels[lvl] = (n, l.Groups["a"].Success ? Amount(l, at) : null, at);
                // Grade counts in the same paragraph after the statement, up to the next level statement.
                var next = LevelStatement().Match(p.Clean, l.Index + l.Length);
                var end = next.Success ? next.Index : p.Clean.Length;
                var grades = GradeCount().Matches(p.Clean[(l.Index + l.Length)..end]).Select(g => (Grade: g.Groups["g"].Value, N: int.Parse(g.Groups["n"].Value))).ToList();
                if (grades.Count > 0)
                {
                    var sum = grades.Sum(g => g.N);
                    if (sum == n) Ctx.Checked(R.TextPerformanceCount);
                    else Ctx.Report(R.TextPerformanceCount, at, $"{lvl}项目自评个数为 {n} 个，各等级（{string.Join("、", grades.Select(g => $"{g.Grade} {g.N} 个"))}）合计 {sum} 个。", $"{sum}", $"{n}");
                }
            }
            if (EvaluatedCount().Match(p.Clean) is { Success: true } ev) evaluated ??= (int.Parse(ev.Groups["n"].Value), at);
        }
        // Counts stated in several places.
        foreach (var (lvl, n) in coverageCounts)
            if (levels.TryGetValue(lvl, out var l))
            {
                if (l.Count == n) Ctx.Checked(R.TextPerformanceCount);
                else Ctx.Report(R.TextPerformanceCount, l.At, $"前文称涵盖{lvl}项目 {n} 个，此处{lvl}项目自评个数为 {l.Count} 个。", $"{l.Count}", $"{n}");
            }
        if (evaluated is { } e)
        {
            var byLevel = levels.Count == 2 ? levels.Values.Sum(x => x.Count) : coverageCounts.Count == 2 ? coverageCounts.Values.Sum() : (int?)null;
            if (byLevel is { } sumLevels)
            {
                if (sumLevels == e.Count) Ctx.Checked(R.TextPerformanceCount);
                else Ctx.Report(R.TextPerformanceCount, e.At, $"称对 {e.Count} 个一、二级项目开展评价，而一级、二级项目个数之和为 {sumLevels} 个。", $"{e.Count}", $"{sumLevels}");
            }
        }

        // Amounts: the stated total, the sum of the levels and the project expenditure of 公开03.
        if (total is null) return;
        var projectFigure = d.Expenditure?.Total?.Project is { } pf ? new Fv(pf, d.UnitOf(d.Expenditure)) : d.GeneralBudget?.Total?.Project is { } gf ? new Fv(gf, d.UnitOf(d.GeneralBudget)) : (Fv?)null;
        var projectLabel = d.Expenditure?.Total is not null ? "公开03 项目支出合计" : "公开05 项目支出合计";
        decimal? claimed = share is { } s && projectFigure?.Yuan is { } py ? py * s / 100m : null;
        var levelAmounts = levels.Values.Where(x => x.Amount is not null).Select(x => x.Amount!).ToList();
        var levelSum = levels.Count >= 2 && levelAmounts.Count == levels.Count ? levelAmounts.Sum(x => x.Yuan) : (decimal?)null;
        var tol = a.ToleranceYuan(total.Unit, levelAmounts.Select(x => x.Fv).Append(total.Fv));
        bool Near(decimal x, decimal y) => Math.Abs(x - y) <= tol;
        var totalReported = false;
        if (levelSum is { } ls)
        {
            if (Near(total.Yuan, ls)) Ctx.Checked(R.TextPerformanceTotal);
            else if (claimed is null || Near(ls, claimed.Value) || !Near(total.Yuan, claimed.Value))
            {
                var corroborated = claimed is { } c && Near(ls, c);
                Ctx.Report(R.TextPerformanceTotal, coverageAt,
                    $"称绩效自评共涉及资金 {F(total.Value)}{total.Unit.ChineseName()}，而一级项目与二级项目涉及资金之和为 {F(ls / total.Unit.YuanPer())}{total.Unit.ChineseName()}" +
                    (corroborated ? $"，等于{projectLabel}（文中称占项目支出总额的 {shareText}%）。" : "。"),
                    F(total.Value), F(ls / total.Unit.YuanPer()));
                totalReported = true;
            }
            else
            {
                // The total agrees with the claimed share of the project expenditure: the level amounts are off.
                var first = levels.Values.First(x => x.Amount is not null);
                Ctx.Report(R.TextPerformanceTotal, first.At,
                    $"一级、二级项目涉及资金之和 {F(ls / total.Unit.YuanPer())} 不等于共涉及资金 {F(total.Value)}（与{projectLabel}相符）。",
                    F(ls / total.Unit.YuanPer()), F(total.Value));
            }
        }
        if (share is { } sh && projectFigure?.Yuan is { } p0 && p0 != 0m)
        {
            var exact = total.Yuan / p0 * 100m;
            var decimals = Rates.DecimalsOf(shareText);
            var agrees = Rates.AgreesAtStatedPrecision(sh, decimals, exact);
            // When the total is already reported and the share fits the corrected total, the share is not a second defect.
            if (!agrees && totalReported && levelSum is { } l2 && Rates.AgreesAtStatedPrecision(sh, decimals, l2 / p0 * 100m)) agrees = true;
            if (agrees) Ctx.Checked(R.TextShare);
            else Ctx.Report(R.TextShare, coverageAt,
                $"称涉及资金 {F(total.Value)}{total.Unit.ChineseName()} 占项目支出总额的 {shareText}%，按{projectLabel} {F(p0 / total.Unit.YuanPer())} 计算应为 {NumberText.FormatPercent(Math.Round(exact, 2, MidpointRounding.AwayFromZero))}。",
                shareText + "%", NumberText.FormatPercent(Math.Round(exact, 2, MidpointRounding.AwayFromZero)));
        }
        if (parts.Count > 0)
            a.Sum(R.TextPerformanceTotal, total.Fv, parts.Select(x => x.Fv).ToList(),
                (x, y) => $"称共涉及资金 {F(x)}，其中各预算类别项目支出之和为 {F(y)}。", at: coverageAt);
    }

    // ---------------------------------------------------------------- execution rates stated in the narrative

    [GeneratedRegex(@"全年预算数?为(?<b>" + Num + @")(?<bu>亿元|万元|元)[，,]?执行数为(?<e>" + Num + @")(?<eu>亿元|万元|元)[，,]?执行率为(?<r>\d+(?:\.\d+)?)[%％]")]
    private static partial Regex ExecutionStatement();

    private void ExecutionRates(Para p)
    {
        foreach (Match m in ExecutionStatement().Matches(p.Clean))
        {
            var b = NumberText.TryParse(m.Groups["b"].Value)!.Value * (MoneyUnits.FindIn(m.Groups["bu"].Value) ?? MoneyUnit.Yuan).YuanPer();
            var e = NumberText.TryParse(m.Groups["e"].Value)!.Value * (MoneyUnits.FindIn(m.Groups["eu"].Value) ?? MoneyUnit.Yuan).YuanPer();
            var r = NumberText.TryParse(m.Groups["r"].Value)!.Value;
            if (b == 0m) continue;
            var exact = e / b * 100m;
            var decimals = Rates.DecimalsOf(m.Groups["r"].Value);
            if (Rates.AgreesAtStatedPrecision(r, decimals, exact)) { Ctx.Checked(R.TextRate); continue; }
            var expected = NumberText.FormatPercent(Math.Round(exact, Math.Max(2, decimals), MidpointRounding.AwayFromZero), Math.Max(2, decimals));
            Ctx.Report(R.TextRate, p.Paragraph.At, $"“{m.Value}”：执行数 ÷ 全年预算数应为 {expected}。", m.Groups["r"].Value + "%", expected);
        }
    }

    // ---------------------------------------------------------------- each listed project against its appendix

    [GeneratedRegex(@"(?:^|[；;。])(?<i>\d+)、(?<name>[^：:；;。]{2,80}?)(?:项目)?绩效自评综述[：:]")]
    private static partial Regex ProjectItem();

    [GeneratedRegex(@"自评得分为?(?<s>\d+(?:\.\d+)?)分")]
    private static partial Regex ProjectScore();

    [GeneratedRegex(@"全年预算数?为(?<a>" + Num + @")(?<u>亿元|万元|元)")]
    private static partial Regex ProjectBudget();

    [GeneratedRegex(@"执行数为(?<a>" + Num + @")(?<u>亿元|万元|元)")]
    private static partial Regex ProjectExecution();

    private void ProjectStatements(List<Para> perf)
    {
        var items = new List<(string Name, string Body, SourceRef? At)>();
        foreach (var p in perf)
        {
            var ms = ProjectItem().Matches(p.Clean);
            for (var i = 0; i < ms.Count; i++)
            {
                var end = i + 1 < ms.Count ? ms[i + 1].Index : p.Clean.Length;
                items.Add((ms[i].Groups["name"].Value, p.Clean[(ms[i].Index + ms[i].Length)..end], p.Paragraph.At));
            }
        }
        if (items.Count == 0) return;
        if (projects.Count == 0) { Ctx.NotRun(R.TextProject, "同一文件中没有项目自评表，无法核对逐项列出的项目自评结果"); return; }
        var keyed = projects.Select(pr => (Project: pr, Key: ProjectKey(pr.FundName ?? pr.Title))).ToList();
        foreach (var (name, body, at) in items)
        {
            var key = ProjectKey(name);
            var match = keyed.Where(k => k.Key == key).Select(k => k.Project).FirstOrDefault();
            if (match is null)
            {
                var scored = keyed.Select(k => (k.Project, Score: NarrativeFacts.Similarity(key, k.Key))).OrderByDescending(x => x.Score).Take(2).ToList();
                if (scored.Count > 0 && scored[0].Score >= 0.8 && (scored.Count == 1 || scored[1].Score < scored[0].Score - 0.05)) match = scored[0].Project;
            }
            if (match is null) { Ctx.NotRun(R.TextProject, $"情况说明中的项目“{name}”在附件中找不到对应的自评表"); continue; }
            var label = $"项目“{name}”";
            if (ProjectScore().Match(body) is { Success: true } sm && match.StatedTotalScore?.Value is { } appendixScore)
            {
                var score = decimal.Parse(sm.Groups["s"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (Math.Abs(score - appendixScore) <= Ctx.RuleSet.ScoreTolerance) Ctx.Checked(R.TextProject);
                else Ctx.Report(R.TextProject, at, $"{label}：情况说明称自评得分 {sm.Groups["s"].Value} 分，附件自评表总得分为 {match.StatedTotalScore.Text} 分。", sm.Groups["s"].Value, match.StatedTotalScore.Text);
            }
            var fund = match.TotalFund;
            if (fund is null) continue;
            var unit = match.DeclaredUnit ?? MoneyUnit.Yuan;
            if (ProjectBudget().Match(body) is { Success: true } bm)
            {
                var stated = Amount(bm, at);
                var initial = fund.InitialBudget ?? fund.InitialBudgetDeclared;
                var sameAsInitial = initial?.Value is { } iv && Math.Abs(iv * unit.YuanPer() - stated.Yuan) <= a.ToleranceYuan(stated.Unit, [stated.Fv, new Fv(initial, unit)]);
                a.Equal(R.TextProject, stated.Fv, new Fv(fund.Budget, unit),
                    (x, y) => $"{label}：情况说明称全年预算数 {F(x)}，附件自评表全年预算数为 {F(y)}" +
                        (sameAsInitial ? "；文中数字等于附件的年初预算数，附件的全年预算数可能被调成了执行数。" : "。"), at);
            }
            if (ProjectExecution().Match(body) is { Success: true } em)
            {
                var stated = Amount(em, at);
                a.Equal(R.TextProject, stated.Fv, new Fv(fund.Execution, unit),
                    (x, y) => $"{label}：情况说明称执行数 {F(x)}，附件自评表全年执行数为 {F(y)}。", at);
            }
        }
    }

    [GeneratedRegex(@"[\s“”""'‘’（）()、，,·：:]|项目|绩效自评(?:报告|表|综述)?|自评")]
    private static partial Regex ProjectNoise();

    private static string ProjectKey(string? name) => name is null ? "" : ProjectNoise().Replace(name, "");
}
