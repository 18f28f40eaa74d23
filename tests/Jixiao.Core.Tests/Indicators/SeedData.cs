using System.Runtime.CompilerServices;

namespace Jixiao.Core.Tests.Indicators;

/// <summary>Reads the hand-verified TSV files beside this source file.</summary>
internal static class SeedData
{
    public static IEnumerable<string[]> Rows(string fileName)
    {
        string path = Path.Combine(Path.GetDirectoryName(ThisFile())!, fileName);
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            yield return line.Split('\t');
        }
    }

    public static string Column(string[] row, int index) => index < row.Length ? row[index] : "";

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
