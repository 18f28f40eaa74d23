using System.IO.Compression;
using System.Text;
using Jixiao.Bench.Generator;
using Jixiao.Core.Model;
using Jixiao.Documents.Export;
using Jixiao.Documents.FinalAccounts;
using Jixiao.Documents.Tests.FinalAccounts;
using Jixiao.Documents.Tests.Fixtures;
using Jixiao.Documents.Xlsx;
using Jixiao.Tests;

namespace Jixiao.Documents.Tests.Xlsx;

/// <summary>
/// The streaming loader (<see cref="XlsxWorkbook"/> → <see cref="XlsxGridLoader"/>) gives the same grids as the
/// ExcelDataReader loader it replaced (<see cref="LegacyXlsxGridLoader"/>): every cell's text, number and (file,
/// sheet, cell), every row's width, every merge — on every workbook the tests use, on generated tables, and on
/// hand-written packages with the parts Excel and other writers produce. The final-accounts reader's rows too.
/// </summary>
public class XlsxLoaderEquivalenceTests
{
    public static IEnumerable<(string Name, byte[] Bytes)> Workbooks()
    {
        foreach (var seed in new[] { "000", "001", "004" })
            yield return ($"seed-model-{seed}.xlsx", TableXlsxWriter.Write(XlsxRoundTripTests.Model(seed)));
        foreach (var args in SeedRoundTripTests.SeedTables())
            yield return ($"seed-{args[0]}-{args[1]}.xlsx", TableXlsxWriter.Write(SeedRoundTripTests.Table((string)args[0], (int)args[1])));
        yield return ("variant.xlsx", XlsxVariantTests.Workbook());
        yield return ("empty.xlsx", XlsxBuilder.Build([new SheetSpec("空")]));
        yield return ("final-accounts.xlsx", FinalAccountsXlsxWriter.Write(
            FinalAccountsTextReader.Read(SeedFiles.FenyangName, SeedFiles.Lines(SeedFiles.FenyangName))!.Disclosure));
        yield return ("final-accounts-hand-made.xlsx", FinalAccountsXlsxTests.HandMadeWorkbook());
        yield return ("minimal.xlsx", HostileFiles.MinimalXlsx([["项目支出绩效自评表"], ["年度资金总额", "100", "96.21"]]));
        yield return (HostileFiles.Get("other-template-xlsx").FileName, HostileFiles.Get("other-template-xlsx").Bytes);
        yield return ("excel-parts.xlsx", ExcelParts(date1904: false));
        yield return ("excel-parts-1904.xlsx", ExcelParts(date1904: true));
    }

