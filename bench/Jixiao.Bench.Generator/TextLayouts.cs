using System.Text;
using Jixiao.Core.Model;
using Jixiao.Core.Money;

namespace Jixiao.Bench.Generator;

/// <summary>
/// Writes a table as tab-separated text the way Excel exports it: transfer-payment tables in the layout of
/// seed 001, project tables in the Shanxi appendix layout of seed 004 (title, narrative 一…六 with the two
/// tables under 二). The real text reader reads them back into the same model.
/// </summary>
public static class TextLayouts
{
    public static string Write(SelfEvaluationTable table) => table switch
    {
        ProjectSelfEvaluation p => Project(p),
        TransferSelfEvaluation t => Transfer(t),
        _ => throw new NotSupportedException(table.GetType().Name),
    };

    public static string Transfer(TransferSelfEvaluation t)
    {
        var sb = new StringBuilder(4096);
        void Row(params string?[] cells) => sb.Append(string.Join('\t', cells.Select(c => c ?? ""))).Append('\n');
        sb.Append('\n').Append(t.Title).Append("\n\n");
        if (t.Year is { } year) sb.Append('(').Append(year).Append("年度)\n\n");
        Row("转移支付(项目)名称", "", t.FundName, "", "", "", "");
        Row("中央主管部门", "", t.CentralDepartment, "", "", "", "");
        Row("地方主管部门", "", t.CompetentDepartment, "资金使用单位", t.ImplementingUnit, "", "");
        Row($"资金投入情况 ({(t.DeclaredUnit ?? MoneyUnit.WanYuan).ChineseName()})", "", "全年预算数(A)", "全年执行数(B)", "", "预算执行率(B/A×100%)", "");
        foreach (var f in t.Funds) Row("", f.Label, f.Budget.Text, f.Execution.Text, "", f.Rate.Text, "");
        Row("资金管理情况", "情况说明", "", "", "", "存在问题和改进措施", "");
        foreach (var m in t.Management) Row("", m.Aspect, m.Description, "", "", m.Problems, "");
        Row("总体目标完成情况", "总体目标", "", "全年实际完成情况", "", "", "");
        Row("", t.OverallGoal, "", t.OverallActual, "", "", "");
        Row("绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因和改进措施");
        string? l1 = null, l2 = null;
        foreach (var i in t.Indicators)
        {
            Row("", i.Level1Label == l1 ? "" : i.Level1Label, i.Level2Label == l2 && i.Level1Label == l1 ? "" : i.Level2Label, i.Name, i.Target, i.Actual, i.DeviationReason);
            l1 = i.Level1Label;
            l2 = i.Level2Label;
        }
        if (t.Remarks is not null) Row("说明", t.Remarks, "", "", "", "", "");
        if (t.Footnotes.Count > 0)
        {
            sb.Append('\n');
            for (var k = 0; k < t.Footnotes.Count; k++)
                sb.Append(k == 0 ? "注：" : "").Append(k + 1).Append('.').Append(t.Footnotes[k]).Append('\n');
        }
        return sb.ToString();
    }

    public static string Project(ProjectSelfEvaluation p)
    {
        var sb = new StringBuilder(4096);
        void Row(params string?[] cells) => sb.Append(string.Join('\t', cells.Select(c => c ?? ""))).Append('\n');
        sb.Append(p.Title).Append("\n\n");
        foreach (var s in p.Narrative)
        {
            sb.Append(s.Level switch
            {
                1 => $"{s.Number}、{s.Heading}",
                2 => $"（{s.Number}）{s.Heading}",
                3 => $"{s.Number}.{s.Heading}",
                4 => $"({s.Number}){s.Heading}",
                _ => $"{s.Number}{s.Heading}",
            }).Append("\n\n");
            if (s.Text.Length > 0) sb.Append(s.Text).Append("\n\n");
            if (s is { Level: 2, Heading: "预算执行情况" })
            {
                var unit = (p.DeclaredUnit ?? MoneyUnit.Yuan).ChineseName();
                Row("资金来源", "年初预算数", "", $"全年预算数({unit})", $"全年执行数({unit})", $"资金结(转)余({unit})", "执行率", "得分");
                Row("", $"目标申报({unit})", $"预算编制({unit})", "", "", "", "", "");
                foreach (var f in p.Funds)
                    Row(f.Label, f.InitialBudgetDeclared?.Text, f.InitialBudget?.Text, f.Budget.Text, f.Execution.Text, f.Balance?.Text, f.Rate.Text, f.Score?.Text);
                sb.Append('\n');
            }
            if (s is { Level: 2, Heading: "绩效指标完成情况" })
            {
                Row("一级指标", "二级指标", "指标名称", "年度指标", "", "实际完成值", "权重", "得分", "偏差原因分析及改进措施");
                Row("", "", "", "年初指标", "调整后指标", "", "", "", "");
                string? l1 = null, l2 = null;
                foreach (var i in p.Indicators)
                {
                    Row(i.Level1Label == l1 ? "" : i.Level1Label, i.Level2Label == l2 && i.Level1Label == l1 ? "" : i.Level2Label, i.Name,
                        i.Target, i.AdjustedTarget, i.Actual, i.Weight?.Text, i.Score?.Text, i.DeviationReason);
                    l1 = i.Level1Label;
                    l2 = i.Level2Label;
                }
                sb.Append('\n');
            }
        }
        return sb.ToString();
    }
}
