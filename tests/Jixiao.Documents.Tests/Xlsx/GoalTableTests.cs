using Jixiao.Core.Model;
using Jixiao.Core.Workflow;
using Jixiao.Documents.Export;
using Jixiao.Documents.Reading;
using Jixiao.Tests;

namespace Jixiao.Documents.Tests.Xlsx;

/// <summary>A 绩效目标表 is read by the self-evaluation readers: as text (its title names it) and as xlsx in the official layout.</summary>
public class GoalTableTests
{
    private static string GoalFile => Path.Combine(RepoPaths.Root, "testdata", "goals", "就业补助资金绩效目标表.txt");

    [Fact]
    public void The_goal_table_reads_from_text_and_from_its_xlsx_with_the_same_targets_budget_and_goal()
    {
        var text = (SelfEvaluationTable)Assert.Single(DocumentReaders.ReadFile(GoalFile).Documents);
        Assert.Empty(GoalCarryOver.Problems(text));
        Assert.Equal("就业补助资金转移支付绩效目标表", text.Title);
        Assert.Equal(50000.00m, text.TotalFund!.Budget.Value);

        using var xlsx = new MemoryStream(TableXlsxWriter.Write(text));
        var read = (SelfEvaluationTable)Assert.Single(DocumentReaders.Read("目标表.xlsx", xlsx).Documents);
        Assert.Empty(GoalCarryOver.Problems(read));
        Assert.Equal(text.Indicators.Select(i => (i.Name, i.Target)), read.Indicators.Select(i => (i.Name, i.Target)));
        Assert.Equal(50000.00m, read.TotalFund!.Budget.Value);
        Assert.Equal(text.OverallGoal, read.OverallGoal);
        Assert.Equal("就业补助资金转移支付绩效自评表", GoalCarryOver.YearEndTitle(read.Title));
    }
}
