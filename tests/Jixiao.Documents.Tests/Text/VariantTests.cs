using System.Text;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Core.Serialization;
using Jixiao.Documents.Reading;
using Jixiao.Tests;

namespace Jixiao.Documents.Tests.Text;

/// <summary>Other encodings and layouts of the same content read to the same model.</summary>
public class VariantTests
{
    static VariantTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Json(ReadResult r) =>
        CanonicalJson.SerializeDocuments(r.Documents);

    private static ReadResult ReadBytes(string name, byte[] bytes) => DocumentReaders.Read(name, new MemoryStream(bytes));

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("004")]
    public void Gbk_and_utf16_copies_read_the_same_as_utf8(string seed)
    {
        var path = RepoPaths.Seed(seed);
        var name = Path.GetFileName(path);
        var text = File.ReadAllText(path, Encoding.UTF8);
        var utf8 = Json(ReadBytes(name, Encoding.UTF8.GetBytes(text)));
        var gbk = Json(ReadBytes(name, Encoding.GetEncoding("GB18030").GetBytes(text)));
        var utf16 = Json(ReadBytes(name, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]));
        Assert.Equal(utf8, gbk);
        Assert.Equal(utf8, utf16);
    }

    [Fact]
    public void A_table_copied_from_a_web_page_with_pipes_reads_like_the_tab_separated_one()
    {
        var lines = File.ReadAllLines(RepoPaths.Seed("001"));
        var piped = lines.Select(l => l.Contains('\t') ? "| " + l.Replace("\t", " | ") + " |" : l).ToArray();
        var a = DocumentReaders.Read("a.txt", new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines))));
        var b = DocumentReaders.Read("a.txt", new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", piped))));
        Assert.Equal(Strip(Json(a)), Strip(Json(b)));
    }

    [Fact]
    public void Columns_are_found_by_their_headers_not_their_positions()
    {
        // The budget and execution columns swapped, the unit in yuan.
        const string text = """
            某某资金绩效自评表
            （2024年度）
            转移支付（项目）名称	某某资金
            资金投入情况（元）	全年执行数（B）	全年预算数（A）	预算执行率（B/A×100%）
            年度资金总额	800.00	1000.00	80.00%
            其中：中央财政资金	500.00	600.00	83.33%
            自治区财政资金	300.00	400.00	75.00%
            资金管理情况	情况说明	存在问题和改进措施
            分配科学性	按因素法分配	无
            总体目标完成情况	总体目标	全年实际完成情况
            	完成任务	已完成
            绩效指标	一级指标	二级指标	三级指标	指标值	全年实际完成值	未完成原因和改进措施
            	产出指标	数量指标	补助人数	≥100人	98人	部分人员迁出
            说明	无
            """;
        var r = DocumentReaders.Read("swap.txt", new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var t = Assert.Single(r.Documents.OfType<TransferSelfEvaluation>());
        Assert.Equal(MoneyUnit.Yuan, t.DeclaredUnit);
        var total = t.Funds.Single(f => f.Source == FundSourceKind.Total);
        Assert.Equal((1000m, 800m), (total.Budget.Value!.Value, total.Execution.Value!.Value));
        Assert.Equal((600m, 500m), (t.Funds[1].Budget.Value!.Value, t.Funds[1].Execution.Value!.Value));
        var ind = Assert.Single(t.Indicators);
        Assert.Equal(("补助人数", "≥100人", "98人", "部分人员迁出"), (ind.Name, ind.Target, ind.Actual, ind.DeviationReason));
        Assert.Equal("无", t.Remarks);
    }

    [Fact]
    public void Another_provinces_template_with_a_differently_labelled_fund_block_reads_whole()
    {
        // 资金情况（元） instead of 资金投入情况, 年初预算数 / 分值 / 得分 columns, comparator and unit in their own
        // columns, cells separated by '|' as copied from a web page, saved as GBK.
        const string text = """
            2023年度某县农村公路养护补助资金绩效自评表
            | 项目名称 | 农村公路养护补助资金 | | | |
            | 主管部门 | 某县交通运输局 | | 实施单位 | 某县公路与运输管理中心 |
            | 资金情况（元） | | 年初预算数 | 全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分 |
            | | 年度资金总额 | 5,000,000.00 | 4,800,000.00 | 4,320,000.00 | 10 | 90.00% | 9 |
            | | 其中：本年财政拨款 | 5,000,000.00 | 4,800,000.00 | 4,320,000.00 | | 90.00% | |
            | 年度总体目标 | 预期目标 | | | 实际完成情况 | |
            | | 完成农村公路养护里程1200公里 | | | 完成1150公里 | |
            | 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 实际完成值 | 权重 | 得分 | 偏差原因分析及改进措施 |
            | | 产出指标 | 数量指标 | 养护里程 | ≥ | 1200 | 公里 | 1150 | 20 | 19 | 部分路段因汛期推迟 |
            | | | 质量指标 | 优良路率 | ≥ | 85 | % | 87 | 20 | 20 | |
            | | 满意度指标 | 服务对象满意度指标 | 沿线群众满意度 | ≥ | 90 | % | 92 | 20 | 20 | |
            """;
        var r = ReadBytes("zj.txt", Encoding.GetEncoding("GB18030").GetBytes(text));
        var t = Assert.IsAssignableFrom<SelfEvaluationTable>(Assert.Single(r.Documents));
        Assert.Equal("某县公路与运输管理中心", t.ImplementingUnit);
        Assert.Equal("某县交通运输局", t.CompetentDepartment);
        Assert.Equal(MoneyUnit.Yuan, t.DeclaredUnit);
        Assert.DoesNotContain(r.Findings, f => f.Rule == "READ-NO-FUNDS");
        var total = t.Funds[0];
        Assert.Equal("年度资金总额", total.Label);
        Assert.Equal(5_000_000.00m, total.InitialBudget?.Value);
        Assert.Equal(4_800_000.00m, total.Budget.Value);
        Assert.Equal(4_320_000.00m, total.Execution.Value);
        Assert.Equal(90.00m, total.Rate.Value);
        Assert.Equal(9m, total.Score?.Value);
        Assert.Equal(2, t.Funds.Count);
        Assert.Equal(["养护里程", "优良路率", "沿线群众满意度"], t.Indicators.Select(i => i.Name));
        Assert.Equal("≥1200公里", t.Indicators[0].Target);
    }

    [Fact]
    public void A_comparator_in_its_own_column_stays_with_its_value()
    {
        const string text = """
            某某资金绩效自评表
            （2024年度）
            转移支付（项目）名称	某某资金
            资金投入情况（万元）	全年预算数（A）	全年执行数（B）	预算执行率（B/A×100%）
            年度资金总额	10.00	9.00	90.00%
            绩效指标	一级指标	二级指标	三级指标	指标值	全年实际完成值	未完成原因和改进措施
            	产出指标	质量指标	发放准确率	≥ 98%	99%	无
            """;
        var r = DocumentReaders.Read("cmp.txt", new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var ind = Assert.Single(r.Documents.OfType<TransferSelfEvaluation>().Single().Indicators);
        Assert.Equal(("≥98%", "99%"), (ind.Target, ind.Actual));
    }

    private static string Strip(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"(at|source|declaredUnitAt|goalsAt|remarksAt)\": \\{[^{}]*\\}", "");
}

public class UnreadableInputTests
{
    [Fact]
    public void Missing_file_says_so()
    {
        var e = Assert.Throws<UnreadableFileException>(() => DocumentReaders.ReadFile("/no/such/file.txt"));
        Assert.Contains("文件不存在", e.Message);
    }

    [Fact]
    public void Binary_garbage_is_not_a_document()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var e = Assert.Throws<UnreadableFileException>(() => DocumentReaders.Read("x.txt", new MemoryStream(bytes)));
        Assert.Contains("不是文本文件", e.Message);
    }

    [Fact]
    public void Wrong_extension_is_named()
    {
        var e = Assert.Throws<UnreadableFileException>(() => DocumentReaders.Read("x.xlsx", new MemoryStream(Encoding.UTF8.GetBytes("hello"))));
        Assert.Contains(".xlsx", e.Message);
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        var e = Assert.Throws<UnreadableFileException>(() => DocumentReaders.Read("x.txt", new MemoryStream()));
        Assert.Contains("文件为空", e.Message);
    }

    [Fact]
    public void Readable_text_without_documents_gets_a_finding_not_an_error()
    {
        var r = DocumentReaders.Read("note.txt", new MemoryStream(Encoding.UTF8.GetBytes("今天天气很好。\n明天开会。")));
        Assert.Empty(r.Documents);
        Assert.Contains(r.Findings, f => f.Rule == "READ-NO-DOCUMENT");
    }

    [Fact]
    public void Canonical_json_reads_back_to_the_same_documents()
    {
        var original = DocumentReaders.ReadFile(RepoPaths.Seed("001"));
        var json = CanonicalJson.SerializeDocuments(original.Documents);
        var again = DocumentReaders.Read("x.json", new MemoryStream(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(json, CanonicalJson.SerializeDocuments(again.Documents));
    }
}
