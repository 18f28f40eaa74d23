using Jixiao.Core.Money;

namespace Jixiao.Core.Aggregation;

/// <summary>
/// The thresholds of the execution-pace light (双监控, rules.md R1.8 and peers.md): the execution share divided by
/// the share of the year gone, in percent. Data, not code: a rule set may carry other numbers.
/// </summary>
public sealed record MonitoringThresholds
{
    /// <summary>Below this pace (percent of the expected share) the light is red.</summary>
    public decimal RedBelow { get; init; } = 60m;
    /// <summary>Below this pace (and at or above <see cref="RedBelow"/>) yellow; at or above it green.</summary>
    public decimal YellowBelow { get; init; } = 80m;
}

public enum MonitoringLight
{
    Green,
    Yellow,
    Red,
    /// <summary>No budget or no figure: nothing to judge.</summary>
    None,
}

/// <summary>The light of one fund at one month.</summary>
public sealed record MonitoringResult(int Month, decimal? Budget, decimal? Executed, decimal? ExecutionShare, decimal YearShare, decimal? Pace, MonitoringLight Light, string Explanation);

public static class ExecutionMonitoring
{
    public static string ChineseName(this MonitoringLight light) => light switch
    {
        MonitoringLight.Green => "绿灯",
        MonitoringLight.Yellow => "黄灯",
        MonitoringLight.Red => "红灯",
        _ => "无法判断",
    };

    /// <summary>
    /// Execution to the end of <paramref name="month"/> (cumulative) against the full-year budget: the share spent,
    /// the share of the year gone (month ÷ 12), and the pace = spent share ÷ year share × 100.
    /// </summary>
    public static MonitoringResult Assess(int month, decimal? budget, decimal? executedToDate, MonitoringThresholds? thresholds = null)
    {
        thresholds ??= new MonitoringThresholds();
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), "月份应在 1 到 12 之间。");
        var yearShare = Math.Round(month * 100m / 12m, 2, MidpointRounding.AwayFromZero);
        var share = Rates.Percent(executedToDate, budget);
        if (share is null)
            return new MonitoringResult(month, budget, executedToDate, null, yearShare, null, MonitoringLight.None, "没有全年预算数或执行数，无法判断执行进度。");
        var pace = Math.Round(share.Value / (month / 12m), 2, MidpointRounding.AwayFromZero);
        var light = pace < thresholds.RedBelow ? MonitoringLight.Red : pace < thresholds.YellowBelow ? MonitoringLight.Yellow : MonitoringLight.Green;
        var why = $"截至 {month} 月执行 {share:0.##}%，时间进度 {yearShare:0.##}%，执行进度为时间进度的 {pace:0.##}%（红灯 <{thresholds.RedBelow:0.##}%，黄灯 <{thresholds.YellowBelow:0.##}%）。";
        return new MonitoringResult(month, budget, executedToDate, share, yearShare, pace, light, why);
    }
}
