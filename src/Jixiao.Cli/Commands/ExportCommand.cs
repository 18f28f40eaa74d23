using System.CommandLine;
using Jixiao.Core.Checks;
using Jixiao.Documents.Export;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao export FILE... --to xlsx|docx|pdf|json|csv|fdp --out DIR`: the official layouts, filled from the checked model.</summary>
public static class ExportCommand
{
    public static Command Build(CliOutput output)
    {
        var files = CommonOptions.Files();
        var to = new Option<string>("--to")
        {
            Description = "导出格式：xlsx（自评表）、docx（自评报告/报送函，表则起草自评报告）、pdf、json（规范 JSON）、csv（绩效指标表）、fdp（财政数据包）",
            Required = true,
        };
        to.AcceptOnlyFromAmong("xlsx", "docx", "pdf", "json", "csv", "fdp");
        var outDir = new Option<string>("--out") { Description = "输出文件夹（不存在时自动创建）", DefaultValueFactory = _ => "out" };
        var rules = CommonOptions.RuleSet();
        var timeout = CommonOptions.Timeout();
        var cmd = new Command("export", "按官方格式导出文档：Excel 自评表、Word 自评报告和报送函、PDF、JSON、CSV、财政数据包") { files, timeout, to, outDir, rules };
        cmd.SetAction(parse =>
        {
            var ruleSet = CommonOptions.ResolveRuleSet(parse.GetValue(rules)!, output);
            if (ruleSet is null) return 2;
            if (!CommonOptions.TryTimeLimit(parse, timeout, output, out var limit)) return 2;
            var loaded = Inputs.Load(parse.GetValue(files)!, output, limit);
            if (loaded is null) return 2;
            var format = parse.GetValue(to) switch
            {
                "xlsx" => ExportFormat.Xlsx,
                "docx" => ExportFormat.Docx,
                "pdf" => ExportFormat.Pdf,
                "json" => ExportFormat.Json,
                "csv" => ExportFormat.Csv,
                _ => ExportFormat.DataPackage,
            };
            var dir = parse.GetValue(outDir)!;
            var written = 0;
            try
            {
                foreach (var file in loaded.Files)
                {
                    var report = Engine.Check(file.Documents, ruleSet);
                    foreach (var path in DocumentExporter.ExportToDirectory(file.Documents, format, dir, report))
                    {
                        output.Out.WriteLine(path);
                        written++;
                    }
                }
            }
            catch (PdfConversionException e)
            {
                output.Error.WriteLine($"jixiao：无法生成 PDF：{e.Message}");
                return 2;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                output.Error.WriteLine($"jixiao：无法写入 {dir}：{e.Message}");
                return 2;
            }
            if (written == 0) output.Error.WriteLine($"jixiao：输入中没有可导出为 {parse.GetValue(to)} 的文档（例如自评报告没有 Excel 格式）。");
            return 0;
        });
        return cmd;
    }
}
