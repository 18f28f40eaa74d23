using System.Text;
using Jixiao.Documents.Export;
using Jixiao.Documents.Monitoring;

namespace Jixiao.Documents.Tests.Monitoring;

public class MonthlyExecutionReaderTests
{
    [Fact]
    public void An_xlsx_with_a_unit_line_and_columns_in_any_order_is_read_in_wan_yuan()
    {
        var sheet = new SheetSpec("执行");
        sheet.Text(1, 1, "金额单位：元", default);
        string[] header = ["累计执行数", "月份", "单位名称", "全年预算数", "资金名称"];
        for (var c = 0; c < header.Length; c++) sheet.Text(2, c + 1, header[c], default);
        sheet.Put(3, 1, new CellSpec { Number = 123456m });
        sheet.Text(3, 2, "3月", default);
        sheet.Text(3, 3, "某县就业服务中心", default);
        sheet.Put(3, 4, new CellSpec { Number = 1000000m });
        sheet.Text(3, 5, "就业补助资金", default);
        var bytes = XlsxBuilder.Build([sheet]);
        var read = MonthlyExecutionReader.Read("执行.xlsx", bytes);
        Assert.Empty(read.Errors);
        Assert.Equal(("元", true), (read.MoneyUnit, read.MoneyUnitStated));
        var line = Assert.Single(read.Lines);
        Assert.Equal(new MonthlyExecutionLine(3, "某县就业服务中心", "就业补助资金", 3, null, 100m, 12.3456m), line);
    }

    [Fact]
    public void Tab_text_without_a_unit_is_in_wan_yuan_and_every_bad_row_is_named()
    {
        var text = "单位\t资金名称\t月份\t预算数\t累计执行数\n甲单位\t甲资金\t2024-06\t100\t40\n\n乙单位\t\t十二月\t100\tabc\n甲单位\t甲资金\t6\t100\t41\n";
        var read = MonthlyExecutionReader.Read("执行.txt", Encoding.UTF8.GetBytes(text));
        Assert.Equal(("万元", false), (read.MoneyUnit, read.MoneyUnitStated));
        Assert.Equal(2024, read.Lines[0].Year);
        Assert.Equal(
            ["第 4 行：没有填写资金名称；月份“十二月”无法识别（应为 1–12，或“2024年6月”“2024-06”）；累计执行数“abc”不是数字。", "第 2、5 行：甲单位“甲资金”6月重复出现。"],
            read.Errors);
    }

    [Fact]
    public void A_file_without_the_five_columns_says_what_it_found()
    {
        var read = MonthlyExecutionReader.Read("x.csv", Encoding.UTF8.GetBytes("名称,金额\n甲,1\n"));
        Assert.Empty(read.Lines);
        Assert.Equal("x.csv：没有找到表头行（应有 单位、资金名称、月份、预算数、累计执行数 五列，顺序不限）；第一行是“名称、金额”。", Assert.Single(read.Errors));
    }

    [Fact]
    public void A_broken_workbook_or_binary_file_is_refused_in_Chinese()
    {
        var broken = new byte[] { (byte)'P', (byte)'K', 3, 4, 0, 0, 0, 0, 1, 2, 3 };
        Assert.Contains("执行.xlsx", Assert.ThrowsAny<Jixiao.Documents.Reading.UnreadableFileException>(() => MonthlyExecutionReader.Read("执行.xlsx", broken)).Message);
        var binary = Enumerable.Range(0, 512).Select(i => (byte)(i * 37 % 256)).ToArray();
        Assert.ThrowsAny<Jixiao.Documents.Reading.UnreadableFileException>(() => MonthlyExecutionReader.Read("执行.csv", binary));
    }
}
