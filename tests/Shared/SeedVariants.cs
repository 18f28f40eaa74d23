using System.Globalization;
using System.Text.RegularExpressions;

namespace Jixiao.Tests;

/// <summary>
/// Synthetic copies of the 部门决算公开 seed (汾阳市社会保险中心) built in the tests: '|'-separated cells, amounts
/// in 万元. Shared by the core (checks) and documents (reader) tests.
/// </summary>
internal static partial class SeedVariants
{
    public const string FenyangFile = "004_a282273b1331087d.txt";

    /// <summary>The seed as published, read from testdata/seeds.</summary>
    public static string[] FenyangLines() => File.ReadAllLines(Path.Combine(RepoPaths.Seeds, FenyangFile));

    /// <summary>Only the disclosure part (up to 第五部分 附件).</summary>
    public static string[] Disclosure() => FenyangLines().Take(553).ToArray();

    /// <summary>Cells separated by '|' as copied from a web page ("| a | b |").</summary>
    public static string[] Pipes() => Disclosure().Select(l => l.Contains('\t') && !l.StartsWith("第", StringComparison.Ordinal) ? "| " + string.Join(" | ", l.Split('\t')) + " |" : l).ToArray();

    [GeneratedRegex(@"^-?\d+\.\d{2}$")]
    private static partial Regex Amount();

    /// <summary>
    /// The tables in 万元 with thousands separators: every amount cell divided by 10,000 and rounded to two
    /// decimals, the unit lines changed. Row numbers (行次, 栏次) and the narrative stay as they are.
    /// </summary>
    public static string[] Wan()
    {
        var lines = Disclosure();
        var narrativeStart = Array.FindIndex(lines, l => l.StartsWith("第三部分", StringComparison.Ordinal) && !l.Contains('\t'));
        var result = new string[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var l = lines[i];
            if (i < narrativeStart && l.Contains('\t'))
            {
                var cells = l.Split('\t');
                for (var c = 0; c < cells.Length; c++)
                {
                    var t = cells[c].Trim();
                    // Amounts have two decimals and are not 行次 such as "32.00" (行次 are small).
                    if (Amount().IsMatch(t) && decimal.Parse(t, CultureInfo.InvariantCulture) is var v && v >= 100m)
                        cells[c] = Math.Round(v / 10000m, 2, MidpointRounding.AwayFromZero).ToString("#,##0.00", CultureInfo.InvariantCulture);
                    else if (t == "133518")
                        cells[c] = "13.35";
                }
                l = string.Join('\t', cells);
            }
            else if (i < narrativeStart)
            {
                l = l.Replace("单位：元", "单位：万元").Replace("单位：", "单位：").Replace("位：元", "位：万元");
                if (l.Trim() == "元") l = "万元";
            }
            result[i] = l;
        }
        return result;
    }
}
