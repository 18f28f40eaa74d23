using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Documents.Reading;

namespace Jixiao.Cli.Commands;

/// <summary>The documents and reader findings of all input files.</summary>
public sealed class LoadedInputs
{
    public List<Document> Documents { get; } = [];
    public List<Finding> ReaderFindings { get; } = [];
    public List<ReadResult> Files { get; } = [];
}

public static class Inputs
{
    /// <summary>Reads every file; on an unreadable one prints one Chinese line on stderr and returns null (exit code 2).</summary>
    /// <param name="timeLimit">--timeout: a wall-clock limit on reading each file; null: none.</param>
    public static LoadedInputs? Load(IEnumerable<string> paths, CliOutput output, TimeSpan? timeLimit = null)
    {
        var loaded = new LoadedInputs();
        foreach (var path in Expand(paths))
        {
            try
            {
                var r = DocumentReaders.ReadFile(path, timeLimit);
                loaded.Files.Add(r);
                loaded.Documents.AddRange(r.Documents);
                loaded.ReaderFindings.AddRange(r.Findings);
            }
            catch (UnreadableFileException e)
            {
                output.Error.WriteLine($"jixiao：无法读取 {e.Message}");
                return null;
            }
        }
        if (loaded.Files.Count > 0 && loaded.Documents.Count == 0)
        {
            // Nothing of ours in any input (a table from another template, an unrelated text): an error, not an empty report.
            var names = string.Join("、", loaded.Files.Select(f => f.FileName));
            output.Error.WriteLine($"jixiao：无法读取 {names}：没有找到可识别的绩效自评表、自评报告、函或决算公开表（可能是其他表样的表格）。");
            return null;
        }
        return loaded;
    }

    /// <summary>Folders expand to the files inside them (recursively), in name order.</summary>
    public static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                foreach (var f in Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    if (!Path.GetFileName(f).StartsWith('.')) yield return f;
            }
            else yield return p;
        }
    }
}
