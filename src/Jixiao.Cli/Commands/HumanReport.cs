using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Scoring;

namespace Jixiao.Cli.Commands;

/// <summary>The readable Chinese report of `check` and `score`, grouped by document.</summary>
public static class HumanReport
{
    public static void WriteFindings(TextWriter w, LoadedInputs loaded, CheckReport report, bool withCoverage)
    {
        var errors = report.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = report.Findings.Count(f => f.Severity == Severity.Warning);
        w.WriteLine($"共读取 {loaded.Files.Count} 个文件、{loaded.Documents.Count} 份文档：错误 {errors} 条，警告 {warnings} 条，提示 {report.Findings.Count - errors - warnings} 条。");
        var fileLevel = report.Findings.Where(f => f.DocumentId.Length == 0).ToList();
        if (fileLevel.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("【文件】");
            foreach (var f in fileLevel) WriteFinding(w, f);
        }
        foreach (var doc in loaded.Documents)
        {
            var fs = report.Findings.Where(f => f.DocumentId == doc.Id).OrderByDescending(f => f.Severity).ToList();
            w.WriteLine();
            w.WriteLine($"【{doc.Kind.ChineseName()}】{doc.Title}{(doc.Year is { } y ? $"（{y}年度）" : "")}{(doc.Unit is { } u ? $" — {u}" : "")}");
            w.WriteLine($"  {doc.Id}{(doc.Source?.Line is { } l ? $"，第 {l}" + (doc.Source.EndLine is { } e ? $"–{e}" : "") + " 行" : "")}");
            if (report.Scores.TryGetValue(doc.Id, out var score)) WriteScoreLine(w, score);
            if (fs.Count == 0) w.WriteLine("  未发现问题。");
            foreach (var f in fs) WriteFinding(w, f);
            if (withCoverage && report.Coverage.TryGetValue(doc.Id, out var cov))
            {
                w.WriteLine("  检查覆盖：");
                foreach (var c in cov)
                {
                    var status = c.Status switch { CoverageStatus.Passed => "通过", CoverageStatus.Failed => "未通过", _ => "未执行" };
                    w.WriteLine($"    {c.Rule,-22} {status}（检查 {c.Checked} 项{(c.Failed > 0 ? $"，{c.Failed} 项有问题" : "")}）{(c.Reason is { } r && c.Status == CoverageStatus.NotRun ? "：" + r : "")}");
                }
            }
        }
    }

    private static void WriteFinding(TextWriter w, Finding f)
    {
        var sev = f.Severity switch { Severity.Error => "错误", Severity.Warning => "警告", _ => "提示" };
        w.WriteLine($"  [{sev}] {f.Rule}  {f.Location}");
        w.WriteLine($"         {f.Message}");
        if (f.Stated is not null || f.Expected is not null)
            w.WriteLine($"         填报：{f.Stated ?? "（空）"}；应为：{f.Expected ?? "—"}");
    }

    public static void WriteScoreLine(TextWriter w, ScoreResult s)
    {
        w.WriteLine($"  评分（{s.RuleSet}）：预算执行 {Fmt(s.ExecutionPoints)} + 指标 {Fmt(s.IndicatorPoints)} = {Fmt(s.Total)} 分，{s.Grade}；" +
                    $"填报：{Fmt(s.StatedExecutionPoints)} + {Fmt(s.StatedIndicatorPoints)} = {Fmt(s.StatedTotal)} 分，{s.StatedGrade ?? "—"}");
    }

    private static string Fmt(decimal? v) => v?.ToString("0.##") ?? "—";
}
