using System.Text.RegularExpressions;
using Jixiao.Core.Checks;
using Jixiao.Core.FinalAccounts;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Core.Provenance;

namespace Jixiao.Documents.FinalAccounts;

/// <summary>What <see cref="FinalAccountsTextReader"/> found: the disclosure, the lines it covers and its findings.</summary>
public sealed class FinalAccountsTextResult
{
    public required FinalAccountsDisclosure Disclosure { get; init; }
    /// <summary>First line of the disclosure (1-based).</summary>
    public required int FirstLine { get; init; }
    /// <summary>
    /// Last line of the disclosure (1-based, inclusive). When the file goes on with 第五部分 附件 (the project
    /// self-evaluation appendices), this is the line of that heading: the appendices start after it.
    /// </summary>
    public required int LastLine { get; init; }
    /// <summary>Reader findings ("READ-FA-…").</summary>
    public List<Finding> Findings { get; init; } = [];
}

/// <summary>
/// Reads a final-accounts disclosure from text as extracted from PDF or copied from a web page: tables with
/// cells separated by tabs or by '|', titles and headers split across lines, amounts in 元 or 万元 with or
/// without thousands separators; the 情况说明, 名词解释 and 概况 as numbered sections.
/// </summary>
public static partial class FinalAccountsTextReader
{
    private enum Mode { Preamble, Overview, Tables, Explanation, Glossary }

    [GeneratedRegex(@"^第[一二三四五六七八九十]+部分\s*(.*)$")]
    private static partial Regex PartHeading();

    [GeneratedRegex(@"(\.{3,}|…{2,}|·{3,})|\t\s*\d+\s*$")]
    private static partial Regex TocEntry();

    [GeneratedRegex(@"^([一二三四五六七八九十]+)[、.．]\s*(.+)$")]
    private static partial Regex Level1();

    [GeneratedRegex(@"^[（(]([一二三四五六七八九十]+)[）)]\s*(.+)$")]
    private static partial Regex Level2();

    [GeneratedRegex(@"^[（(](\d+)[）)]\s*(.+)$")]
    private static partial Regex Level3();

