using Jixiao.Core.Model;
using Jixiao.Core.Money;

namespace Jixiao.Core.Checks.SelfEvaluation;

/// <summary>Arithmetic of the fund block: sums by source, B/A, missing and impossible rates, units, balances, budget cuts.</summary>
public static class FundChecks
{
    public static void Run(SelfEvaluationTable t, CheckContext ctx, ReportText? report)
    {
        var total = t.TotalFund;
        CheckSums(t, total, ctx);
        foreach (var row in t.Funds) CheckRow(t, row, ctx, report);
        CheckUnit(t, ctx, report);
        if (t is ProjectSelfEvaluation) CheckProjectFunds(t, total, ctx);
    }

    private static void CheckSums(SelfEvaluationTable t, FundRow? total, CheckContext ctx)
    {
        if (total is null)
        {
            ctx.NotRun(RuleCatalog.FundSumBudget, "没有年度资金总额（合计）行");
            ctx.NotRun(RuleCatalog.FundSumExecution, "没有年度资金总额（合计）行");
            return;
        }
        // The parts are the rows other than the total. "地方财政资金" with its own city and county rows below it would
        // count twice: then it is left out.
        bool local = false, cityOrCounty = false;
        foreach (var f in t.Funds)
        {
            if (f == total || f.Source == FundSourceKind.Total) continue;
            if (f.Source == FundSourceKind.Local) local = true;
            else if (f.Source is FundSourceKind.City or FundSourceKind.County) cityOrCounty = true;
        }
        var parts = new Parts(t.Funds, total, SkipLocal: local && cityOrCounty);
        SumCheck(RuleCatalog.FundSumBudget, total, parts, Budget, "全年预算数（A）", t, ctx);
        SumCheck(RuleCatalog.FundSumExecution, total, parts, Execution, "全年执行数（B）", t, ctx);
    }

    private static readonly Func<FundRow, Figure> Budget = r => r.Budget;
    private static readonly Func<FundRow, Figure> Execution = r => r.Execution;

    /// <summary>The rows summed against the total: all but the total, and "地方财政资金" when it is split below.</summary>
    private readonly record struct Parts(List<FundRow> Funds, FundRow Total, bool SkipLocal)
    {
        public bool Includes(FundRow f) =>
            f != Total && f.Source != FundSourceKind.Total && !(SkipLocal && f.Source == FundSourceKind.Local);
    }

    private static void SumCheck(RuleInfo rule, FundRow total, Parts parts, Func<FundRow, Figure> pick, string column, SelfEvaluationTable t, CheckContext ctx)
    {
        var totalFig = pick(total);
        if (totalFig.Value is null) { ctx.NotRun(rule, $"合计行的{column}未填"); return; }
        // The rows that give the figure: their count, sum and most decimals (with the total's).
        var given = 0;
        var sum = 0m;
        var decimals = Rates.DecimalsOf(totalFig.Text);
        foreach (var p in parts.Funds)
        {
            if (!parts.Includes(p) || pick(p) is not { Value: { } v } fig) continue;
            given++;
            sum += v;
            decimals = Math.Max(decimals, Rates.DecimalsOf(fig.Text));
        }
        if (given == 0) { ctx.NotRun(rule, $"各来源的{column}均未填"); return; }
        var tolerance = Math.Max(ctx.RuleSet.AmountTolerance / 2m, Rates.HalfUnit(decimals) * (given + 1));
        if (decimals == 0) tolerance = Math.Max(tolerance, 0.5m);
        if (Math.Abs(sum - totalFig.Value.Value) <= tolerance) { ctx.Checked(rule); return; }
        var unit = t.DeclaredUnit?.ChineseName() ?? "";
        var expr = string.Join(" + ", parts.Funds.Where(p => parts.Includes(p) && pick(p).Value is not null).Select(p => pick(p).Text));
        ctx.Report(rule, totalFig.At ?? total.At, $"{column}：各来源之和 {expr} = {NumberText.Format(sum, Math.Max(2, decimals))}{unit}，与年度资金总额 {totalFig.Text}{unit} 相差 {NumberText.Format(sum - totalFig.Value.Value, Math.Max(2, decimals))}{unit}。",
            totalFig.Text, NumberText.Format(sum, Math.Max(2, decimals)));
    }

