using System.CommandLine;
using Jixiao.Core.Aggregation;
using Jixiao.Core.Checks;
using Jixiao.Core.FinalAccounts;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Documents.Export;

namespace Jixiao.Cli.Commands;

/// <summary>
/// `jixiao aggregate FILE... [--fund NAME] [--json] [--out DIR --to xlsx]`: the 汇总 of the self-evaluation tables
/// of one fund in the files (the same <see cref="SelfEvaluationAggregator"/> the web uses), checked by the engine;
/// with final-accounts disclosures, their 汇总 with internal transfers offset.
/// </summary>
public static class AggregateCommand
{
    public static Command Build(CliOutput output)
    {
        var files = CommonOptions.Files();
        var json = CommonOptions.Json();
        var rules = CommonOptions.RuleSet();
        var fund = new Option<string?>("--fund") { Description = "只汇总该资金的自评表（资金名称或标题包含此文字）；不给出时汇总全部自评表" };
        var by = new Option<string?>("--by") { Description = "汇总单位（主管部门或地区名称），写入汇总表的地方主管部门" };
        var outDir = new Option<string?>("--out") { Description = "把汇总表写入此文件夹" };
        var to = new Option<string>("--to") { Description = "写出的格式：xlsx、pdf、json", DefaultValueFactory = _ => "xlsx" };
        to.AcceptOnlyFromAmong("xlsx", "pdf", "json");
        var timeout = CommonOptions.Timeout();
        var cmd = new Command("aggregate", "汇总多个单位同一资金的绩效自评表（资金按来源求和并重算执行率，指标按名称和计量单位合并），或汇总部门决算并抵消内部往来")
        {
            files, timeout, fund, by, json, rules, outDir, to,
        };
        cmd.SetAction(parse =>
        {
            var ruleSet = CommonOptions.ResolveRuleSet(parse.GetValue(rules)!, output);
            if (ruleSet is null) return 2;
            if (!CommonOptions.TryTimeLimit(parse, timeout, output, out var limit)) return 2;
            var loaded = Inputs.Load(parse.GetValue(files)!, output, limit);
            if (loaded is null) return 2;
            var fundName = parse.GetValue(fund);
            var tables = loaded.Documents.OfType<SelfEvaluationTable>().Where(t => SelfEvaluationAggregator.MatchesFund(t, fundName)).ToList();
            var disclosures = loaded.Documents.OfType<FinalAccountsDisclosure>().ToList();
            if (tables.Count == 0 && disclosures.Count == 0)
            {
                output.Error.WriteLine(fundName is null ? "jixiao：输入中没有绩效自评表或部门决算。" : $"jixiao：输入中没有资金名称包含“{fundName}”的绩效自评表。");
                return 1;
            }
            var asJson = parse.GetValue(json);
            var result = new System.Text.Json.Nodes.JsonObject();
            if (tables.Count > 0)
            {
                var inputs = tables.Select(t => new AggregationInput(t, Contributor(t), t.Id)).ToList();
                var agg = SelfEvaluationAggregator.Aggregate(inputs, new AggregationOptions { Fund = fundName, Aggregator = parse.GetValue(by) });
                var report = Engine.Check([agg.Table], ruleSet);
                if (asJson) result["selfEvaluation"] = AggregationJson.ToJson(agg, report.Findings);
                else Print(output, agg, report);
                if (parse.GetValue(outDir) is { } dir)
                {
                    var format = parse.GetValue(to) switch { "pdf" => ExportFormat.Pdf, "json" => ExportFormat.Json, _ => ExportFormat.Xlsx };
                    try
                    {
                        foreach (var path in DocumentExporter.ExportToDirectory([agg.Table], format, dir, report))
                            output.Error.WriteLine($"已写出 {path}");
                    }
                    catch (Exception e) when (e is PdfConversionException or NotSupportedException or IOException or UnauthorizedAccessException)
                    {
                        output.Error.WriteLine($"jixiao：无法写出汇总表：{e.Message}");
                        return 2;
                    }
                }
            }
            if (disclosures.Count > 0)
            {
                var fa = FinalAccountsAggregator.Aggregate(disclosures.Select(d => new FinalAccountsInput(d, d.Unit ?? d.Title, d.Id)).ToList(), disclosures[0].DeclaredUnit ?? MoneyUnit.Yuan);
                if (asJson) result["finalAccounts"] = AggregationJson.ToJson(fa);
                else Print(output, fa);
            }
            if (asJson) output.Out.WriteLine(result.ToJsonString(AggregationJson.Options));
            return 0;
        });
        return cmd;
    }

