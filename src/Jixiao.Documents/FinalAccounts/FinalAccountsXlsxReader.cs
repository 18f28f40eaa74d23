using System.Globalization;
using System.Text;
using Jixiao.Core.Checks;
using Jixiao.Core.FinalAccounts;
using Jixiao.Core.Model;
using Jixiao.Core.Provenance;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Xlsx;

namespace Jixiao.Documents.FinalAccounts;

/// <summary>What <see cref="FinalAccountsXlsxReader"/> found in a workbook.</summary>
public sealed class FinalAccountsXlsxResult
{
    public required FinalAccountsDisclosure Disclosure { get; init; }
    public List<Finding> Findings { get; init; } = [];
}

/// <summary>
/// Reads a final-accounts workbook as these usually come: one table per sheet (title and 部门名称 / 年度 / 金额单位
/// lines above the grid), merged header cells, numbers stored as numbers or as text with separators, formula
/// cells with their cached values. Tables are recognised by title and content, not by sheet name or order.
/// </summary>
public static class FinalAccountsXlsxReader
{
    /// <summary>Reads the workbook; null when no sheet holds a disclosure table. Throws <see cref="UnreadableFileException"/> on a file that is not a workbook.</summary>
    public static FinalAccountsXlsxResult? Read(string fileName, Stream stream, CancellationToken ct = default) => Read(fileName, stream, guarded: false, ct);

    /// <param name="guarded">True when the caller already passed the package through <see cref="ZipPackageGuard"/>.</param>
    /// <param name="ct">The read's wall-clock limit, checked per row.</param>
    internal static FinalAccountsXlsxResult? Read(string fileName, Stream stream, bool guarded, CancellationToken ct = default)
    {
        var workbook = XlsxWorkbook.Open(fileName, stream, guarded, ct);
        return Read(workbook, ct);
    }

    /// <summary>Reads the disclosure tables of a workbook already read from its package; null when no sheet holds one.</summary>
    internal static FinalAccountsXlsxResult? Read(XlsxWorkbook workbook, CancellationToken ct = default)
    {
        var fileName = workbook.FileName;
        var doc = new FinalAccountsDisclosure { Id = $"{fileName}#final-accounts" };
        var log = new ReaderLog(doc.Id);
        var raws = new List<RawTable>();
        var titles = new List<string>();
        try
        {
            foreach (var sheet in workbook.Sheets)
            {
                ct.ThrowIfCancellationRequested();
                if (Sheet(fileName, sheet.Name, Rows(fileName, sheet), log) is { } raw) raws.Add(raw);
            }
        }
        catch (Exception e) when (e is not UnreadableFileException and not OutOfMemoryException and not OperationCanceledException)
        {
            throw new UnreadableFileException($"{fileName}：不是可读取的 Excel 工作簿（文件可能已损坏、被加密，或是改了扩展名的其他文件）。", e);
        }
        if (raws.Count == 0) return null;
        doc.Source = new SourceRef { File = fileName };
        DisclosureAssembly.Assemble(doc, raws, log, titles);
        doc.Title = doc.Unit is null ? "部门决算公开" : $"{doc.Unit}{(doc.Year is { } y ? $"{y}年度" : "")}部门决算公开";
        return new FinalAccountsXlsxResult { Disclosure = doc, Findings = log.Findings };
    }

    public static FinalAccountsXlsxResult? Read(string fileName, byte[] bytes)
    {
        using var ms = new MemoryStream(bytes);
        return Read(fileName, ms);
    }

    /// <summary>
    /// A sheet as rows of cell texts: every row up to the last one in the file (empty ones too, so a row's number is
    /// its position), each up to its last non-empty cell, and merged header labels copied into the cells they cover.
    /// </summary>
    internal static List<GridRow> Rows(string fileName, XlsxSheet sheet)
    {
        var rows = new List<GridRow>(sheet.RowCount);
        foreach (var row in sheet.Rows)
        {
            while (rows.Count < row.Index) rows.Add(EmptyRow(fileName, sheet.Name, rows.Count + 1));
            var texts = new string[row.Cells.Length];
            var last = -1;
            for (var i = 0; i < row.Cells.Length; i++)
            {
                texts[i] = CellText(row.Cells[i]);
                if (texts[i].Length > 0) last = i;
            }
            var width = last < 0 ? 0 : row.Cells[last].Column + 1;
            var cells = new List<GridCell>(width);
            for (int c = 0, k = 0; c < width; c++)
            {
                var text = k <= last && row.Cells[k].Column == c ? texts[k++] : "";
                cells.Add(new GridCell(text, new SourceRef { File = fileName, Sheet = sheet.Name, Cell = XlsxGridLoader.CellName(row.Index, c) }));
            }
            rows.Add(new GridRow(cells, new SourceRef { File = fileName, Sheet = sheet.Name, Cell = XlsxGridLoader.CellName(row.Index, 0) }));
        }
        while (rows.Count < sheet.RowCount) rows.Add(EmptyRow(fileName, sheet.Name, rows.Count + 1));
        FillMerges(rows, sheet.Merges);
        return rows;
    }

