using System.Globalization;
using System.Text;
using Jixiao.Core.Checks;
using Jixiao.Core.Indicators;
using Jixiao.Core.Model;
using Jixiao.Core.Money;

namespace Jixiao.Documents.Export;

/// <summary>
/// Drafts a self-evaluation report from a checked table, in the standard outline: 一…五 for a transfer payment
/// (rules.md R2.4), 一…六 for a project (R1.19). Every figure comes from the table; each missed indicator gets its
/// reason and remedy (or a marked gap to fill in); the engine's findings become sentences the author can keep or edit.
/// </summary>
public static class ReportDrafter
{
    /// <summary>Text marking a gap the author must fill in.</summary>
    public const string Gap = "【待补充】";

    public static SelfEvaluationReport Draft(SelfEvaluationTable table, CheckReport? checks = null)
    {
        var findings = checks?.Findings.Where(f => f.DocumentId == table.Id && f.Severity != Severity.Info).ToList() ?? [];
        var report = new SelfEvaluationReport
        {
            Id = table.Id + "#draft",
            Title = ReportTitle(table),
            Year = table.Year,
            Unit = table.Unit ?? table.ImplementingUnit ?? table.CompetentDepartment,
            TableIds = [table.Id],
            Signatory = table.ImplementingUnit ?? table.CompetentDepartment,
        };
        var s = report.Sections;
        var unit = table.DeclaredUnit?.ChineseName() ?? "";
        var year = table.Year?.ToString(CultureInfo.InvariantCulture) ?? "本";
        var name = table.FundName ?? table.Title;
        var missed = MissedIndicators(table);

        if (table is ProjectSelfEvaluation p)
        {
            report.Preamble = $"根据绩效自评工作要求，现将{name}{year}年度绩效自评情况报告如下：";
            Add(s, "一", 1, "项目基本信息");
            Add(s, "一", 2, "项目概况", JoinNonEmpty(
                $"项目名称：{name}。",
                p.CompetentDepartment is { } cd ? $"主管部门：{cd}。" : null,
                p.ImplementingUnit is { } iu ? $"实施单位：{iu}。" : null,
                $"项目概况、立项依据、项目设立的必要性、保证项目实施的措施与制度：{Gap}"));
            Add(s, "二", 2, "项目绩效目标", p.OverallGoal is { Length: > 0 } g ? $"年度总体目标：{g}" : $"年度总体目标：{Gap}");
            Add(s, "三", 2, "项目实施计划", Gap);
            Add(s, "二", 1, "项目绩效完成情况");
            Add(s, "一", 2, "预算执行情况", FundSentences(table, unit, project: true));
            Add(s, "二", 2, "绩效指标完成情况", $"全年共设置绩效指标{p.Indicators.Count}项，" +
                (missed.Count == 0 ? "均已完成。" : $"其中{missed.Count}项未完全达到年度指标值，详见下表及第五部分。"));
            Add(s, "三", 1, "项目自评结果");
            Add(s, "1", 3, "项目自评得分和结论", ScoreSentence(p));
            Add(s, "2", 3, "全年目标实际完成情况", p.OverallActual is { Length: > 0 } oa ? oa : Gap);
            Add(s, "3", 3, "项目实施和预算执行情况分析", ExecutionAnalysis(table, unit));
            Add(s, "4", 3, "产出情况及分析", IndicatorSentences(table, IndicatorLevel1.Output));
            Add(s, "5", 3, "效益情况及分析", IndicatorSentences(table, IndicatorLevel1.Effect));
            Add(s, "6", 3, "满意度情况及分析", IndicatorSentences(table, IndicatorLevel1.Satisfaction));
            Add(s, "四", 1, "项目主要经验做法", Gap);
            Add(s, "五", 1, "项目管理中存在的主要问题及原因分析", JoinNonEmpty(MissedSentences(missed, reasons: false), FindingSentences(findings)) is { Length: > 0 } pr ? pr : "未发现偏离绩效目标的情况。");
            Add(s, "六", 1, "下一步改进措施及管理建议", RemedySentences(missed) is { Length: > 0 } rm ? rm : Gap);
            return report;
        }

        report.Preamble = $"按照绩效自评工作要求，现将{name}{year}年度绩效自评情况报告如下：";
        Add(s, "一", 1, "绩效目标分解下达情况");
        Add(s, "一", 2, "预算安排及分解下达情况", BudgetAllocation(table, unit, year));
        Add(s, "二", 2, "绩效目标下达情况", table.OverallGoal is { Length: > 0 } goal ? $"年度总体目标：{goal}" : Gap);
        Add(s, "二", 1, "绩效情况分析");
        Add(s, "一", 2, "资金投入情况分析", FundSentences(table, unit, project: false));
        Add(s, "二", 2, "资金管理情况分析", ManagementSentences(table));
        Add(s, "三", 2, "总体绩效目标完成情况分析", table.OverallActual is { Length: > 0 } act ? act : Gap);
        Add(s, "四", 2, "绩效指标完成情况分析");
        var n = 1;
        foreach (var (level, title) in new[] { (IndicatorLevel1.Output, "产出指标"), (IndicatorLevel1.Effect, "效益指标"), (IndicatorLevel1.Satisfaction, "满意度指标"), (IndicatorLevel1.Cost, "成本指标") })
        {
            if (!table.Indicators.Exists(i => i.Level1 == level)) continue;
            Add(s, (n++).ToString(CultureInfo.InvariantCulture), 3, title, IndicatorSentences(table, level));
        }
        var unknown = table.Indicators.Where(i => i.Level1 == IndicatorLevel1.Unknown).ToList();
        if (unknown.Count > 0) Add(s, n.ToString(CultureInfo.InvariantCulture), 3, "其他指标", IndicatorSentences(table, IndicatorLevel1.Unknown));
        Add(s, "三", 1, "偏离绩效目标的原因和下一步改进措施",
            JoinNonEmpty(ExecutionDeviation(table), MissedSentences(missed, reasons: true), FindingSentences(findings)) is { Length: > 0 } dev
                ? dev : "各项绩效指标均已完成，未发现偏离绩效目标的情况。");
        Add(s, "四", 1, "绩效自评结果拟应用和公开情况",
            "自评结果将作为完善政策、改进管理以及以后年度预算安排的重要依据，并按照预算公开的有关规定公开，接受社会监督。");
        Add(s, "五", 1, "其他需要说明的问题", RemarksSentence(table));
        return report;
    }

