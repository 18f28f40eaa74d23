namespace Jixiao.Bench.Generator;

/// <summary>
/// The error types found in the seed documents, as the generator injects them. Each one names the rule ids
/// the engine must report for it (<see cref="Defects.ExpectedRules"/>).
/// </summary>
public enum Defect
{
    /// <summary>Amounts written in yuan under a 万元 header (seed 001).</summary>
    YuanUnderWan,
    /// <summary>A component's 全年预算数 changed so the components no longer sum to the total (seeds 000, 001).</summary>
    SumMismatch,
    /// <summary>The stated 预算执行率 of the total row differs from B/A (seed 000).</summary>
    RateMismatch,
    /// <summary>A source with a zero budget shows #DIV/0! as its rate (seed 001).</summary>
    DivZero,
    /// <summary>A quantitative target missed, with 未完成原因 "无" (seeds 000, 001, 004).</summary>
    MissedNoReason,
    /// <summary>A target left as template text "（此处须填写…）" (seed 000).</summary>
    TargetPlaceholder,
    /// <summary>The 说明 cell still holds the template hint (seed 000).</summary>
    RemarksPlaceholder,
    /// <summary>A missed quantitative target scored at full weight, above the proportional score (seed 004).</summary>
    ScoreAboveProportional,
    /// <summary>The stated grade does not match the stated total (seed 004).</summary>
    GradeMismatch,
    /// <summary>The 全年预算数 cut down to equal the execution, hiding a low rate against 年初预算 (seed 004).</summary>
    BudgetCut,
    /// <summary>Indicator weights that do not sum to 90 (seed 004).</summary>
    WeightsSum,
}

public static class Defects
{
    /// <summary>Defects that apply to transfer-payment tables (not scored).</summary>
    public static readonly Defect[] Transfer =
    [
        Defect.YuanUnderWan, Defect.SumMismatch, Defect.RateMismatch, Defect.DivZero, Defect.MissedNoReason,
        Defect.TargetPlaceholder, Defect.RemarksPlaceholder,
    ];

    /// <summary>Defects that apply to project tables (Shanxi appendix layout, scored).</summary>
    public static readonly Defect[] Project =
    [
        Defect.SumMismatch, Defect.RateMismatch, Defect.MissedNoReason, Defect.TargetPlaceholder,
        Defect.ScoreAboveProportional, Defect.GradeMismatch, Defect.BudgetCut, Defect.WeightsSum,
    ];

    /// <summary>The rule ids the engine must report for a defect (warnings and errors; info findings are not counted).</summary>
    public static IReadOnlyList<string> ExpectedRules(Defect defect, bool project) => defect switch
    {
        Defect.YuanUnderWan => ["SE-FUND-UNIT"],
        Defect.SumMismatch => ["SE-FUND-SUM-A"],
        Defect.RateMismatch => ["SE-FUND-RATE"],
        Defect.DivZero => ["SE-FUND-RATE-NA"],
        Defect.MissedNoReason => project ? ["SE-IND-MISSED-REASON", "SE-SCORE-REASON"] : ["SE-IND-MISSED-REASON"],
        Defect.TargetPlaceholder => ["SE-IND-TARGET"],
        Defect.RemarksPlaceholder => ["SE-REMARKS"],
        Defect.ScoreAboveProportional => ["SE-SCORE-INDICATOR"],
        Defect.GradeMismatch => ["SE-GRADE"],
        Defect.BudgetCut => ["SE-FUND-BUDGET-CUT"],
        Defect.WeightsSum => ["SE-SCORE-WEIGHTS"],
        _ => [],
    };
}
