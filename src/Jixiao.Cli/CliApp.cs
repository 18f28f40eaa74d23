using System.CommandLine;
using Jixiao.Cli.Commands;

namespace Jixiao.Cli;

/// <summary>The `jixiao` command line: import, check, score, export, aggregate.</summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = new CliOutput(stdout ?? Console.Out, stderr ?? Console.Error);
        var root = new RootCommand("绩效 Jixiao — 预算绩效自评表、自评报告和部门决算公开的读取、检查、评分与导出");
        root.Subcommands.Add(ImportCommand.Build(output));
        root.Subcommands.Add(CheckCommand.Build(output));
        root.Subcommands.Add(ScoreCommand.Build(output));
        root.Subcommands.Add(ExportCommand.Build(output));
        root.Subcommands.Add(AggregateCommand.Build(output));
        root.Subcommands.Add(AuditCommand.Build(output));
        root.Subcommands.Add(DbCommand.Build(output));
        try
        {
            return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output.Out, Error = output.Error });
        }
        catch (Exception e)
        {
            output.Error.WriteLine($"jixiao：内部错误：{e.Message}");
            return 2;
        }
    }
}

/// <summary>Where commands write: standard output for results, standard error for messages.</summary>
public sealed record CliOutput(TextWriter Out, TextWriter Error);