    public static string ReportTitle(SelfEvaluationTable t)
    {
        var name = t.FundName ?? t.Title;
        var year = t.Year is { } y ? $"{y}年度" : "";
        return t is ProjectSelfEvaluation ? $"{name}{year}项目支出绩效自评报告" : $"{name}转移支付{year}绩效自评报告";
    }

    private static void Add(List<ReportSection> s, string number, int level, string heading, string text = "") =>
        s.Add(new ReportSection { Number = number, Level = level, Heading = heading, Text = text });

    private static string JoinNonEmpty(params string?[] parts) =>
        string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    internal static string Amount(Figure f, string unit) => f.IsBlank ? "" : f.Text + unit;

    private static string RateText(FundRow f)
    {
        if (!f.Rate.IsBlank && !f.Rate.IsSpreadsheetError)
            return f.Rate.IsPercent ? f.Rate.Text! : f.Rate.Text + "%";
        if (Rates.Percent(f.Execution.Value, f.Budget.Value) is { } r) return NumberText.FormatPercent(r);
        return "不适用（预算数为0）";
    }

    private static IEnumerable<FundRow> SourceRows(SelfEvaluationTable t) =>
        t.Funds.Where(f => f.Source != FundSourceKind.Total && !f.Budget.IsBlank && f.Budget.Value is not 0m);

    private static string BudgetAllocation(SelfEvaluationTable t, string unit, string year)
    {
        var total = t.TotalFund;
        if (total is null || total.Budget.IsBlank) return $"{year}年全年预算数：{Gap}";
        var sb = new StringBuilder($"{year}年，{t.FundName}全年预算数{Amount(total.Budget, unit)}");
        var parts = SourceRows(t).Select(f => $"{CleanLabel(f.Label)}{Amount(f.Budget, unit)}").ToList();
        if (parts.Count > 0) sb.Append("，其中").Append(string.Join("，", parts));
        sb.Append("。资金分解下达的文号和时间：").Append(Gap);
        return sb.ToString();
    }

