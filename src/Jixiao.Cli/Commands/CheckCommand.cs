using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Jixiao.Core.Checks;
using Jixiao.Core.Model;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao check FILE... [--json]`: the findings; exit 0 without errors, 1 with errors, 2 when a file cannot be read.</summary>
public static class CheckCommand
{
    public static Command Build(CliOutput output)
    {
        var files = CommonOptions.Files();
        var json = CommonOptions.Json();
        var rules = CommonOptions.RuleSet();
        var coverage = new Option<bool>("--coverage") { Description = "列出每个文档各项检查的执行情况（通过 / 未通过 / 未执行及原因）" };
        var cmd = new Command("check", "检查文档中的每个数字与说明，输出问题清单") { files, json, rules, coverage };
        cmd.SetAction(parse =>
        {
            var ruleSet = CommonOptions.ResolveRuleSet(parse.GetValue(rules)!, output);
            if (ruleSet is null) return 2;
            var loaded = Inputs.Load(parse.GetValue(files)!, output);
            if (loaded is null) return 2;
            var report = new CheckReport();
            foreach (var file in loaded.Files)
            {
                var r = Engine.Check(file.Documents, ruleSet);
                report.Findings.AddRange(file.Findings);
                report.Findings.AddRange(r.Findings);
                foreach (var (k, v) in r.Coverage) report.Coverage[k] = v;
                foreach (var (k, v) in r.Scores) report.Scores[k] = v;
            }
            if (parse.GetValue(json)) WriteJson(output.Out, loaded.Documents, report, parse.GetValue(coverage));
            else HumanReport.WriteFindings(output.Out, loaded, report, parse.GetValue(coverage));
            return report.HasErrors ? 1 : 0;
        });
        return cmd;
    }

    public static void WriteJson(TextWriter writer, IReadOnlyList<Document> documents, CheckReport report, bool withCoverage)
    {
        var obj = new Dictionary<string, object?>
        {
            ["documents"] = documents.Select(d => new Dictionary<string, object?>
            {
                ["id"] = d.Id,
                ["kind"] = d.Kind.JsonName(),
                ["title"] = d.Title,
                ["year"] = d.Year,
                ["unit"] = d.Unit,
            }).ToList(),
            ["findings"] = report.Findings.Select(f => new Dictionary<string, object?>
            {
                ["rule"] = f.Rule,
                ["severity"] = f.Severity.ToString().ToLowerInvariant(),
                ["document"] = f.DocumentId,
                ["location"] = f.Location,
                ["message"] = f.Message,
                ["stated"] = f.Stated,
                ["expected"] = f.Expected,
                ["line"] = f.At?.Line,
            }).ToList(),
        };
        if (withCoverage)
            obj["coverage"] = report.Coverage.ToDictionary(p => p.Key, p => p.Value.Select(c => new Dictionary<string, object?>
            {
                ["rule"] = c.Rule,
                ["status"] = c.Status switch { CoverageStatus.Passed => "passed", CoverageStatus.Failed => "failed", _ => "not-run" },
                ["checked"] = c.Checked,
                ["failed"] = c.Failed,
                ["reason"] = c.Reason,
            }).ToList());
        writer.WriteLine(JsonSerializer.Serialize(obj, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}
