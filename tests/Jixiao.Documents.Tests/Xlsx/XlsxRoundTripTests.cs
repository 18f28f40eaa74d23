using Jixiao.Core.Model;
using Jixiao.Documents.Export;
using Jixiao.Documents.Tests.Fixtures;
using Jixiao.Documents.Xlsx;

namespace Jixiao.Documents.Tests.Xlsx;

public class XlsxRoundTripTests
{
    public static TheoryData<string> Seeds => ["000", "001", "004"];

    internal static SelfEvaluationTable Model(string seed) => seed switch
    {
        "000" => SeedModels.Employment000(),
        "001" => SeedModels.Pension001(),
        _ => SeedModels.RuralPension004(),
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Table_to_xlsx_and_back_is_the_same_model(string seed)
    {
        var model = Model(seed);
        var bytes = TableXlsxWriter.Write(model);
        var read = XlsxDocumentReader.Read("t.xlsx", new MemoryStream(bytes));
        var doc = Assert.Single(read.Documents);
        Assert.Empty(read.Findings);
        ModelJson.AssertSame(model, doc);
    }

    [Fact]
    public void Several_tables_in_one_workbook_read_back_in_order()
    {
        var tables = new List<SelfEvaluationTable> { SeedModels.Employment000(), SeedModels.Pension001(), SeedModels.RuralPension004() };
        var read = XlsxDocumentReader.Read("t.xlsx", new MemoryStream(TableXlsxWriter.Write(tables)));
        Assert.Equal(3, read.Documents.Count);
        for (var i = 0; i < 3; i++) ModelJson.AssertSame(tables[i], read.Documents[i]);
    }

    [Fact]
    public void Every_figure_read_from_xlsx_names_its_sheet_and_cell()
    {
        var read = XlsxDocumentReader.Read("t.xlsx", new MemoryStream(TableXlsxWriter.Write(SeedModels.Employment000())));
        var t = (SelfEvaluationTable)read.Documents[0];
        var total = t.Funds[0];
        Assert.Equal("D9", total.Budget.At?.Cell);
        Assert.NotNull(total.Budget.At?.Sheet);
        Assert.Equal("全年预算数（A）", total.Budget.At?.Column);
        Assert.All(t.Funds.SelectMany(f => new[] { f.Budget, f.Execution, f.Rate }), f => Assert.NotNull(f.At?.Cell));
    }
}
