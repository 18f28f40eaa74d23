using Jixiao.Core.Model;
using Jixiao.Documents.Export;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Tests.Fixtures;
using Jixiao.Documents.Xlsx;

namespace Jixiao.Documents.Tests.Xlsx;

/// <summary>Every self-evaluation table in the seeds: text → model → xlsx → model, equal (canonical JSON without provenance).</summary>
public class SeedRoundTripTests
{
    public static IEnumerable<object[]> SeedTables()
    {
        foreach (var file in new[] { "000_66f46ff16e0133a5.txt", "001_9e81b93be66c6a64.txt", "004_a282273b1331087d.txt" })
        {
            var read = DocumentReaders.ReadFile(Path.Combine(PdfTools.RepoRoot, "testdata", "seeds", file));
            var n = 0;
            foreach (var d in read.Documents)
                if (d is SelfEvaluationTable) yield return [file, n++];
        }
    }

    internal static SelfEvaluationTable Table(string file, int index) =>
        DocumentReaders.ReadFile(Path.Combine(PdfTools.RepoRoot, "testdata", "seeds", file)).Documents.OfType<SelfEvaluationTable>().ElementAt(index);

    [Theory]
    [MemberData(nameof(SeedTables))]
    public void Seed_table_survives_xlsx(string file, int index)
    {
        var model = Table(file, index);
        var read = XlsxDocumentReader.Read("t.xlsx", new MemoryStream(TableXlsxWriter.Write(model)));
        var doc = Assert.Single(read.Documents);
        ModelJson.AssertSame(model, doc);
    }
}
