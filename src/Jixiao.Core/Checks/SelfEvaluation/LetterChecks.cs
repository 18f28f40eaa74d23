using Jixiao.Core.Model;

namespace Jixiao.Core.Checks.SelfEvaluation;

/// <summary>The cover letter's annex list against the documents actually in the bundle.</summary>
public static class LetterChecks
{
    private static readonly string[] Generic = ["绩效自评报告", "绩效自评表", "绩效目标自评表", "转移支付", "年度", "资金", "补助", "经费", "呼和浩特市"];

    public static void Run(CoverLetter letter, IReadOnlyList<Document> bundle, CheckContext ctx)
    {
        if (letter.Annexes.Count == 0) { ctx.NotRun(RuleCatalog.LetterAnnexes, "报送函没有附件清单"); return; }
        foreach (var annex in letter.Annexes)
        {
            var wantsReport = annex.Title.Contains("报告");
            var kinds = bundle.Where(d => d != letter && (wantsReport ? d.Kind == DocumentKind.SelfEvaluationReport : d is SelfEvaluationTable)).ToList();
            var match = kinds.FirstOrDefault(d => Similar(annex.Title, d.Title) || d is SelfEvaluationTable t && Similar(annex.Title, t.FundName ?? ""));
            if (match is not null)
            {
                annex.DocumentId ??= match.Id;
                ctx.Checked(RuleCatalog.LetterAnnexes);
            }
            else ctx.Report(RuleCatalog.LetterAnnexes, letter.Source, $"报送函附件 {annex.Number}“{annex.Title}”在报送材料中未找到对应的{(wantsReport ? "自评报告" : "自评表")}。", annex.Title, null);
        }
    }

    /// <summary>True when two titles share a distinctive run of at least four characters.</summary>
    private static bool Similar(string a, string b)
    {
        var x = Strip(Text.Compact(a));
        var y = Strip(Text.Compact(b));
        for (var i = 0; i + 4 <= x.Length; i++)
            if (y.Contains(x.AsSpan(i, 4), StringComparison.Ordinal)) return true;
        return false;
    }

    private static string Strip(string s)
    {
        foreach (var g in Generic) s = s.Replace(g, "|");
        return System.Text.RegularExpressions.Regex.Replace(s, @"\d{4}", "|");
    }
}
