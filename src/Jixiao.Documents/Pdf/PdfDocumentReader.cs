using System.Text;
using Jixiao.Core.Model;
using Jixiao.Core.Provenance;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Text;
using Jixiao.Documents.Xlsx;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Jixiao.Documents.Pdf;

/// <summary>
/// Reads self-evaluation documents from a PDF's text layer (PdfPig). Ruled tables (the borders LibreOffice, Excel
/// and Word print) are rebuilt as a lattice: cell boundaries from the ruling lines, merged cells where a boundary is
/// missing, each word placed in its cell, wrapped lines of a cell joined — and handed to the same layout logic as
/// xlsx (<see cref="GridTableReader"/>). Pages without rulings are rebuilt into lines (words clustered by y, cells
/// split at wide x gaps and joined by tabs) and handed to the text reader (<see cref="TextDocumentReader"/>).
/// Text is NFKC-normalised (Type 3 CJK fonts extract as Kangxi radicals). A PDF without a text layer is refused
/// with a clear message.
/// </summary>
public static class PdfDocumentReader
{
    public const int MaxPages = 2_000;

    /// <param name="ct">The read's wall-clock limit, checked per page and per text line.</param>
    public static ReadResult Read(string fileName, byte[] bytes, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        PdfDocument doc;
        try
        {
            doc = PdfDocument.Open(bytes);
        }
        catch (Exception e)
        {
            throw new UnreadableFileException($"{fileName}：PDF 文件已损坏或已加密，无法读取。", e);
        }
        using (doc)
        {
            if (doc.NumberOfPages > MaxPages)
                throw new UnreadableFileException($"{fileName}：PDF 超过 {MaxPages} 页，无法读取。");
            var pages = new List<PageContent>();
            var letters = 0;
            try
            {
                foreach (var page in doc.GetPages())
                {
                    ct.ThrowIfCancellationRequested();
                    letters += page.Letters.Count;
                    pages.Add(PageContent.From(page));
                }
            }
            catch (Exception e) when (e is not UnreadableFileException and not OperationCanceledException)
            {
                throw new UnreadableFileException($"{fileName}：PDF 内容无法解析（文件可能已损坏）。", e);
            }
            if (letters == 0 || pages.All(p => p.Words.Count == 0))
                throw new UnreadableFileException($"{fileName}：PDF 没有文字层（可能是扫描件），请提供可复制文字的 PDF 或 Excel 原件。");
            return ReadPages(fileName, pages, ct);
        }
    }

    private static ReadResult ReadPages(string fileName, List<PageContent> pages, CancellationToken ct)
    {
        var result = new ReadResult { FileName = fileName };
        // A project workbook prints its narrative sheet after the table: those pages are read as sections.
        var narrativeStart = pages.FindIndex(p => !p.IsRuled && p.Lines().FirstOrDefault(l => l.Trim().Length > 0) is { } first
            && first.TrimEnd().EndsWith("自评说明", StringComparison.Ordinal));
        var tablePages = narrativeStart < 0 ? pages : pages.Take(narrativeStart).ToList();
        if (tablePages.Any(p => p.IsRuled))
        {
            // Unruled pages between ruled ones (a table's footnotes spilling over) are free rows of the same grid.
            var grid = Lattice.Build(fileName, tablePages);
            result.Documents.AddRange(GridTableReader.Read(grid, result.Findings, ct));
        }
        if (narrativeStart >= 0 && result.Documents.OfType<ProjectSelfEvaluation>().LastOrDefault() is { } project
            && NarrativeLines(pages.Skip(narrativeStart).ToList()) is { } narrative)
            project.Narrative.AddRange(narrative);
        if (result.Documents.Count == 0)
        {
            var lines = new List<string>();
            foreach (var p in pages) lines.AddRange(p.Lines());
            var text = TextDocumentReader.Read(SourceText.FromLines(fileName, lines), ct);
            result.Documents.AddRange(text.Documents);
            result.Findings.AddRange(text.Findings);
        }
        var i = 0;
        foreach (var d in result.Documents) d.Id = $"{fileName}#{++i}";
        return result;
    }

    /// <summary>
    /// The narrative pages a project table's workbook prints after the table (its "… 自评说明" sheet): heading lines
    /// start sections, the lines between are the section's text, rejoined where the page wrapped them.
    /// </summary>
    private static List<ReportSection>? NarrativeLines(List<PageContent> plain)
    {
        var lines = plain.SelectMany(p => p.Lines()).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0 || !lines[0].TrimEnd().EndsWith("自评说明", StringComparison.Ordinal)) return null;
        var sections = new List<ReportSection>();
        var body = new List<string>();
        void Flush()
        {
            if (sections.Count > 0 && body.Count > 0) sections[^1].Text = body.Aggregate("", Lattice.Join);
            body.Clear();
        }
        foreach (var line in lines.Skip(1))
        {
            var t = line.Replace('\t', ' ').Trim();
            if (XlsxDocumentReader.ParseHeading(t) is { } h)
            {
                Flush();
                sections.Add(h);
            }
            else body.Add(t);
        }
        Flush();
        return sections;
    }

    internal static string Clean(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
            sb.Append(ch is >= '\u2E80' and <= '\u2FDF' || ch is >= '\uF900' and <= '\uFAFF' ? ch.ToString().Normalize(NormalizationForm.FormKC) : ch.ToString());
        return sb.ToString();
    }
}

