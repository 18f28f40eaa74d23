using System.Text.RegularExpressions;
using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Provenance;
using Jixiao.Documents.Export;
using Jixiao.Documents.Reading;

namespace Jixiao.Documents.Xlsx;

/// <summary>
/// Reads self-evaluation tables from an .xlsx workbook: every sheet, one or several tables per sheet,
/// the official template and real-world variants. A project's narrative sheet (written by
/// <see cref="TableXlsxWriter"/>) is attached to its table.
/// </summary>
public static partial class XlsxDocumentReader
{
    public static ReadResult Read(string fileName, Stream content, CancellationToken ct = default) => Read(fileName, content, guarded: false, ct);

    /// <param name="guarded">True when the caller already passed the package through <see cref="ZipPackageGuard"/>.</param>
    /// <param name="ct">The read's wall-clock limit (see DocumentReaders), checked per row and per grid.</param>
    internal static ReadResult Read(string fileName, Stream content, bool guarded, CancellationToken ct = default) =>
        Read(XlsxWorkbook.Open(fileName, content, guarded, ct), ct);

    /// <summary>Reads the self-evaluation tables of a workbook already read from its package.</summary>
    internal static ReadResult Read(XlsxWorkbook workbook, CancellationToken ct = default)
    {
        var fileName = workbook.FileName;
        var grids = XlsxGridLoader.ToGrids(workbook, ct);
        var result = new ReadResult { FileName = fileName };
        var narratives = new List<(string Title, List<ReportSection> Sections)>();
        foreach (var grid in grids)
        {
            ct.ThrowIfCancellationRequested();
            if (TryReadNarrative(grid) is { } n) { narratives.Add(n); continue; }
            var docs = GridTableReader.Read(grid, result.Findings, ct);
            if (docs.Count == 0 && grid.RowCount > 0)
                result.Findings.Add(new Finding
                {
                    Rule = "READ-NO-DOCUMENT",
                    Severity = Severity.Info,
                    DocumentId = fileName,
                    Location = $"工作表 {grid.Sheet}",
                    Message = $"工作表“{grid.Sheet}”中没有识别出绩效自评表。",
                    At = new SourceRef { File = fileName, Sheet = grid.Sheet },
                });
            result.Documents.AddRange(docs);
        }
        var i = 0;
        foreach (var d in result.Documents) d.Id = $"{fileName}#{++i}";
        foreach (var (title, sections) in narratives)
        {
            var target = result.Documents.OfType<ProjectSelfEvaluation>().FirstOrDefault(p => TableXlsxWriter.TitleOf(p) == title)
                ?? result.Documents.OfType<ProjectSelfEvaluation>().LastOrDefault();
            target?.Narrative.AddRange(sections);
        }
        return result;
    }

    private const string NarrativeSuffix = " 自评说明";

    private static (string, List<ReportSection>)? TryReadNarrative(Grid g)
    {
        if (g.RowCount == 0) return null;
        var first = g.NonEmpty(0).FirstOrDefault().Cell?.Text ?? "";
        if (!first.EndsWith(NarrativeSuffix, StringComparison.Ordinal)) return null;
        var title = first[..^NarrativeSuffix.Length];
        var sections = new List<ReportSection>();
        for (var r = 1; r < g.RowCount; r++)
        {
            var cell = g.NonEmpty(r).FirstOrDefault().Cell;
            if (cell is null) continue;
            var text = cell.Text;
            if (ParseHeading(text) is { } h)
            {
                h.At = cell.At with { Table = "自评说明" };
                sections.Add(h);
            }
            else if (sections.Count > 0)
            {
                var s = sections[^1];
                s.Text = s.Text.Length == 0 ? text : s.Text + "\n" + text;
            }
        }
        return (title, sections);
    }

    /// <summary>Reads a heading line "一、…", "（一）…", "1.…", "(1)…", "①…" into a section (the inverse of <see cref="TableXlsxWriter.SectionHeading"/>).</summary>
    public static ReportSection? ParseHeading(string line)
    {
        var t = line.Trim();
        var m = HeadingRegex().Match(t);
        if (!m.Success) return null;
        if (m.Groups["cn"].Success) return new ReportSection { Number = m.Groups["cn"].Value, Level = 1, Heading = t[m.Length..].Trim() };
        if (m.Groups["pcn"].Success) return new ReportSection { Number = m.Groups["pcn"].Value.Trim('（', '(', ')', '）'), Level = 2, Heading = t[m.Length..].Trim() };
        if (m.Groups["num"].Success) return new ReportSection { Number = m.Groups["num"].Value, Level = 3, Heading = t[m.Length..].Trim() };
        if (m.Groups["pnum"].Success) return new ReportSection { Number = m.Groups["pnum"].Value.Trim('（', '(', ')', '）'), Level = 4, Heading = t[m.Length..].Trim() };
        if (m.Groups["circ"].Success) return new ReportSection { Number = m.Groups["circ"].Value, Level = 5, Heading = t[m.Length..].Trim() };
        return null;
    }

    [GeneratedRegex(@"^(?:(?<cn>[一二三四五六七八九十]{1,3})、|(?<pcn>[（(][一二三四五六七八九十]{1,3}[)）])|(?<num>\d{1,2})[.．、](?!\d)|(?<pnum>[（(]\d{1,2}[)）])|(?<circ>[①-⑳]))")]
    private static partial Regex HeadingRegex();
}
