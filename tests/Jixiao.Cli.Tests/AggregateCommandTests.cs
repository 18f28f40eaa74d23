using System.Text.Json;
using Jixiao.Cli;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests;

public class AggregateCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Aggregate_json_sums_the_tables_of_one_fund()
    {
        // 就业补助资金 (49537.02 / 29490.52), 高校毕业生到中小企业…就业补助资金项目 (2318.61 / 468.32), 自治区就业补助资金 (39199.96 / 27922.87).
        var (code, output, err) = Run("aggregate", RepoPaths.Seed("000"), "--fund", "就业补助资金", "--json");
        Assert.True(code == 0, err);
        using var json = JsonDocument.Parse(output);
        var se = json.RootElement.GetProperty("selfEvaluation");
        Assert.Equal(3, se.GetProperty("contributors").GetArrayLength());
        var total = se.GetProperty("funds")[0];
        Assert.Equal("total", total.GetProperty("source").GetString());
        Assert.Equal(91055.59m, total.GetProperty("budget").GetDecimal());
        Assert.Equal(57881.71m, total.GetProperty("execution").GetDecimal());
        Assert.Equal(63.57m, total.GetProperty("rate").GetDecimal()); // 57881.71 / 91055.59
        Assert.Equal(3, total.GetProperty("budgetBy").GetArrayLength());
        Assert.Equal("transfer-self-evaluation", se.GetProperty("table").GetProperty("kind").GetString());
        Assert.True(se.TryGetProperty("findings", out _));
    }

    [Fact]
    public void Aggregate_prints_a_chinese_report_and_writes_xlsx()
    {
        var dir = Directory.CreateTempSubdirectory("jixiao-agg-").FullName;
        try
        {
            var (code, output, err) = Run("aggregate", RepoPaths.Seed("000"), "--fund", "就业补助资金", "--by", "呼和浩特市人力资源和社会保障局", "--out", dir, "--to", "xlsx");
            Assert.True(code == 0, err);
            Assert.Contains("资金投入情况", output);
            Assert.Contains("91,055.59", output);
            Assert.Contains("汇总表检查", output);
            Assert.Single(Directory.GetFiles(dir, "*.xlsx"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Aggregate_of_an_unknown_fund_exits_one()
    {
        var (code, _, err) = Run("aggregate", RepoPaths.Seed("000"), "--fund", "不存在的资金");
        Assert.Equal(1, code);
        Assert.Contains("不存在的资金", err);
    }
}
