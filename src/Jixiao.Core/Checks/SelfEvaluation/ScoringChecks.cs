using Jixiao.Core.Model;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Checks.SelfEvaluation;

/// <summary>Weights, scores, total and grade of a scored (project or department) table against the rule set.</summary>
public static class ScoringChecks
{
    public static ScoreResult Run(ProjectSelfEvaluation t, CheckContext ctx)
    {
        var rules = ctx.RuleSet;
        var result = Scorer.Score(t, rules);
        var tol = rules.ScoreTolerance;

        // weights
        var (weightedCount, sum) = Total(t.Indicators, static i => i.Weight);
        if (weightedCount == 0) ctx.NotRun(RuleCatalog.WeightsSum, "指标没有权重");
        else
        {
            if (sum == rules.IndicatorPoints) ctx.Checked(RuleCatalog.WeightsSum);
            else ctx.Report(RuleCatalog.WeightsSum, (t.Indicators[0].At ?? t.Source) is { } wat ? wat with { Row = "权重合计", Column = "权重" } : null,
                $"指标权重合计为 {sum}，应为 {rules.IndicatorPoints}（100 减预算执行 {rules.ExecutionPoints} 分）。", sum.ToString(), rules.IndicatorPoints.ToString());
            foreach (var (name, expected) in rules.Level1Weights)
            {
                var level = name switch { "产出" => IndicatorLevel1.Output, "效益" => IndicatorLevel1.Effect, "满意度" => IndicatorLevel1.Satisfaction, _ => IndicatorLevel1.Unknown };
                var actual = 0m;
                foreach (var i in t.Indicators)
                    if (i.Weight?.Value is { } w && (i.Level1 == level || level == IndicatorLevel1.Output && i.Level1 == IndicatorLevel1.Cost)) actual += w;
                if (actual == expected) ctx.Checked(RuleCatalog.Level1Weights);
                else ctx.Report(RuleCatalog.Level1Weights, t.Indicators.FirstOrDefault(i => i.Weight?.Value is not null && i.Level1 == level)?.At ?? t.Indicators[0].At,
                    $"{name}指标权重合计 {actual}，规则集“{rules.Name}”为 {expected}。", actual.ToString(), expected.ToString());
            }
        }

        foreach (var s in result.Indicators)
        {
            var row = s.Row;
            var name = row.Name;
            if (s.Stated is not { } stated) continue;
            var at = row.Score?.At ?? row.At;
            // A score written as a whole number is the rounded score: 3 stands for 2.86.
            var scoreTol = Math.Max(tol, Money.Rates.HalfUnit(Money.Rates.DecimalsOf(row.Score?.Text)));
            if (rules.NoBonusPoints)
            {
                if (stated > s.Weight + tol && s.Weight > 0) ctx.Report(RuleCatalog.NoBonus, at, $"指标“{name}”得分 {stated} 超过权重 {s.Weight}（不设加分项）。", stated.ToString(), s.Weight.ToString());
                else ctx.Checked(RuleCatalog.NoBonus);
            }
            switch (s.Basis)
            {
                case ScoreBasis.Proportional when stated > s.Engine + scoreTol:
                    ctx.Report(RuleCatalog.IndicatorScore, at, $"指标“{name}”未完成（指标值 {row.EffectiveTarget}，实际 {row.Actual}），{s.Explanation}填报 {stated} 分。", stated.ToString(), s.Engine.ToString());
                    break;
                case ScoreBasis.Proportional or ScoreBasis.Met:
                    ctx.Checked(RuleCatalog.IndicatorScore);
                    break;
                case ScoreBasis.QualitativeBand when s.Engine != stated:
                    ctx.Report(RuleCatalog.QualitativeBand, at, $"指标“{name}”：{s.Explanation}", stated.ToString(), s.Band ?? s.Engine.ToString());
                    break;
                case ScoreBasis.QualitativeBand:
                    ctx.Checked(RuleCatalog.QualitativeBand);
                    break;
            }
            if (s.Weight > 0 && stated < s.Weight - tol)
            {
                if (Text.IsEmptyExplanation(row.DeviationReason))
                    ctx.Report(RuleCatalog.BelowWeightReason, at, $"指标“{name}”得分 {stated} 低于权重 {s.Weight}，但未填写偏差原因分析及改进措施。", stated.ToString(), "填写偏差原因");
                else ctx.Checked(RuleCatalog.BelowWeightReason);
            }
        }

        // execution points
        if (t.StatedExecutionScore?.Value is { } statedExec)
        {
            if (result.ExecutionRate is null) ctx.NotRun(RuleCatalog.ExecutionScore, "全年预算数为零或未填");
            else if (Math.Abs(statedExec - result.ExecutionPoints) <= tol) ctx.Checked(RuleCatalog.ExecutionScore);
            else ctx.Report(RuleCatalog.ExecutionScore, t.StatedExecutionScore.At,
                $"预算执行得分填报 {statedExec} 分，按执行率 {NumberText.FormatPercent(result.ExecutionRate.Value)} 应为 {result.ExecutionPoints} 分。", statedExec.ToString(), result.ExecutionPoints.ToString());
        }
        else ctx.NotRun(RuleCatalog.ExecutionScore, "未填报预算执行得分");

        // stated total = stated parts
        var (statedCount, statedSum) = Total(t.Indicators, static i => i.Score);
        if (t.StatedTotalScore?.Value is { } statedTotal && t.StatedExecutionScore?.Value is { } se && statedCount > 0)
        {
            var parts = se + statedSum;
            if (Math.Abs(parts - statedTotal) <= tol) ctx.Checked(RuleCatalog.TotalScore);
            else ctx.Report(RuleCatalog.TotalScore, t.StatedTotalScore.At,
                $"总得分填报 {statedTotal} 分，但预算执行得分 {se} 分加各指标得分合计 {statedSum} 分为 {parts} 分。", statedTotal.ToString(), parts.ToString());
            if (t.StatedIndicatorScore?.Value is { } si)
            {
                if (Math.Abs(si - statedSum) <= tol) ctx.Checked(RuleCatalog.TotalScore);
                else ctx.Report(RuleCatalog.TotalScore, t.StatedIndicatorScore.At,
                    $"指标完成情况得分填报 {si} 分，但表中各指标得分合计为 {statedSum} 分。", si.ToString(), statedSum.ToString());
            }
        }
        else ctx.NotRun(RuleCatalog.TotalScore, "缺少填报的总分、预算执行得分或指标得分");

        if (t.StatedTotalScore?.Value is { } st)
        {
            if (Math.Abs(st - result.Total) <= tol) ctx.Checked(RuleCatalog.EngineScore);
            else ctx.Report(RuleCatalog.EngineScore, t.StatedTotalScore.At,
                $"按规则集“{rules.Name}”计算总分为 {result.Total} 分（预算执行 {result.ExecutionPoints} + 指标 {result.IndicatorPoints}），填报为 {st} 分。", st.ToString(), result.Total.ToString());
            if (t.StatedGrade is { Length: > 0 } g)
            {
                var expected = rules.GradeFor(st);
                if (expected == g) ctx.Checked(RuleCatalog.Grade);
                else ctx.Report(RuleCatalog.Grade, t.StatedGradeAt ?? t.StatedTotalScore.At, $"总分 {st} 分按规则集“{rules.Name}”应评为“{expected}”，填报为“{g}”。", g, expected);
            }
            else ctx.NotRun(RuleCatalog.Grade, "未填报评价等级");
        }
        else
        {
            ctx.NotRun(RuleCatalog.EngineScore, "未填报总分");
            ctx.NotRun(RuleCatalog.Grade, "未填报总分");
        }
        return result;
    }

    /// <summary>How many indicators give the figure <paramref name="pick"/> reads, and its sum over them, in row order.</summary>
    private static (int Count, decimal Sum) Total(List<IndicatorRow> rows, Func<IndicatorRow, Figure?> pick)
    {
        var count = 0;
        var sum = 0m;
        foreach (var row in rows)
        {
            if (pick(row)?.Value is not { } v) continue;
            count++;
            sum += v;
        }
        return (count, sum);
    }
}