    internal static string CleanLabel(string label)
    {
        var l = label.Trim();
        foreach (var p in new[] { "其中：", "其中:", "其中" }) if (l.StartsWith(p, StringComparison.Ordinal)) l = l[p.Length..].Trim();
        return l;
    }

    private static string FundSentences(SelfEvaluationTable t, string unit, bool project)
    {
        var lines = new List<string>();
        if (t.TotalFund is { } total)
        {
            var sb = new StringBuilder();
            if (project && total.InitialBudget is { IsBlank: false } ib) sb.Append($"年初预算数{Amount(ib, unit)}，");
            sb.Append($"全年预算数{Amount(total.Budget, unit)}，全年执行数{Amount(total.Execution, unit)}，预算执行率{RateText(total)}。");
            lines.Add(sb.ToString());
        }
        foreach (var f in t.Funds.Where(f => f.Source != FundSourceKind.Total && !(f.Budget.IsBlank && f.Execution.IsBlank)))
            lines.Add($"{CleanLabel(f.Label)}：全年预算数{Amount(f.Budget, unit)}，全年执行数{Amount(f.Execution, unit)}，执行率{RateText(f)}。");
        return lines.Count > 0 ? string.Join("\n", lines) : Gap;
    }

    private static string ExecutionAnalysis(SelfEvaluationTable t, string unit)
    {
        var text = FundSentences(t, unit, project: true);
        if (t.TotalFund is { InitialBudget: { Value: { } ib and > 0 } } total && total.Execution.Value is { } b
            && Rates.Percent(b, ib) is { } r && total.Budget.Value is { } a && a != ib)
            text += $"\n按年初预算数计算，预算执行率为{NumberText.FormatPercent(r)}；全年预算数由年初的{total.InitialBudget.Text}{unit}调整为{total.Budget.Text}{unit}，调整原因：{Gap}";
        return text;
    }

    private static string ExecutionDeviation(SelfEvaluationTable t)
    {
        if (t.TotalFund is not { } total || Rates.Percent(total.Execution.Value, total.Budget.Value) is not { } r) return "";
        if (r < 100m) return $"预算执行率为{RateText(total)}，未全部执行。原因：{Gap} 改进措施：{Gap}";
        if (r > 100m) return $"预算执行率为{RateText(total)}，超过100%。原因：{Gap}";
        return "";
    }

    private static string ManagementSentences(SelfEvaluationTable t)
    {
        if (t.Management.Count == 0) return Gap;
        var lines = new List<string>();
        foreach (var m in t.Management)
        {
            var sb = new StringBuilder($"{m.Aspect}：{(string.IsNullOrWhiteSpace(m.Description) ? Gap : EndSentence(m.Description!))}");
            if (!Jixiao.Core.Model.Text.IsEmptyExplanation(m.Problems)) sb.Append($"存在问题和改进措施：{EndSentence(m.Problems!)}");
            lines.Add(sb.ToString());
        }
        return string.Join("\n", lines);
    }

    private static string EndSentence(string s)
    {
        var t = s.Trim();
        return t.EndsWith('。') || t.EndsWith('；') || t.EndsWith('.') ? t : t + "。";
    }

    private static string IndicatorSentences(SelfEvaluationTable t, IndicatorLevel1 level)
    {
        var rows = t.Indicators.Where(i => i.Level1 == level).ToList();
        if (rows.Count == 0) return "未设置此类指标。";
        var lines = new List<string>();
        foreach (var group in rows.GroupBy(i => i.Level2Label))
        {
            var items = group.Select(i =>
            {
                var judged = Judge(i) is { } j ? JudgementPhrase(j) : "";
                var actual = string.IsNullOrWhiteSpace(i.Actual) ? Gap : i.Actual;
                return $"{i.Name}，年度指标值{i.EffectiveTarget ?? "（未填写）"}，实际完成{actual}{judged}";
            });
            lines.Add($"{(group.Key.Length > 0 ? group.Key + "：" : "")}{string.Join("；", items)}。");
        }
        return string.Join("\n", lines);
    }

