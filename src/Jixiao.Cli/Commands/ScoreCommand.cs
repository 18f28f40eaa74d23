using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Jixiao.Core.Model;
using Jixiao.Core.Scoring;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao score FILE... [--json]`: per project, the engine's execution points, indicator points, total and grade beside the stated ones.</summary>
public static class ScoreCommand
{
    public static Command Build(CliOutput output)
    {
        var files = CommonOptions.Files();
        var json = CommonOptions.Json();
        var rules = CommonOptions.RuleSet();
        var detail = new Option<bool>("--detail") { Description = "列出每个指标的得分依据" };
        var timeout = CommonOptions.Timeout();
        var cmd = new Command("score", "按评分规则计算项目支出绩效自评得分和等级，与填报值对照") { files, timeout, json, rules, detail };
        cmd.SetAction(parse =>
        {
            var ruleSet = CommonOptions.ResolveRuleSet(parse.GetValue(rules)!, output);
            if (ruleSet is null) return 2;
            if (!CommonOptions.TryTimeLimit(parse, timeout, output, out var limit)) return 2;
            var loaded = Inputs.Load(parse.GetValue(files)!, output, limit);
            if (loaded is null) return 2;
            var scored = loaded.Documents.OfType<ProjectSelfEvaluation>().Select(p => (Doc: p, Score: Scorer.Score(p, ruleSet))).ToList();
            if (parse.GetValue(json))
            {
                var list = scored.Select(x => new Dictionary<string, object?>
                {
                    ["document"] = x.Doc.Id,
                    ["kind"] = x.Doc.Kind.JsonName(),
                    ["title"] = x.Doc.Title,
                    ["year"] = x.Doc.Year,
                    ["unit"] = x.Doc.Unit,
                    ["ruleSet"] = x.Score.RuleSet,
                    ["executionRate"] = x.Score.ExecutionRate is { } r ? Math.Round(r, 2) : null,
                    ["initialBudgetRate"] = x.Score.InitialBudgetRate is { } ir ? Math.Round(ir, 2) : null,
                    ["engine"] = new Dictionary<string, object?> { ["execution"] = x.Score.ExecutionPoints, ["indicators"] = x.Score.IndicatorPoints, ["total"] = x.Score.Total, ["grade"] = x.Score.Grade },
                    ["stated"] = new Dictionary<string, object?> { ["execution"] = x.Score.StatedExecutionPoints, ["indicators"] = x.Score.StatedIndicatorPoints, ["total"] = x.Score.StatedTotal, ["grade"] = x.Score.StatedGrade },
                    ["indicators"] = x.Score.Indicators.Select(i => new Dictionary<string, object?>
                    {
                        ["name"] = i.Row.Name,
                        ["weight"] = i.Weight,
                        ["stated"] = i.Stated,
                        ["engine"] = i.Engine,
                        ["basis"] = i.Basis.ToString().ToLowerInvariant(),
                        ["explanation"] = i.Explanation,
                    }).ToList(),
                    ["notes"] = x.Score.Notes,
                }).ToList();
                output.Out.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?> { ["scores"] = list }, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                return 0;
            }
            if (scored.Count == 0)
            {
                output.Out.WriteLine("输入中没有需要评分的项目支出（或部门整体支出）绩效自评表。转移支付绩效自评表不评分（rules.md R2.1），请用 check 检查。");
                return 0;
            }
            foreach (var (doc, s) in scored)
            {
                output.Out.WriteLine($"【{doc.Title}】{doc.Unit}");
                output.Out.WriteLine($"  执行率 {(s.ExecutionRate is { } r ? NumberText.FormatPercent(Math.Round(r, 2)) : "—")}" +
                                     (s.InitialBudgetRate is { } ir && s.ExecutionRate is { } er && Math.Round(ir, 2) != Math.Round(er, 2) ? $"（按年初预算 {NumberText.FormatPercent(Math.Round(ir, 2))}）" : ""));
                HumanReport.WriteScoreLine(output.Out, s);
                if (parse.GetValue(detail))
                    foreach (var i in s.Indicators)
                        output.Out.WriteLine($"    {i.Row.Name}：权重 {i.Weight}，填报 {i.Stated?.ToString("0.##") ?? "—"}，计算 {i.Engine:0.##}。{i.Explanation}");
                foreach (var n in s.Notes) output.Out.WriteLine($"  注：{n}");
            }
            return 0;
        });
        return cmd;
    }
}
