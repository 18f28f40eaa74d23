using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Core.FinalAccounts;
using Jixiao.Core.Model;
using Jixiao.Core.Money;

namespace Jixiao.Documents.FinalAccounts;

/// <summary>
/// Writes the ten disclosure tables to .xlsx in the standard layout: one sheet per table (公开01 … 公开10),
/// title, number, department / year / unit line, merged multi-row headers, thin borders, 宋体 (仿宋 for notes),
/// amounts as numbers formatted #,##0.00, A4 landscape. A table the disclosure lacks is written with its
/// headers and "说明：本表无数据". <see cref="FinalAccountsXlsxReader"/> reads the result back.
/// </summary>
public static class FinalAccountsXlsxWriter
{
    public static void Write(FinalAccountsDisclosure d, Stream output)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new Workbook();
        var styles = wb.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles();
        var strings = wb.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable = new SharedStringTable();
        var sst = new StringTable(strings.SharedStringTable);
        var sheets = wb.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var kind in Enum.GetValues<DisclosureTableKind>())
        {
            var model = SheetLayouts.Layout(d, kind);
            var part = wb.AddNewPart<WorksheetPart>();
            part.Worksheet = Render(model, sst);
            sheets.Append(new Sheet { Id = wb.GetIdOfPart(part), SheetId = id++, Name = DisclosureTables.StandardNumber(kind) });
        }
        wb.Workbook.Save();
    }

    public static byte[] Write(FinalAccountsDisclosure d)
    {
        using var ms = new MemoryStream();
        Write(d, ms);
        return ms.ToArray();
    }

    // Style indexes (cellXfs).
    internal const uint SDefault = 0, STitle = 1, SHeader = 2, SText = 3, SAmount = 4, SMeta = 5, SNote = 6, SCount = 7, SMetaRight = 8;

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 16 }, new FontName { Val = "宋体" }),
            new Font(new FontSize { Val = 10 }, new FontName { Val = "宋体" }),
            new Font(new FontSize { Val = 10 }, new FontName { Val = "仿宋" }),
            new Font(new Bold(), new FontSize { Val = 10 }, new FontName { Val = "宋体" }))
        { Count = 5 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } },
                new RightBorder { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } },
                new TopBorder { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } },
                new BottomBorder { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } },
                new DiagonalBorder()))
        { Count = 2 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0 },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, BorderId = 0, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true }) { FontId = 4, BorderId = 1, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Left, Vertical = VerticalAlignmentValues.Center, WrapText = true }) { FontId = 2, BorderId = 1, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Right, Vertical = VerticalAlignmentValues.Center }) { FontId = 2, BorderId = 1, NumberFormatId = 164, ApplyNumberFormat = true, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Left }) { FontId = 2, BorderId = 0, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Left, WrapText = true }) { FontId = 3, BorderId = 0, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Right, Vertical = VerticalAlignmentValues.Center }) { FontId = 2, BorderId = 1, NumberFormatId = 1, ApplyNumberFormat = true, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Right }) { FontId = 2, BorderId = 0, ApplyFont = true, ApplyAlignment = true })
        { Count = 9 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private sealed class StringTable(SharedStringTable table)
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public int Get(string s)
        {
            if (_index.TryGetValue(s, out var i)) return i;
            table.AppendChild(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(s) { Space = SpaceProcessingModeValues.Preserve }));
            _index[s] = i = _index.Count;
            return i;
        }
    }

    private static string Col(int c)
    {
        var s = "";
        for (c++; c > 0; c = (c - 1) / 26) s = (char)('A' + (c - 1) % 26) + s;
        return s;
    }

    private static Worksheet Render(SheetModel m, StringTable sst)
    {
        var width = m.Width;
        var data = new SheetData();
        var merges = new List<string>();
        uint r = 0;
        Row NewRow() => data.AppendChild(new Row { RowIndex = ++r });
        void TextCell(Row row, int c, string text, uint style)
        {
            row.Append(new Cell { CellReference = Col(c) + r, DataType = CellValues.SharedString, CellValue = new CellValue(sst.Get(text)), StyleIndex = style });
        }
        void Merge(uint row, int c1, int c2, uint row2 = 0) => merges.Add($"{Col(c1)}{row}:{Col(c2)}{(row2 == 0 ? row : row2)}");

        var title = NewRow();
        TextCell(title, 0, m.Title, STitle);
        if (width > 1) Merge(r, 0, width - 1);
        var number = NewRow();
        TextCell(number, width - 1, m.Number, SMetaRight);
        var meta = NewRow();
        TextCell(meta, 0, m.Department, SMeta);
        if (width > 2) TextCell(meta, width / 2, m.Year, SMeta);
        TextCell(meta, width - 1, m.Unit, SMetaRight);

        var headerStart = r + 1;
        foreach (var hr in m.Header)
        {
            var row = NewRow();
            for (var c = 0; c < width; c++) TextCell(row, c, c < hr.Count ? hr[c] : "", SHeader);
        }
        foreach (var (r1, c1, r2, c2) in m.HeaderMerges) Merge(headerStart + (uint)r1, c1, c2, headerStart + (uint)r2);
        foreach (var br in m.Body)
        {
            var row = NewRow();
            for (var c = 0; c < width; c++)
            {
                var cell = c < br.Count ? br[c] : XCell.Empty;
                if (cell.Number is { } n)
                    row.Append(new Cell { CellReference = Col(c) + r, DataType = CellValues.Number, CellValue = new CellValue(n), StyleIndex = cell.IsCount ? SCount : SAmount });
                else if (cell.Text.Length > 0 || !cell.Blank) TextCell(row, c, cell.Text, cell.Header ? SHeader : SText);
                else row.Append(new Cell { CellReference = Col(c) + r, StyleIndex = cell.IsAmountSlot ? SAmount : SText });
            }
        }
        foreach (var note in m.Notes)
        {
            var row = NewRow();
            TextCell(row, 0, note, SNote);
            if (width > 1) Merge(r, 0, width - 1);
        }

        var ws = new Worksheet();
        var cols = new Columns();
        for (var c = 0; c < width; c++)
            cols.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = m.ColumnWidth(c), CustomWidth = true });
        ws.Append(cols);
        ws.Append(data);
        if (merges.Count > 0) ws.Append(new MergeCells(merges.Select(x => new MergeCell { Reference = x })) { Count = (uint)merges.Count });
        ws.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        ws.Append(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        return ws;
    }
}

