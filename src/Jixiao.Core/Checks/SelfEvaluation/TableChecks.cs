using Jixiao.Core.Model;

namespace Jixiao.Core.Checks.SelfEvaluation;

/// <summary>Completeness of the header, fund-management block and 说明.</summary>
public static class TableChecks
{
    private static readonly string[] Aspects = ["分配科学性", "下达及时性", "拨付合规性", "使用规范性", "执行准确性", "预算绩效管理情况", "支出责任履行情况"];

    public static void Run(SelfEvaluationTable t, CheckContext ctx)
    {
        if (string.IsNullOrWhiteSpace(t.FundName))
            ctx.Report(RuleCatalog.FundName, t.Source is null ? null : t.Source with { Table = "表头", Row = "转移支付（项目）名称" }, $"“{t.Title}”的表头未填写转移支付（项目）名称。", null, "项目名称");
        else ctx.Checked(RuleCatalog.FundName);

        if (t is TransferSelfEvaluation)
        {
            if (t.Management.Count == 0) ctx.NotRun(RuleCatalog.ManagementItems, "没有读到资金管理情况");
            else
            {
                List<string>? missing = null, empty = null;
                foreach (var aspect in Aspects)
                    if (!HasAspect(t.Management, aspect)) (missing ??= []).Add(aspect);
                foreach (var m in t.Management)
                    if (Text.IsEmptyExplanation(m.Description)) (empty ??= []).Add(m.Aspect);
                if (missing is not null)
                    ctx.Report(RuleCatalog.ManagementItems, t.Management[0].At, $"资金管理情况缺少：{string.Join("、", missing)}。", null, string.Join("、", missing));
                else if (empty is not null)
                    ctx.Report(RuleCatalog.ManagementItems, t.Management.First(m => m.Aspect == empty[0]).At, $"资金管理情况中 {string.Join("、", empty)} 的情况说明为空。", null, "情况说明");
                else ctx.Checked(RuleCatalog.ManagementItems);
            }
        }

        if (t.Remarks is null) ctx.NotRun(RuleCatalog.RemarksPlaceholder, "表中没有“说明”栏");
        else if (t.Remarks.Contains("请在此处") || t.Remarks.Contains("如没有请填") || t.Remarks.Trim().Length == 0)
            ctx.Report(RuleCatalog.RemarksPlaceholder, t.RemarksAt, t.Remarks.Trim().Length == 0 ? "“说明”栏为空，没有问题应填“无”。" : $"“说明”栏仍是模板提示文字：“{t.Remarks}”。应填写巡视、审计和财会监督发现的问题及金额，没有则填“无”。", t.Remarks, "无 / 发现的问题及金额");
        else ctx.Checked(RuleCatalog.RemarksPlaceholder);
    }

    private static bool HasAspect(List<ManagementItem> items, string aspect)
    {
        foreach (var m in items)
            if (m.Aspect == aspect) return true;
        return false;
    }
}
