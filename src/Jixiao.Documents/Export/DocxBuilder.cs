using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jixiao.Documents.Export;

/// <summary>
/// A thin helper over the OpenXml SDK for official-document (公文) style .docx: A4, 公文 margins, 方正小标宋简体 title,
/// 黑体 / 楷体_GB2312 headings, 仿宋_GB2312 三号 body with a two-character first-line indent and 28 pt line spacing,
/// page numbers "— n —" in the footer, and simple bordered tables.
/// </summary>
internal sealed class DocxBuilder
{
    public const string TitleFont = "方正小标宋简体";
    public const string Heading1Font = "黑体";
    public const string Heading2Font = "楷体_GB2312";
    public const string BodyFont = "仿宋_GB2312";
    public const string TableFont = "宋体";

    private readonly List<OpenXmlElement> _body = [];

    public void Title(string text)
    {
        foreach (var line in BreakTitle(text))
            _body.Add(Para(line, TitleFont, 44, bold: false, JustificationValues.Center, indent: false, spacingAfter: 0, lineTwips: 700));
        _body.Add(Para("", BodyFont, 32, false, JustificationValues.Left, false, 0));
    }

    /// <summary>
    /// Splits a long title into two balanced lines at a natural break (before 转移支付 / 项目支出 / 绩效自评 / the
    /// year / 的函), as official documents set them, instead of leaving one orphan character on the second line.
    /// </summary>
    internal static IEnumerable<string> BreakTitle(string text, int maxChars = 19)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw;
            while (line.Length > maxChars)
            {
                var cands = new SortedSet<int>();
                foreach (var word in new[] { "关于", "转移支付", "项目支出", "绩效自评", "绩效目标", "的函", "《" })
                    for (var i = line.IndexOf(word, 1, StringComparison.Ordinal); i > 0; i = line.IndexOf(word, i + 1, StringComparison.Ordinal))
                        cands.Add(i);
                for (var i = line.IndexOf('》'); i >= 0; i = line.IndexOf('》', i + 1)) cands.Add(i + 1);
                for (var i = 1; i + 4 < line.Length; i++)
                    if (char.IsAsciiDigit(line[i]) && !char.IsAsciiDigit(line[i - 1]) && line[i + 4] == '年' && line[i - 1] != '《') cands.Add(i);
                // When the rest fits on one more line, break as evenly as possible; else as late as possible.
                int best;
                if (line.Length <= 2 * maxChars)
                    best = cands.Where(c => c <= maxChars && line.Length - c <= maxChars).OrderBy(c => Math.Abs(line.Length - 2 * c)).DefaultIfEmpty(-1).First();
                else
                    best = cands.Where(c => c <= maxChars && c >= maxChars / 2).DefaultIfEmpty(-1).Max();
                if (best <= 0) best = line.Length <= 2 * maxChars ? (line.Length + 1) / 2 : maxChars;
                yield return line[..best];
                line = line[best..];
            }
            yield return line;
        }
    }

    public void Heading(int level, string text)
    {
        var font = level switch { 1 => Heading1Font, 2 => Heading2Font, _ => BodyFont };
        _body.Add(Para(text, font, 32, bold: level >= 3, JustificationValues.Left, indent: true, spacingAfter: 0));
    }

    /// <summary>Body text: each line of <paramref name="text"/> becomes an indented paragraph.</summary>
    public void Body(string? text, bool indent = true)
    {
        if (string.IsNullOrEmpty(text)) return;
        foreach (var line in text.Split('\n'))
            _body.Add(Para(line, BodyFont, 32, false, JustificationValues.Both, indent, 0));
    }

    public void Line(string text, JustificationValues align, bool indent = false) =>
        _body.Add(Para(text, BodyFont, 32, false, align, indent, 0));

    public void Blank() => _body.Add(Para("", BodyFont, 32, false, JustificationValues.Left, false, 0));

    /// <summary>An empty bordered table (a drawing without text, for tests of text-less PDFs).</summary>
    public void EmptyTable(int rows, int cols) =>
        Table(Enumerable.Repeat(1500, cols).ToList(), Enumerable.Range(0, rows).Select(_ => (IReadOnlyList<string?>)new string?[cols]).ToList());

    /// <summary>Hanging-indent paragraph such as "附件：1.…" with following lines aligned under the first item.</summary>
    public void Hanging(string text, int hangingChars)
    {
        var p = Para(text, BodyFont, 32, false, JustificationValues.Left, indent: false, 0);
        var pPr = p.GetFirstChild<ParagraphProperties>()!;
        pPr.Indentation = new Indentation { Left = (hangingChars * 320).ToString(), Hanging = (hangingChars * 320).ToString() };
        _body.Add(p);
    }

    /// <summary>A bordered table; the first row is the header. Widths in twips (dxa). Cells with "\n" get several paragraphs.</summary>
    public void Table(IReadOnlyList<int> widths, IReadOnlyList<IReadOnlyList<string?>> rows, IReadOnlySet<int>? rightAligned = null)
    {
        var table = new Table();
        var border = (uint)4;
        table.Append(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = widths.Sum().ToString() },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = border },
                new LeftBorder { Val = BorderValues.Single, Size = border },
                new BottomBorder { Val = BorderValues.Single, Size = border },
                new RightBorder { Val = BorderValues.Single, Size = border },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = border },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = border }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })));
        var grid = new TableGrid();
        foreach (var w in widths) grid.Append(new GridColumn { Width = w.ToString() });
        table.Append(grid);
        for (var r = 0; r < rows.Count; r++)
        {
            var tr = new TableRow();
            if (r == 0) tr.Append(new TableRowProperties(new TableHeader()));
            for (var c = 0; c < widths.Count; c++)
            {
                var text = c < rows[r].Count ? rows[r][c] ?? "" : "";
                var tc = new TableCell(new TableCellProperties(
                    new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = widths[c].ToString() },
                    new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }));
                var align = r == 0 ? JustificationValues.Center
                    : rightAligned?.Contains(c) == true ? JustificationValues.Right : JustificationValues.Left;
                foreach (var line in text.Split('\n'))
                    tc.Append(Para(line, TableFont, 21, bold: r == 0, align, indent: false, 0, lineTwips: 300));
                tr.Append(tc);
            }
            table.Append(tr);
        }
        _body.Add(table);
        _body.Add(Para("", BodyFont, 21, false, JustificationValues.Left, false, 0, lineTwips: 300));
    }

    private static Paragraph Para(string text, string font, int halfPoints, bool bold, JustificationValues align, bool indent, int spacingAfter, int lineTwips = 560)
    {
        var pPr = new ParagraphProperties(
            new SpacingBetweenLines { After = spacingAfter.ToString(), Before = "0", Line = lineTwips.ToString(), LineRule = LineSpacingRuleValues.Exact },
            new Justification { Val = align });
        if (indent) pPr.Append(new Indentation { FirstLineChars = 200, FirstLine = (halfPoints * 20).ToString() });
        var p = new Paragraph(pPr);
        if (text.Length > 0) p.Append(MakeRun(text, font, halfPoints, bold));
        return p;
    }

    private static Run MakeRun(string text, string font, int halfPoints, bool bold)
    {
        var rPr = new RunProperties(
            new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font, Hint = FontTypeHintValues.EastAsia });
        if (bold) rPr.Append(new Bold());
        rPr.Append(new FontSize { Val = halfPoints.ToString() }, new FontSizeComplexScript { Val = halfPoints.ToString() });
        return new Run(rPr, new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    public byte[] Build(string? title) => Build(title, pageNumbers: true);

    public byte[] Build(string? title, bool pageNumbers)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var stylesPart = main.AddNewPart<StyleDefinitionsPart>();
            stylesPart.Styles = new Styles(new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = BodyFont, HighAnsi = BodyFont, EastAsia = BodyFont, ComplexScript = BodyFont },
                    new FontSize { Val = "32" },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault()));

            var footer = pageNumbers ? main.AddNewPart<FooterPart>() : null;
            if (footer is not null) footer.Footer = new Footer(new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                MakeRun("— ", TableFont, 28, false),
                new Run(new RunProperties(new FontSize { Val = "28" }), new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new RunProperties(new FontSize { Val = "28" }), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new RunProperties(new FontSize { Val = "28" }), new FieldChar { FieldCharType = FieldCharValues.Separate }),
                MakeRun("1", TableFont, 28, false),
                new Run(new RunProperties(new FontSize { Val = "28" }), new FieldChar { FieldCharType = FieldCharValues.End }),
                MakeRun(" —", TableFont, 28, false)));

            var body = new Body();
            foreach (var e in _body) body.Append(e);
            var sect = new SectionProperties();
            if (footer is not null) sect.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) });
            body.Append(sect);
            sect.Append(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992, Gutter = 0 },
                new DocGrid { LinePitch = 312 });
            main.Document = new Document(body);
            if (title is not null)
            {
                doc.PackageProperties.Title = title;
                doc.PackageProperties.Creator = "Jixiao";
            }
        }
        return ms.ToArray();
    }
}
