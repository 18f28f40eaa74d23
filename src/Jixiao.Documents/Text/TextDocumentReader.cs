using System.Text.RegularExpressions;
using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Documents.FinalAccounts;
using Jixiao.Documents.Reading;

namespace Jixiao.Documents.Text;

/// <summary>
/// Reads every document in a text file: a cover letter, self-evaluation reports, transfer-payment and
/// project self-evaluation tables, and (through the final-accounts reader) a 部门决算公开. Documents are
/// found by their titles and confirmed by what follows; whatever cannot be placed becomes a finding with its
/// line numbers, never silently dropped.
/// </summary>
public static partial class TextDocumentReader
{
    private enum AnchorKind { Table, Report, Project }

    private sealed record Anchor(AnchorKind Kind, int Start, int TitleFirst, int TitleLast, string Title, string? AnnexLabel);

    [GeneratedRegex(@"^附件\s*[-—－]?\s*[\d一二三四五六七八九十]*$")]
    private static partial Regex AnnexLabel();

    [GeneratedRegex(@"^\d{1,2}\s*[.、．]")]
    private static partial Regex NumberedItem();

    public static ReadResult Read(string fileName, IReadOnlyList<string> rawLines) =>
        Read(SourceText.FromLines(fileName, rawLines));

    /// <param name="ct">The read's wall-clock limit, checked per line and per document found.</param>
    public static ReadResult Read(SourceText text, CancellationToken ct = default)
    {
        var result = new ReadResult { FileName = text.FileName };
        var lines = new List<TextLine>(text.Lines.Count);
        for (var i = 0; i < text.Lines.Count; i++)
        {
            if ((i & 0xFF) == 0) ct.ThrowIfCancellationRequested();
            lines.Add(new TextLine(i + 1, text.Lines[i]));
        }
        var all = new Segment(text.FileName, lines, 0, lines.Count);
        var claimed = new bool[lines.Count];
        var found = new List<(int Start, int End, Document Doc)>();

        ct.ThrowIfCancellationRequested();
        if (FinalAccountsTextReader.Read(text.FileName, text.Lines, ct) is { } fa)
        {
            // line numbers are 1-based and inclusive
            for (var i = fa.FirstLine - 1; i <= fa.LastLine - 1 && i < claimed.Length; i++) claimed[i] = true;
            found.Add((fa.FirstLine - 1, fa.LastLine, fa.Disclosure));
            result.Findings.AddRange(fa.Findings);
        }
        if (CoverLetterParser.TryRead(all) is { } letter)
        {
            for (var i = letter.Start; i <= letter.Last; i++) claimed[i] = true;
            found.Add((letter.Start, letter.Last + 1, letter.Letter));
        }

        ct.ThrowIfCancellationRequested();
        var anchors = FindAnchors(all, claimed, ct);
        for (var a = 0; a < anchors.Count; a++)
        {
            ct.ThrowIfCancellationRequested();
            var anchor = anchors[a];
            var end = a + 1 < anchors.Count ? anchors[a + 1].Start : lines.Count;
            for (var i = anchor.Start; i < end; i++)
            {
                if (!claimed[i]) continue;
                end = i; // stop at a claimed region (the disclosure or the letter)
                break;
            }
            var seg = new Segment(text.FileName, lines, anchor.Start, end);
            var id = "";
            Document doc = anchor.Kind switch
            {
                AnchorKind.Table => TableKindOf(seg, anchor.Title) switch
                {
                    DocumentKind.DepartmentSelfEvaluation => new TableParser(seg, id, result.Findings).Read<DepartmentSelfEvaluation>(anchor.TitleFirst, anchor.TitleLast, anchor.Title),
                    DocumentKind.ProjectSelfEvaluation => new TableParser(seg, id, result.Findings).Read<ProjectSelfEvaluation>(anchor.TitleFirst, anchor.TitleLast, anchor.Title),
                    _ => new TableParser(seg, id, result.Findings).Read<TransferSelfEvaluation>(anchor.TitleFirst, anchor.TitleLast, anchor.Title),
                },
                AnchorKind.Report => ReportParser.Read(seg, anchor.TitleFirst, anchor.TitleLast, anchor.Title),
                _ => ProjectAppendixParser.Read(seg, id, anchor.TitleFirst, anchor.Title, result.Findings),
            };
            doc.AnnexLabel = anchor.AnnexLabel;
            for (var i = anchor.Start; i < end; i++) claimed[i] = true;
            found.Add((anchor.Start, end, doc));
        }

        found.Sort((x, y) => x.Start.CompareTo(y.Start));
        var n = 0;
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, _, doc) in found)
        {
            n++;
            var id = $"{text.FileName}#{n}";
            if (doc.Id.Length > 0) renamed[doc.Id] = id;
            doc.Id = id;
            result.Documents.Add(doc);
        }
        for (var k = 0; k < result.Findings.Count; k++)
            if (renamed.TryGetValue(result.Findings[k].DocumentId, out var newId)) result.Findings[k] = result.Findings[k] with { DocumentId = newId };
        FixReaderFindingIds(result, found);
        LinkReports(result.Documents);
        InheritUnits(result.Documents);
        ct.ThrowIfCancellationRequested();
        ReportUnplaced(all, claimed, result);
        return result;
    }

    private static void FixReaderFindingIds(ReadResult result, List<(int Start, int End, Document Doc)> found)
    {
        // Reader findings were recorded before ids were assigned: attach each to the document whose lines hold it.
        for (var k = 0; k < result.Findings.Count; k++)
        {
            var f = result.Findings[k];
            if (f.DocumentId.Length > 0 || f.At?.Line is not { } line) continue;
            var owner = found.FirstOrDefault(d => line - 1 >= d.Start && line - 1 < d.End).Doc;
            if (owner is not null) result.Findings[k] = f with { DocumentId = owner.Id };
        }
    }

    /// <summary>
    /// Which kind of self-evaluation table a segment holds: by its title (部门整体 / 项目支出) and, failing that, by
    /// its columns — scored tables have 权重/分值 and 得分, or a 年初预算数 column.
    /// </summary>
    private static DocumentKind TableKindOf(Segment seg, string title)
    {
        var t = CoreText.Compact(title);
        if (t.Contains("部门整体") || t.Contains("整体支出") || t.Contains("单位整体")) return DocumentKind.DepartmentSelfEvaluation;
        if (t.Contains("项目支出")) return DocumentKind.ProjectSelfEvaluation;
        if (t.Contains("转移支付")) return DocumentKind.TransferSelfEvaluation;
        var scored = seg.Lines.Take(200).Any(l => l.NonEmptyCells.Any(c => CoreText.Compact(c) is "权重" or "分值" or "年初预算数" or "得分"));
        return scored ? DocumentKind.ProjectSelfEvaluation : DocumentKind.TransferSelfEvaluation;
    }

    private static List<Anchor> FindAnchors(Segment all, bool[] claimed, CancellationToken ct)
    {
        var anchors = new List<Anchor>();
        for (var i = 0; i < all.End; i++)
        {
            if ((i & 0xFF) == 0) ct.ThrowIfCancellationRequested();
            if (claimed[i]) continue;
            var line = all.All[i];
            if (line.IsBlank || line.IsTabular) continue;
            var c = line.Compact;
            // Project appendix: a title line directly followed by 一、项目基本信息.
            var next = all.NextNonBlank(i + 1);
            if (next > 0 && !claimed[next] && all.All[next].Compact.StartsWith("一、项目基本信息", StringComparison.Ordinal) && c.Length <= 80 && Headings.Parse(line.Text) is null)
            {
                anchors.Add(new Anchor(AnchorKind.Project, i, i, i, line.Text, null));
                i = next;
                continue;
            }
            if (c.Length > 80 || c.Contains('《') || c.Contains('》') || NumberedItem().IsMatch(c) || c.StartsWith("附件", StringComparison.Ordinal) || c.EndsWith('。')) continue;
            AnchorKind? kind = null;
            var core = Regex.Replace(c, @"[（(]\d{4}年度?[)）]$", "");
            if (core.EndsWith("自评表", StringComparison.Ordinal) || core.EndsWith("评价表", StringComparison.Ordinal) || IsGoalTableTitle(core)) kind = AnchorKind.Table;
            else if (core.EndsWith("自评报告", StringComparison.Ordinal) || core.EndsWith("评价报告", StringComparison.Ordinal)) kind = AnchorKind.Report;
            if (kind is null) continue;
            if (kind == AnchorKind.Table && !Confirms(all, i, 25, l => Vocabulary.HeaderLabels.Any(h => l.Compact.StartsWith(h, StringComparison.Ordinal)) || Vocabulary.IsFundBlockStart(l.Compact))) continue;
            if (kind == AnchorKind.Report && !Confirms(all, i, 40, l => Headings.Parse(l.Text) is { Level: 1 })) continue;
            // The title may have been wrapped over up to two earlier lines.
            var first = i;
            var title = c;
            for (var k = 0; k < 2; k++)
            {
                var p = PrevNonBlank(all, first - 1);
                if (p < 0 || claimed[p]) break;
                var pc = all.All[p].Compact;
                if (pc.Length > 30 || pc.Length == 0 || ".。；;：:！？!?，,".Contains(pc[^1]) || Segment.ParseDate(pc) is not null || Headings.Parse(all.All[p].Text) is not null
                    || AnnexLabel().IsMatch(pc) || all.All[p].IsTabular || NumberedItem().IsMatch(pc) || pc.EndsWith("自评表", StringComparison.Ordinal) || pc.EndsWith("报告", StringComparison.Ordinal) || pc.StartsWith("注", StringComparison.Ordinal)) break;
                first = p;
                title = pc + title;
            }
            string? annex = null;
            var start = first;
            var before = PrevNonBlank(all, first - 1);
            if (before >= 0 && !claimed[before] && AnnexLabel().IsMatch(all.All[before].Compact))
            {
                annex = all.All[before].Compact;
                start = before;
            }
            anchors.Add(new Anchor(kind.Value, start, first, i, PrettyTitle(title), annex));
        }
        return anchors;
    }

    /// <summary>绩效目标表 / 绩效目标申报表: the same layout declared at the start of the year, without the actuals.</summary>
    public static bool IsGoalTableTitle(string compactTitle) =>
        compactTitle.EndsWith("绩效目标表", StringComparison.Ordinal) || compactTitle.EndsWith("目标申报表", StringComparison.Ordinal);

    private static string PrettyTitle(string compact) => compact.Replace("（", "(").Replace("）", ")");

    private static bool Confirms(Segment all, int from, int maxLines, Func<TextLine, bool> test)
    {
        var seen = 0;
        for (var i = from + 1; i < all.End && seen < maxLines; i++)
        {
            if (all.All[i].IsBlank) continue;
            seen++;
            if (test(all.All[i])) return true;
        }
        return false;
    }

    private static int PrevNonBlank(Segment all, int i)
    {
        for (; i >= 0; i--) if (!all.All[i].IsBlank) return i;
        return -1;
    }

    /// <summary>
    /// A report covers the tables that follow it up to the next report; a report with none after it covers
    /// the tables before it that no other report took (tables first, report last, as some units send them).
    /// </summary>
    private static void LinkReports(List<Document> docs)
    {
        var taken = new HashSet<string>();
        for (var k = 0; k < docs.Count; k++)
        {
            if (docs[k] is not SelfEvaluationReport report) continue;
            for (var j = k + 1; j < docs.Count && docs[j] is not SelfEvaluationReport; j++)
                if (docs[j] is SelfEvaluationTable t && taken.Add(t.Id)) report.TableIds.Add(t.Id);
        }
        for (var k = 0; k < docs.Count; k++)
        {
            if (docs[k] is not SelfEvaluationReport { TableIds.Count: 0 } report) continue;
            for (var j = k - 1; j >= 0 && docs[j] is not SelfEvaluationReport; j--)
                if (docs[j] is SelfEvaluationTable t && taken.Add(t.Id)) report.TableIds.Insert(0, t.Id);
        }
        foreach (var r in docs.OfType<SelfEvaluationReport>())
        {
            if (r.Unit is not null) continue;
            var unit = r.TableIds.Select(id => docs.OfType<SelfEvaluationTable>().FirstOrDefault(t => t.Id == id)?.Unit).FirstOrDefault(u => u is not null);
            r.Unit = unit ?? docs.OfType<CoverLetter>().FirstOrDefault()?.Sender;
        }
    }

    /// <summary>Documents that do not name their unit take it from the file's letter or disclosure.</summary>
    private static void InheritUnits(List<Document> docs)
    {
        // A title without a year ("机关事业单位退休职工取暖费…补助") takes the year every other document of the file agrees on.
        var years = docs.Where(d => d.Year is not null).Select(d => d.Year!.Value).Distinct().ToList();
        if (years.Count == 1) foreach (var d in docs) d.Year ??= years[0];
        var fileUnit = docs.OfType<CoverLetter>().FirstOrDefault()?.Sender ?? docs.FirstOrDefault(d => d.Kind == DocumentKind.FinalAccounts)?.Unit;
        if (fileUnit is null) return;
        foreach (var d in docs)
        {
            if (d.Unit is null) d.Unit = fileUnit;
            if (d is ProjectSelfEvaluation p && p.ImplementingUnit is null && d.Kind != DocumentKind.TransferSelfEvaluation) p.ImplementingUnit = fileUnit;
        }
    }

    private static void ReportUnplaced(Segment all, bool[] claimed, ReadResult result)
    {
        var i = 0;
        while (i < all.End)
        {
            if (claimed[i] || all.All[i].IsBlank || all.All[i].IsRule) { i++; continue; }
            var first = i;
            var last = i;
            var text = new List<string>();
            while (i < all.End && !claimed[i])
            {
                if (!all.All[i].IsBlank) { last = i; text.Add(all.All[i].Text); }
                i++;
            }
            var joined = Headings.JoinLines(text);
            var at = all.Ref(first, last);
            result.Findings.Add(new Finding
            {
                Rule = "READ-UNPLACED",
                Severity = Severity.Warning,
                DocumentId = "",
                Location = at.Describe(),
                Message = $"第 {all.All[first].Number}–{all.All[last].Number} 行的内容未能识别为任何文档（{Shorten(joined)}），请检查格式。",
                At = at,
            });
        }
        if (result.Documents.Count == 0 && result.Findings.All(f => f.Rule != "READ-NO-DOCUMENT"))
        {
            result.Findings.Add(new Finding
            {
                Rule = "READ-NO-DOCUMENT",
                Severity = Severity.Warning,
                DocumentId = "",
                Location = result.FileName,
                Message = $"{result.FileName}：未识别出绩效自评表、自评报告、报送函或决算公开。请确认文件内容，或使用官方模板。",
            });
        }
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