    /// <summary>Reads the disclosure in <paramref name="lines"/>; null when the lines hold none.</summary>
    /// <param name="ct">The read's wall-clock limit, checked per line.</param>
    public static FinalAccountsTextResult? Read(string fileName, IReadOnlyList<string> lines, CancellationToken ct = default)
    {
        var start = FindStart(lines);
        if (start < 0) return null;
        var doc = new FinalAccountsDisclosure { Id = $"{fileName}#final-accounts" };
        var log = new ReaderLog(doc.Id);
        var raws = new List<RawTable>();
        var mode = Mode.Preamble;
        var last = start;
        RawTable? table = null;
        var tableMeta = new List<(string Text, int Line)>();
        var titleLines = new List<string>();
        ExplanationSection? section = null;
        var inToc = false;

        for (var i = start; i < lines.Count; i++)
        {
            if ((i & 0xFF) == 0) ct.ThrowIfCancellationRequested();
            var raw = lines[i];
            var lineNo = i + 1;
            var trimmed = raw.Trim();
            if (trimmed.Length == 0) continue;
            var compact = CoreText.Compact(trimmed);
            var at = new SourceRef { File = fileName, Line = lineNo };

            if (compact is "目录") { inToc = true; last = lineNo; continue; }
            if (inToc)
            {
                if (TocEntry().IsMatch(raw)) { last = lineNo; continue; }
                inToc = false;
            }

            if (PartHeading().Match(compact) is { Success: true } part)
            {
                var what = part.Groups[1].Value;
                FinishTable();
                section = null;
                last = lineNo;
                if (what.Contains("附件")) { break; }
                mode = what.Contains("概况") ? Mode.Overview
                    : what.Contains("名词解释") ? Mode.Glossary
                    : what.Contains("说明") ? Mode.Explanation
                    : what.Contains("表") ? Mode.Tables
                    : mode;
                continue;
            }
            if (compact is "附件" or "附件：" or "附件:" && mode is Mode.Explanation or Mode.Glossary) { last = lineNo; break; }
            if (compact.Contains("名词解释") && compact.Length <= 12 && !compact.Contains('\t')) { FinishTable(); section = null; mode = Mode.Glossary; last = lineNo; continue; }
            if (mode is Mode.Tables or Mode.Preamble && compact is "情况说明" or "部门决算情况说明") { FinishTable(); section = null; mode = Mode.Explanation; last = lineNo; continue; }

            var isGrid = raw.Contains('\t') || raw.Count(c => c == '|') >= 2;
            if (TableRecognition.IsTitleLine(trimmed) && mode is Mode.Tables or Mode.Preamble or Mode.Overview)
            {
                FinishTable();
                mode = Mode.Tables;
                table = new RawTable { Title = trimmed, At = at };
                last = lineNo;
                continue;
            }
            if (mode == Mode.Tables)
            {
                last = lineNo;
                if (table is null)
                {
                    log.Add(FinalAccountsReaderRules.Unplaced, Severity.Warning, at, "表格部分中的这一行不属于任何可识别的表，未读入。", trimmed);
                    continue;
                }
                if (isGrid)
                {
                    var row = SplitRow(raw, fileName, lineNo);
                    if (row.Cells.All(c => c.Text.Trim().Trim('-', ':', ' ').Length == 0)) continue; // markdown separator
                    table.Rows.Add(row);
                    continue;
                }
                if (table.Rows.Count == 0) { tableMeta.Add((trimmed, lineNo)); continue; }
                // Text after the grid: notes, the empty statement, or something unplaced.
                if (compact.StartsWith("注", StringComparison.Ordinal) || compact.StartsWith("说明", StringComparison.Ordinal) || compact.StartsWith("本表", StringComparison.Ordinal) || compact.StartsWith("备注", StringComparison.Ordinal))
                {
                    table.Notes.Add(trimmed);
                    if (DisclosureTableBuilder.IsEmptyStatement(compact)) table.EmptyNote ??= trimmed;
                }
                else log.Add(FinalAccountsReaderRules.Unplaced, Severity.Warning, at with { Table = table.Title }, "表格之后的这一行无法归入表格或注释，未读入。", trimmed);
                continue;
            }
            if (mode == Mode.Preamble)
            {
                if (doc.Title.Length == 0 && (compact.Contains("决算") || compact.Contains("公开"))) doc.Title = trimmed;
                else if (doc.Title.Length == 0) titleLines.Add(trimmed);
                last = lineNo;
                continue;
            }
            last = lineNo;
            if (mode == Mode.Glossary) { AddGlossary(doc.Glossary, trimmed, at); continue; }
            var target = mode == Mode.Overview ? doc.Overview : doc.Explanation;
            if (Heading(trimmed) is { } h)
            {
                section = new ExplanationSection { Number = h.Number, Level = h.Level, Heading = h.Heading, At = at };
                target.Add(section);
                continue;
            }
            if (section is null)
            {
                section = new ExplanationSection { Level = 0, Heading = "", At = at };
                target.Add(section);
            }
            AddParagraph(section.Paragraphs, trimmed, at);
        }
        FinishTable();

        doc.Source = new SourceRef { File = fileName, Line = start + 1, EndLine = last };
        DisclosureAssembly.Assemble(doc, raws, log, titleLines);
        if (!doc.Tables().Any() && doc.Explanation.Count == 0) return null;
        return new FinalAccountsTextResult { Disclosure = doc, FirstLine = start + 1, LastLine = Math.Max(last, start + 1), Findings = log.Findings };

        void FinishTable()
        {
            if (table is null) return;
            table.At = table.At with { EndLine = table.Rows.Count > 0 ? table.Rows[^1].At.Line : table.At.Line };
            if (DisclosureAssembly.Classify(table, tableMeta.Select(m => m.Text), log)) raws.Add(table);
            table = null;
            tableMeta.Clear();
        }
    }

