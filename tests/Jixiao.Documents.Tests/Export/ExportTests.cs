using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Core.Model;
using Jixiao.Core.Serialization;
using Jixiao.Documents.Export;
using Jixiao.Documents.Tests.Fixtures;

namespace Jixiao.Documents.Tests.Export;

public class ExportTests
{
    private static Cell CellAt(byte[] xlsx, string reference)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var part = doc.WorkbookPart!.WorksheetParts.First();
        return part.Worksheet.Descendants<Cell>().First(c => c.CellReference == reference);
    }

    [Fact]
    public void Rate_cells_are_formulas_with_cached_values_and_div0_is_an_error_cell()
    {
        var xlsx = TableXlsxWriter.Write(SeedModels.Employment000());
        var rate = CellAt(xlsx, "G9");
        Assert.Equal("IF(D9=0,\"\",ROUND(E9/D9*100,2))", rate.CellFormula?.Text);
        Assert.Equal("59.53", rate.CellValue?.Text);

        var pension = TableXlsxWriter.Write(SeedModels.Pension001());
        var div0 = CellAt(pension, "G9");
        Assert.Equal(CellValues.Error, div0.DataType?.Value);
        Assert.Equal("#DIV/0!", div0.CellValue?.Text);
        Assert.Equal("E9/D9", div0.CellFormula?.Text);
    }

    [Fact]
    public void A_stated_rate_that_disagrees_with_B_over_A_is_kept_as_written_not_recomputed()
    {
        var t = SeedModels.Employment000();
        t.Funds[0].Rate = Figure.Parse("60.00%");
        var rate = CellAt(TableXlsxWriter.Write(t), "G9");
        Assert.Null(rate.CellFormula);
        Assert.Equal("60.00", rate.CellValue?.Text);
    }

    [Fact]
    public void Json_export_is_the_canonical_envelope()
    {
        var t = SeedModels.Employment000();
        var file = DocumentExporter.Export(t, ExportFormat.Json);
        var env = CanonicalJson.DeserializeDocuments(Encoding.UTF8.GetString(file.Content));
        ModelJson.AssertSame(t, Assert.Single(env.Documents));
    }

    [Fact]
    public void Csv_of_indicators_has_bom_header_and_one_row_per_indicator()
    {
        var t = SeedModels.Employment000();
        var bytes = DocumentExporter.Export(t, ExportFormat.Csv).Content;
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("一级指标", lines[0]);
        Assert.Equal(t.Indicators.Count + 1, lines.Length);
        Assert.Contains("享受职业培训补贴人员数量,≥3.2万人,3.33万人", lines[1]);
    }

    [Fact]
    public void Fiscal_data_package_has_phases_in_yuan_and_hierarchical_column_types()
    {
        var zip = new ZipArchive(new MemoryStream(DocumentExporter.Export(SeedModels.Employment000(), ExportFormat.DataPackage).Content));
        var dp = JsonNode.Parse(zip.GetEntry("datapackage.json")!.Open())!;
        Assert.Equal("fiscal-data-package", dp["profile"]!.GetValue<string>());
        var fields = dp["resources"]![0]!["schema"]!["fields"]!.AsArray();
        Assert.Contains(fields, f => f!["columnType"]?.GetValue<string>() == "administrative-classification:generic:level2:label");
        Assert.Contains(fields, f => f!["normalize"]?["phase"]?.GetValue<string>() == "executed");
        using var reader = new StreamReader(zip.GetEntry("budget.csv")!.Open());
        var csv = reader.ReadToEnd();
        Assert.Contains(",495370200,294905200,", csv);
    }

    [Fact]
    public void Bundle_exports_a_report_per_table_and_a_cover_letter_naming_them()
    {
        var bundle = new List<Document> { SeedModels.Employment000(), SeedModels.Pension001() };
        var docx = DocumentExporter.ExportAll(bundle, ExportFormat.Docx);
        Assert.Equal(2, docx.Count);
        Assert.All(docx, f => Assert.EndsWith(".docx", f.FileName));
        var xlsx = DocumentExporter.ExportAll(bundle, ExportFormat.Xlsx);
        Assert.Equal(2, xlsx.Count);
        var letter = CoverLetterDocxWriter.Draft(bundle, "呼和浩特市财政局", "呼和浩特市人力资源和社会保障局", new DateOnly(2024, 6, 10));
        Assert.Equal(2, letter.Annexes.Count);
        Assert.Equal(bundle[0].Id, letter.Annexes[0].DocumentId);
        Assert.Contains("就业补助资金", letter.Annexes[0].Title);
        Assert.Throws<NotSupportedException>(() => DocumentExporter.Export(SeedModels.Letter000(), ExportFormat.Xlsx));
    }

    [Fact]
    public void Drafted_report_follows_the_transfer_outline_and_names_missed_indicators()
    {
        var report = ReportDrafter.Draft(SeedModels.Employment000());
        var top = report.Sections.Where(s => s.Level == 1).Select(s => s.Number + s.Heading).ToList();
        Assert.Equal(["一绩效目标分解下达情况", "二绩效情况分析", "三偏离绩效目标的原因和下一步改进措施", "四绩效自评结果拟应用和公开情况", "五其他需要说明的问题"], top);
        var three = report.Sections.First(s => s.Number == "三" && s.Level == 1).Text;
        // 就业见习补贴人数: ≥0.2万人, actual 0.05万人 — missed, with its stated reason.
        Assert.Contains("享受就业见习补贴人数", three);
        Assert.Contains("资金拨付方式是由企业先垫后补形式", three);
        Assert.Contains("预算执行率为59.53%", three);
        var project = ReportDrafter.Draft(SeedModels.RuralPension004());
        Assert.Equal(6, project.Sections.Count(s => s.Level == 1));
    }
}
