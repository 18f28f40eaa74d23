using Jixiao.Core.Indicators;
using Jixiao.Core.Model;

namespace Jixiao.Core.Checks.SelfEvaluation;

/// <summary>Completeness and explanations of the indicator block, judged by the indicator-value language.</summary>
public static class IndicatorRowChecks
{
    public static void Run(SelfEvaluationTable t, CheckContext ctx)
    {
        if (t.Indicators.Count == 0)
        {
            foreach (var r in new[] { RuleCatalog.ActualBlank, RuleCatalog.TargetUnmeasurable, RuleCatalog.MissedWithoutReason, RuleCatalog.OverCompletion, RuleCatalog.UnitMismatch, RuleCatalog.AdjustedWithoutReason })
                ctx.NotRun(r, "没有读到绩效指标");
            return;
        }
        IndicatorRow? previous = null;
        foreach (var row in t.Indicators)
        {
            CheckRow(row, previous, ctx);
            previous = row;
        }
    }

    private static void CheckRow(IndicatorRow row, IndicatorRow? previous, CheckContext ctx)
    {
        // A target cell merged over several rows is reported once, at its first row.
        var sharedTarget = previous is not null && previous.Level2 == row.Level2 && !string.IsNullOrEmpty(row.EffectiveTarget) && previous.EffectiveTarget == row.EffectiveTarget;
        var name = row.Name.Length > 0 ? row.Name : "（未命名指标）";
        var at = row.At;
        var target = IndicatorParser.Parse(row.EffectiveTarget);
        var actual = IndicatorParser.Parse(row.Actual);

        if (TargetChange.IsChanged(row) && string.IsNullOrWhiteSpace(row.Adjustment?.Reason))
            ctx.Report(RuleCatalog.AdjustedWithoutReason, at, $"指标“{name}”的指标值由年初的“{row.Target}”调整为“{row.AdjustedTarget}”，但没有写明调整理由。", row.AdjustedTarget, "填写调整理由");
        else ctx.Checked(RuleCatalog.AdjustedWithoutReason);

        switch (target)
        {
            case EmptyValue:
                ctx.Report(RuleCatalog.TargetUnmeasurable, at, $"指标“{name}”没有填写指标值，无法评价完成情况。", null, "可衡量的指标值");
                break;
            case FreeTextValue { IsPlaceholder: true }:
                ctx.Report(RuleCatalog.TargetUnmeasurable, at, $"指标“{name}”的指标值仍是模板提示文字“{row.EffectiveTarget}”。", row.EffectiveTarget, "可衡量的指标值");
                break;
            case FreeTextValue when sharedTarget:
                ctx.Checked(RuleCatalog.TargetUnmeasurable);
                break;
            case FreeTextValue:
                ctx.Report(RuleCatalog.TargetUnmeasurable, at, $"指标“{name}”的指标值“{row.EffectiveTarget}”不是可衡量的数值、时限或等级，无法判断是否完成。", row.EffectiveTarget, "可衡量的指标值");
                break;
            case QuantityValue q when IndicatorChecks.IsTrivialTarget(q):
                ctx.Report(RuleCatalog.TargetUnmeasurable, at, $"指标“{name}”的指标值“{row.EffectiveTarget}”恒成立，起不到约束作用。", row.EffectiveTarget, "有实际意义的指标值");
                break;
            default:
                ctx.Checked(RuleCatalog.TargetUnmeasurable);
                break;
        }

        if (actual is EmptyValue)
        {
            ctx.Report(RuleCatalog.ActualBlank, at, $"指标“{name}”未填写全年实际完成值。", null, "实际完成值");
            ctx.NotRun(RuleCatalog.MissedWithoutReason, $"“{name}”没有实际完成值");
            return;
        }
        if (actual is FreeTextValue { IsPlaceholder: true })
        {
            ctx.Report(RuleCatalog.ActualBlank, at, $"指标“{name}”的实际完成值仍是模板提示文字“{row.Actual}”。", row.Actual, "实际完成值");
            return;
        }
        ctx.Checked(RuleCatalog.ActualBlank);

        if (target is QuantityValue tq && IndicatorValues.UnitContradictsName(name, tq))
            ctx.Report(RuleCatalog.UnitMismatch, at, $"指标“{name}”计的是{IndicatorValues.NameMeasure(name)}，指标值“{row.EffectiveTarget}”的单位却是“{tq.Unit}”。", row.EffectiveTarget, IndicatorValues.NameMeasure(name));
        else ctx.Checked(RuleCatalog.UnitMismatch);

        var judgement = IndicatorJudge.Judge(target, actual);
        switch (judgement.Outcome)
        {
            case Outcome.PartlyMet or Outcome.NotMet:
                if (Text.IsEmptyExplanation(row.DeviationReason))
                    ctx.Report(RuleCatalog.MissedWithoutReason, at,
                        $"指标“{name}”未完成（指标值 {row.EffectiveTarget}，实际 {row.Actual}{Ratio(judgement)}），但未填写未完成原因和改进措施{(string.IsNullOrEmpty(row.DeviationReason) ? "" : $"（填的是“{row.DeviationReason}”）")}。",
                        row.Actual, "填写未完成原因和改进措施");
                else ctx.Checked(RuleCatalog.MissedWithoutReason);
                break;
            case Outcome.Met:
                ctx.Checked(RuleCatalog.MissedWithoutReason);
                break;
            default:
                ctx.NotRun(RuleCatalog.MissedWithoutReason, $"“{name}”：{judgement.Reason}");
                break;
        }
        if (judgement.OverCompletion is { } over && target is QuantityValue { Normalized: > 0, IsPercent: false })
        {
            if (over >= ctx.RuleSet.OverCompletionThreshold && Text.IsEmptyExplanation(row.DeviationReason))
                ctx.Report(RuleCatalog.OverCompletion, at,
                    $"指标“{name}”实际完成 {row.Actual}，达到指标值 {row.EffectiveTarget} 的 {Jixiao.Core.Model.NumberText.FormatPercent(over * 100m)}，超过 {Jixiao.Core.Model.NumberText.FormatPercent(ctx.RuleSet.OverCompletionThreshold * 100m, 0)}，应分析原因（指标值是否设定偏低）。",
                    row.Actual, $"< {Jixiao.Core.Model.NumberText.FormatPercent(ctx.RuleSet.OverCompletionThreshold * 100m, 0)} 或填写原因");
            else ctx.Checked(RuleCatalog.OverCompletion);
        }
    }

    private static string Ratio(Judgement j) =>
        j.CompletionRatio is { } r && !j.Reverse ? $"，完成 {Jixiao.Core.Model.NumberText.FormatPercent(r * 100m)}" : "";
}
