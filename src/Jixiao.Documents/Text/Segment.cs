using System.Text.RegularExpressions;
using Jixiao.Core.Provenance;

namespace Jixiao.Documents.Text;

/// <summary>A range of lines of one file that holds one document, with helpers the parsers share.</summary>
public sealed partial class Segment
{
    public Segment(string fileName, IReadOnlyList<TextLine> lines, int start, int end)
    {
        FileName = fileName;
        All = lines;
        Start = start;
        End = end;
    }

    public string FileName { get; }
    public IReadOnlyList<TextLine> All { get; }
    /// <summary>Index (0-based) of the first line.</summary>
    public int Start { get; }
    /// <summary>Index (0-based) one past the last line.</summary>
    public int End { get; }

    public IEnumerable<TextLine> Lines => Enumerable.Range(Start, Math.Max(0, End - Start)).Select(i => All[i]);

    public SourceRef Ref(int index, string? table = null, string? row = null, string? column = null) =>
        new() { File = FileName, Line = All[index].Number, Table = table, Row = row, Column = column };

    public SourceRef Ref(int first, int last, string? table = null, string? row = null, string? column = null) =>
        new() { File = FileName, Line = All[first].Number, EndLine = last > first ? All[last].Number : null, Table = table, Row = row, Column = column };

    public SourceRef WholeRef() => Ref(Start, Math.Max(Start, End - 1));

    /// <summary>Index of the next non-blank line at or after <paramref name="i"/>, or -1.</summary>
    public int NextNonBlank(int i, int limit = int.MaxValue)
    {
        var end = Math.Min(End, limit);
        for (; i < end; i++) if (!All[i].IsBlank && !All[i].IsRule) return i;
        return -1;
    }

    /// <summary>
    /// Finds the first line at or after <paramref name="from"/> where the compact text of up to
    /// <paramref name="maxJoin"/> consecutive non-blank lines starts with one of the labels (PDF extraction
    /// breaks labels over lines: "总体" "目标" "完成" "情况"). Returns the first and last index of the label lines.
    /// </summary>
    public (int First, int Last, string Joined)? FindLabel(int from, int to, Func<string, bool> startsWithLabel, int maxJoin = 6)
    {
        for (var i = from; i < to; i++)
        {
            if (All[i].IsBlank) continue;
            var joined = "";
            var j = i;
            for (var k = 0; k < maxJoin && j < to; k++)
            {
                joined += All[j].Compact;
                if (startsWithLabel(joined)) return (i, j, joined);
                if (joined.Length > 40) break;
                j = NextNonBlank(j + 1, to);
                if (j < 0) break;
            }
        }
        return null;
    }

    [GeneratedRegex(@"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")]
    public static partial Regex DatePattern();

    [GeneratedRegex(@"(20\d{2}|19\d{2})\s*年")]
    public static partial Regex YearPattern();

    public static DateOnly? ParseDate(string compact)
    {
        var m = DatePattern().Match(compact);
        if (!m.Success) return null;
        var y = int.Parse(m.Groups[1].Value);
        var mo = int.Parse(m.Groups[2].Value);
        var d = int.Parse(m.Groups[3].Value);
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return null;
        return new DateOnly(y, mo, d);
    }

    /// <summary>The evaluated year in a title or year line: "（2023年度）" → 2023; "2023 年度绩效" → 2023.</summary>
    public static int? ParseYear(string text)
    {
        var m = YearPattern().Match(CoreText.Compact(text));
        return m.Success ? int.Parse(m.Groups[1].Value) : null;
    }
}