    private static void CheckRow(SelfEvaluationTable t, FundRow row, CheckContext ctx, ReportText? report)
    {
        var a = row.Budget.Value;
        var b = row.Execution.Value;
        var rate = row.Rate;
        var label = string.IsNullOrEmpty(row.Label) ? row.Source.ChineseName() : row.Label;
        if (a is null or 0m)
        {
            if (rate.IsSpreadsheetError || rate.Value is not null)
                ctx.Report(RuleCatalog.FundRateNotApplicable, rate.At ?? row.At,
                    $"“{label}”的全年预算数为{(a is null ? "空" : "零")}，执行率不适用，应留空或填“—”，表中却为“{rate.Text}”。", rate.Text, "—");
            else ctx.Checked(RuleCatalog.FundRateNotApplicable);
            return;
        }
        if (b is null)
        {
            if (row.Execution.IsBlank && row.Source != FundSourceKind.Unknown)
                ctx.Report(RuleCatalog.FundExecutionMissing, row.Execution.At ?? row.At, $"“{label}”的全年预算数为 {row.Budget.Text}，全年执行数未填（未执行应填 0）。", null, "0");
            ctx.NotRun(RuleCatalog.FundRate, $"“{label}”缺少全年执行数");
            return;
        }
        ctx.Checked(RuleCatalog.FundExecutionMissing);
        var exact = b.Value / a.Value * 100m;
        var expected = Math.Round(exact, ctx.RuleSet.RateDecimals, MidpointRounding.AwayFromZero);
        if (rate.IsBlank && t is ProjectSelfEvaluation && row.Source != FundSourceKind.Total)
        {
            // The project layout states 执行率 on the 合计 row only (rules.md R1.18).
            ctx.Checked(RuleCatalog.FundRateMissing);
            return;
        }
        if (rate.IsBlank)
        {
            ctx.Report(RuleCatalog.FundRateMissing, rate.At ?? (row.At is null ? null : row.At with { Column = "预算执行率" }), $"“{label}”缺少预算执行率，按 B/A 应为 {NumberText.FormatPercent(expected)}。", null, NumberText.FormatPercent(expected));
            return;
        }
        ctx.Checked(RuleCatalog.FundRateMissing);
        if (rate.IsSpreadsheetError || rate.Value is null)
        {
            ctx.Report(RuleCatalog.FundRate, rate.At, $"“{label}”的执行率“{rate.Text}”不是数值，按 B/A 应为 {NumberText.FormatPercent(expected)}。", rate.Text, NumberText.FormatPercent(expected));
            return;
        }
        var stated = rate.Value.Value;
        // A ratio written without % (0.9621) is read as a fraction when it only agrees that way.
        if (!rate.IsPercent && stated <= 1.5m && Math.Abs(stated * 100m - exact) < Math.Abs(stated - exact)) stated *= 100m;
        var decimals = Math.Max(0, Rates.DecimalsOf(rate.Text) - (rate.IsPercent || stated > 1.5m ? 0 : 2));
        var rounded = Math.Round(exact, decimals, MidpointRounding.AwayFromZero);
        if (rounded == stated)
        {
            ctx.Checked(RuleCatalog.FundRate);
            ctx.Checked(RuleCatalog.FundRateRounding);
        }
        else if (Rates.AgreesAtStatedPrecision(stated, decimals, exact))
        {
            ctx.Checked(RuleCatalog.FundRate);
            ctx.Report(RuleCatalog.FundRateRounding, rate.At, $"“{label}”的执行率 {rate.Text} 是 B/A 截尾的结果，四舍五入应为 {NumberText.FormatPercent(rounded, decimals)}。", rate.Text, NumberText.FormatPercent(rounded, decimals));
        }
        else
        {
            ctx.Report(RuleCatalog.FundRate, rate.At, $"“{label}”的执行率填报为 {rate.Text}，按全年执行数 {row.Execution.Text} ÷ 全年预算数 {row.Budget.Text} 应为 {NumberText.FormatPercent(expected)}。", rate.Text, NumberText.FormatPercent(expected));
        }
        if (exact > 100m)
        {
            if (HasOverExecutionExplanation(t, row, report))
                ctx.Checked(RuleCatalog.FundOver100);
            else
                ctx.Report(RuleCatalog.FundOver100, rate.At ?? row.At, $"“{label}”执行数大于预算数（执行率 {NumberText.FormatPercent(expected)}），表中和自评报告中未见原因说明。", rate.Text, "须说明超预算执行的原因");
        }
        else ctx.Checked(RuleCatalog.FundOver100);
    }