    private static string JudgementPhrase(Judgement j) => j.Outcome switch
    {
        Outcome.Met => "，已完成",
        Outcome.PartlyMet => j.CompletionRatio is { } r ? $"，完成{NumberText.FormatPercent(Math.Round(r * 100m, 2, MidpointRounding.AwayFromZero))}" : "，部分完成",
        Outcome.NotMet => "，未完成",
        _ => "",
    };

    /// <summary>The judge, guarded: while it is not available (or fails on a value) the draft says nothing about completion.</summary>
    internal static Judgement? Judge(IndicatorRow i)
    {
        try
        {
            return IndicatorJudge.Judge(i.EffectiveTarget, i.Actual);
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>Indicators judged not met or partly met.</summary>
    public static List<(IndicatorRow Row, Judgement Judgement)> MissedIndicators(SelfEvaluationTable t)
    {
        var list = new List<(IndicatorRow, Judgement)>();
        foreach (var i in t.Indicators)
            if (Judge(i) is { Outcome: Outcome.NotMet or Outcome.PartlyMet } j) list.Add((i, j));
        return list;
    }

    private static string MissedSentences(List<(IndicatorRow Row, Judgement Judgement)> missed, bool reasons)
    {
        var lines = new List<string>();
        var n = 1;
        foreach (var (row, j) in missed)
        {
            var sb = new StringBuilder($"{n++}.{row.Name}：年度指标值{row.EffectiveTarget}，实际完成{row.Actual}{JudgementPhrase(j)}。");
            if (reasons)
                sb.Append(Jixiao.Core.Model.Text.IsEmptyExplanation(row.DeviationReason)
                    ? $"未完成原因和改进措施：{Gap}"
                    : $"未完成原因和改进措施：{EndSentence(row.DeviationReason!)}");
            else
                sb.Append(Jixiao.Core.Model.Text.IsEmptyExplanation(row.DeviationReason) ? $"原因：{Gap}" : $"原因：{EndSentence(row.DeviationReason!)}");
            lines.Add(sb.ToString());
        }
        return string.Join("\n", lines);
    }

    private static string RemedySentences(List<(IndicatorRow Row, Judgement Judgement)> missed) =>
        string.Join("\n", missed.Select(m => $"针对{m.Row.Name}未达到年度指标值的情况：{(Jixiao.Core.Model.Text.IsEmptyExplanation(m.Row.DeviationReason) ? Gap : EndSentence(m.Row.DeviationReason!))}"));

    /// <summary>The engine's findings as sentences the author can keep, correct or delete.</summary>
    public static string FindingSentences(IReadOnlyList<Finding> findings)
    {
        if (findings.Count == 0) return "";
        var sb = new StringBuilder("经系统审核，以下问题需核实修改：");
        var n = 1;
        foreach (var f in findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Rule, StringComparer.Ordinal))
        {
            sb.Append('\n').Append($"（{n++}）{EndSentence(f.Message)}");
            if (!string.IsNullOrWhiteSpace(f.Location)) sb.Append($"位置：{f.Location}。");
            if (f.Stated is not null && f.Expected is not null) sb.Append($"表中填报为{f.Stated}，按规则应为{f.Expected}。");
        }
        return sb.ToString();
    }

    private static string ScoreSentence(ProjectSelfEvaluation p)
    {
        var parts = new List<string>();
        if (p.StatedExecutionScore is { IsBlank: false } e) parts.Add($"预算执行情况得分{e.Text}分");
        if (p.StatedIndicatorScore is { IsBlank: false } i) parts.Add($"指标完成情况得分{i.Text}分");
        if (p.StatedTotalScore is { IsBlank: false } t) parts.Add($"总得分{t.Text}分");
        if (p.StatedGrade is { Length: > 0 } g) parts.Add($"评价等级为“{g}”");
        return parts.Count > 0 ? "综合考虑预算执行情况和产出、效益、满意度各方面因素，" + string.Join("，", parts) + "。" : Gap;
    }

    private static string RemarksSentence(SelfEvaluationTable t)
    {
        var r = t.Remarks?.Trim();
        if (string.IsNullOrEmpty(r) || r == TableLabels.RemarksPlaceholder || r.StartsWith("请在此处", StringComparison.Ordinal))
            return $"中央巡视、各级审计和财会监督中发现的问题及其所涉及的金额：{Gap}（如没有请填无）";
        return EndSentence(r);
    }
}