    public static TheoryData<string> Names() => [.. Workbooks().Select(w => w.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Same_grids_as_the_legacy_loader(string name)
    {
        var bytes = Workbooks().Single(w => w.Name == name).Bytes;
        AssertSameGrids(name, bytes);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Same_final_accounts_rows_as_the_legacy_reader(string name)
    {
        var bytes = Workbooks().Single(w => w.Name == name).Bytes;
        AssertSameFinalAccountsRows(name, bytes);
    }

    [Fact]
    public void Same_grids_on_generated_tables()
    {
        var generator = new TableGenerator(new GeneratorOptions { Seed = 7 });
        for (var i = 0; i < 150; i++)
        {
            var table = generator.Generate(i).Table;
            var bytes = DocumentExporter.Export(table, ExportFormat.Xlsx).Content;
            AssertSameGrids($"gen-{i}.xlsx", bytes);
            if (i % 10 == 0) AssertSameFinalAccountsRows($"gen-{i}.xlsx", bytes);
        }
    }

    /// <summary>
    /// The XML reader's path (non-UTF-8 parts) gives what the scanner gives. Not compared with the legacy loader: its
    /// error-cell pass looked for t="e" in the raw bytes and missed #DIV/0! in UTF-16 sheets.
    /// </summary>
    [Fact]
    public void A_utf16_worksheet_reads_as_its_utf8_twin()
    {
        var utf8 = XlsxGridLoader.Load("p.xlsx", new MemoryStream(ExcelParts(date1904: false)));
        var utf16 = XlsxGridLoader.Load("p.xlsx", new MemoryStream(ExcelParts(date1904: false, utf16: true)));
        for (var s = 0; s < utf8.Count; s++)
        {
            Assert.Equal(utf8[s].RowCount, utf16[s].RowCount);
            for (var r = 0; r < utf8[s].RowCount; r++)
                Assert.Equal(Enumerable.Range(0, utf8[s].ColumnCount(r)).Select(c => utf8[s].Cell(r, c)), Enumerable.Range(0, utf16[s].ColumnCount(r)).Select(c => utf16[s].Cell(r, c)));
        }
    }

    [Fact]
    public void The_hand_written_package_has_what_it_is_meant_to_test()
    {
        // Guards the comparison above from passing on a workbook the loader reads as nothing.
        var grids = XlsxGridLoader.Load("p.xlsx", new MemoryStream(ExcelParts(date1904: false)));
        Assert.Equal(["边界", "空表", "第三"], grids.Select(g => g.Sheet));
        var g = grids[0];
        Assert.Equal("标题", g.Text(1, 1));
        Assert.Equal("多段", g.Text(1, 2));
        Assert.Equal("C2", g.Cell(1, 2)!.At.Cell);
        Assert.Equal("富 文本 ", g.Text(1, 4));
        Assert.Equal("1234.5", g.Text(2, 0));
        Assert.Equal(0.1m, g.Cell(2, 1)!.Number);
        Assert.Equal("0.10", g.Text(2, 1));
        Assert.Equal("2024-01-01", g.Text(2, 2));
        Assert.Equal("2024年1月1日", g.Text(2, 3));
        Assert.Equal("TRUE", g.Text(2, 4));
        Assert.Equal("#DIV/0!", g.Text(2, 5));
        Assert.True(g.Cell(2, 5)!.IsError);
        Assert.Equal("公式文本", g.Text(2, 6));
        Assert.Equal("#VALUE!", g.Text(4, 4));
        Assert.Equal("-1,234,567.89", g.Text(4, 1));
        Assert.Equal("第一行\n第二行", g.Text(6, 0));
        Assert.Equal(new GridRange(1, 1, 1, 3), g.MergeAt(1, 2));
        Assert.Empty(grids[1].Merges);
        Assert.Equal(0, grids[1].RowCount);
        Assert.Equal("第三张表", grids[2].Text(0, 0));
    }

    private static void AssertSameGrids(string name, byte[] bytes)
    {
        var expected = LegacyXlsxGridLoader.Load(name, new MemoryStream(bytes));
        var actual = XlsxGridLoader.Load(name, new MemoryStream(bytes));
        Assert.Equal(expected.Select(g => g.Sheet), actual.Select(g => g.Sheet));
        for (var s = 0; s < expected.Count; s++)
        {
            var (e, a) = (expected[s], actual[s]);
            Assert.True(e.RowCount == a.RowCount, $"{name} {e.Sheet}: {e.RowCount} 行，新读取器 {a.RowCount} 行");
            for (var r = 0; r < e.RowCount; r++)
            {
                Assert.True(e.ColumnCount(r) == a.ColumnCount(r), $"{name} {e.Sheet} 第 {r + 1} 行: {e.ColumnCount(r)} 列，新读取器 {a.ColumnCount(r)} 列");
                for (var c = 0; c < e.ColumnCount(r); c++)
                    Assert.True(e.Cell(r, c) == a.Cell(r, c), $"{name} {e.Sheet} {XlsxGridLoader.CellName(r, c)}: “{e.Cell(r, c)}” ≠ “{a.Cell(r, c)}”");
            }
            Assert.Equal(e.Merges.OrderBy(m => (m.Row1, m.Col1)), a.Merges.OrderBy(m => (m.Row1, m.Col1)));
        }
    }

    private static void AssertSameFinalAccountsRows(string name, byte[] bytes)
    {
        var expected = LegacyXlsxGridLoader.FinalAccountsRows(name, bytes);
        var workbook = XlsxWorkbook.Open(name, new MemoryStream(bytes));
        Assert.Equal(expected.Count, workbook.Sheets.Count);
        for (var s = 0; s < expected.Count; s++)
        {
            var actual = FinalAccountsXlsxReader.Rows(name, workbook.Sheets[s]);
            Assert.True(expected[s].Count == actual.Count, $"{name} 第 {s + 1} 张表: {expected[s].Count} 行，新读取器 {actual.Count} 行");
            for (var r = 0; r < actual.Count; r++)
            {
                Assert.Equal(expected[s][r].At, actual[r].At);
                Assert.Equal(expected[s][r].Cells, actual[r].Cells);
            }
        }
    }

    private const string Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>
    /// A package written by hand, the way Excel and other tools write it (no namespace prefix): shared strings with
    /// rich-text and phonetic runs and surrounding spaces, inline strings, cells and rows without an r attribute,
    /// gaps, built-in and custom number formats, dates, percentages, booleans, error cells with and without a value,
    /// formula strings, _x000D_ escapes, merges, sheets listed in another order than their parts.
    /// </summary>
    internal static byte[] ExcelParts(bool date1904, bool utf16 = false)
    {
        var sheet1 = $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="{Ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:G8"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><cols><col min="1" max="3" width="12" customWidth="1"/></cols><sheetData>
            <row r="2" spans="2:5"><c r="B2" t="s"><v>0</v></c><c t="s"><v>1</v></c><c r="E2" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve"> 文本 </t></r></is></c></row>
            <row><c r="A3"><v>1234.5</v></c><c r="B3" s="1"><v>0.1</v></c><c r="C3" s="2"><v>45292</v></c><c r="D3" s="3"><v>45292</v></c><c r="E3" t="b"><v>1</v></c><c r="F3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="G3" t="str"><f>A1</f><v>公式文本</v></c></row>
            <row r="5"><c r="A5" s="4"><v>0.59525</v></c><c r="B5" s="5"><v>-1234567.891</v></c><c r="C5" t="s"><v>2</v></c><c r="D5" t="s"><v>3</v></c><c r="E5" t="e"><f>NA()</f></c><c r="F5" t="n"><v>1E-3</v></c><c r="G5" s="7"><v>49537.02</v></c></row>
            <row r="6" ht="20" customHeight="1"><c r="A6" s="1"/><c r="B6" s="1"/></row>
            <row r="7"><c r="A7" t="inlineStr"><is><t>第一行_x000D_
            第二行</t></is></c><c r="B7" s="5"><f>SUM(B5:B5)</f><v>-1234567.891</v></c><c r="C7" t="b"><v>0</v></c><c r="D7" s="8"><v>120000</v></c></row>
            <row r="8"><c r="A8" s="1"/></row>
            </sheetData><mergeCells count="2"><mergeCell ref="B2:D2"/><mergeCell ref="A7:A8"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>
            """;
        var sheet2 = $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Ns}"><sheetData/></worksheet>""";
        var sheet3 = $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Ns}"><sheetData><row r="1"><c r="A1" t="s"><v>4</v></c></row></sheetData></worksheet>""";
        var sst = $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="{Ns}" count="5" uniqueCount="5"><si><t>标题</t></si><si><r><t>多</t></r><r><rPr><sz val="9"/></rPr><t>段</t></r><rPh sb="0" eb="1"><t>た</t></rPh><phoneticPr fontId="1"/></si><si><t>  前后空格  </t></si><si><t xml:space="preserve">  保留空格  </t></si><si><t>第三张表</t></si></sst>
            """;
        var styles = $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="{Ns}"><numFmts count="3"><numFmt numFmtId="164" formatCode="#,##0.00"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="166" formatCode="0.00&quot;%&quot;"/></numFmts>
            <fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
            <cellXfs count="9"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
            <cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>
            """;
        var workbook = $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="{Ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr{(date1904 ? " date1904=\"1\"" : "")} defaultThemeVersion="124226"/><bookViews><workbookView/></bookViews><sheets><sheet name="边界" sheetId="1" r:id="rId3"/><sheet name="空表" sheetId="2" r:id="rId1"/><sheet name="第三" sheetId="3" r:id="rId2"/></sheets><calcPr calcId="191029"/></workbook>
            """;
        const string rt = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var rels = $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rt}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId2" Type="{rt}/worksheet" Target="/xl/worksheets/sheet3.xml"/><Relationship Id="rId3" Type="{rt}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId4" Type="{rt}/styles" Target="styles.xml"/><Relationship Id="rId5" Type="{rt}/sharedStrings" Target="sharedStrings.xml"/></Relationships>
            """;
        var contentTypes = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>
            """;
        var root = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """;
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, xml) in new[]
            {
                ("[Content_Types].xml", contentTypes), ("_rels/.rels", root), ("xl/workbook.xml", workbook),
                ("xl/_rels/workbook.xml.rels", rels), ("xl/styles.xml", styles), ("xl/sharedStrings.xml", sst),
                ("xl/worksheets/sheet1.xml", sheet1), ("xl/worksheets/sheet2.xml", sheet2), ("xl/worksheets/sheet3.xml", sheet3),
            })
            {
                using var s = zip.CreateEntry(path).Open();
                var text = xml.Replace("\r\n", "\n");
                // The worksheet and shared strings in UTF-16 take the XML reader's path instead of the UTF-8 scanner's.
                if (utf16 && path is "xl/worksheets/sheet1.xml" or "xl/sharedStrings.xml")
                    s.Write([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text.Replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\""))]);
                else
                    s.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return ms.ToArray();
    }
}