    private static string Contributor(SelfEvaluationTable t) =>
        !string.IsNullOrWhiteSpace(t.ImplementingUnit) ? $"{t.ImplementingUnit}（{t.Title}）" : t.Title;

    private static string N(decimal? v) => v is { } x ? NumberText.Format(x) : "—";

    private static void Print(CliOutput output, AggregationResult r, CheckReport report)
    {
        var o = output.Out;
        o.WriteLine($"{r.Table.Title}（{r.Table.Year}年度，金额单位：{r.Unit.ChineseName()}）");
        o.WriteLine($"汇总了 {r.Contributors.Count} 张自评表：");
        foreach (var c in r.Contributors) o.WriteLine($"  · {c.Contributor}");
        o.WriteLine();
        o.WriteLine("资金投入情况：来源 | 全年预算数（A） | 全年执行数（B） | 执行率（B/A）");
        foreach (var f in r.Funds)
        {
            o.WriteLine($"  {f.Label} | {N(f.Budget)} | {N(f.Execution)} | {(f.Rate is { } rate ? NumberText.FormatPercent(rate) : "—")}");
            foreach (var a in f.BudgetBy)
            {
                var b = f.ExecutionBy.FirstOrDefault(x => x.Contributor == a.Contributor);
                o.WriteLine($"      └ {a.Contributor}：A {N(a.Value)}" + (b is null ? "" : $"，B {N(b.Value)}"));
            }
        }
        o.WriteLine();
        o.WriteLine("绩效指标：");
        foreach (var i in r.Indicators)
        {
            var how = i.Merge switch
            {
                IndicatorMerge.Summed => $"求和，{i.Targets.Count} 个单位",
                IndicatorMerge.RangeAndWeighted => $"范围 {Range(i.TargetMin, i.TargetMax, i.MeasureUnit)} → 实际 {Range(i.ActualMin, i.ActualMax, i.MeasureUnit)}，{i.Basis}",
                IndicatorMerge.SameText => $"各单位相同，{i.Targets.Count} 个单位",
                _ => $"按单位列示：{i.Contributor}",
            };
            o.WriteLine($"  {i.Name}：{i.Target} → {i.Actual}（{how}）");
        }
        foreach (var n in r.Notes) o.WriteLine("注：" + n);
        o.WriteLine();
        var errors = report.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = report.Findings.Count(f => f.Severity == Severity.Warning);
        o.WriteLine($"汇总表检查：{errors} 个错误，{warnings} 个警告。");
        foreach (var f in report.Findings.Where(f => f.Severity != Severity.Info))
            o.WriteLine($"  [{(f.Severity == Severity.Error ? "错误" : "警告")}] {f.Rule} {f.Location}：{f.Message}");
    }

    private static string Range(decimal? min, decimal? max, string unit) =>
        min is null ? "—" : min == max ? $"{min:0.##}{unit}" : $"{min:0.##}{unit}–{max:0.##}{unit}";

    private static void Print(CliOutput output, FinalAccountsAggregate r)
    {
        var o = output.Out;
        o.WriteLine($"部门决算汇总（{r.Year}年度，金额单位：{r.Unit.ChineseName()}），{r.Contributors.Count} 个单位");
        o.WriteLine("收入：栏目 | 各单位合计 | 抵消 | 汇总数");
        foreach (var c in r.Income) o.WriteLine($"  {c.Column} | {N(c.Sum)} | {N(c.Offset)} | {N(c.Consolidated)}");
        o.WriteLine("支出：栏目 | 各单位合计 | 抵消 | 汇总数");
        foreach (var c in r.Expenditure) o.WriteLine($"  {c.Column} | {N(c.Sum)} | {N(c.Offset)} | {N(c.Consolidated)}");
        o.WriteLine("内部往来抵消（调整表）：");
        foreach (var x in r.Offsets) o.WriteLine($"  {x.Name}：{x.Explanation}");
        foreach (var n in r.Notes) o.WriteLine("注：" + n);
    }
}