/// <summary>A word with its box (PDF user space: y grows upwards).</summary>
internal sealed record PdfWord(string Text, double Left, double Right, double Bottom, double Top, int Page)
{
    public double Cx => (Left + Right) / 2;
    public double Cy => (Bottom + Top) / 2;
    public double Height => Top - Bottom;
}

internal sealed record Segment(double Pos, double From, double To);

internal sealed partial class PageContent
{
    public int Number { get; init; }
    public double Height { get; init; }
    public List<PdfWord> Words { get; } = [];
    public List<Segment> Horizontal { get; } = [];
    public List<Segment> Vertical { get; } = [];
    public bool IsRuled => Horizontal.Count >= 3 && Vertical.Count >= 2;

    public static PageContent From(Page page)
    {
        var pc = new PageContent { Number = page.Number, Height = page.Height };
        foreach (var w in page.GetWords())
        {
            var t = PdfDocumentReader.Clean(w.Text);
            if (string.IsNullOrWhiteSpace(t)) continue;
            var b = w.BoundingBox;
            pc.Words.Add(new PdfWord(t, b.Left, b.Right, b.Bottom, b.Top, page.Number));
        }
        foreach (var path in page.Paths)
        {
            foreach (var sub in path)
            {
                if (path.IsFilled && !path.IsStroked)
                {
                    // Thin filled rectangles are rules too (Chromium, some producers).
                    var r = sub.GetBoundingRectangle();
                    if (r is { } rect)
                    {
                        if (rect.Height < 2 && rect.Width > 3) pc.Horizontal.Add(new Segment((rect.Bottom + rect.Top) / 2, rect.Left, rect.Right));
                        else if (rect.Width < 2 && rect.Height > 3) pc.Vertical.Add(new Segment((rect.Left + rect.Right) / 2, rect.Bottom, rect.Top));
                    }
                    continue;
                }
                if (!path.IsStroked) continue;
                PdfPoint? last = null;
                PdfPoint? start = null;
                foreach (var cmd in sub.Commands)
                {
                    switch (cmd)
                    {
                        case PdfSubpath.Move m:
                            last = start = m.Location;
                            break;
                        case PdfSubpath.Line l:
                            Add(pc, l.From, l.To);
                            last = l.To;
                            break;
                        case PdfSubpath.Close when last is { } a && start is { } s:
                            Add(pc, a, s);
                            break;
                    }
                }
            }
        }
        return pc;
    }

    private static void Add(PageContent pc, PdfPoint a, PdfPoint b)
    {
        if (Math.Abs(a.Y - b.Y) < 0.5 && Math.Abs(a.X - b.X) > 3)
            pc.Horizontal.Add(new Segment((a.Y + b.Y) / 2, Math.Min(a.X, b.X), Math.Max(a.X, b.X)));
        else if (Math.Abs(a.X - b.X) < 0.5 && Math.Abs(a.Y - b.Y) > 3)
            pc.Vertical.Add(new Segment((a.X + b.X) / 2, Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y)));
    }

    /// <summary>The page as text lines: words clustered into lines by y, cells split at wide gaps and joined by tabs.</summary>
    public IEnumerable<string> Lines()
    {
        foreach (var line in Cluster(Words))
        {
            var cells = new List<StringBuilder> { new() };
            PdfWord? prev = null;
            foreach (var w in line)
            {
                if (prev is not null)
                {
                    var gap = w.Left - prev.Right;
                    var em = Math.Max(4, Math.Min(w.Height, prev.Height));
                    if (gap > 2.5 * em) cells.Add(new StringBuilder());
                    else if (gap > 0.25 * em) cells[^1].Append(' ');
                }
                cells[^1].Append(w.Text);
                prev = w;
            }
            var text = string.Join('\t', cells.Select(c => c.ToString()));
            if (!IsPageFurniture(text)) yield return text;
        }
        yield return "";
    }

    /// <summary>Page numbers printed in headers and footers: "第 1 页，共 3 页", "— 2 —", "- 3 -", "Page 1 of 3".</summary>
    public static bool IsPageFurniture(string text) => PageNumber().IsMatch(text.Trim());

    [System.Text.RegularExpressions.GeneratedRegex(@"^(第\s*\d+\s*页(\s*[，,]?\s*共\s*\d+\s*页)?|[—\-－]\s*\d+\s*[—\-－]|Page\s+\d+(\s+of\s+\d+)?|\d+\s*/\s*\d+)$")]
    private static partial System.Text.RegularExpressions.Regex PageNumber();

    /// <summary>Words grouped into lines (top to bottom), each line left to right.</summary>
    public static List<List<PdfWord>> Cluster(IEnumerable<PdfWord> words)
    {
        var lines = new List<List<PdfWord>>();
        foreach (var w in words.OrderByDescending(w => w.Cy))
        {
            var line = lines.LastOrDefault();
            if (line is not null && Math.Abs(line.Average(x => x.Cy) - w.Cy) < Math.Max(2, 0.45 * Math.Min(w.Height, line.Max(x => x.Height))))
                line.Add(w);
            else lines.Add([w]);
        }
        foreach (var l in lines) l.Sort((a, b) => a.Left.CompareTo(b.Left));
        return lines;
    }
}

