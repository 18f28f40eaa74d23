using System.Globalization;
using Jixiao.Core.Provenance;
using Jixiao.Documents.Reading;

namespace Jixiao.Documents.Xlsx;

/// <summary>
/// Loads every sheet of an .xlsx into <see cref="Grid"/>s: displayed text (numbers rendered with the cell's number
/// format, so "1,567,340,000.00" stays as written), cached formula results, error cells (#DIV/0!), merged ranges,
/// and each cell's (file, sheet, cell) provenance. The package is read by <see cref="XlsxWorkbook"/>. Bounded: a
/// sheet over <see cref="MaxRows"/> rows, or a cell over <see cref="MaxCellChars"/> characters, makes the file
/// unreadable with a clear Chinese message.
/// </summary>
public static class XlsxGridLoader
{
    public const int MaxRows = XlsxWorkbook.MaxRows;
    public const int MaxColumns = XlsxWorkbook.MaxColumns;
    public const int MaxCellChars = XlsxWorkbook.MaxCellChars;
    public const long MaxFileBytes = XlsxWorkbook.MaxFileBytes;

    public static List<Grid> Load(string fileName, Stream content, CancellationToken cancellationToken = default) =>
        Load(fileName, content, guarded: false, cancellationToken);

    /// <param name="guarded">True when the caller already passed the package through <see cref="ZipPackageGuard"/>.</param>
    internal static List<Grid> Load(string fileName, Stream content, bool guarded, CancellationToken cancellationToken = default) =>
        ToGrids(XlsxWorkbook.Open(fileName, content, guarded, cancellationToken), cancellationToken);

    /// <summary>One grid per sheet, in workbook order.</summary>
    public static List<Grid> ToGrids(XlsxWorkbook workbook, CancellationToken cancellationToken = default)
    {
        var grids = new List<Grid>(workbook.Sheets.Count);
        foreach (var sheet in workbook.Sheets)
            grids.Add(ToGrid(workbook.FileName, sheet, cancellationToken));
        return grids;
    }

    private static Grid ToGrid(string fileName, XlsxSheet sheet, CancellationToken cancellationToken)
    {
        var rows = new List<GridCell?[]>(sheet.Rows.Count == 0 ? 0 : sheet.Rows[^1].Index + 1);
        foreach (var row in sheet.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cells = row.Cells;
            // The last cell with something to show sets the row's width; empty texts are not cells.
            var last = cells.Length - 1;
            while (last >= 0 && IsEmpty(cells[last])) last--;
            if (last < 0) continue;
            var line = new GridCell?[cells[last].Column + 1];
            for (var i = 0; i <= last; i++)
            {
                var c = cells[i];
                if (IsEmpty(c)) continue;
                var at = new SourceRef { File = fileName, Sheet = sheet.Name, Cell = CellName(row.Index, c.Column) };
                var cell = ToCell(c, at);
                if (cell.Text.Length > MaxCellChars)
                    throw new UnreadableFileException($"{fileName}：工作表“{sheet.Name}”单元格 {at.Cell} 超过 1 MB，无法读取。");
                line[c.Column] = cell;
            }
            while (rows.Count < row.Index) rows.Add([]);
            rows.Add(line);
        }
        return new Grid(fileName, sheet.Name, rows, sheet.Merges);
    }

    /// <summary>A cell that shows nothing: empty text, or an error cell whose code is empty.</summary>
    private static bool IsEmpty(in XlsxCell c) => c.Kind is XlsxValueKind.Text or XlsxValueKind.Error && string.IsNullOrEmpty(c.Text);

    private static GridCell ToCell(in XlsxCell c, SourceRef at)
    {
        switch (c.Kind)
        {
            case XlsxValueKind.Number:
                if (double.IsNaN(c.Number) || double.IsInfinity(c.Number)) return new GridCell("#NUM!", null, at);
                var dec = ToDecimal(c.Number);
                return new GridCell(ExcelNumberFormat.Render(dec, c.Format), dec, at);
            case XlsxValueKind.Boolean:
                return new GridCell(c.Number != 0 ? "TRUE" : "FALSE", null, at);
            case XlsxValueKind.Date:
                var dt = c.Date;
                var text = c.Format is { } fmt && fmt.Contains('年')
                    ? dt.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)
                    : dt.ToString(dt.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                return new GridCell(text, null, at);
            case XlsxValueKind.Duration:
                return new GridCell(c.Duration.ToString(), null, at);
            case XlsxValueKind.Error:
                return new GridCell(c.Text!, null, at);
            default:
                var s = c.Text!;
                return new GridCell(s.Contains('\r') ? s.Replace("\r\n", "\n") : s, null, at);
        }
    }

    /// <summary>A double from the file as the decimal a person typed: shortest round-trip digits, so 0.1 stays 0.1.</summary>
    public static decimal ToDecimal(double d)
    {
        Span<char> digits = stackalloc char[32];
        return d.TryFormat(digits, out var n, "R", CultureInfo.InvariantCulture)
               && decimal.TryParse(digits[..n], NumberStyles.Float, CultureInfo.InvariantCulture, out var m)
            ? m
            : (decimal)d;
    }

    private static readonly string?[] ColumnNames = new string?[MaxColumns];

    // The names of the cells of a sheet's first rows and columns, made once per process: every cell of every
    // workbook read gets its name (provenance) from both readers, and most tables fit in this corner.
    private const int NamedRows = 512, NamedColumns = 32;
    private static readonly string?[] CellNames = new string?[NamedRows * NamedColumns];

    /// <summary>"B12" for row 11, column 1 (both 0-based).</summary>
    public static string CellName(int row, int col) =>
        (uint)row < NamedRows && (uint)col < NamedColumns ? CellNames[row * NamedColumns + col] ??= NewCellName(row, col) : NewCellName(row, col);

    private static string NewCellName(int row, int col)
    {
        var name = col >= 0 && col < ColumnNames.Length ? ColumnNames[col] ??= ColumnName(col + 1) : ColumnName(col + 1);
        return string.Concat(name, (row + 1).ToString(CultureInfo.InvariantCulture));
    }

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
}
