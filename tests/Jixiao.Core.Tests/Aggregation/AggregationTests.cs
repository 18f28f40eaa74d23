using Jixiao.Core.Aggregation;
using Jixiao.Core.Checks;
using Jixiao.Core.FinalAccounts;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Core.Rules;
using Jixiao.Documents.Reading;

namespace Jixiao.Core.Tests.Aggregation;

/// <summary>
/// The 汇总 of the Hohhot employment tables of seed 000 (就业补助资金 and its four sub-fund tables), checked against
/// sums worked out by hand from the seed text (lines 552–556, 794–805, 976–987, 1182–1193, 1333–1346).
/// </summary>
public sealed class AggregationTests
{
    private static string SeedPath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var c = Path.Combine(dir.FullName, "testdata", "seeds", "000_66f46ff16e0133a5.txt");
                if (File.Exists(c)) return c;
            }
            throw new FileNotFoundException("seed 000");
        }
    }

    private static List<TransferSelfEvaluation> EmploymentTables()
    {
        var docs = DocumentReaders.ReadFile(SeedPath).Documents.OfType<TransferSelfEvaluation>().ToList();
        string[] titles = ["就业补助资金转移支付绩效自评表", "高校毕业生到中小企业及非公有制组织就业补助资金转移支付绩效自评表", "高校毕业生社区民生志愿者补助资金转移支付绩效自评表", "自治区就业补助资金绩效自评表", "“三支一扶”计划补助资金转移支付绩效自评表"];
        return titles.Select(t => docs.Single(d => d.Title == t)).ToList();
    }

    private static AggregationResult Aggregate() =>
        SelfEvaluationAggregator.Aggregate(EmploymentTables().Select((t, i) => new AggregationInput(t, $"表{i + 1}", $"doc{i + 1}")).ToList(),
            new AggregationOptions { Aggregator = "呼和浩特市人力资源和社会保障局", Region = "呼和浩特市", Fund = "就业补助资金", Year = 2023 });

    [Fact]
    public void Fund_input_is_summed_by_source_with_rates_recomputed()
    {
        var r = Aggregate();
        Assert.Equal(MoneyUnit.WanYuan, r.Unit);
        AggregatedFundRow Row(FundSourceKind k) => r.Funds.Single(f => f.Source == k);
        // 49537.02 + 2318.61 + 7200.58 + 39199.96 + 4027.75 ; 29490.52 + 468.32 + 5575.86 + 27922.87 + 2540.54
        Assert.Equal(102283.92m, Row(FundSourceKind.Total).Budget);
        Assert.Equal(65998.11m, Row(FundSourceKind.Total).Execution);
        Assert.Equal(64.52m, Row(FundSourceKind.Total).Rate);
        // 中央: 49537.02 + 1134.00 ; 29490.52 + 532.14
        Assert.Equal(50671.02m, Row(FundSourceKind.Central).Budget);
        Assert.Equal(30022.66m, Row(FundSourceKind.Central).Execution);
        Assert.Equal(59.25m, Row(FundSourceKind.Central).Rate);
        // 自治区: 1311.00 + 1975.16 + 7447.88 + 558.32 ; 201.21 + 1770.20 + 2265.44 + 388.31
        Assert.Equal(11292.36m, Row(FundSourceKind.Provincial).Budget);
        Assert.Equal(4625.16m, Row(FundSourceKind.Provincial).Execution);
        Assert.Equal(40.96m, Row(FundSourceKind.Provincial).Rate);
        // 盟市: 0.00 + 2034.24 + 3495.61 + 551.64 ; 0.00 + 1144.23 + 2768.83 + 414.73
        Assert.Equal(6081.49m, Row(FundSourceKind.City).Budget);
        Assert.Equal(4327.79m, Row(FundSourceKind.City).Execution);
        Assert.Equal(71.16m, Row(FundSourceKind.City).Rate);
        // 旗县: 141.16 + 1661.45 + 2862.01 + 665.41 ; 63.13 + 1636.86 + 2278.51 + 457.43
        Assert.Equal(5330.03m, Row(FundSourceKind.County).Budget);
        Assert.Equal(4435.93m, Row(FundSourceKind.County).Execution);
        Assert.Equal(83.23m, Row(FundSourceKind.County).Rate);
        // 其他: 866.45 + 1529.73 + 25394.46 + 1118.38 ; 203.98 + 1024.57 + 20610.09 + 747.93
        Assert.Equal(28909.02m, Row(FundSourceKind.Other).Budget);
        Assert.Equal(22586.57m, Row(FundSourceKind.Other).Execution);
        Assert.Equal(78.13m, Row(FundSourceKind.Other).Rate);
        // The sources add up to the total, as they must.
        Assert.Equal(Row(FundSourceKind.Total).Budget, r.Funds.Where(f => f.Source != FundSourceKind.Total).Sum(f => f.Budget ?? 0m));
    }

    [Fact]
    public void Every_aggregated_figure_drills_down_to_its_units()
    {
        var r = Aggregate();
        var total = r.Funds.Single(f => f.Source == FundSourceKind.Total);
        Assert.Equal(["表1", "表2", "表3", "表4", "表5"], total.BudgetBy.Select(c => c.Contributor));
        Assert.Equal(49537.02m, total.BudgetBy[0].Value);
        Assert.Equal("doc4", total.BudgetBy[3].DocumentId);
        var central = r.Funds.Single(f => f.Source == FundSourceKind.Central);
        Assert.Equal(["表1", "表5"], central.BudgetBy.Select(c => c.Contributor)); // only two tables have central money
        Assert.Equal(5, r.Contributors.Count);
    }

    [Fact]
    public void Indicators_merge_by_name_and_unit_rates_as_range_and_weighted_value()
    {
        var r = Aggregate();
        // 公共就业服务满意度: 表1 ≥85% → 95%, 表4 ≥95% → 98.00%; weights = 全年执行数 29490.52 and 27922.87.
        var sat = r.Indicators.Single(i => i.Name == "公共就业服务满意度");
        Assert.Equal(IndicatorMerge.RangeAndWeighted, sat.Merge);
        Assert.Equal(85m, sat.TargetMin);
        Assert.Equal(95m, sat.TargetMax);
        Assert.Equal(95m, sat.ActualMin);
        Assert.Equal(98m, sat.ActualMax);
        // (95×29490.52 + 98×27922.87) ÷ (29490.52 + 27922.87) = 96.459…
        Assert.Equal(96.46m, Math.Round(sat.WeightedActual!.Value, 2));
        // (85×29490.52 + 95×27922.87) ÷ 57413.39 = 89.863…
        Assert.Equal(89.86m, Math.Round(sat.WeightedTarget!.Value, 2));
        Assert.Equal("≥89.86%", sat.Target);
        Assert.Equal(["表1", "表4"], sat.Actuals.Select(a => a.Contributor));
        Assert.Contains("加权", sat.Basis);

        // 当年度服务期满人员就业率: three tables, all ≥90% → 90%.
        var jobs = r.Indicators.Single(i => i.Name == "当年度服务期满人员就业率");
        Assert.Equal(3, jobs.Targets.Count);
        Assert.Equal(90m, jobs.WeightedActual);

        // 因就业问题发生重大群体性事件的数量: 0起 / 0件 / ≥0 — units differ, so listed per unit.
        var events = r.Indicators.Where(i => i.Name == "因就业问题发生重大群体性事件的数量").ToList();
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal(IndicatorMerge.PerUnit, e.Merge));

        // 减少社会矛盾…: same qualitative text in two tables, kept as written.
        var same = r.Indicators.Single(i => i.Name.StartsWith("减少社会矛盾", StringComparison.Ordinal));
        Assert.Equal(IndicatorMerge.SameText, same.Merge);
        Assert.Equal("作用较显著", same.Target);
    }

    [Fact]
    public void A_unit_with_two_tables_keeps_each_rows_own_deviation_reason()
    {
        // One unit sends two tables of the same fund whose targets of an indicator cannot be merged (two different
        // qualitative texts): the indicator is listed per table, and each row keeps its own reason.
        var a = Jixiao.Core.Serialization.CanonicalJson.Copy(EmploymentTables()[0]);
        var b = Jixiao.Core.Serialization.CanonicalJson.Copy(EmploymentTables()[0]);
        var name = a.Indicators[0].Name;
        (a.Indicators[0].Target, a.Indicators[0].AdjustedTarget) = ("明显提高", null);
        (b.Indicators[0].Target, b.Indicators[0].AdjustedTarget) = ("有所提高", null);
        a.Indicators[0].DeviationReason = "甲表：资金下达晚";
        b.Indicators[0].DeviationReason = "乙表：项目调整";
        var r = SelfEvaluationAggregator.Aggregate([new AggregationInput(a, "甲单位", "a"), new AggregationInput(b, "甲单位", "b")],
            new AggregationOptions { Fund = "就业补助资金", Year = 2023 });
        var rows = r.Table.Indicators.Where(i => i.Name == $"{name}（甲单位）").ToList();
        Assert.Equal(["甲表：资金下达晚", "乙表：项目调整"], rows.Select(i => i.DeviationReason));
    }

    [Fact]
    public void Counts_are_summed_in_the_common_scale()
    {
        TransferSelfEvaluation T(string target, string actual, decimal b) => new()
        {
            Title = "t",
            FundName = "就业补助资金",
            Year = 2023,
            DeclaredUnit = MoneyUnit.WanYuan,
            Funds = [new FundRow { Label = "年度资金总额", Source = FundSourceKind.Total, Budget = Figure.Of(b), Execution = Figure.Of(b) }],
            Indicators = [new IndicatorRow { Level1Label = "产出指标", Level1 = IndicatorLevel1.Output, Level2Label = "数量指标", Name = "城镇新增就业人数", Target = target, Actual = actual }],
        };
        var r = SelfEvaluationAggregator.Aggregate([new(T("≥3.2万人", "3.33万人", 10), "甲"), new(T("≥1.1万人", "1.2万人", 20), "乙")]);
        var ind = r.Indicators.Single();
        Assert.Equal(IndicatorMerge.Summed, ind.Merge);
        Assert.Equal(43000m, ind.TargetSum);
        Assert.Equal(45300m, ind.ActualSum);
        Assert.Equal("≥4.3万人", ind.Target);
        Assert.Equal("4.53万人", ind.Actual);
    }

    [Fact]
    public void The_aggregate_is_a_table_the_engine_checks()
    {
        var r = Aggregate();
        Assert.Equal("就业补助资金", r.Table.FundName);
        Assert.Equal(2023, r.Table.Year);
        Assert.Equal("102,283.92", r.Table.TotalFund!.Budget.Text);
        Assert.Equal("64.52%", r.Table.TotalFund.Rate.Text);
        Assert.Equal(7, r.Table.Management.Count);
        var report = Engine.Check([r.Table], RuleSet.Default);
        // The sums of the sources equal the total: no arithmetic finding on the fund block.
        Assert.DoesNotContain(report.Findings, f => f.Rule is "SE-FUND-SUM-A" or "SE-FUND-SUM-B" or "SE-FUND-RATE");
        Assert.NotEmpty(report.Coverage[r.Table.Id]);
    }

    [Fact]
    public void Mixed_units_are_converted_to_wan_yuan()
    {
        var yuan = new TransferSelfEvaluation
        {
            Title = "a",
            FundName = "f",
            DeclaredUnit = MoneyUnit.Yuan,
            Funds = [new FundRow { Label = "年度资金总额", Source = FundSourceKind.Total, Budget = Figure.Of(1_000_000m), Execution = Figure.Of(500_000m) }],
        };
        var wan = new TransferSelfEvaluation
        {
            Title = "b",
            FundName = "f",
            DeclaredUnit = MoneyUnit.WanYuan,
            Funds = [new FundRow { Label = "年度资金总额", Source = FundSourceKind.Total, Budget = Figure.Of(100m), Execution = Figure.Of(100m) }],
        };
        var r = SelfEvaluationAggregator.Aggregate([new(yuan, "甲"), new(wan, "乙")]);
        Assert.Equal(200m, r.Funds[0].Budget);
        Assert.Equal(150m, r.Funds[0].Execution);
        Assert.Equal(75.00m, r.Funds[0].Rate);
        Assert.Contains(r.Notes, n => n.Contains("换算", StringComparison.Ordinal));
    }

    [Fact]
    public void Final_accounts_offset_internal_transfers_and_say_which()
    {
        FinalAccountsDisclosure D(string unit, decimal incomeTotal, decimal upper, decimal affiliated, decimal expTotal, decimal remit, decimal subsidy) => new()
        {
            Title = unit + "部门决算",
            Unit = unit,
            Year = 2022,
            DeclaredUnit = MoneyUnit.Yuan,
            Income = new IncomeTable { Total = new IncomeRow { Total = Figure.Of(incomeTotal), Appropriation = Figure.Of(incomeTotal - upper - affiliated), UpperSubsidy = Figure.Of(upper), Affiliated = Figure.Of(affiliated) } },
            Expenditure = new ExpenditureTable { Total = new ExpenditureRow { Total = Figure.Of(expTotal), Basic = Figure.Of(expTotal - remit - subsidy), RemitToUpper = Figure.Of(remit), SubsidyToAffiliated = Figure.Of(subsidy) } },
        };
        // 本级 subsidises its unit 300 and receives 50 remitted; the unit receives 300 from above and remits 50.
        var dept = D("人社局本级", 1000m, 0m, 50m, 1000m, 0m, 300m);
        var unit = D("就业服务中心", 500m, 300m, 0m, 480m, 50m, 0m);
        var r = FinalAccountsAggregator.Aggregate([new(dept, "人社局本级"), new(unit, "就业服务中心")]);
        Assert.Equal(1500m, r.IncomeColumn("本年收入合计")!.Sum);
        Assert.Equal(1150m, r.IncomeColumn("本年收入合计")!.Consolidated); // 1500 − 50 − 300
        Assert.Equal(1480m, r.ExpenditureColumn("本年支出合计")!.Sum);
        Assert.Equal(1130m, r.ExpenditureColumn("本年支出合计")!.Consolidated);
        var remit = r.Offsets.Single(o => o.PaidColumn == "上缴上级支出");
        Assert.Equal(50m, remit.Offset);
        Assert.Equal("就业服务中心", remit.PaidBy.Single().Contributor);
        Assert.Equal("人社局本级", remit.ReceivedBy.Single().Contributor);
        var subsidy = r.Offsets.Single(o => o.PaidColumn == "对附属单位补助支出");
        Assert.Equal(300m, subsidy.Offset);
        Assert.Equal(0m, subsidy.Difference);
        Assert.Contains("抵消 300.00元", subsidy.Explanation);
    }

    [Fact]
    public void Outturn_deviation_bands_follow_pefa_pi1()
    {
        var lines = new[]
        {
            new OutturnLine("呼和浩特市", 2021, "甲", 100m, 100m, 97m),
            new OutturnLine("呼和浩特市", 2022, "甲", 100m, 80m, 80m),
            new OutturnLine("呼和浩特市", 2023, "甲", 100m, 100m, 104m),
        };
        var r = BudgetCredibility.Assess(lines).Single();
        Assert.Equal(["A", "D", "A"], r.Years.Select(y => y.Band));
        Assert.Equal(80m, r.Years[1].Percent); // against the original 100, not the cut 80
        Assert.Equal("A", r.Pi1Score);
        Assert.Equal("B", BudgetCredibility.OutturnBand(91m));
        Assert.Equal("C", BudgetCredibility.OutturnBand(114.9m));
    }

    [Fact]
    public void Execution_pace_lights_use_the_thresholds()
    {
        Assert.Equal(MonitoringLight.Green, ExecutionMonitoring.Assess(6, 100m, 45m).Light);   // 45% of 50% = 90
        Assert.Equal(MonitoringLight.Yellow, ExecutionMonitoring.Assess(6, 100m, 35m).Light);  // 70
        Assert.Equal(MonitoringLight.Red, ExecutionMonitoring.Assess(6, 100m, 25m).Light);     // 50
        Assert.Equal(MonitoringLight.None, ExecutionMonitoring.Assess(6, null, 25m).Light);
        Assert.Equal(MonitoringLight.Green, ExecutionMonitoring.Assess(6, 100m, 35m, new MonitoringThresholds { RedBelow = 50, YellowBelow = 70 }).Light);
    }
}