/// <summary>Rebuilds ruled tables into a <see cref="Grid"/> with merged ranges.</summary>
internal static class Lattice
{
    private const double Tol = 2.0;

    private sealed class Region
    {
        public int R1, C1, R2, C2;
        public List<PdfWord> Words { get; } = [];
        public bool OpenTop, OpenBottom;
        public int Page;
        public string Text = "";
    }

    public static Grid Build(string fileName, List<PageContent> pages)
    {
        // Column boundaries shared by all pages (the same sheet printed on several pages has the same columns).
        var xs = ClusterPositions(pages.SelectMany(p => p.Vertical.Select(v => v.Pos)));
        var rows = new List<GridCell?[]>();
        var regions = new List<Region>();
        foreach (var page in pages) AddPage(fileName, page, xs, rows, regions);

        // A merged cell cut by a page break prints as two parts with no rule at the cut (the text is clipped
        // to whichever part it falls in): join an open-bottom part with the open-top part below it.
        var joined = new HashSet<Region>();
        foreach (var a in regions.Where(r => r.OpenBottom))
        {
            var b = regions.FirstOrDefault(r => r.OpenTop && r.Page > a.Page && r.C1 == a.C1 && r.C2 == a.C2 && !joined.Contains(r)
                && r.R1 > a.R2 && rows.Skip(a.R2 + 1).Take(r.R1 - a.R2 - 1).All(IsFree));
            if (b is null) continue;
            a.Text = Join(a.Text, b.Text);
            a.R2 = b.R2;
            joined.Add(b);
        }
        var merges = new List<GridRange>();
        foreach (var r in regions.Where(r => !joined.Contains(r)))
        {
            if (r.Text.Length > 0)
                rows[r.R1][r.C1] = new GridCell(r.Text, null, new SourceRef { File = fileName, Page = r.Page });
            if (r.R2 > r.R1 || r.C2 > r.C1) merges.Add(new GridRange(r.R1, r.C1, r.R2, r.C2));
        }
        return new Grid(fileName, null, rows, merges);
    }

    private static bool IsFree(GridCell?[] row) => row.Length > 0 && row.Skip(1).All(c => c is null);

    /// <summary>Rejoins two pieces of one text that a line wrap separated (a space only between Latin words or after , ; :).</summary>
    internal static string Join(string a, string b)
    {
        if (a.Length == 0) return b;
        if (b.Length == 0) return a;
        return (IsLatin(a[^1]) || a[^1] is ',' or ';' or ':') && IsLatin(b[0]) ? a + " " + b : a + b;
    }

    private static List<double> ClusterPositions(IEnumerable<double> values)
    {
        var result = new List<double>();
        foreach (var v in values.OrderBy(v => v))
            if (result.Count == 0 || v - result[^1] > Tol) result.Add(v);
        return result;
    }

