using Jixiao.Core.Checks;
using Jixiao.Documents.Export;
using Jixiao.Documents.Tests.Fixtures;

namespace Jixiao.Documents.Tests.Export;

/// <summary>
/// The produced xlsx and docx converted to PDF by LibreOffice headless and to PNG by pdftoppm: page count, the
/// Chinese title and the key figures on the page, a real CJK font embedded, no ### in narrow columns.
/// The PNGs are kept under docs/images/.
/// </summary>
[Collection("LibreOffice")]
public class RenderingTests
{
    [Fact]
    public void Transfer_table_xlsx_renders_with_title_and_figures()
    {
        var pdf = PdfConverter.FromOffice(TableXlsxWriter.Write(SeedModels.Employment000()), ".xlsx");
        var text = PdfTools.Compact(PdfTools.Text(pdf));
        Assert.InRange(PdfTools.Pages(pdf), 2, 4);
        Assert.Contains("就业补助资金转移支付绩效自评表", text);
        Assert.Contains("（2023年度）", text);
        foreach (var f in new[] { "49537.02", "29490.52", "59.53%", "全年预算数（A）", "分配科学性", "支出责任履行情况", "享受职业培训补贴人员数量", "≥3.2万人", "3.33万人", "全年执行数是指按照国库集中支付制度要求所形成的实际支出" })
            Assert.Contains(f, text);
        Assert.DoesNotContain("###", text);
        Assert.Contains("CJK", PdfTools.Fonts(pdf));
        PdfTools.SavePng(pdf, "table-xlsx");
    }

    [Fact]
    public void Pension_table_with_yuan_and_div0_renders_without_hashes()
    {
        var pdf = PdfConverter.FromOffice(TableXlsxWriter.Write(SeedModels.Pension001()), ".xlsx");
        var text = PdfTools.Compact(PdfTools.Text(pdf));
        Assert.Contains("62500000.00", text);
        Assert.Contains("#DIV/0!", text);
        Assert.DoesNotContain("###", text);
    }

    [Fact]
    public void Project_table_xlsx_renders_scores_and_grade()
    {
        var pdf = PdfConverter.FromOffice(TableXlsxWriter.Write(SeedModels.RuralPension004()), ".xlsx");
        var text = PdfTools.Compact(PdfTools.Text(pdf));
        foreach (var f in new[] { "2022年城乡居民养老业务工作经费", "120,000", "118,718", "目标申报", "调整后指标", "部分达成预期指标并具有一定效果", "评价等级：优" })
            Assert.Contains(f, text);
        Assert.DoesNotContain("###", text);
        PdfTools.SavePng(pdf, "project-table-xlsx");
    }

    [Fact]
    public void Drafted_report_docx_renders_outline_and_real_figures()
    {
        var table = SeedModels.Employment000();
        var checks = new CheckReport();
        checks.Findings.Add(new Finding
        {
            Rule = "R-RATE-MISSING",
            Severity = Severity.Warning,
            DocumentId = table.Id,
            Location = "说明",
            Message = "说明栏仍是模板提示文字，未填写",
        });
        var file = DocumentExporter.Export(table, ExportFormat.Docx, checks);
        var pdf = PdfConverter.FromOffice(file.Content, ".docx");
        var text = PdfTools.Compact(PdfTools.Text(pdf));
        Assert.InRange(PdfTools.Pages(pdf), 2, 8);
        foreach (var f in new[] { "就业补助资金转移支付2023年度绩效自评报告", "一、绩效目标分解下达情况", "二、绩效情况分析", "（一）资金投入情况分析",
            "三、偏离绩效目标的原因和下一步改进措施", "四、绩效自评结果拟应用和公开情况", "五、其他需要说明的问题",
            "49537.02万元", "29490.52万元", "59.53%", "说明栏仍是模板提示文字" })
            Assert.Contains(f, text);
        PdfTools.SavePng(pdf, "report-docx");
    }

    [Fact]
    public void Project_appendix_docx_renders_narrative_and_tables()
    {
        var file = DocumentExporter.Export(SeedModels.RuralPension004(), ExportFormat.Docx);
        var pdf = PdfConverter.FromOffice(file.Content, ".docx");
        var text = PdfTools.Compact(PdfTools.Text(pdf));
        foreach (var f in new[] { "一、项目基本信息", "六、下一步改进措施及管理建议", "118,718", "参保服务对象人数" })
            Assert.Contains(f, text);
    }

    [Fact]
    public void Cover_letter_docx_renders_addressee_annexes_and_date()
    {
        var letter = SeedModels.Letter000();
        var pdf = PdfConverter.FromOffice(DocumentExporter.Export(letter, ExportFormat.Docx).Content, ".docx");
        var text = PdfTools.Compact(PdfTools.Text(pdf));
        PdfTools.SavePng(pdf, "cover-letter-docx");
        Assert.Equal(1, PdfTools.Pages(pdf));
        foreach (var f in new[] { "呼和浩特市财政局：", "附件：1.呼和浩特市就业补助资金2023年度绩效自评报告", "联系人：云波", "5181205", "呼和浩特市人力资源和社会保障局", "2024年6月10日" })
            Assert.Contains(f, text);
        PdfTools.SavePng(pdf, "cover-letter-docx");
    }
}

[CollectionDefinition("LibreOffice", DisableParallelization = true)]
public class LibreOfficeCollection;
