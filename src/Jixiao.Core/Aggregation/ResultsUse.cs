using Jixiao.Core.Indicators;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Aggregation;

/// <summary>Why a project goes on the list for next year's budget review.</summary>
public enum ReviewReason
{
    /// <summary>评价等级为中或差.</summary>
    LowGrade,
    /// <summary>预算执行率低于 80%.</summary>
    LowExecution,
    /// <summary>全年预算被调减至等于执行数 (SE-FUND-BUDGET-CUT).</summary>
    BudgetCut,
    /// <summary>核心指标（产出、效益）未完成.</summary>
    MissedCoreIndicator,
}

public sealed record ReviewItem(ReviewReason Reason, string Detail);

/// <summary>A project or fund proposed for next year's budget review (绩效评价结果应用), with every reason.</summary>
public sealed record ReviewCandidate(string Unit, string Title, string? Fund, int? Year, string? DocumentId, decimal? ExecutionRate, string? Grade, IReadOnlyList<ReviewItem> Reasons);

public static class ResultsUse
{
    public const decimal LowExecutionThreshold = 80m;

    public static string ChineseName(this ReviewReason reason) => reason switch
    {
        ReviewReason.LowGrade => "评价等级为中或差",
        ReviewReason.LowExecution => "预算执行率低于80%",
        ReviewReason.BudgetCut => "全年预算调减至等于执行数",
        ReviewReason.MissedCoreIndicator => "核心指标未完成",
        _ => reason.ToString(),
    };

    /// <summary>
    /// The reasons a table should be looked at in next year's budget review, or null when there are none.
    /// <paramref name="findingRules"/> are the rule ids of the table's findings (the engine's SE-FUND-BUDGET-CUT);
    /// <paramref name="score"/> the engine's score of a project table.
    /// </summary>
    public static ReviewCandidate? Assess(SelfEvaluationTable table, string unit, string? documentId, IEnumerable<string> findingRules, ScoreResult? score = null)
    {
        var reasons = new List<ReviewItem>();
        var grade = score?.Grade ?? (table as ProjectSelfEvaluation)?.StatedGrade;
        if (grade is "中" or "差")
            reasons.Add(new ReviewItem(ReviewReason.LowGrade, $"评价等级“{grade}”" + (score is not null ? $"（系统评分 {score.Total:0.##} 分）" : "")));
        var total = table.TotalFund;
        var rate = Rates.Percent(total?.Execution.Value, total?.Budget.Value);
        if (rate is { } r && r < LowExecutionThreshold)
            reasons.Add(new ReviewItem(ReviewReason.LowExecution, $"全年执行率 {r:0.00}%"));
        if (findingRules.Contains("SE-FUND-BUDGET-CUT"))
        {
            var initial = Rates.Percent(total?.Execution.Value, total?.InitialBudget?.Value);
            reasons.Add(new ReviewItem(ReviewReason.BudgetCut, initial is { } i ? $"按年初预算计算的执行率只有 {i:0.00}%" : "全年预算数被调减至等于执行数"));
        }
        var missed = table.Indicators
            .Where(x => x.Level1 is IndicatorLevel1.Output or IndicatorLevel1.Effect)
            .Where(x => IndicatorJudge.Judge(x.EffectiveTarget, x.Actual).Outcome == Outcome.NotMet)
            .Select(x => $"{x.Name}（目标 {x.EffectiveTarget}，实际 {x.Actual}）").ToList();
        if (missed.Count > 0)
            reasons.Add(new ReviewItem(ReviewReason.MissedCoreIndicator, string.Join("；", missed)));
        return reasons.Count == 0 ? null : new ReviewCandidate(unit, table.Title, table.FundName, table.Year, documentId, rate, grade, reasons);
    }
}