    private static void AddPage(string fileName, PageContent page, List<double> xs, List<GridCell?[]> rows, List<Region> regions)
    {
        var ys = ClusterPositions(page.Horizontal.Select(h => h.Pos)).OrderByDescending(y => y).ToList();
        var top = ys.Count > 0 ? ys[0] : 0;
        var bottom = ys.Count > 0 ? ys[^1] : 0;
        var nr = Math.Max(0, ys.Count - 1);
        var nc = Math.Max(0, xs.Count - 1);

        bool HasV(double x, double yMid) => page.Vertical.Any(v => Math.Abs(v.Pos - x) <= Tol && v.From - Tol <= yMid && v.To + Tol >= yMid);
        bool HasH(double y, double xMid) => page.Horizontal.Any(h => Math.Abs(h.Pos - y) <= Tol && h.From - Tol <= xMid && h.To + Tol >= xMid);

        // Union-find over the page's lattice cells; a missing boundary joins neighbours.
        var parent = new int[nr * nc];
        for (var i = 0; i < parent.Length; i++) parent[i] = i;
        int Find(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        void Union(int a, int b) { a = Find(a); b = Find(b); if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b); }
        var inside = new bool[nr * nc];
        for (var r = 0; r < nr; r++)
            for (var c = 0; c < nc; c++)
            {
                var yMid = (ys[r] + ys[r + 1]) / 2;
                var xMid = (xs[c] + xs[c + 1]) / 2;
                // A lattice cell belongs to the table when a ruling lies on one of its edges at this height/width.
                inside[r * nc + c] = HasV(xs[c], yMid) || HasV(xs[c + 1], yMid) || HasH(ys[r], xMid) && HasH(ys[r + 1], xMid);
                if (c + 1 < nc && !HasV(xs[c + 1], yMid)) Union(r * nc + c, r * nc + c + 1);
                if (r + 1 < nr && !HasH(ys[r + 1], xMid)) Union(r * nc + c, (r + 1) * nc + c);
            }
        var byRoot = new Dictionary<int, Region>();
        for (var i = 0; i < parent.Length; i++)
        {
            if (!inside[i]) continue;
            var root = Find(i);
            var (r, c) = (i / nc, i % nc);
            if (byRoot.TryGetValue(root, out var g))
            {
                g.R1 = Math.Min(g.R1, r); g.C1 = Math.Min(g.C1, c); g.R2 = Math.Max(g.R2, r); g.C2 = Math.Max(g.C2, c);
            }
            else byRoot[root] = new Region { R1 = r, C1 = c, R2 = r, C2 = c, Page = page.Number };
        }

        // Words: inside a region, or free lines above/below the table (title, year line, footnotes).
        var free = new List<PdfWord>();
        foreach (var w in page.Words)
        {
            var r = ys.Count > 1 && w.Cy < top && w.Cy > bottom ? ys.FindIndex(y => y < w.Cy) - 1 : -1;
            var c = r >= 0 ? xs.FindIndex(x => x > w.Cx) - 1 : -1;
            if (r >= 0 && c >= 0 && c < nc && inside[r * nc + c]) byRoot[Find(r * nc + c)].Words.Add(w);
            else free.Add(w);
        }

        foreach (var line in PageContent.Cluster(free.Where(w => w.Cy >= top)))
            if (FreeRow(fileName, page, line, rows.Count, Math.Max(1, nc)) is { } fr) rows.Add(fr);
        var baseRow = rows.Count;
        for (var r = 0; r < nr; r++) rows.Add(new GridCell?[nc]);
        foreach (var g in byRoot.Values)
        {
            var xMid = (xs[g.C1] + xs[g.C2 + 1]) / 2;
            g.OpenTop = g.R1 == 0 && !HasH(ys[0], xMid);
            g.OpenBottom = g.R2 == nr - 1 && !HasH(ys[nr], xMid);
            g.Text = CellText(g.Words);
            g.R1 += baseRow;
            g.R2 += baseRow;
            regions.Add(g);
        }
        foreach (var line in PageContent.Cluster(free.Where(w => w.Cy < top)))
            if (FreeRow(fileName, page, line, rows.Count, Math.Max(1, nc)) is { } fr) rows.Add(fr);
    }

    private static GridCell?[]? FreeRow(string fileName, PageContent page, List<PdfWord> line, int row, int width)
    {
        var text = JoinLine(line);
        if (PageContent.IsPageFurniture(text)) return null;
        var cells = new GridCell?[width];
        cells[0] = new GridCell(text, null, new SourceRef { File = fileName, Page = page.Number });
        return cells;
    }

    /// <summary>A cell's words as text: lines top to bottom joined without a break (the cell wrapped them), words in a line joined with a space only where the gap shows one.</summary>
    private static string CellText(List<PdfWord> words)
    {
        var sb = new StringBuilder();
        foreach (var line in PageContent.Cluster(words))
        {
            var t = JoinLine(line);
            if (sb.Length > 0 && t.Length > 0 && (IsLatin(sb[^1]) || sb[^1] is ',' or ';' or ':') && IsLatin(t[0])) sb.Append(' ');
            sb.Append(t);
        }
        return sb.ToString().Trim();
    }

    private static bool IsLatin(char c) => c < 0x2E80 && char.IsLetterOrDigit(c);

    internal static string JoinLine(List<PdfWord> line)
    {
        var sb = new StringBuilder();
        PdfWord? prev = null;
        foreach (var w in line)
        {
            if (prev is not null && w.Left - prev.Right > 0.2 * Math.Max(4, Math.Min(w.Height, prev.Height))) sb.Append(' ');
            sb.Append(w.Text);
            prev = w;
        }
        return sb.ToString();
    }
}
