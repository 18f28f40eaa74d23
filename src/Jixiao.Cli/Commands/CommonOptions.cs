using System.CommandLine;
using Jixiao.Core.Rules;

namespace Jixiao.Cli.Commands;

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    public static Argument<string[]> Files() => new("files") { Description = "文件或文件夹（.txt/.tsv/.md/.xlsx/.pdf/.json；文本可为 UTF-8、UTF-16 或 GBK）", Arity = ArgumentArity.OneOrMore };

    public static Option<double?> Timeout() => new("--timeout")
    {
        Description = "每个文件解析的时间上限（秒）：超过即停止并报错（退出码 2）；不给出时不限",
    };

    /// <summary>The --timeout value as a limit (null: none); false with a message when it is negative.</summary>
    public static bool TryTimeLimit(ParseResult parse, Option<double?> timeout, CliOutput output, out TimeSpan? limit)
    {
        limit = null;
        if (parse.GetValue(timeout) is not { } seconds) return true;
        if (seconds < 0 || double.IsNaN(seconds) || seconds > TimeSpan.MaxValue.TotalSeconds)
        {
            output.Error.WriteLine($"jixiao：--timeout 应为不小于 0 的秒数，而不是 {seconds}。");
            return false;
        }
        limit = TimeSpan.FromSeconds(seconds);
        return true;
    }

    public static Option<bool> Json() => new("--json") { Description = "输出 JSON 而不是中文报告" };

    public static Option<string> RuleSet() => new("--rules")
    {
        Description = "评分规则集：内置名称（" + string.Join("、", Jixiao.Core.Rules.RuleSet.BuiltIn.Keys.Order()) + "）或规则集 JSON 文件路径",
        DefaultValueFactory = _ => "caiyu-2020-10",
    };

    /// <summary>Resolves a rule set by built-in name or file; null with a message when neither.</summary>
    public static RuleSet? ResolveRuleSet(string nameOrPath, CliOutput output)
    {
        if (Jixiao.Core.Rules.RuleSet.BuiltIn.TryGetValue(nameOrPath, out var set)) return set;
        if (File.Exists(nameOrPath))
        {
            try
            {
                return Jixiao.Core.Rules.RuleSet.FromJson(File.ReadAllText(nameOrPath));
            }
            catch (FormatException e)
            {
                output.Error.WriteLine($"jixiao：规则集 {nameOrPath} 无法读取：{e.Message}");
                return null;
            }
        }
        output.Error.WriteLine($"jixiao：未知的规则集“{nameOrPath}”。内置规则集：{string.Join("、", Jixiao.Core.Rules.RuleSet.BuiltIn.Keys.Order())}。");
        return null;
    }
}
