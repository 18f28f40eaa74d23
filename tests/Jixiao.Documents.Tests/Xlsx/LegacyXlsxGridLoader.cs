using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ExcelDataReader;
using Jixiao.Core.Provenance;
using Jixiao.Documents.Reading;

using Jixiao.Documents.Xlsx;

namespace Jixiao.Documents.Tests.Xlsx;

/// <summary>
/// The grid loader as it was before <see cref="XlsxWorkbook"/> (ExcelDataReader, plus an OpenXml pass for error
/// cells), kept only as the oracle the new loader is compared with: same grids on every workbook the tests have.
/// </summary>
internal static class LegacyXlsxGridLoader
{
    public const int MaxRows = 200_000;
    public const int MaxColumns = 1_000;
    public const int MaxCellChars = 1_000_000;
    public const long MaxFileBytes = 100L * 1024 * 1024;

    private static int _registered;

    public static List<Grid> Load(string fileName, Stream content, bool guarded = false)
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        if (content.CanSeek && content.Length > MaxFileBytes)
            throw new UnreadableFileException($"{fileName}：文件过大（超过 {MaxFileBytes / 1024 / 1024} MB），无法读取。");
        Stream seekable = content;
        if (!content.CanSeek)
        {
            var ms = new MemoryStream();
            CopyBounded(content, ms, fileName);
            ms.Position = 0;
            seekable = ms;
        }
        if (!guarded && IsZip(seekable)) ZipPackageGuard.Check(fileName, seekable);
        var errors = ErrorCells(seekable);
        seekable.Position = 0;
        var grids = new List<Grid>();
        IExcelDataReader reader;
        try
        {
            reader = ExcelReaderFactory.CreateReader(seekable, new ExcelReaderConfiguration { LeaveOpen = true });
        }
        catch (Exception e) when (e is not UnreadableFileException)
        {
            throw new UnreadableFileException($"{fileName}：不是有效的 Excel 工作簿（文件可能已损坏、被加密，或是改了扩展名的其他文件），无法读取。", e);
        }
        using (reader)
        {
            try
            {
                do
                {
                    grids.Add(ReadSheet(fileName, reader, errors.GetValueOrDefault(reader.Name ?? "")));
                } while (reader.NextResult());
            }
            catch (UnreadableFileException) { throw; }
            catch (Exception e)
            {
                throw new UnreadableFileException($"{fileName}：Excel 工作簿已损坏或格式不受支持，无法读取。", e);
            }
        }
        return grids;
    }

    private static bool IsZip(Stream s)
    {
        var pos = s.Position;
        Span<byte> head = stackalloc byte[4];
        var n = s.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        s.Position = pos;
        return ZipPackageGuard.IsZip(head[..n]);
    }

    private static void CopyBounded(Stream from, Stream to, string fileName)
    {
        var buf = new byte[81920];
        long total = 0;
        int n;
        while ((n = from.Read(buf, 0, buf.Length)) > 0)
        {
            total += n;
            if (total > MaxFileBytes) throw new UnreadableFileException($"{fileName}：文件过大（超过 {MaxFileBytes / 1024 / 1024} MB），无法读取。");
            to.Write(buf, 0, n);
        }
    }

    /// <summary>
    /// ExcelDataReader 3.6 returns null for error cells; an .xlsx keeps them as t="e" cells, which a streaming
    /// OpenXml pass picks up (by sheet name and 0-based position). Not an .xlsx (e.g. legacy .xls): none.
    /// </summary>
    private static Dictionary<string, Dictionary<(int, int), string>> ErrorCells(Stream stream)
    {
        var result = new Dictionary<string, Dictionary<(int, int), string>>(StringComparer.Ordinal);
        // Opening the package with the OpenXml SDK costs more than reading the workbook: skip it when no part
        // of the file can hold an error cell (most files). A false alarm only costs the full pass.
        if (!MayHaveErrorCells(stream)) return result;
        try
        {
            stream.Position = 0;
            using var doc = SpreadsheetDocument.Open(stream, false);
            if (doc.WorkbookPart?.Workbook.Sheets is not { } sheets) return result;
            foreach (var sheet in sheets.Elements<Sheet>())
            {
                if (sheet.Id?.Value is not { } id || sheet.Name?.Value is not { } name) continue;
                if (doc.WorkbookPart.GetPartById(id) is not WorksheetPart part) continue;
                var map = new Dictionary<(int, int), string>();
                using var xr = OpenXmlReader.Create(part);
                while (xr.Read())
                {
                    if (xr.ElementType != typeof(Cell) || !xr.IsStartElement) continue;
                    var cell = (Cell)xr.LoadCurrentElement()!;
                    if (cell.DataType?.Value != CellValues.Error || cell.CellReference?.Value is not { } cref) continue;
                    if (ParseRef(cref) is { } pos) map[pos] = cell.CellValue?.Text ?? "#VALUE!";
                    if (map.Count > 100_000) break;
                }
                if (map.Count > 0) result[name] = map;
            }
        }
        catch (Exception)
        {
            // Not an OpenXml package (.xls) or unreadable parts: ExcelDataReader decides below.
        }
        return result;
    }

    /// <summary>
    /// False when no XML part of the package contains an attribute t="e" (any quotes, any spaces around "="):
    /// then there is no error cell. True when one may, or when the package cannot be scanned.
    /// </summary>
    private static bool MayHaveErrorCells(Stream stream)
    {
        try
        {
            stream.Position = 0;
            using var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
            var buffer = new byte[1 << 16];
            foreach (var entry in zip.Entries)
            {
                if (!entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)) continue;
                using var s = entry.Open();
                // Keep the last 64 bytes of each block so a match across two blocks is seen.
                var carry = 0;
                int n;
                while ((n = s.Read(buffer, carry, buffer.Length - carry)) > 0)
                {
                    var len = carry + n;
                    if (HasErrorType(buffer.AsSpan(0, len))) return true;
                    carry = Math.Min(64, len);
                    buffer.AsSpan(len - carry, carry).CopyTo(buffer);
                }
            }
            return false;
        }
        catch (Exception)
        {
            return true;
        }
    }

    /// <summary>t\s*=\s*["']e["'] in UTF-8 bytes.</summary>
    private static bool HasErrorType(ReadOnlySpan<byte> b)
    {
        for (var i = b.IndexOf((byte)'t'); i >= 0 && i < b.Length; i = NextT(b, i + 1))
        {
            var k = i + 1;
            while (k < b.Length && IsSpace(b[k])) k++;
            if (k >= b.Length || b[k] != '=') continue;
            k++;
            while (k < b.Length && IsSpace(b[k])) k++;
            if (k + 2 < b.Length && b[k] is (byte)'"' or (byte)'\'' && b[k + 1] == 'e' && b[k + 2] == b[k]) return true;
        }
        return false;

        static int NextT(ReadOnlySpan<byte> b, int from)
        {
            if (from >= b.Length) return -1;
            var j = b[from..].IndexOf((byte)'t');
            return j < 0 ? -1 : from + j;
        }

        static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
    }

    private static (int Row, int Col)? ParseRef(string cref)
    {
        var col = 0;
        var i = 0;
        while (i < cref.Length && char.IsAsciiLetter(cref[i])) col = col * 26 + (char.ToUpperInvariant(cref[i++]) - 'A' + 1);
        return col > 0 && int.TryParse(cref.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row > 0
            ? (row - 1, col - 1)
            : null;
    }

    private static Grid ReadSheet(string fileName, IExcelDataReader reader, Dictionary<(int, int), string>? errors)
    {
        var sheet = reader.Name;
        var rows = new List<GridCell?[]>();
        var r = 0;
        while (reader.Read())
        {
            if (r >= MaxRows)
                throw new UnreadableFileException($"{fileName}：工作表“{sheet}”超过 {MaxRows} 行，无法读取。");
            var n = Math.Min(reader.FieldCount, MaxColumns);
            if (errors is not null)
                foreach (var (pos, _) in errors)
                    if (pos.Item1 == r && pos.Item2 >= n && pos.Item2 < MaxColumns) n = pos.Item2 + 1;
            var cells = new GridCell?[n];
            for (var c = 0; c < n; c++)
            {
                object? v;
                try { v = reader.GetValue(c); }
                catch (Exception) { v = null; }
                if (v is null && errors is not null && errors.TryGetValue((r, c), out var err)) v = err;
                if (v is null) continue;
                string? fmt = null;
                try { fmt = reader.GetNumberFormatString(c); }
                catch (Exception) { }
                var at = new SourceRef { File = fileName, Sheet = sheet, Cell = CellName(r, c) };
                var cell = ToCell(v, fmt, at);
                if (cell is null) continue;
                if (cell.Text.Length > MaxCellChars)
                    throw new UnreadableFileException($"{fileName}：工作表“{sheet}”单元格 {at.Cell} 超过 1 MB，无法读取。");
                cells[c] = cell;
            }
            // Trim trailing empty cells.
            var last = cells.Length - 1;
            while (last >= 0 && cells[last] is null) last--;
            rows.Add(last == cells.Length - 1 ? cells : cells[..(last + 1)]);
            r++;
        }
        while (rows.Count > 0 && rows[^1].Length == 0) rows.RemoveAt(rows.Count - 1);
        var merges = new List<GridRange>();
        if (reader.MergeCells is { } mc)
            foreach (var m in mc)
                merges.Add(new GridRange(m.FromRow, m.FromColumn, m.ToRow, m.ToColumn));
        return new Grid(fileName, sheet, rows, merges);
    }

    private static GridCell? ToCell(object v, string? fmt, SourceRef at)
    {
        switch (v)
        {
            case string s:
                return s.Length == 0 ? null : new GridCell(s.Replace("\r\n", "\n"), null, at);
            case double d:
                if (double.IsNaN(d) || double.IsInfinity(d)) return new GridCell("#NUM!", null, at);
                var dec = ToDecimal(d);
                return new GridCell(ExcelNumberFormat.Render(dec, fmt), dec, at);
            case int i:
                return new GridCell(ExcelNumberFormat.Render(i, fmt), i, at);
            case bool b:
                return new GridCell(b ? "TRUE" : "FALSE", null, at);
            case DateTime dt:
                var text = fmt is not null && fmt.Contains('年')
                    ? dt.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)
                    : dt.ToString(dt.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                return new GridCell(text, null, at);
            case TimeSpan ts:
                return new GridCell(ts.ToString(), null, at);
            default:
                var str = Convert.ToString(v, CultureInfo.InvariantCulture);
                return string.IsNullOrEmpty(str) ? null : new GridCell(str, null, at);
        }
    }

    /// <summary>A double from the file as the decimal a person typed: shortest round-trip digits, so 0.1 stays 0.1.</summary>
    private static decimal ToDecimal(double d)
    {
        var s = d.ToString("R", CultureInfo.InvariantCulture);
        return decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var m)
            ? m
            : (decimal)d;
    }

    public static string CellName(int row, int col) => $"{ColumnName(col + 1)}{row + 1}";

    private static string ColumnName(int col)
    {
        var s = "";
        while (col > 0)
        {
            var m = (col - 1) % 26;
            s = (char)('A' + m) + s;
            col = (col - 1) / 26;
        }
        return s;
    }

    /// <summary>The final-accounts reader's rows as it built them from ExcelDataReader (before merges are filled).</summary>
    public static List<List<Jixiao.Documents.FinalAccounts.GridRow>> FinalAccountsRows(string fileName, byte[] bytes)
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var sheets = new List<List<Jixiao.Documents.FinalAccounts.GridRow>>();
        using var reader = ExcelReaderFactory.CreateReader(new MemoryStream(bytes));
        do
        {
            var sheet = reader.Name;
            var rows = new List<Jixiao.Documents.FinalAccounts.GridRow>();
            var rowIndex = 0;
            while (reader.Read())
            {
                rowIndex++;
                var cells = new List<Jixiao.Documents.FinalAccounts.GridCell>(reader.FieldCount);
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    var at = new SourceRef { File = fileName, Sheet = sheet, Cell = CellName(rowIndex - 1, c) };
                    cells.Add(new Jixiao.Documents.FinalAccounts.GridCell(FinalAccountsCellText(reader, c), at));
                }
                while (cells.Count > 0 && cells[^1].Text.Length == 0) cells.RemoveAt(cells.Count - 1);
                rows.Add(new Jixiao.Documents.FinalAccounts.GridRow(cells, new SourceRef { File = fileName, Sheet = sheet, Cell = $"A{rowIndex}" }));
            }
            var merges = (reader.MergeCells ?? []).Select(m => new GridRange(m.FromRow, m.FromColumn, m.ToRow, m.ToColumn)).ToList();
            Jixiao.Documents.FinalAccounts.FinalAccountsXlsxReader.FillMerges(rows, merges);
            sheets.Add(rows);
        } while (reader.NextResult());
        return sheets;
    }

    private static string FinalAccountsCellText(IExcelDataReader reader, int c)
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
}
