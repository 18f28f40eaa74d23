using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jixiao.Documents.Export;

/// <summary>Horizontal alignment of a cell.</summary>
internal enum HAlign { Left, Center, Right }

/// <summary>The look of a cell: font, border, alignment, number format. Value type so it can key the style table.</summary>
internal readonly record struct CellStyle(
    CellFont Font = CellFont.Body,
    bool Border = true,
    HAlign Align = HAlign.Left,
    bool Wrap = true,
    string? NumberFormat = null);

internal enum CellFont { Body, Bold, Title, Subtitle, Small }

/// <summary>One cell to write: text, a number, a formula with its cached value, or a spreadsheet error.</summary>
internal sealed class CellSpec
{
    public string? Text { get; init; }
    public decimal? Number { get; init; }
    public string? Formula { get; init; }
    /// <summary>A cached error value such as "#DIV/0!" (with <see cref="Formula"/>).</summary>
    public string? Error { get; init; }
    public CellStyle Style { get; init; }
}

/// <summary>A sheet being assembled in memory: cells by (row, column), 1-based; merges; widths and heights.</summary>
internal sealed class SheetSpec(string name)
{
    public string Name { get; } = name;
    public Dictionary<(int Row, int Col), CellSpec> Cells { get; } = [];
    public List<(int R1, int C1, int R2, int C2)> Merges { get; } = [];
    public Dictionary<int, double> ColumnWidths { get; } = [];
    public Dictionary<int, double> RowHeights { get; } = [];
    public bool Landscape { get; set; } = true;
    public int MaxRow => Cells.Count == 0 ? 0 : Cells.Keys.Max(k => k.Row);
    public int MaxCol => Cells.Count == 0 ? 0 : Cells.Keys.Max(k => k.Col);

    public void Text(int row, int col, string? text, CellStyle style) =>
        Cells[(row, col)] = new CellSpec { Text = text, Style = style };

    public void Put(int row, int col, CellSpec cell) => Cells[(row, col)] = cell;

    /// <summary>Merges a range; the covered cells get the same style (so borders are drawn around the whole range).</summary>
    public void Merge(int r1, int c1, int r2, int c2, CellStyle style)
    {
        for (var r = r1; r <= r2; r++)
            for (var c = c1; c <= c2; c++)
                if (r != r1 || c != c1)
                    Cells[(r, c)] = new CellSpec { Style = style };
        if (r1 != r2 || c1 != c2) Merges.Add((r1, c1, r2, c2));
    }

    /// <summary>Writes text into a range and merges it.</summary>
    public void TextMerged(int r1, int c1, int r2, int c2, string? text, CellStyle style)
    {
        Merge(r1, c1, r2, c2, style);
        Text(r1, c1, text, style);
    }
}

/// <summary>
/// A thin helper over the OpenXml SDK that writes <see cref="SheetSpec"/>s into a workbook with our own
/// stylesheet: Chinese fonts, thin borders, wrap, number formats, A4 landscape fit-to-width print setup.
/// </summary>
internal static class XlsxBuilder
{
    /// <summary>The font named in the workbook. LibreOffice on Linux substitutes a CJK face (see PdfConverter's font aliases).</summary>
    public const string FontName = "宋体";