/// <summary>A cell to write: text, a number (amount or count), or an empty slot.</summary>
internal sealed record XCell(string Text, decimal? Number = null, bool IsCount = false, bool Header = false, bool IsAmountSlot = false)
{
    public static readonly XCell Empty = new("");
    public bool Blank => Number is null && Text.Length == 0;

    public static XCell T(string? s) => new(s ?? "");
    public static XCell H(string s) => new(s, Header: true);

    /// <summary>An amount: its value when it has one, its text when it is not a number, an empty amount slot when blank.</summary>
    public static XCell A(Figure? f) => f?.Value is { } v ? new XCell("", v) : f?.IsBlank == false ? new XCell(f.Text!) : new XCell("", IsAmountSlot: true);

    public static XCell C(Figure? f) => f?.Value is { } v ? new XCell("", v, IsCount: true) : f?.IsBlank == false ? new XCell(f.Text!) : new XCell("", IsAmountSlot: true);
}

/// <summary>One sheet: title, number, meta line, header rows with merges, body rows and notes.</summary>
internal sealed class SheetModel
{
    public string Title { get; init; } = "";
    public string Number { get; init; } = "";
    public string Department { get; init; } = "";
    public string Year { get; init; } = "";
    public string Unit { get; init; } = "";
    public List<List<string>> Header { get; } = [];
    public List<(int R1, int C1, int R2, int C2)> HeaderMerges { get; } = [];
    public List<List<XCell>> Body { get; } = [];
    public List<string> Notes { get; } = [];
    public int Width => Math.Max(Header.Count == 0 ? 0 : Header.Max(h => h.Count), Body.Count == 0 ? 0 : Body.Max(b => b.Count));

    public double ColumnWidth(int c)
    {
        var texts = Header.Select(h => c < h.Count ? h[c] : "").Concat(Body.Select(b => c < b.Count ? b[c].Text : ""));
        var longest = texts.Select(t => CoreText.Compact(t).Length).DefaultIfEmpty(0).Max();
        var hasNumbers = Body.Any(b => c < b.Count && b[c].Number is not null);
        return Math.Clamp(Math.Max(longest * 2.2, hasNumbers ? 16 : 8), 8, 48);
    }
}
