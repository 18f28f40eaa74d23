using System.Globalization;
using Jixiao.Core.Model;
using Jixiao.Core.Money;

namespace Jixiao.Bench.Generator;

/// <summary>
/// Generates realistic self-evaluation tables: transfer-payment tables in the layout of seed 001 (万元, five
/// fund sources, seven management items, goals, indicators, 说明, 注) and project tables in the Shanxi
/// appendix layout of seed 004 (元, 年初/全年预算, 结转结余, weights and scores, narrative with the stated
/// scores and grade). Table <c>i</c> depends only on (seed, i): <see cref="Random"/> seeded from both, no
/// clock and no Guid, so any slice of a corpus of any size can be generated alone and in parallel.
/// </summary>
public sealed class TableGenerator(GeneratorOptions options)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public GeneratorOptions Options { get; } = options;

    /// <summary>The tables with indexes [start, start + count).</summary>
    public IEnumerable<GeneratedTable> Generate(long start, int count)
    {
        for (var i = 0; i < count; i++) yield return Generate(start + i);
    }

    public GeneratedTable Generate(long index)
    {
        var rng = new Random(SeedFor(Options.Seed, index));
        var project = rng.NextDouble() < Options.ProjectShare;
        var defects = PickDefects(rng, project ? Defects.Project : Defects.Transfer);
        var id = $"gen-{Options.Seed}-{index:D7}";
        SelfEvaluationTable table = project ? Project(rng, id, defects) : Transfer(rng, id, defects);
        return new GeneratedTable(index, table, defects);
    }

    /// <summary>A 32-bit seed from (seed, index) by SplitMix64: neighbouring indexes get unrelated streams.</summary>
    public static int SeedFor(int seed, long index)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed << 32) ^ (ulong)index;
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & 0x7FFFFFFF);
        }
    }

    private List<Defect> PickDefects(Random rng, Defect[] pool)
    {
        var list = new List<Defect>(2);
        if (rng.NextDouble() >= Options.DefectShare) return list;
        list.Add(pool[rng.Next(pool.Length)]);
        if (rng.NextDouble() < Options.SecondDefectShare)
        {
            var second = pool[rng.Next(pool.Length)];
            if (second != list[0]) list.Add(second);
        }
        return list;
    }

    // ------------------------------------------------------------------ transfer tables (seed 001 layout)

    private TransferSelfEvaluation Transfer(Random rng, string id, List<Defect> defects)
    {
        var (city, counties) = Vocab.InnerMongolia[rng.Next(Vocab.InnerMongolia.Length)];
        var county = counties[rng.Next(counties.Length)];
        var fund = Vocab.TransferFunds[rng.Next(Vocab.TransferFunds.Length)];
        var head = fund.Name.Split('（')[0];
        var unit = county + fund.Unit;
        var t = new TransferSelfEvaluation
        {
            Id = id,
            Title = head + "绩效自评表",
            Year = Options.Year,
            FundName = fund.Name,
            CentralDepartment = fund.CentralDepartment,
            CompetentDepartment = county + fund.LocalDepartment,
            ImplementingUnit = unit,
            Unit = unit,
            DeclaredUnit = MoneyUnit.WanYuan,
            Remarks = "无",
        };

        // Funds in 万元 with two decimals; YuanUnderWan writes the same amounts in yuan.
        var yuan = defects.Contains(Defect.YuanUnderWan);
        var totalA = Money(rng, yuan ? 200m : 20m, 30000m);
        var shares = new decimal[4];
        shares[0] = rng.Next(0, 4) == 0 ? 0m : Math.Round((decimal)(0.4 + rng.NextDouble() * 0.5), 2);
        shares[1] = rng.Next(0, 3) == 0 ? 0m : Math.Round((decimal)(rng.NextDouble() * (double)(1m - shares[0]) * 0.5), 2);
        shares[2] = rng.Next(0, 3) == 0 ? 0m : Math.Round((decimal)(rng.NextDouble() * (double)(1m - shares[0] - shares[1]) * 0.4), 2);
        shares[3] = 1m - shares[0] - shares[1] - shares[2];
        var labels = new[] { "其中：中央财政资金", "自治区财政资金", "盟市财政资金", "旗县财政资金" };
        var kinds = new[] { FundSourceKind.Central, FundSourceKind.Provincial, FundSourceKind.City, FundSourceKind.County };
        var a = new decimal[4];
        var b = new decimal[4];
        var allocated = 0m;
        for (var k = 0; k < 4; k++)
        {
            a[k] = k < 3 ? Math.Round(totalA * shares[k], 2) : totalA - allocated;
            allocated += a[k];
            b[k] = a[k] == 0m ? 0m : Math.Round(a[k] * ExecutionRate(rng), 2);
        }
        if (defects.Contains(Defect.DivZero) && Array.TrueForAll(a, x => x != 0m))
        {
            // move the provincial share into the county share so that one source is zero
            a[3] += a[1];
            b[3] += b[1];
            a[1] = 0m;
            b[1] = 0m;
        }
        var scale = yuan ? 10_000m : 1m;
        string Amount(decimal v) => (v * scale).ToString("0.00", Inv);
        var totalB = b.Sum();
        var rows = new List<FundRow> { TransferFundRow("年度资金总额", FundSourceKind.Total, Amount(totalA), Amount(totalB), Percent(totalB, totalA)) };
        var divZeroDone = false;
        for (var k = 0; k < 4; k++)
        {
            string rate;
            if (a[k] != 0m) rate = Percent(b[k], a[k]);
            else if (defects.Contains(Defect.DivZero) && !divZeroDone) { rate = "#DIV/0!"; divZeroDone = true; }
            else rate = rng.Next(2) == 0 ? "" : "—";
            rows.Add(TransferFundRow(labels[k], kinds[k], Amount(a[k]), Amount(b[k]), rate));
        }
        rows.Add(new FundRow { Label = "其他资金（包括以前年度结转资金）", Source = FundSourceKind.Other });
        t.Funds = rows;
        if (defects.Contains(Defect.SumMismatch))
        {
            // a component's budget raised: the sources no longer add up to the total (its own rate stays right)
            var k = 1 + Array.FindIndex(a, x => x > 0m);
            var delta = Math.Round(Math.Max(1m, totalA * 0.03m) + rng.Next(1, 99) / 100m, 2);
            var comp = t.Funds[k];
            var newA = a[k - 1] + delta;
            t.Funds[k] = TransferFundRow(comp.Label, comp.Source, Amount(newA), comp.Execution.Text!, Percent(b[k - 1], newA));
        }
        if (defects.Contains(Defect.RateMismatch))
        {
            var total = t.Funds[0];
            var wrong = Math.Round(Math.Max(0m, Math.Min(99.5m, Math.Round(totalB / totalA * 100m, 2) - 3.17m - rng.Next(0, 500) / 100m)), 2);
            t.Funds[0] = TransferFundRow(total.Label, total.Source, total.Budget.Text!, total.Execution.Text!, wrong.ToString("0.00", Inv) + "%");
        }

        t.Management = Jixiao.Documents.Text.Vocabulary.ManagementAspects
            .Select((aspect, k) => new ManagementItem { Aspect = aspect, Description = Vocab.ManagementDescriptions[k], Problems = "无" })
            .ToList();
        t.OverallGoal = $"1.确保{fund.Subject}资金按时足额发放到位。2.确保资金及时准确下达，分配科学合理，拨付程序合规，防止资金挪用。3.进一步提升资金使用效率和服务水平。";
        t.OverallActual = $"{Options.Year}年度转移支付资金包括中央、自治区、盟市及旗县资金已按规定拨付到位，共计{(totalB * scale).ToString("0.00", Inv)}{(yuan ? "元" : "万元")}，各项绩效目标基本完成。";
        t.Indicators = Indicators(rng, fund.Subject, project: false, achievementStyle: false, defects).Select(x => x.Row).ToList();
        if (defects.Contains(Defect.RemarksPlaceholder))
            t.Remarks = "请在此处简要说明中央巡视、各级审计和财政监督中发现的问题及其所涉及的金额，如没有请填无。";
        t.Footnotes = [.. Vocab.Footnotes];
        return t;
    }

    private static FundRow TransferFundRow(string label, FundSourceKind kind, string a, string b, string rate) => new()
    {
        Label = label,
        Source = kind,
        Budget = Figure.Parse(a),
        Execution = Figure.Parse(b),
        Rate = Figure.Parse(rate),
    };

    // ------------------------------------------------------------------ project tables (seed 004 layout)

    private ProjectSelfEvaluation Project(Random rng, string id, List<Defect> defects)
    {
        var (city, counties) = Vocab.Shanxi[rng.Next(Vocab.Shanxi.Length)];
        var county = counties[rng.Next(counties.Length)];
        var name = Vocab.ProjectNames[rng.Next(Vocab.ProjectNames.Length)];
        var year = Options.Year;
        var title = $"{year}年{county}{name}";
        var unit = county + Vocab.ProjectUnits[rng.Next(Vocab.ProjectUnits.Length)];
        var p = new ProjectSelfEvaluation
        {
            Id = id,
            Title = title,
            FundName = title,
            Year = year,
            Unit = unit,
            ImplementingUnit = unit,
            DeclaredUnit = MoneyUnit.Yuan,
        };

        // Funds in yuan, whole or with cents, thousands separators; rate and score on the 合计 row only.
        var cents = rng.Next(3) == 0;
        var sources = rng.Next(1, 4);
        var labels = new[] { "市县区财政资金", "中央财政资金", "省级财政资金" };
        var kinds = new[] { FundSourceKind.CityCounty, FundSourceKind.Central, FundSourceKind.Provincial };
        var initial = new decimal[sources];
        var full = new decimal[sources];
        var exec = new decimal[sources];
        var cut = defects.Contains(Defect.BudgetCut);
        for (var k = 0; k < sources; k++)
        {
            initial[k] = Yuan(rng, 3_000m, 3_000_000m, cents);
            full[k] = initial[k];
            exec[k] = RoundYuan(full[k] * ExecutionRate(rng), cents);
            if (cut)
            {
                // the full-year budget cut down to what was spent: 100% on paper, much less against 年初预算
                exec[k] = RoundYuan(initial[k] * (decimal)(0.55 + rng.NextDouble() * 0.35), cents);
                full[k] = exec[k];
            }
        }
        string Fmt(decimal v) => v.ToString(cents ? "#,##0.00" : "#,##0", Inv);
        var tI = initial.Sum();
        var tA = full.Sum();
        var tB = exec.Sum();
        var executionPoints = Math.Round(Math.Min(10m, 10m * tB / tA), 2, MidpointRounding.AwayFromZero);
        var rateText = Math.Round(tB / tA * 100m, 2, MidpointRounding.AwayFromZero).ToString("0.##", Inv);
        if (rng.Next(2) == 0) rateText += "%";
        if (defects.Contains(Defect.RateMismatch))
            rateText = Math.Max(0m, Math.Round(tB / tA * 100m, 2, MidpointRounding.AwayFromZero) - 2.41m - rng.Next(0, 300) / 100m).ToString("0.00", Inv) + "%";
        p.Funds.Add(ProjectFundRow("合计", FundSourceKind.Total, Fmt(tI), Fmt(tA), Fmt(tB), Fmt(tA - tB), rateText, executionPoints.ToString("0.##", Inv)));
        for (var k = 0; k < sources; k++)
            p.Funds.Add(ProjectFundRow(labels[k], kinds[k], Fmt(initial[k]), Fmt(full[k]), Fmt(exec[k]), Fmt(full[k] - exec[k]), null, null));
        if (defects.Contains(Defect.SumMismatch))
        {
            // one source's 全年预算 raised (its balance follows): the sources no longer add up to 合计
            var row = p.Funds[1];
            var newA = full[0] + RoundYuan(Math.Max(100m, tA * 0.05m) + rng.Next(1, 999), cents);
            p.Funds[1] = ProjectFundRow(row.Label, row.Source, row.InitialBudget!.Text!, Fmt(newA), row.Execution.Text!, Fmt(newA - exec[0]), null, null);
        }
        p.StatedExecutionScore = p.Funds[0].Score;

        var achievementStyle = rng.Next(3) == 0;
        var indicators = Indicators(rng, name, project: true, achievementStyle, defects);
        Weigh(rng, indicators, defects);
        p.Indicators = indicators.Select(x => x.Row).ToList();

        var indicatorPoints = indicators.Sum(x => x.Score);
        var total = executionPoints + indicatorPoints;
        var grade = Grade(total);
        if (defects.Contains(Defect.GradeMismatch)) grade = grade switch { "优" => "良", "良" => "优", "中" => "良", _ => "中" };
        p.StatedIndicatorScore = Figure.Parse(indicatorPoints.ToString("0.##", Inv));
        p.StatedTotalScore = Figure.Parse(total.ToString("0.##", Inv));
        p.StatedGrade = grade;
        p.Narrative = Narrative(rng, p, name, tA, tB, executionPoints, indicatorPoints, total, grade);
        return p;
    }

    private static FundRow ProjectFundRow(string label, FundSourceKind kind, string initial, string a, string b, string balance, string? rate, string? score) => new()
    {
        Label = label,
        Source = kind,
        InitialBudgetDeclared = Figure.Parse(initial),
        InitialBudget = Figure.Parse(initial),
        Budget = Figure.Parse(a),
        Execution = Figure.Parse(b),
        Balance = Figure.Parse(balance),
        Rate = Figure.Parse(rate),
        Score = score is null ? null : Figure.Parse(score),
    };

    private static string Grade(decimal total) => total >= 90m ? "优" : total >= 80m ? "良" : total >= 60m ? "中" : "差";

    private static List<ReportSection> Narrative(Random rng, ProjectSelfEvaluation p, string name, decimal a, decimal b, decimal exec, decimal ind, decimal total, string grade)
    {
        var people = rng.Next(2, 40) * 1000;
        var basis = Vocab.ProjectBases[rng.Next(Vocab.ProjectBases.Length)];
        string S(decimal v) => v.ToString("0.##", Inv);
        return
        [
            new() { Number = "一", Level = 1, Heading = "项目基本信息", Text = "" },
            new() { Number = "一", Level = 2, Heading = "项目概况", Text = $"项目概况：{name}项目服务对象约{people}人，纳入本级财政预算，保障相关工作正常开展。立项依据：{basis}" },
            new() { Number = "二", Level = 2, Heading = "项目绩效目标", Text = $"保证{name}各项工作按时保质完成，资金及时足额拨付，服务对象满意度保持在较高水平。" },
            new() { Number = "二", Level = 1, Heading = "项目绩效完成情况", Text = "" },
            new() { Number = "一", Level = 2, Heading = "预算执行情况", Text = "" },
            new() { Number = "二", Level = 2, Heading = "绩效指标完成情况", Text = "" },
            new() { Number = "三", Level = 1, Heading = "项目自评结果", Text = "" },
            new() { Number = "1", Level = 3, Heading = "项目自评得分和结论", Text = $"综合考虑预算执行情况得分{S(exec)}分，产出、效益、服务对象满意度各方面因素，指标完成情况得分{S(ind)}分，最终评分结果：{p.Title}项目绩效自评价结果为：总得分{S(total)}分，属于“{grade}”。" },
            new() { Number = "2", Level = 3, Heading = "项目实施和预算执行情况分析", Text = $"该项目全年支出{b.ToString("0.##", Inv)}元，已将各项费用及时支付，保证了工作的有序顺利开展。" },
            new() { Number = "四", Level = 1, Heading = "项目主要经验做法", Text = "一是加强组织领导，成立了工作领导小组，负责对项目的统筹规划、综合协调和监督管理。二是强化全程管控，确保项目平稳实施。" },
            new() { Number = "五", Level = 1, Heading = "项目管理中存在的主要问题及原因分析", Text = "绩效目标考评体系有待健全，绩效跟踪问效还需加强。" },
            new() { Number = "六", Level = 1, Heading = "下一步改进措施及管理建议", Text = "不断积累经验，完善管理机制，逐步扩大项目执行绩效跟踪监控范围，为下一步绩效监控工作打下坚实基础。" },
        ];
    }

    // ------------------------------------------------------------------ indicators

    /// <summary>An indicator row with what the generator knows about it: how to score it and whether it can be made to miss.</summary>
    private sealed class Ind
    {
        public required IndicatorRow Row { get; init; }
        /// <summary>A positive quantity whose actual can be lowered (count or percentage).</summary>
        public Quantity? Q { get; init; }
        public bool Met { get; set; } = true;
        public decimal Weight { get; set; }
        public decimal Score { get; set; }
        /// <summary>The share of the weight the stated score takes (1 when met).</summary>
        public decimal Ratio { get; set; } = 1m;
        public bool Touched { get; set; }
        /// <summary>Stated at full weight although missed: the gap must exceed the rounding tolerance (0.5 for whole-number scores).</summary>
        public bool AboveProportional { get; set; }
    }

    /// <summary>How a quantity is written: comparator, number of decimals, 万 scale, unit.</summary>
    private sealed record Quantity(string Comparator, int Decimals, bool Wan, string Unit, decimal Target)
    {
        public string Render(decimal normalized, bool withComparator)
        {
            var n = Wan ? normalized / 10_000m : normalized;
            return (withComparator ? Comparator : "") + n.ToString(Decimals == 0 ? "0" : "0." + new string('#', Decimals), Inv) + (Wan ? "万" : "") + Unit;
        }

        /// <summary>The value as it reads back after rendering (rounded to the written decimals).</summary>
        public decimal AsWritten(decimal normalized) =>
            Wan ? Math.Round(normalized / 10_000m, Decimals, MidpointRounding.AwayFromZero) * 10_000m : Math.Round(normalized, Decimals, MidpointRounding.AwayFromZero);
    }

    private List<Ind> Indicators(Random rng, string subject, bool project, bool achievementStyle, List<Defect> defects)
    {
        var n = rng.Next(Options.MinIndicators, Options.MaxIndicators + 1);
        var sat = n > 20 ? 2 : 1;
        var effect = Math.Max(2, n / 5);
        var output = n - sat - effect;
        var time = output > 8 ? 2 : 1;
        var cost = output > 10 ? 2 : 1;
        var quality = (output - time - cost) * 2 / 5;
        var quantity = output - time - cost - quality;
        var list = new List<Ind>(n);
        var l1 = "";
        var l2 = "";
        void Add(IndicatorLevel1 lv1, IndicatorLevel2 lv2, string name, string target, string actual, Quantity? q)
        {
            var l1Label = lv1 switch { IndicatorLevel1.Output => "产出指标", IndicatorLevel1.Effect => "效益指标", _ => "满意度指标" };
            var l2Label = lv2 switch
            {
                IndicatorLevel2.Quantity => "数量指标",
                IndicatorLevel2.Quality => "质量指标",
                IndicatorLevel2.Timeliness => "时效指标",
                IndicatorLevel2.Cost => "成本指标",
                IndicatorLevel2.Social => "社会效益指标",
                IndicatorLevel2.Economic => "经济效益指标",
                IndicatorLevel2.Sustainability => "可持续影响指标",
                _ => "服务对象满意度指标",
            };
            l1 = l1Label;
            l2 = l2Label;
            var row = new IndicatorRow
            {
                Level1 = lv1,
                Level1Label = l1Label,
                Level2 = lv2,
                Level2Label = l2Label,
                Name = name,
                Target = target,
                Actual = actual,
                DeviationReason = project ? null : "无",
            };
            if (project) row.AdjustedTarget = target;
            list.Add(new Ind { Row = row, Q = q });
        }

        for (var k = 0; k < quantity; k++)
        {
            if (rng.Next(3) == 0)
            {
                var thing = Vocab.Things[rng.Next(Vocab.Things.Length)];
                var unit = rng.Next(2) == 0 ? "个" : "次";
                var target = rng.Next(3, 200);
                var q = new Quantity(rng.Next(2) == 0 ? "≥" : "", 0, false, unit, target);
                var actual = q.AsWritten(target + rng.Next(0, Math.Max(1, target / 10)));
                Add(IndicatorLevel1.Output, IndicatorLevel2.Quantity, $"{thing}数量", q.Render(target, true), q.Render(actual, false), q);
            }
            else
            {
                var subj = Vocab.Subjects[rng.Next(Vocab.Subjects.Length)];
                var wan = rng.Next(4) == 0;
                var target = wan ? rng.Next(12, 900) * 100m : rng.Next(50, 90_000);
                var unitWord = rng.Next(3) switch { 0 => "人", 1 => "人", _ => "" };
                var q = new Quantity(rng.Next(2) == 0 ? "≥" : "", wan ? 2 : 0, wan, wan ? "人" : unitWord, target);
                var actual = q.AsWritten(target * (decimal)(1.0 + rng.NextDouble() * 0.1));
                Add(IndicatorLevel1.Output, IndicatorLevel2.Quantity, $"{subj}人数", q.Render(target, true), q.Render(actual, false), q);
            }
        }
        for (var k = 0; k < quality; k++)
        {
            var name = Vocab.PercentNames[rng.Next(Vocab.PercentNames.Length)];
            var full = rng.Next(3) == 0;
            var target = full ? 100m : rng.Next(80, 99);
            var q = new Quantity(full ? "" : "≥", 1, false, "%", target);
            var actual = full ? 100m : q.AsWritten(target + (decimal)(rng.NextDouble() * (double)(100m - target)));
            Add(IndicatorLevel1.Output, IndicatorLevel2.Quality, name, q.Render(target, true), q.Render(actual, false), q);
        }
        for (var k = 0; k < time; k++)
        {
            var (name, target) = Vocab.Deadlines[rng.Next(Vocab.Deadlines.Length)];
            Add(IndicatorLevel1.Output, IndicatorLevel2.Timeliness, name, target, target, null);
        }
        for (var k = 0; k < cost; k++)
        {
            var (name, unit) = Vocab.Costs[rng.Next(Vocab.Costs.Length)];
            var target = rng.Next(5, 400) * 10;
            if (rng.Next(2) == 0)
                Add(IndicatorLevel1.Output, IndicatorLevel2.Cost, name, $"≤{target}{unit}", $"{target - rng.Next(0, target / 10)}{unit}", null);
            else
                Add(IndicatorLevel1.Output, IndicatorLevel2.Cost, name, $"{target}{unit}", $"{target}{unit}", null);
        }
        for (var k = 0; k < effect; k++)
        {
            var (template, target) = Vocab.Qualitative[rng.Next(Vocab.Qualitative.Length)];
            var lv2 = k == effect - 1 && effect > 2 ? IndicatorLevel2.Sustainability : k == 0 && rng.Next(4) == 0 ? IndicatorLevel2.Economic : IndicatorLevel2.Social;
            Add(IndicatorLevel1.Effect, lv2, string.Format(Inv, template, subject.Length > 8 ? subject[..8] : subject), target, target, null);
        }
        for (var k = 0; k < sat; k++)
        {
            var (name, target) = Vocab.Satisfaction[rng.Next(Vocab.Satisfaction.Length)];
            var t = decimal.Parse(target.TrimStart('≥').TrimEnd('%'), Inv);
            var q = new Quantity(target.StartsWith('≥') ? "≥" : "", 1, false, "%", t);
            var actual = q.Comparator.Length == 0 ? t : q.AsWritten(t + (decimal)(rng.NextDouble() * (double)(99m - t)));
            Add(IndicatorLevel1.Satisfaction, IndicatorLevel2.Satisfaction, name, target, q.Render(actual, false), q);
        }

        // A few targets missed, with a reason given (clean): realistic, and scored proportionally in project tables.
        foreach (var ind in list)
        {
            if (ind.Q is null || rng.NextDouble() >= 0.06) continue;
            Miss(rng, ind, achievementStyle);
            ind.Row.DeviationReason = Vocab.MissReasons[rng.Next(Vocab.MissReasons.Length)];
        }
        if (achievementStyle)
            foreach (var ind in list.Where(i => i.Met))
                ind.Row.Actual = "达成预期指标";

        // Defects on indicators, each on its own row.
        Ind? Pick(Func<Ind, bool> ok)
        {
            var candidates = list.Where(i => !i.Touched && ok(i)).ToList();
            if (candidates.Count == 0) return null;
            var pick = candidates[rng.Next(candidates.Count)];
            pick.Touched = true;
            return pick;
        }
        if (defects.Contains(Defect.MissedNoReason) && Pick(i => i.Q is not null && i.Met) is { } missed)
        {
            Miss(rng, missed, achievementStyle: false);
            missed.Row.DeviationReason = project ? (rng.Next(2) == 0 ? null : "无") : "无";
        }
        if (defects.Contains(Defect.ScoreAboveProportional) && Pick(i => i.Q is not null && i.Met) is { } above)
        {
            Miss(rng, above, achievementStyle: false);
            above.Row.DeviationReason = Vocab.MissReasons[rng.Next(Vocab.MissReasons.Length)];
            above.AboveProportional = true;
        }
        if (defects.Contains(Defect.TargetPlaceholder) && Pick(i => i.Met) is { } placeholder)
        {
            placeholder.Row.Target = "（此处须填写具体的绩效指标值）";
            if (project) placeholder.Row.AdjustedTarget = placeholder.Row.Target;
        }
        return list;
    }

    /// <summary>Lowers a quantity's actual below its target (60–88%) and records the completion ratio for scoring.</summary>
    private static void Miss(Random rng, Ind ind, bool achievementStyle)
    {
        var q = ind.Q!;
        ind.Met = false;
        ind.Touched = true;
        if (achievementStyle)
        {
            ind.Row.Actual = "部分达成预期指标并具有一定效果";
            ind.Ratio = 0.7m;
            return;
        }
        var actual = q.AsWritten(q.Target * (decimal)(0.6 + rng.NextDouble() * 0.28));
        if (actual >= q.Target * 0.88m) actual = q.AsWritten(q.Target * 0.8m);
        ind.Row.Actual = q.Render(actual, false);
        ind.Ratio = actual / q.Target;
    }

    /// <summary>Weights 50/30/10 spread over the output, effect and satisfaction rows; stated scores by the rules.</summary>
    private static void Weigh(Random rng, List<Ind> list, List<Defect> defects)
    {
        foreach (var (level, points) in new[] { (IndicatorLevel1.Output, 50), (IndicatorLevel1.Effect, 30), (IndicatorLevel1.Satisfaction, 10) })
        {
            var rows = list.Where(i => i.Row.Level1 == level).ToList();
            var each = points / rows.Count;
            var rest = points - each * rows.Count;
            for (var k = 0; k < rows.Count; k++) rows[k].Weight = each + (k < rest ? 1 : 0);
        }
        if (defects.Contains(Defect.WeightsSum))
        {
            var heavy = list.Where(i => i.Weight >= 6m).ToList();
            var row = heavy.Count > 0 ? heavy[rng.Next(heavy.Count)] : list.MaxBy(i => i.Weight)!;
            row.Weight -= Math.Min(5m, row.Weight - 1m);
        }
        foreach (var i in list.Where(i => i.AboveProportional))
        {
            // completion at most 1 − 1/weight, so full weight is at least one point above the proportional score
            var ratio = Math.Min(i.Ratio, 1m - 1m / Math.Max(2m, i.Weight));
            var actual = i.Q!.AsWritten(i.Q.Target * ratio);
            i.Row.Actual = i.Q.Render(actual, false);
            i.Ratio = 1m; // stated at full weight
        }
        foreach (var i in list)
        {
            i.Score = i.Ratio == 1m ? i.Weight : Math.Round(i.Weight * i.Ratio, 2, MidpointRounding.AwayFromZero);
            i.Row.Weight = Figure.Parse(i.Weight.ToString("0.##", Inv));
            i.Row.Score = Figure.Parse(i.Score.ToString("0.##", Inv));
        }
    }

    // ------------------------------------------------------------------ numbers

    /// <summary>A full-year execution rate: mostly 90–100%, sometimes exactly 100%.</summary>
    private static decimal ExecutionRate(Random rng) => rng.Next(4) == 0 ? 1m : (decimal)(0.85 + rng.NextDouble() * 0.15);

    /// <summary>An amount in 万元 with two decimals, log-uniform between the bounds.</summary>
    private static decimal Money(Random rng, decimal min, decimal max)
    {
        var v = Math.Exp(Math.Log((double)min) + rng.NextDouble() * (Math.Log((double)max) - Math.Log((double)min)));
        return Math.Round((decimal)v, 2);
    }

    private static decimal Yuan(Random rng, decimal min, decimal max, bool cents) => RoundYuan(Money(rng, min, max), cents);

    private static decimal RoundYuan(decimal v, bool cents) => Math.Round(v, cents ? 2 : 0, MidpointRounding.AwayFromZero);

    private static string Percent(decimal b, decimal a) => Math.Round(b / a * 100m, 2, MidpointRounding.AwayFromZero).ToString("0.00", Inv) + "%";
}
