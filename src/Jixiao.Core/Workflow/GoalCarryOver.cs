using Jixiao.Core.Indicators;
using Jixiao.Core.Model;
using Jixiao.Core.Serialization;

namespace Jixiao.Core.Workflow;

/// <summary>
/// 绩效目标表 → year-end 绩效自评表 (issue 6, item 1). A goal table is a self-evaluation table declared at the start of
/// the year: the fund block with the budget, the overall goal and the three-level indicators with their 年初指标值, and
/// no actuals. The year-end table starts from it; a later change of a declared target becomes 调整后指标 with the
/// original kept. No I/O.
/// </summary>
public static class GoalCarryOver
{
    /// <summary>Why a table cannot serve as a 绩效目标表 (Chinese, one line each); empty when it can.</summary>
    public static List<string> Problems(SelfEvaluationTable goals)
    {
        var problems = new List<string>();
        var name = string.IsNullOrWhiteSpace(goals.Title) ? "该表" : $"“{goals.Title}”";
        if (string.IsNullOrWhiteSpace(goals.FundName)) problems.Add($"{name}没有填写转移支付（项目）名称。");
        if (goals.Year is null) problems.Add($"{name}没有年度。");
        if (goals.Indicators.Count == 0) problems.Add($"{name}没有绩效指标。");
        foreach (var (row, i) in goals.Indicators.Select((r, i) => (r, i)))
        {
            if (string.IsNullOrWhiteSpace(row.Name)) problems.Add($"{name}第 {i + 1} 个指标没有三级指标名称。");
            else if (string.IsNullOrWhiteSpace(row.Target)) problems.Add($"{name}指标“{row.Name}”没有年初指标值。");
        }
        var withActual = goals.Indicators.Where(r => !string.IsNullOrWhiteSpace(r.Actual)).Select(r => r.Name).ToList();
        if (withActual.Count > 0 || goals.Funds.Exists(f => !f.Execution.IsBlank))
            problems.Add($"{name}填有全年执行数或实际完成值（{(withActual.Count > 0 ? "如指标“" + withActual[0] + "”" : "资金投入情况")}），是年终自评表而不是年初的绩效目标表。");
        return problems;
    }

    /// <summary>
    /// The year-end table for the goals: the same fund rows with the declared budget as 全年预算数 (and 年初预算数 in
    /// project tables), the overall goal, and every indicator with its 年初指标值 as 年度指标值; executions, actuals,
    /// reasons and scores left for the unit to fill.
    /// </summary>
    public static SelfEvaluationTable YearEnd(SelfEvaluationTable goals)
    {
        var t = CanonicalJson.Copy(goals);
        t.Id = "";
        t.Source = null;
        t.Title = YearEndTitle(t.Title);
        foreach (var f in t.Funds)
        {
            var declared = f.Budget.IsBlank ? f.InitialBudget ?? Figure.Blank() : f.Budget;
            f.Budget = declared;
            if (t is ProjectSelfEvaluation) f.InitialBudget = declared;
        }
        TableResults.Clear(t);
        foreach (var i in t.Indicators) i.Adjustment = null;
        return t;
    }

    /// <summary>"…绩效目标表" / "…目标申报表" → "…绩效自评表".</summary>
    public static string YearEndTitle(string title)
    {
        foreach (var suffix in new[] { "绩效目标申报表", "绩效目标表", "目标申报表" })
        {
            var at = title.LastIndexOf(suffix, StringComparison.Ordinal);
            if (at >= 0) return title[..at] + "绩效自评表" + title[(at + suffix.Length)..];
        }
        return title;
    }

    /// <summary>One change of a declared target in a save: the indicator, the declared and adjusted values and the reason.</summary>
    public sealed record Change(string Indicator, string? Declared, string? Adjusted, string? Reason);

    /// <summary>
    /// Keeps the declared targets in a year-end table started from <paramref name="goals"/>: where the unit wrote another
    /// value over an indicator's 年初指标值, that value becomes 调整后指标 and the declared value comes back. Indicators are
    /// paired by their level-3 name; rows the unit added have no declared value and are left as written.
    /// </summary>
    public static void KeepDeclaredTargets(SelfEvaluationTable goals, SelfEvaluationTable yearEnd)
    {
        var declared = goals.Indicators.Where(r => !string.IsNullOrWhiteSpace(r.Name))
            .GroupBy(r => Text.Compact(r.Name)).ToDictionary(g => g.Key, g => g.First().Target);
        foreach (var row in yearEnd.Indicators)
        {
            if (!declared.TryGetValue(Text.Compact(row.Name), out var original)) continue;
            if (Text.Compact(row.Target) == Text.Compact(original)) continue;
            if (string.IsNullOrWhiteSpace(row.AdjustedTarget)) row.AdjustedTarget = row.Target;
            row.Target = original;
        }
    }

    /// <summary>
    /// Stamps who changed a target and when: an indicator whose 调整后指标 or reason differs from the previous version
    /// gets <paramref name="by"/> and <paramref name="at"/>; an unchanged one keeps the previous stamp (whatever the
    /// client sent); one without an adjusted target has none. Returns the changes made in this save.
    /// </summary>
    public static List<Change> StampAdjustments(SelfEvaluationTable? previous, SelfEvaluationTable next, string by, DateTime at)
    {
        var before = (previous?.Indicators ?? []).Where(r => !string.IsNullOrWhiteSpace(r.Name))
            .GroupBy(r => Text.Compact(r.Name)).ToDictionary(g => g.Key, g => g.First());
        var changes = new List<Change>();
        foreach (var row in next.Indicators)
        {
            if (string.IsNullOrWhiteSpace(row.AdjustedTarget))
            {
                row.Adjustment = null;
                continue;
            }
            before.TryGetValue(Text.Compact(row.Name), out var old);
            var reason = string.IsNullOrWhiteSpace(row.Adjustment?.Reason) ? null : row.Adjustment!.Reason!.Trim();
            var same = old is not null && Text.Compact(old.AdjustedTarget) == Text.Compact(row.AdjustedTarget)
                && Text.Compact(old.Adjustment?.Reason) == Text.Compact(reason);
            if (same)
            {
                row.Adjustment = old!.Adjustment is null ? null : new TargetAdjustment { Reason = old.Adjustment.Reason, By = old.Adjustment.By, At = old.Adjustment.At };
                continue;
            }
            row.Adjustment = new TargetAdjustment { Reason = reason, By = by, At = at };
            changes.Add(new Change(row.Name, row.Target, row.AdjustedTarget, reason));
        }
        return changes;
    }
}
