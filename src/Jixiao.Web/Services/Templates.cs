using System.Globalization;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Core.Provenance;
using Jixiao.Core.Serialization;
using Jixiao.Core.Workflow;

namespace Jixiao.Web.Services;

/// <summary>Blank tables in the official layouts, and next year's copy of a table.</summary>
public static class Templates
{
    public static readonly string[] ManagementAspects = ["分配科学性", "下达及时性", "拨付合规性", "使用规范性", "执行准确性", "预算绩效管理情况", "支出责任履行情况"];

    public static SelfEvaluationTable Blank(string template, int year, string? unit)
    {
        SelfEvaluationTable t = template == "project" ? new ProjectSelfEvaluation() : new TransferSelfEvaluation();
        t.Year = year;
        t.ImplementingUnit = unit;
        t.Unit = unit;
        t.DeclaredUnit = template == "project" ? MoneyUnit.Yuan : MoneyUnit.WanYuan;
        if (t is ProjectSelfEvaluation p)
        {
            t.Title = $"项目支出绩效自评表（{year}年度）";
            t.Funds =
            [
                new FundRow { Label = "年度资金总额", Source = FundSourceKind.Total, Points = Figure.Of(10m) },
                new FundRow { Label = "其中：当年财政拨款", Source = FundSourceKind.CurrentAppropriation },
                new FundRow { Label = "上年结转资金", Source = FundSourceKind.CarryOver },
                new FundRow { Label = "其他资金", Source = FundSourceKind.Other },
            ];
            p.StatedTotalScore = Figure.Blank();
        }
        else
        {
            t.Title = $"转移支付绩效自评表（{year}年度）";
            t.Funds =
            [
                new FundRow { Label = "年度资金总额", Source = FundSourceKind.Total },
                new FundRow { Label = "其中：中央财政资金", Source = FundSourceKind.Central },
                new FundRow { Label = "省级财政资金", Source = FundSourceKind.Provincial },
                new FundRow { Label = "市级财政资金", Source = FundSourceKind.City },
                new FundRow { Label = "县级财政资金", Source = FundSourceKind.County },
                new FundRow { Label = "其他资金", Source = FundSourceKind.Other },
            ];
            t.Management = ManagementAspects.Select(a => new ManagementItem { Aspect = a }).ToList();
        }
        t.Indicators =
        [
            Row("产出指标", IndicatorLevel1.Output, "数量指标", IndicatorLevel2.Quantity),
            Row("产出指标", IndicatorLevel1.Output, "质量指标", IndicatorLevel2.Quality),
            Row("产出指标", IndicatorLevel1.Output, "时效指标", IndicatorLevel2.Timeliness),
            Row("效益指标", IndicatorLevel1.Effect, "社会效益指标", IndicatorLevel2.Social),
            Row("满意度指标", IndicatorLevel1.Satisfaction, "服务对象满意度指标", IndicatorLevel2.Satisfaction),
        ];
        if (t is ProjectSelfEvaluation)
            foreach (var r in t.Indicators) { r.Weight = Figure.Blank(); r.Score = Figure.Blank(); }
        AssignLogicalRefs(t);
        return t;
    }

    private static IndicatorRow Row(string l1, IndicatorLevel1 level1, string l2, IndicatorLevel2 level2) =>
        new() { Level1Label = l1, Level1 = level1, Level2Label = l2, Level2 = level2, Name = "" };

    /// <summary>Next year's copy: structure, names, budgets' layout and targets kept; this year's results cleared.</summary>
    public static SelfEvaluationTable NextYear(SelfEvaluationTable last)
    {
        var copy = CanonicalJson.Copy(last);
        var from = last.Year;
        var to = (from ?? DateTime.Now.Year - 1) + 1;
        copy.Id = "";
        copy.Year = to;
        copy.Source = null;
        if (from is { } f) copy.Title = copy.Title.Replace(f.ToString(CultureInfo.InvariantCulture), to.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        foreach (var row in copy.Funds)
        {
            row.Budget = Figure.Blank();
            if (row.InitialBudget is not null) row.InitialBudget = Figure.Blank();
            if (row.InitialBudgetDeclared is not null) row.InitialBudgetDeclared = null;
        }
        TableResults.Clear(copy);
        foreach (var m in copy.Management) { m.Description = null; m.Problems = null; }
        copy.Remarks = null;
        AssignLogicalRefs(copy);
        return copy;
    }

    /// <summary>
    /// Gives every cell a reference by table › row › column (no file, no line), so that findings on a table
    /// entered in the browser point at their cells as findings on an imported one do.
    /// </summary>
    public static void AssignLogicalRefs(SelfEvaluationTable t)
    {
        t.Source = null;
        t.DeclaredUnitAt = new SourceRef { Table = "资金投入情况" };
        foreach (var r in t.Funds)
        {
            var at = new SourceRef { Table = "资金投入情况", Row = r.Label };
            r.At = at;
            r.Budget = r.Budget with { At = at.WithColumn("全年预算数（A）") };
            r.Execution = r.Execution with { At = at.WithColumn("全年执行数（B）") };
            r.Rate = r.Rate with { At = at.WithColumn("执行率（B/A）") };
            if (r.InitialBudget is not null) r.InitialBudget = r.InitialBudget with { At = at.WithColumn("年初预算数") };
            if (r.Balance is not null) r.Balance = r.Balance with { At = at.WithColumn("结转结余") };
            if (r.Points is not null) r.Points = r.Points with { At = at.WithColumn("分值") };
            if (r.Score is not null) r.Score = r.Score with { At = at.WithColumn("得分") };
        }
        foreach (var m in t.Management) m.At = new SourceRef { Table = "资金管理情况", Row = m.Aspect };
        t.GoalsAt = new SourceRef { Table = "总体目标" };
        foreach (var i in t.Indicators)
        {
            var at = new SourceRef { Table = "绩效指标", Row = i.Name };
            i.At = at;
            if (i.Weight is not null) i.Weight = i.Weight with { At = at.WithColumn("权重") };
            if (i.Score is not null) i.Score = i.Score with { At = at.WithColumn("得分") };
        }
        t.RemarksAt = new SourceRef { Table = "说明" };
        if (t is ProjectSelfEvaluation p)
        {
            p.StatedGradeAt = new SourceRef { Table = "评价等级", Row = "评价等级" };
            if (p.StatedTotalScore is not null) p.StatedTotalScore = p.StatedTotalScore with { At = new SourceRef { Table = "总分", Row = "总分", Column = "得分" } };
        }
    }
}
