using Jixiao.Core.Model;

namespace Jixiao.Core.Workflow;

/// <summary>
/// What a self-evaluation table reports at year end — executions, rates, actuals, reasons, adjusted targets and
/// scores — as opposed to what it declares (structure, names, budgets, targets). One place that clears the results,
/// for a table started from the year's goals and for next year's copy of a table.
/// </summary>
public static class TableResults
{
    public static void Clear(SelfEvaluationTable t)
    {
        foreach (var f in t.Funds)
        {
            f.Execution = Figure.Blank();
            f.Rate = Figure.Blank();
            if (f.Balance is not null) f.Balance = Figure.Blank();
            if (f.Score is not null) f.Score = Figure.Blank();
        }
        t.OverallActual = null;
        foreach (var i in t.Indicators)
        {
            i.AdjustedTarget = null;
            i.Actual = null;
            i.DeviationReason = null;
            if (i.Score is not null) i.Score = Figure.Blank();
        }
        if (t is ProjectSelfEvaluation p)
        {
            p.StatedExecutionScore = null;
            p.StatedIndicatorScore = null;
            p.StatedTotalScore = Figure.Blank();
            p.StatedGrade = null;
            p.Narrative = [];
        }
    }
}
