using System.Globalization;
using System.Text;
using ExcelDataReader;
using Jixiao.Core.Checks;
using Jixiao.Core.FinalAccounts;
using Jixiao.Core.Model;
using Jixiao.Core.Provenance;
using Jixiao.Documents.Reading;

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
    static FinalAccountsXlsxReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads the workbook; null when no sheet holds a disclosure table. Throws <see cref="UnreadableFileException"/> on a file that is not a workbook.</summary>
    public static FinalAccountsXlsxResult? Read(string fileName, Stream stream, CancellationToken ct = default) => Read(fileName, stream, guarded: false, ct);

    /// <param name="guarded">True when the caller already passed the package through <see cref="ZipPackageGuard"/>.</param>
    /// <param name="ct">The read's wall-clock limit, checked per row.</param>
    internal static FinalAccountsXlsxResult? Read(string fileName, Stream stream, bool guarded, CancellationToken ct = default)
    {
        if (!guarded)
        {
            if (!stream.CanSeek)
            {
                var copy = new MemoryStream();
                stream.CopyTo(copy);
                copy.Position = 0;
                stream = copy;
            }
            var pos = stream.Position;
            Span<byte> head = stackalloc byte[4];
            var n = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
            stream.Position = pos;
            if (ZipPackageGuard.IsZip(head[..n])) ZipPackageGuard.Check(fileName, stream, ct: ct);
        }
        var doc = new FinalAccountsDisclosure { Id = $"{fileName}#final-accounts" };
        var log = new ReaderLog(doc.Id);
        var raws = new List<RawTable>();
        var titles = new List<string>();
        try
        {
            using var reader = ExcelReaderFactory.CreateReader(stream);
            do
            {
                var sheet = reader.Name;
                var rows = new List<GridRow>();
                var rowIndex = 0;
                while (reader.Read())
                {
                    ct.ThrowIfCancellationRequested();
                    rowIndex++;
                    var cells = new List<GridCell>(reader.FieldCount);
                    for (var c = 0; c < reader.FieldCount; c++)
                    {
                        var at = new SourceRef { File = fileName, Sheet = sheet, Cell = CellName(c, rowIndex) };
                        cells.Add(new GridCell(CellText(reader, c), at));
                    }
                    while (cells.Count > 0 && cells[^1].Text.Length == 0) cells.RemoveAt(cells.Count - 1);
                    rows.Add(new GridRow(cells, new SourceRef { File = fileName, Sheet = sheet, Cell = $"A{rowIndex}" }));
                }
                FillMerges(rows, reader.MergeCells);
                if (Sheet(fileName, sheet, rows, log) is { } raw) raws.Add(raw);
            } while (reader.NextResult());
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

    private static string CellName(int c, int row)
    {
        var s = "";
        for (c++; c > 0; c = (c - 1) / 26) s = (char)('A' + (c - 1) % 26) + s;
        return s + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The cell as text: numbers with the decimals their format shows (so "400662.00" stays two-decimal), dates as dates, text as is.</summary>
    private static string CellText(IExcelDataReader reader, int c)
    {
        var v = reader.GetValue(c);
        switch (v)
        {
            case null: return "";
            case string s: return s.Trim();
            case double dbl:
                var dec = (decimal)dbl;
                var format = reader.GetNumberFormatString(c) ?? "";
                var decimals = DecimalsOfFormat(format);
                return decimals is { } n ? Math.Round(dec, n, MidpointRounding.AwayFromZero).ToString("F" + n, CultureInfo.InvariantCulture) : dec.ToString(CultureInfo.InvariantCulture);
            case bool b: return b ? "TRUE" : "FALSE";
            case DateTime dt: return dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            default: return Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() ?? "";
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
    private static void FillMerges(List<GridRow> rows, CellRange[]? merges)
    {
        if (merges is null) return;
        foreach (var m in merges)
        {
            if (m.FromRow >= rows.Count || m.FromColumn >= rows[m.FromRow].Count) continue;
            var text = rows[m.FromRow].Cells[m.FromColumn].Text;
            if (text.Length == 0 || NumberText.TryParse(text) is not null) continue;
            for (var r = m.FromRow; r <= m.ToRow && r < rows.Count; r++)
            {
                var cells = rows[r].Cells;
                for (var c = m.FromColumn; c <= m.ToColumn; c++)
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
