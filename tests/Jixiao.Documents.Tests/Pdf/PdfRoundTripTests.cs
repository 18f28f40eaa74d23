using Jixiao.Core.Model;
using Jixiao.Documents.Export;
using Jixiao.Documents.Pdf;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Tests.Fixtures;
using Jixiao.Documents.Tests.Xlsx;

namespace Jixiao.Documents.Tests.Pdf;

/// <summary>Seed tables: text → model → xlsx → PDF (LibreOffice) → model, equal; and the PDF reader's refusals.</summary>
[Collection("LibreOffice")]
public class PdfRoundTripTests
{
    public static IEnumerable<object[]> SeedTables() => SeedRoundTripTests.SeedTables();

    [Theory]
    [MemberData(nameof(SeedTables))]
    public void Seed_table_survives_pdf(string file, int index)
    {
        var model = SeedRoundTripTests.Table(file, index);
        var pdf = PdfConverter.FromOffice(TableXlsxWriter.Write(model), ".xlsx");
        var read = PdfDocumentReader.Read("t.pdf", pdf);
        var doc = Assert.Single(read.Documents);
        ModelJson.AssertSame(model, doc);
        Assert.All(((SelfEvaluationTable)doc).Funds, f => Assert.NotNull(f.Budget.At?.Page));
    }

    [Fact]
    public void A_pdf_without_text_layer_is_refused_clearly()
    {
        // A page with a drawing and no text, as a scanner would produce (an image, no letters).
        var pdf = PdfConverter.FromOffice(new DocxBuilderProbe().EmptyDocx(), ".docx");
        var e = Assert.Throws<UnreadableFileException>(() => PdfDocumentReader.Read("scan.pdf", pdf));
        Assert.Contains("没有文字层", e.Message);
    }

    [Fact]
    public void A_corrupt_pdf_is_refused_clearly()
    {
        var e = Assert.Throws<UnreadableFileException>(() => PdfDocumentReader.Read("bad.pdf", "%PDF-1.7\n garbage"u8.ToArray()));
        Assert.Contains("bad.pdf", e.Message);
    }
}
