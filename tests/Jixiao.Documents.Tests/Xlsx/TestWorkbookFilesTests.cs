using Jixiao.Core.Serialization;
using Jixiao.Documents.Reading;
using Jixiao.Tests;

namespace Jixiao.Documents.Tests.Xlsx;

/// <summary>
/// Every workbook the xlsx tests build, written to files and read back from disk exactly as from memory. The folder
/// is <c>JIXIAO_XLSX_CORPUS</c> when set (bench/xlsx-same-output.sh uses it to compare the CLI's output on these
/// files before and after a change to the readers), otherwise a temporary folder removed afterwards.
/// </summary>
public class TestWorkbookFilesTests
{
    /// <summary>The workbooks of the equivalence tests, another province's layout, and the small unreadable or foreign packages.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Files()
    {
        foreach (var w in XlsxLoaderEquivalenceTests.Workbooks()) yield return w;
        yield return ("another-province.xlsx", XlsxVariantTests.AnotherProvincesWorkbook());
        foreach (var name in new[] { "xlsx-not-a-workbook", "text-as-xlsx", "truncated-zip", "xlsx-xxe" })
            yield return (HostileFiles.Get(name).FileName, HostileFiles.Get(name).Bytes);
    }

    [Fact]
    public void Every_test_workbook_reads_the_same_from_its_file()
    {
        var target = Environment.GetEnvironmentVariable("JIXIAO_XLSX_CORPUS");
        var dir = target ?? Path.Combine(Path.GetTempPath(), "jixiao-test-workbooks-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var readable = 0;
            foreach (var (name, bytes) in Files())
            {
                var path = Path.Combine(dir, name);
                File.WriteAllBytes(path, bytes);
                var fromMemory = Outcome(() => DocumentReaders.Read(name, new MemoryStream(bytes)));
                var fromFile = Outcome(() => DocumentReaders.ReadFile(path));
                Assert.Equal(fromMemory, fromFile);
                if (!fromFile.StartsWith("unreadable", StringComparison.Ordinal)) readable++;
            }
            // The set must hold real tables, not only packages refused at the door.
            Assert.True(readable >= 20, $"只有 {readable} 个可读的工作簿");
        }
        finally
        {
            if (target is null) Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The documents as canonical JSON and the findings' rules and cells, or why the file is unreadable.</summary>
    private static string Outcome(Func<ReadResult> read)
    {
        try
        {
            var r = read();
            return CanonicalJson.SerializeDocuments(r.Documents) + "\n" + string.Join("\n", r.Findings.Select(f => $"{f.Rule} {f.Severity} {f.At?.Cell} {f.Message}"));
        }
        catch (UnreadableFileException e)
        {
            return "unreadable: " + e.Message;
        }
    }
}
