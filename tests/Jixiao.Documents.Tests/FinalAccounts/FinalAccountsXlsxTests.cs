using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Core.FinalAccounts;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Documents.FinalAccounts;

namespace Jixiao.Documents.Tests.FinalAccounts;

public class FinalAccountsXlsxTests
{
    private static FinalAccountsDisclosure Seed() => FinalAccountsTextReader.Read(SeedFiles.FenyangName, SeedFiles.Lines(SeedFiles.FenyangName))!.Disclosure;

    [Fact]
    public void Round_trip_text_to_xlsx_to_model_keeps_every_figure()
    {
        var seed = Seed();
        var bytes = FinalAccountsXlsxWriter.Write(seed);
        var back = FinalAccountsXlsxReader.Read("fenyang.xlsx", bytes)!;
        var d = back.Disclosure;
        Assert.Equal(seed.Unit, d.Unit);
        Assert.Equal(seed.Year, d.Year);
        Assert.Equal(MoneyUnit.Yuan, d.DeclaredUnit);
        Assert.Equal(10, d.Tables().Count());
        foreach (var t in seed.Tables())
        {
            var other = d.Table(t.TableKind);
            Assert.NotNull(other);
            Assert.Equal(t.AllFigures().Select(f => f.Value), other!.AllFigures().Select(f => f.Value));
            Assert.Equal(t.IsEmptyDeclared, other.IsEmptyDeclared);
        }
        Assert.Equal(seed.Income!.Rows.Select(r => (r.Code, r.Name)), d.Income!.Rows.Select(r => (r.Code, r.Name)));
        Assert.Equal(seed.EconomicDetail!.Rows.Select(r => (r.Code, r.Name)), d.EconomicDetail!.Rows.Select(r => (r.Code, r.Name)));
        Assert.Equal(seed.Summary!.Income.Select(l => l.Kind), d.Summary!.Income.Select(l => l.Kind));
        Assert.Equal(seed.Appropriation!.Expenditure.Select(l => (l.Kind, l.ClassCode)), d.Appropriation!.Expenditure.Select(l => (l.Kind, l.ClassCode)));
        Assert.Equal(1_754_977.00m, d.EconomicDetail.Row("30101")!.Amount.Value);
        Assert.Equal("公开06", d.EconomicDetail.Row("30101")!.Amount.At!.Sheet);
        Assert.DoesNotContain(back.Findings, f => f.Severity >= Jixiao.Core.Checks.Severity.Warning);
    }

    [Fact]
    public void Workbook_layout_sheets_merges_formats_landscape()
    {
        var bytes = FinalAccountsXlsxWriter.Write(Seed());
        using var ms = new MemoryStream(bytes);
        using var doc = SpreadsheetDocument.Open(ms, false);
        var wb = doc.WorkbookPart!;
        var names = wb.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"公开{i:00}"), names);
        Assert.Contains(wb.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>(), f => f.FormatCode == "#,##0.00");
        Assert.Contains(wb.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>(), f => f.GetFirstChild<FontName>()?.Val == "仿宋");
        foreach (var part in wb.WorksheetParts)
        {
            var ws = part.Worksheet;
            Assert.NotNull(ws.GetFirstChild<MergeCells>());
            var setup = ws.GetFirstChild<PageSetup>()!;
            Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
            Assert.Equal(9u, setup.PaperSize!.Value);
        }
    }

    [Fact]
    public void Numbers_stored_as_text_with_separators_are_read()
    {
        var d = FinalAccountsXlsxReader.Read("x.xlsx", HandMadeWorkbook())!.Disclosure;
        var g = d.GeneralBudget!;
        Assert.Equal(MoneyUnit.WanYuan, g.Unit);
        Assert.Equal(1234.50m, g.Total!.Total.Value);
        Assert.Equal(1000m, g.Total.Basic.Value);
        Assert.Equal(1234.50m, g.Row("208")!.Total.Value);
        Assert.Equal("D5", g.Row("208")!.Basic.At!.Cell);
    }

    /// <summary>A hand-made workbook: one sheet, amounts as text "1,234.50", a formula with a cached value.</summary>
    internal static byte[] HandMadeWorkbook()
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint r = 0;
            void Row(params object[] cells)
            {
                var row = new Row { RowIndex = ++r };
                var c = 0;
                foreach (var v in cells)
                {
                    var reference = $"{(char)('A' + c++)}{r}";
                    row.Append(v switch
                    {
                        decimal n => new Cell { CellReference = reference, CellValue = new CellValue(n), DataType = CellValues.Number },
                        (string f, decimal cached) => new Cell { CellReference = reference, CellFormula = new CellFormula(f), CellValue = new CellValue(cached), DataType = CellValues.Number },
                        _ => new Cell { CellReference = reference, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text((string)v)), DataType = CellValues.InlineString },
                    });
                }
                data.Append(row);
            }
            Row("一般公共预算财政拨款支出决算表");
            Row("金额单位：万元");
            Row("功能分类科目编码", "科目名称", "小计", "基本支出", "项目支出");
            Row("合计", "", ("D4+E4", 1234.50m), "1,000.00", "234.50");
            Row("208", "社会保障和就业支出", "1,234.50", 1000m, 234.5m);
            ws.Worksheet = new Worksheet(data);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Sheet1" }));
            wb.Workbook.Save();
        }
        return ms.ToArray();
    }

    [Fact]
    public void Not_a_workbook_is_unreadable()
    {
        Assert.Throws<Jixiao.Documents.Reading.UnreadableFileException>(() => FinalAccountsXlsxReader.Read("x.xlsx", "not a workbook"u8.ToArray()));
    }
}