    private static GridRow EmptyRow(string fileName, string sheet, int rowNumber) =>
        new([], new SourceRef { File = fileName, Sheet = sheet, Cell = XlsxGridLoader.CellName(rowNumber - 1, 0) });

    private static string CellName(int c, int row) => XlsxGridLoader.CellName(row - 1, c);

    /// <summary>The cell as text: numbers with the decimals their format shows (so "400662.00" stays two-decimal), dates as dates, text as is; error cells are empty.</summary>
    private static string CellText(in XlsxCell cell)
    {
        switch (cell.Kind)
        {
            case XlsxValueKind.Text: return cell.Text!.Trim();
            case XlsxValueKind.Number:
                var dec = (decimal)cell.Number;
                var decimals = DecimalsOfFormat(cell.Format ?? "");
                return decimals is { } n ? Math.Round(dec, n, MidpointRounding.AwayFromZero).ToString("F" + n, CultureInfo.InvariantCulture) : dec.ToString(CultureInfo.InvariantCulture);
            case XlsxValueKind.Boolean: return cell.Number != 0 ? "TRUE" : "FALSE";
            case XlsxValueKind.Date: return cell.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case XlsxValueKind.Duration: return cell.Duration.ToString().Trim();
            default: return "";
        }
    }

    /// <summary>Decimals a number format shows ("#,##0.00" → 2, "0" → 0); null for General.</summary>
    private static int? DecimalsOfFormat(string format)
    {
        if (format.Length == 0 || format.Equals("General", StringComparison.OrdinalIgnoreCase)) return null;
        var section = format.Split(';')[0];
        var dot = section.IndexOf('.');
        if (dot < 0) return section.Contains('0') || section.Contains('#') ? 0 : null;
        var n = 0;
        for (var i = dot + 1; i < section.Length && section[i] is '0' or '#'; i++) n++;
        return n;
    }

    /// <summary>Copies a merged cell's text into the cells it covers (header labels span their columns).</summary>
    internal static void FillMerges(List<GridRow> rows, IReadOnlyList<GridRange> merges)
    {
        foreach (var m in merges)
        {
            if (m.Row1 >= rows.Count || m.Col1 >= rows[m.Row1].Count) continue;
            var text = rows[m.Row1].Cells[m.Col1].Text;
            if (text.Length == 0 || NumberText.TryParse(text) is not null) continue;
            for (var r = m.Row1; r <= m.Row2 && r < rows.Count; r++)
            {
                var cells = rows[r].Cells;
                for (var c = m.Col1; c <= m.Col2; c++)
                {
                    while (cells.Count <= c) cells.Add(new GridCell("", rows[r].At with { Cell = CellName(cells.Count, r + 1) }));
                    if (cells[c].Text.Length == 0) cells[c] = cells[c] with { Text = text };
                }
            }
        }
    }

    /// <summary>Splits a sheet into title, meta lines and grid; null when it is not a disclosure table.</summary>
    private static RawTable? Sheet(string fileName, string sheet, List<GridRow> rows, ReaderLog log)
    {
        string? title = null;
        var meta = new List<string>();
        var gridStart = -1;
        for (var i = 0; i < rows.Count; i++)
        {
            var nonEmpty = rows[i].Cells.Where(c => c.Text.Length > 0).Select(c => c.Text).Distinct().ToList();
            if (nonEmpty.Count == 0) continue;
            var joined = string.Join("", nonEmpty);
            if (title is null && nonEmpty.Count == 1 && TableRecognition.IsTitleLine(nonEmpty[0])) { title = nonEmpty[0]; continue; }
            var compact = CoreText.Compact(joined);
            var isMeta = nonEmpty.Count == 1 && !IsHeaderWord(compact) || compact.Contains("名称：") || compact.Contains("单位：") && compact.Length < 60;
            if (isMeta && gridStart < 0) { meta.Add(joined); continue; }
            gridStart = i;
            break;
        }
        if (gridStart < 0) return null;
        title ??= TableRecognition.IsTitleLine(sheet) ? sheet : meta.FirstOrDefault(m => TableRecognition.FromTitle(m) is not null) ?? sheet;
        var raw = new RawTable { Title = title, At = new SourceRef { File = fileName, Sheet = sheet } };
        raw.Rows.AddRange(rows.Skip(gridStart).Where(r => !r.IsEmpty));
        return DisclosureAssembly.Classify(raw, meta, log) ? raw : null;
    }

    private static bool IsHeaderWord(string compact) => compact.StartsWith("一、", StringComparison.Ordinal) || compact is "项目" or "收入" or "支出" or "预算数" or "决算数" or "人员经费" or "公用经费";
}