    public static byte[] Build(IReadOnlyList<SheetSpec> sheets, string? title = null)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wbPart = doc.AddWorkbookPart();
            var styles = new StyleTable();
            var shared = new SharedStrings();
            var sheetsEl = new Sheets();
            var definedNames = new DefinedNames();
            uint id = 1;
            foreach (var spec in sheets)
            {
                var wsPart = wbPart.AddNewPart<WorksheetPart>();
                wsPart.Worksheet = BuildWorksheet(spec, styles, shared);
                sheetsEl.Append(new Sheet { Id = wbPart.GetIdOfPart(wsPart), SheetId = id, Name = spec.Name });
                var maxCol = Math.Max(1, spec.MaxCol);
                definedNames.Append(new DefinedName($"'{spec.Name.Replace("'", "''")}'!$A$1:${ColumnName(maxCol)}${Math.Max(1, spec.MaxRow)}")
                {
                    Name = "_xlnm.Print_Area",
                    LocalSheetId = id - 1,
                });
                id++;
            }
            var stylesPart = wbPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = styles.ToStylesheet();
            var sstPart = wbPart.AddNewPart<SharedStringTablePart>();
            sstPart.SharedStringTable = shared.ToTable();
            wbPart.Workbook = new Workbook(
                new BookViews(new WorkbookView()),
                sheetsEl,
                definedNames,
                new CalculationProperties { CalculationId = 191029, FullCalculationOnLoad = false });
            if (title is not null)
            {
                doc.PackageProperties.Title = title;
                doc.PackageProperties.Creator = "Jixiao";
            }
        }
        return ms.ToArray();
    }

    private static Worksheet BuildWorksheet(SheetSpec spec, StyleTable styles, SharedStrings shared)
    {
        var ws = new Worksheet();
        ws.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        ws.Append(new SheetViews(new SheetView { WorkbookViewId = 0, ShowGridLines = false }));
        ws.Append(new SheetFormatProperties { DefaultRowHeight = 14.25 });
        if (spec.ColumnWidths.Count > 0)
        {
            var cols = new Columns();
            foreach (var (c, w) in spec.ColumnWidths.OrderBy(kv => kv.Key))
                cols.Append(new Column { Min = (uint)c, Max = (uint)c, Width = w, CustomWidth = true });
            ws.Append(cols);
        }
        var data = new SheetData();
        foreach (var rowGroup in spec.Cells.GroupBy(kv => kv.Key.Row).OrderBy(g => g.Key))
        {
            var row = new Row { RowIndex = (uint)rowGroup.Key };
            if (spec.RowHeights.TryGetValue(rowGroup.Key, out var h))
            {
                row.Height = h;
                row.CustomHeight = true;
            }
            foreach (var (key, cell) in rowGroup.OrderBy(kv => kv.Key.Col))
                row.Append(BuildCell(key.Row, key.Col, cell, styles, shared));
            data.Append(row);
        }
        ws.Append(data);
        if (spec.Merges.Count > 0)
        {
            var merges = new MergeCells();
            foreach (var (r1, c1, r2, c2) in spec.Merges)
                merges.Append(new MergeCell { Reference = $"{ColumnName(c1)}{r1}:{ColumnName(c2)}{r2}" });
            ws.Append(merges);
        }
        ws.Append(new PrintOptions { HorizontalCentered = true });
        ws.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        ws.Append(new PageSetup
        {
            PaperSize = 9,
            Orientation = spec.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
            FitToWidth = 1,
            FitToHeight = 0,
        });
        ws.Append(new HeaderFooter(new OddFooter("&C第 &P 页，共 &N 页")));
        return ws;
    }

    private static Cell BuildCell(int row, int col, CellSpec spec, StyleTable styles, SharedStrings shared)
    {
        var cell = new Cell { CellReference = $"{ColumnName(col)}{row}", StyleIndex = styles.IndexOf(spec.Style) };
        if (spec.Formula is not null)
        {
            cell.CellFormula = new CellFormula(spec.Formula);
            if (spec.Error is not null)
            {
                cell.DataType = CellValues.Error;
                cell.CellValue = new CellValue(spec.Error);
            }
            else if (spec.Number is { } v)
            {
                cell.CellValue = new CellValue(v.ToString(CultureInfo.InvariantCulture));
            }
            else if (spec.Text is not null)
            {
                cell.DataType = CellValues.String;
                cell.CellValue = new CellValue(spec.Text);
            }
        }
        else if (spec.Number is { } n)
        {
            cell.CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture));
        }
        else if (!string.IsNullOrEmpty(spec.Text))
        {
            cell.DataType = CellValues.SharedString;
            cell.CellValue = new CellValue(shared.IndexOf(spec.Text).ToString(CultureInfo.InvariantCulture));
        }
        return cell;
    }

    public static string ColumnName(int col)
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

    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _items = [];

        public int IndexOf(string s)
        {
            if (_index.TryGetValue(s, out var i)) return i;
            _items.Add(s);
            return _index[s] = _items.Count - 1;
        }

        public SharedStringTable ToTable()
        {
            var t = new SharedStringTable { Count = (uint)_items.Count, UniqueCount = (uint)_items.Count };
            foreach (var s in _items)
            {
                var text = new DocumentFormat.OpenXml.Spreadsheet.Text(s);
                if (s.Length > 0 && (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]) || s.Contains('\n')))
                    text.Space = SpaceProcessingModeValues.Preserve;
                t.Append(new SharedStringItem(text));
            }
            return t;
        }
    }

    /// <summary>The stylesheet: fonts, fills (two required), borders, custom number formats (ids ≥ 164) and cellXfs.</summary>
    private sealed class StyleTable
    {
        private readonly List<CellStyle> _styles = [new CellStyle(Border: false, Wrap: false)];
        private readonly Dictionary<CellStyle, uint> _index = [];
        private readonly Dictionary<string, uint> _numFmts = new(StringComparer.Ordinal);

        public StyleTable() => _index[_styles[0]] = 0;

        public uint IndexOf(CellStyle style)
        {
            if (_index.TryGetValue(style, out var i)) return i;
            _styles.Add(style);
            if (style.NumberFormat is { } f && !_numFmts.ContainsKey(f)) _numFmts[f] = (uint)(164 + _numFmts.Count);
            return _index[style] = (uint)(_styles.Count - 1);
        }

        private static Font MakeFont(double size, bool bold)
        {
            var f = new Font();
            if (bold) f.Append(new Bold());
            f.Append(new FontSize { Val = size });
            f.Append(new FontName { Val = FontName });
            f.Append(new FontFamilyNumbering { Val = 3 });
            f.Append(new FontCharSet { Val = 134 });
            return f;
        }

        public Stylesheet ToStylesheet()
        {
            var numFmts = new NumberingFormats();
            foreach (var (code, id) in _numFmts.OrderBy(kv => kv.Value))
                numFmts.Append(new NumberingFormat { NumberFormatId = id, FormatCode = code });
            numFmts.Count = (uint)_numFmts.Count;

            var fonts = new Fonts(
                MakeFont(10.5, false),  // Body
                MakeFont(10.5, true),   // Bold
                MakeFont(18, true),     // Title
                MakeFont(12, false),    // Subtitle
                MakeFont(9, false))     // Small
            { Count = 5 };
            var fills = new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
            { Count = 2 };
            var borders = new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(
                    new LeftBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                    new RightBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                    new TopBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                    new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                    new DiagonalBorder()))
            { Count = 2 };
            var xfs = new CellFormats { Count = (uint)_styles.Count };
            foreach (var s in _styles)
            {
                var xf = new CellFormat
                {
                    FontId = (uint)s.Font,
                    FillId = 0,
                    BorderId = s.Border ? 1u : 0u,
                    NumberFormatId = s.NumberFormat is { } f ? _numFmts[f] : 0u,
                    ApplyFont = true,
                    ApplyBorder = s.Border,
                    ApplyNumberFormat = s.NumberFormat is not null,
                    ApplyAlignment = true,
                };
                xf.Append(new Alignment
                {
                    Horizontal = s.Align switch
                    {
                        HAlign.Center => HorizontalAlignmentValues.Center,
                        HAlign.Right => HorizontalAlignmentValues.Right,
                        _ => HorizontalAlignmentValues.Left,
                    },
                    Vertical = VerticalAlignmentValues.Center,
                    WrapText = s.Wrap,
                });
                xfs.Append(xf);
            }
            var sheet = new Stylesheet();
            if (_numFmts.Count > 0) sheet.Append(numFmts);
            sheet.Append(fonts, fills, borders,
                new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
                xfs,
                new CellStyles(new DocumentFormat.OpenXml.Spreadsheet.CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
            return sheet;
        }
    }
}