    /// <summary>The first line of the disclosure: its title block, or the first table title / part heading.</summary>
    private static int FindStart(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var c = CoreText.Compact(lines[i]);
            if (c.Length == 0) continue;
            var isTitle = (c.Contains("决算公开") || c.Contains("部门决算") || c.Contains("单位决算")) && c.Length <= 60 && !lines[i].Contains('\t');
            if (isTitle || TableRecognition.IsTitleLine(lines[i]) || PartHeading().IsMatch(c) && c.Contains("概况"))
            {
                // Take the title lines just above (the unit name), up to three non-blank lines.
                var s = i;
                var n = 0;
                for (var k = i - 1; k >= 0 && n < 3; k--)
                {
                    var ck = CoreText.Compact(lines[k]);
                    if (ck.Length == 0) continue;
                    if (ck.Length > 40 || lines[k].Contains('\t')) break;
                    s = k; n++;
                }
                return s;
            }
        }
        return -1;
    }

    private static GridRow SplitRow(string raw, string fileName, int lineNo)
    {
        string[] parts;
        if (raw.Contains('\t')) parts = raw.Split('\t');
        else
        {
            var t = raw.Trim();
            if (t.StartsWith('|')) t = t[1..];
            if (t.EndsWith('|')) t = t[..^1];
            parts = t.Split('|');
        }
        var at = new SourceRef { File = fileName, Line = lineNo };
        var cells = parts.Select(p => new GridCell(p.Trim(), at)).ToList();
        return new GridRow(cells, at);
    }

    private static (string Number, int Level, string Heading)? Heading(string line)
    {
        var t = line.Trim().TrimStart('#', ' ');
        if (t.Length > 40 || t.Contains('。') || t.Contains('；') || t.EndsWith('，')) return null;
        if (Level1().Match(t) is { Success: true } m1) return (m1.Groups[1].Value, 1, m1.Groups[2].Value.Trim());
        if (Level2().Match(t) is { Success: true } m2) return (m2.Groups[1].Value, 2, m2.Groups[2].Value.Trim());
        if (Level3().Match(t) is { Success: true } m3) return (m3.Groups[1].Value, 3, m3.Groups[2].Value.Trim());
        return null;
    }

    /// <summary>Adds a line as a paragraph, or joins it to the previous one when that was cut mid-sentence (a page break).</summary>
    private static void AddParagraph(List<ExplanationParagraph> paragraphs, string line, SourceRef at)
    {
        if (paragraphs.Count > 0 && !EndsSentence(paragraphs[^1].Text) && !StartsItem(line))
        {
            var p = paragraphs[^1];
            p.Text += line;
            p.At = p.At is null ? at : p.At with { EndLine = at.Line };
            return;
        }
        paragraphs.Add(new ExplanationParagraph(line, at));
    }

    private static bool EndsSentence(string s)
    {
        var t = s.TrimEnd();
        return t.Length == 0 || "。；;！!？?：:）)”\"".Contains(t[^1]);
    }

    private static bool StartsItem(string line) => Level1().IsMatch(line) || Level2().IsMatch(line) || Level3().IsMatch(line) || line.StartsWith("- ", StringComparison.Ordinal);

    [GeneratedRegex(@"^(?:-\s*)?([一二三四五六七八九十]+)[、.．]\s*(.+)$")]
    private static partial Regex GlossaryItem();

    private static void AddGlossary(List<GlossaryEntry> glossary, string line, SourceRef at)
    {
        if (GlossaryItem().Match(line.Trim()) is { Success: true } m)
        {
            var body = m.Groups[2].Value.Trim();
            var cut = body.IndexOfAny(['：', ':']);
            string term, def;
            if (cut > 0 && cut <= 30) { term = body[..cut]; def = body[(cut + 1)..]; }
            else
            {
                var k = body.IndexOf("是指", StringComparison.Ordinal) is var a and > 0 ? a : body.IndexOf('是') is var b and > 0 ? b : body.IndexOf('指');
                (term, def) = k > 0 && k <= 30 ? (body[..k], body[k..]) : (body, "");
            }
            glossary.Add(new GlossaryEntry { Number = m.Groups[1].Value, Term = term.Trim(), Definition = def.Trim(), At = at });
            return;
        }
        if (glossary.Count > 0)
        {
            var e = glossary[^1];
            e.Definition += line.Trim();
            e.At = e.At is null ? at : e.At with { EndLine = at.Line };
        }
    }
}