    private static bool HasOverExecutionExplanation(SelfEvaluationTable t, FundRow row, ReportText? report)
    {
        static bool Explains(string? s) => !string.IsNullOrEmpty(s) && (s.Contains("超") || s.Contains("大于预算") || s.Contains("高于预算"));
        if (t.Management.Any(m => !Text.IsEmptyExplanation(m.Problems) && Explains(m.Problems))) return true;
        if (!Text.IsEmptyExplanation(t.Remarks) && Explains(t.Remarks)) return true;
        return report is not null && report.Sentences.Any(s => Explains(s.Text) && (s.Text.Contains("执行") || s.Text.Contains("预算")));
    }

    /// <summary>万元 tables holding yuan: by magnitude, confirmed when the report states the same amount in 万元.</summary>
    private static void CheckUnit(SelfEvaluationTable t, CheckContext ctx, ReportText? report)
    {
        if (t.DeclaredUnit != MoneyUnit.WanYuan) { ctx.NotRun(RuleCatalog.FundUnit, t.DeclaredUnit is null ? "表头未写明金额单位" : "表头单位不是万元"); return; }
        // The largest amount first, without a list: most tables stop here.
        var max = 0m;
        foreach (var f in t.Funds)
        {
            if (f.Budget.Value is { } a && a > max) max = a;
            if (f.Execution.Value is { } b && b > max) max = b;
        }
        if (max == 0m) { ctx.NotRun(RuleCatalog.FundUnit, "没有金额"); return; }
        if (max < 1_000_000m) { ctx.Checked(RuleCatalog.FundUnit); return; }
        var amounts = t.Funds.SelectMany(f => new[] { f.Budget, f.Execution }).Where(f => f.Value is > 0m).ToList();
        var big = amounts.First(f => f.Value == max);
        var confirm = report?.Amounts.FirstOrDefault(m => m.Unit == MoneyUnit.WanYuan && amounts.Any(f => Math.Abs(f.Value!.Value / 10_000m - m.Value) <= 0.005m));
        var asYi = max / 10_000m;
        if (confirm is not null)
        {
            ctx.Report(RuleCatalog.FundUnit, t.DeclaredUnitAt ?? big.At,
                $"表头单位为万元，但金额按元填报：{big.Text} 若为万元即 {NumberText.Format(asYi)} 亿元；自评报告写作 {confirm.Text}，与按元换算的 {NumberText.Format(confirm.Value)} 万元一致。应将金额除以 10000 或把单位改为元。",
                $"{big.Text}（万元）", $"{NumberText.Format(max / 10_000m)}（万元）");
        }
        else
        {
            ctx.Report(RuleCatalog.FundUnit, t.DeclaredUnitAt ?? big.At,
                $"表头单位为万元，但 {big.Text} 万元即 {NumberText.Format(asYi)} 亿元，量级异常，疑为以元填报，请核对。",
                $"{big.Text}（万元）", $"{NumberText.Format(max / 10_000m)}（万元）？", Severity.Warning);
        }
    }

    private static void CheckProjectFunds(SelfEvaluationTable t, FundRow? total, CheckContext ctx)
    {
        foreach (var row in t.Funds)
        {
            if (row.Balance?.Value is not { } bal || row.Budget.Value is not { } a || row.Execution.Value is not { } b) continue;
            if (Math.Abs(a - b - bal) <= ctx.RuleSet.AmountTolerance) ctx.Checked(RuleCatalog.FundBalance);
            else ctx.Report(RuleCatalog.FundBalance, row.Balance.At, $"“{row.Label}”的结转结余应为 全年预算数 {row.Budget.Text} − 全年执行数 {row.Execution.Text} = {NumberText.Format(a - b)}，表中为 {row.Balance.Text}。", row.Balance.Text, NumberText.Format(a - b));
        }
        if (total is null) return;
        var initial = total.InitialBudget?.Value ?? total.InitialBudgetDeclared?.Value;
        if (initial is null || total.Budget.Value is not { } full || total.Execution.Value is not { } exec) { ctx.NotRun(RuleCatalog.BudgetCut, "缺少年初预算数、全年预算数或全年执行数"); return; }
        if (full == exec && full < initial && initial > 0m)
        {
            var initialRate = Math.Round(exec / initial.Value * 100m, 2, MidpointRounding.AwayFromZero);
            ctx.Report(RuleCatalog.BudgetCut, total.Budget.At,
                $"全年预算数由年初的 {(total.InitialBudget ?? total.InitialBudgetDeclared)!.Text} 调减至 {total.Budget.Text}，恰等于全年执行数，执行率显示为 100%；按年初预算计算的执行率仅 {NumberText.FormatPercent(initialRate)}。请说明调整理由。",
                "100%", $"{NumberText.FormatPercent(initialRate)}（按年初预算）");
        }
        else ctx.Checked(RuleCatalog.BudgetCut);
    }
}
