using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Documents.Export;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Xlsx;

namespace Jixiao.Documents.Tests.Xlsx;

/// <summary>Real-world workbook variants the xlsx reader must handle: built cell by cell, not by our writer.</summary>
public class XlsxVariantTests
{
    private static readonly CellStyle Plain = new(Border: false, Wrap: false);

    /// <summary>
    /// Two tables on one sheet; a blank spacer column A and spacer rows; the unit on a 金额单位 line; the fund columns
    /// in another order (B before A); amounts as text with thousands separators; a formula with a cached value;
    /// #DIV/0!; level-1/level-2 written once and left blank below (no merges); the comparator in its own column.
    /// </summary>
    internal static byte[] Workbook()
    {
        var s = new SheetSpec("Sheet1");
        void Row(int r, params string?[] cells)
        {
            for (var i = 0; i < cells.Length; i++)
                if (cells[i] is { } t) s.Text(r, i + 2, t, Plain);
        }
        var r = 2;
        foreach (var (name, a, b) in new[] { ("城乡居民基本养老保险补助资金", "1,234,567.89", "1,000,000.00"), ("困难群众救助补助资金", "500", "0") })
        {
            Row(r++, $"{name}绩效自评表");
            Row(r++, "（2024年度）");
            r++; // spacer
            Row(r++, "转移支付（项目）名称", name);
            Row(r++, "中央主管部门", "民政部", "地方主管部门", "某县民政局", "资金使用单位", "某县社会救助中心");
            Row(r++, "金额单位：元");
            Row(r++, "资金投入情况", null, "全年执行数（B）", "全年预算数（A）", "预算执行率");
            Row(r++, null, "年度资金总额", b, a, null);
            s.Put(r - 1, 6, new CellSpec { Formula = $"D{r - 1}/E{r - 1}*100", Number = name.StartsWith("城乡") ? 81m : 0m, Style = Plain });
            Row(r++, null, "其中：中央财政资金", "0", "0");
            s.Put(r - 1, 6, new CellSpec { Formula = $"D{r - 1}/E{r - 1}", Error = "#DIV/0!", Style = Plain });
            r++; // spacer row inside the table
            Row(r++, "绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "全年实际完成值", "未完成原因和改进措施");
            Row(r++, null, "产出指标", "数量指标", "参保人数", "≥", "1000人", "1200人", "无");
            Row(r++, null, null, null, "待遇发放人数", "≥", "300人", "280人", "部分人员资格未认证");
            Row(r++, null, null, "时效指标", "发放及时率", "=", "100%", "100%", "无");
            Row(r++, null, "满意度指标", "服务对象满意度指标", "参保人员满意度", "≥", "90%", "92%", "无");
            Row(r++, "说明", "无");
            r += 2;
        }
        return XlsxBuilder.Build([s]);
    }

    [Fact]
    public void Reads_both_tables_with_columns_by_header_text()
    {
        var read = XlsxDocumentReader.Read("variant.xlsx", new MemoryStream(Workbook()));
        Assert.Equal(2, read.Documents.Count);
        var t = Assert.IsType<TransferSelfEvaluation>(read.Documents[0]);
        Assert.Equal("城乡居民基本养老保险补助资金绩效自评表", t.Title);
        Assert.Equal(2024, t.Year);
        Assert.Equal("某县社会救助中心", t.ImplementingUnit);
        Assert.Equal(MoneyUnit.Yuan, t.DeclaredUnit);
        var total = t.Funds[0];
        Assert.Equal(FundSourceKind.Total, total.Source);
        Assert.Equal("1,234,567.89", total.Budget.Text);
        Assert.Equal(1234567.89m, total.Budget.Value);
        Assert.Equal(1000000.00m, total.Execution.Value);
        Assert.Equal(81m, total.Rate.Value);
        Assert.Equal("E9", total.Budget.At?.Cell);
        Assert.Equal("#DIV/0!", t.Funds[1].Rate.Text);
        Assert.True(t.Funds[1].Rate.IsSpreadsheetError);
        Assert.Equal(4, t.Indicators.Count);
        Assert.Equal("产出指标", t.Indicators[1].Level1Label);
        Assert.Equal("数量指标", t.Indicators[1].Level2Label);
        Assert.Equal("时效指标", t.Indicators[2].Level2Label);
        Assert.Equal(IndicatorLevel1.Satisfaction, t.Indicators[3].Level1);
        Assert.Equal("≥300人", t.Indicators[1].Target);
        Assert.Equal("=100%", t.Indicators[2].Target);
        Assert.Equal("部分人员资格未认证", t.Indicators[1].DeviationReason);
        Assert.Equal("无", t.Remarks);
        var second = Assert.IsType<TransferSelfEvaluation>(read.Documents[1]);
        Assert.Equal("困难群众救助补助资金", second.FundName);
        Assert.Equal("500", second.TotalFund?.Budget.Text);
    }

    /// <summary>
    /// A project table of another province: the fund block labelled 资金情况（元） with 年初预算数, 分值 and 得分
    /// columns; the rate a real number under a percent format (0.9 shown as 90.00%); the 总分 row giving the
    /// weights' total under 权重 and the score under 得分.
    /// </summary>
    /// <summary>Another province's project table (Zhejiang-like): percent cells, 指标性质 and 度量单位 columns, a 总分 row.</summary>
    internal static byte[] AnotherProvincesWorkbook()
    {
        var s = new SheetSpec("Sheet1");
        void Row(int r, params string?[] cells)
        {
            for (var i = 0; i < cells.Length; i++)
                if (cells[i] is { } t) s.Text(r, i + 1, t, Plain);
        }
        void Num(int r, int c, decimal v, string? format = null) => s.Put(r, c, new CellSpec { Number = v, Style = Plain with { NumberFormat = format } });
        Row(1, "2023年度某县农村公路养护补助资金绩效自评表");
        Row(2, "项目名称", "农村公路养护补助资金");
        Row(3, "主管部门", "某县交通运输局", null, "实施单位", "某县公路与运输管理中心");
        Row(4, "资金情况（元）", null, "年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分");
        Row(5, null, "年度资金总额");
        Num(5, 3, 5000000m); Num(5, 4, 4800000m); Num(5, 5, 4320000m); Num(5, 6, 10m); Num(5, 7, 0.9m, "0.00%"); Num(5, 8, 9m);
        Row(6, "年度总体目标", "完成农村公路养护里程1200公里", null, null, "完成1150公里");
        Row(7, "绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "权重", "得分", "偏差原因分析及改进措施");
        Row(8, null, "产出指标", "数量指标", "养护里程", "≥", "1200", "公里", "1150", null, null, "部分路段因汛期推迟");
        Num(8, 9, 50m); Num(8, 10, 48m);
        Row(9, null, "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥", "90", "%", "92");
        Num(9, 9, 40m); Num(9, 10, 40m);
        Row(10, "总分");
        Num(10, 9, 100m); Num(10, 10, 97m);
        return XlsxBuilder.Build([s]);
    }

    [Fact]
    public void Another_provinces_project_table_reads_its_percent_cells_and_total_score()
    {
        var read = XlsxDocumentReader.Read("zj.xlsx", new MemoryStream(AnotherProvincesWorkbook()));
        var t = Assert.IsType<ProjectSelfEvaluation>(Assert.Single(read.Documents));
        Assert.Equal("某县公路与运输管理中心", t.ImplementingUnit);
        Assert.Equal(MoneyUnit.Yuan, t.DeclaredUnit);
        var total = t.Funds[0];
        Assert.Equal(5000000m, total.InitialBudget?.Value);
        Assert.Equal(4800000m, total.Budget.Value);
        Assert.Equal(("90.00%", 90.00m), (total.Rate.Text, total.Rate.Value));
        Assert.Equal(9m, t.StatedExecutionScore?.Value);
        Assert.Equal(97m, t.StatedTotalScore?.Value);
        Assert.Equal("J10", t.StatedTotalScore?.At?.Cell);
        var report = Jixiao.Core.Checks.Engine.Check(read.Documents, Jixiao.Core.Rules.RuleSet.Default);
        Assert.DoesNotContain(report.Findings, f => f.Rule == "SE-FUND-RATE");
    }

    [Fact]
    public void Garbage_and_oversized_inputs_are_refused_in_chinese()
    {
        var e = Assert.Throws<UnreadableFileException>(() => XlsxDocumentReader.Read("x.xlsx", new MemoryStream("PK\u0003\u0004garbage"u8.ToArray())));
        Assert.Contains("x.xlsx", e.Message);
        var empty = XlsxDocumentReader.Read("e.xlsx", new MemoryStream(XlsxBuilder.Build([new SheetSpec("空")])));
        Assert.Empty(empty.Documents);
    }

    [Fact]
    public void Number_formats_render_as_excel_shows_them()
    {
        Assert.Equal("1,567,340,000.00", ExcelNumberFormat.Render(1567340000m, "#,##0.00"));
        Assert.Equal("59.53%", ExcelNumberFormat.Render(0.5953m, "0.00%"));
        Assert.Equal("59.53%", ExcelNumberFormat.Render(59.53m, "0.00\"%\""));
        Assert.Equal("120,000", ExcelNumberFormat.Render(120000m, "#,##0"));
        Assert.Equal("-", ExcelNumberFormat.Render(0m, "_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * \"-\"??_ ;_ @_ "));
        Assert.Equal("0.1", ExcelNumberFormat.Render(0.1m, "General"));
        Assert.Equal("0.00", ExcelNumberFormat.ForText("0.00", 0m) is { } f ? ExcelNumberFormat.Render(0m, f) : null);
        Assert.Null(ExcelNumberFormat.ForText("１２", 12m));
    }
}
