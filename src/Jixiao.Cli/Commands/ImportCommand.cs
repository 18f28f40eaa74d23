using System.CommandLine;
using Jixiao.Core.Model;
using Jixiao.Core.Serialization;

namespace Jixiao.Cli.Commands;

public static class ImportCommand
{
    public static Command Build(CliOutput output)
    {
        var files = new Argument<string[]>("files") { Description = "要读取的文件（.txt/.tsv/.md/.xlsx/.pdf/.json）", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "输出规范 JSON（默认也输出 JSON）" };
        var timeout = CommonOptions.Timeout();
        var cmd = new Command("import", "读取文件中的文档，输出规范 JSON") { files, timeout, json };
        cmd.SetAction(parse =>
        {
            if (!CommonOptions.TryTimeLimit(parse, timeout, output, out var limit)) return 2;
            var loaded = Inputs.Load(parse.GetValue(files)!, output, limit);
            if (loaded is null) return 2;
            output.Out.WriteLine(CanonicalJson.SerializeDocuments(loaded.Documents));
            return 0;
        });
        return cmd;
    }
}
