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
        WriteSummary(w, loaded.Files.Count, loaded.Documents.Count, errors, warnings, report.Findings.Count - errors - warnings);
        var fileLevel = report.Findings.Where(f => f.DocumentId.Length == 0).ToList();
        if (fileLevel.Count > 0)
        {
            WriteFileHeading(w);
            foreach (var f in fileLevel) WriteFinding(w, f);
        }
        foreach (var doc in loaded.Documents)
        {
            report.Scores.TryGetValue(doc.Id, out var score);
            report.Coverage.TryGetValue(doc.Id, out var cov);
            WriteDocument(w, doc, report.Findings.Where(f => f.DocumentId == doc.Id), score, withCoverage ? cov : null);
        }
    }

    /// <summary>The first line: files, documents and findings by severity.</summary>
    public static void WriteSummary(TextWriter w, long files, long documents, long errors, long warnings, long infos) =>
        w.WriteLine($"共读取 {files} 个文件、{documents} 份文档：错误 {errors} 条，警告 {warnings} 条，提示 {infos} 条。");

    /// <summary>The heading of the findings that belong to no document (reader findings about whole files).</summary>
    public static void WriteFileHeading(TextWriter w)
    {
        w.WriteLine();
        w.WriteLine("【文件】");
    }

    /// <summary>One document's block: title, id and lines, engine score, findings (errors first), coverage when given.</summary>
    public static void WriteDocument(TextWriter w, Document doc, IEnumerable<Finding> findings, ScoreResult? score, List<CoverageEntry>? coverage)
    {
        var fs = findings.OrderByDescending(f => f.Severity).ToList();
        w.WriteLine();
        w.WriteLine($"【{doc.Kind.ChineseName()}】{doc.Title}{(doc.Year is { } y ? $"（{y}年度）" : "")}{(doc.Unit is { } u ? $" — {u}" : "")}");
        w.WriteLine($"  {doc.Id}{(doc.Source?.Line is { } l ? $"，第 {l}" + (doc.Source.EndLine is { } e ? $"–{e}" : "") + " 行" : "")}");
        if (score is not null) WriteScoreLine(w, score);
        if (fs.Count == 0) w.WriteLine("  未发现问题。");
        foreach (var f in fs) WriteFinding(w, f);
        if (coverage is not null)
        {
            w.WriteLine("  检查覆盖：");
            foreach (var c in coverage)
            {
                var status = c.Status switch { CoverageStatus.Passed => "通过", CoverageStatus.Failed => "未通过", _ => "未执行" };
                w.WriteLine($"    {c.Rule,-22} {status}（检查 {c.Checked} 项{(c.Failed > 0 ? $"，{c.Failed} 项有问题" : "")}）{(c.Reason is { } r && c.Status == CoverageStatus.NotRun ? "：" + r : "")}");
            }
        }
    }

    public static void WriteFinding(TextWriter w, Finding f)
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
