using System.Text.RegularExpressions;
using Jixiao.Core.Model;

namespace Jixiao.Documents.Text;

/// <summary>Recognises the numbered headings of Chinese reports: 一、 （一） 1. (1) ①.</summary>
public static partial class Headings
{
    [GeneratedRegex(@"^([一二三四五六七八九十]{1,3})[、.．]\s*(.*)$")]
    private static partial Regex Level1();

    [GeneratedRegex(@"^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(.*)$")]
    private static partial Regex Level2();

    [GeneratedRegex(@"^(\d{1,2})\s*[、.．](?!\d)\s*(.*)$")]
    private static partial Regex Level3();

    [GeneratedRegex(@"^[（(]\s*(\d{1,2})\s*[)）]\s*(.*)$")]
    private static partial Regex Level4();

    [GeneratedRegex(@"^([①-⑳])\s*(.*)$")]
    private static partial Regex Level5();

    /// <summary>Parses a heading; null when the line is not one.</summary>
    public static (int Level, string Number, string Tail)? Parse(string text)
    {
        var t = text.Trim();
        Match m;
        if ((m = Level1().Match(t)).Success) return (1, m.Groups[1].Value, m.Groups[2].Value.Trim());
        if ((m = Level2().Match(t)).Success) return (2, m.Groups[1].Value, m.Groups[2].Value.Trim());
        if ((m = Level3().Match(t)).Success) return (3, m.Groups[1].Value, m.Groups[2].Value.Trim());
        if ((m = Level4().Match(t)).Success) return (4, m.Groups[1].Value, m.Groups[2].Value.Trim());
        if ((m = Level5().Match(t)).Success) return (5, m.Groups[1].Value, m.Groups[2].Value.Trim());
        return null;
    }

    /// <summary>
    /// Splits a heading line into its heading and the text that follows it on the same line: "1. 分配科学性。我局…"
    /// → ("分配科学性", "我局…"). Top-level headings keep the whole line as the heading.
    /// </summary>
    public static (string Heading, string Body) SplitHeading(int level, string rest)
    {
        if (level <= 2 && rest.Length <= 40 && !rest.TrimEnd('。').Contains('。')) return (rest.TrimEnd('。'), "");
        var stop = rest.IndexOfAny(['。', '：', ':']);
        if (stop > 0 && stop <= 30) return (rest[..stop], rest[(stop + 1)..].Trim());
        if (rest.Length <= 30) return (rest, "");
        return ("", rest);
    }

    public static int ChineseNumeral(string s)
    {
        const string digits = "零一二三四五六七八九";
        if (s == "十") return 10;
        if (s.StartsWith('十')) return 10 + digits.IndexOf(s[1]);
        if (s.Length == 2 && s[1] == '十') return digits.IndexOf(s[0]) * 10;
        if (s.Length == 3 && s[1] == '十') return digits.IndexOf(s[0]) * 10 + digits.IndexOf(s[2]);
        return digits.IndexOf(s[0]);
    }

    /// <summary>Joins the lines of a paragraph broken by extraction: Chinese text joins without a space.</summary>
    public static string JoinLines(IEnumerable<string> lines)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var raw in lines)
        {
            var l = raw.Trim();
            if (l.Length == 0) continue;
            if (sb.Length > 0 && !Cells.IsCjk(sb[^1]) && !Cells.IsCjk(l[0]) && char.IsLetterOrDigit(sb[^1]) && char.IsLetterOrDigit(l[0]))
                sb.Append(' ');
            sb.Append(l);
        }
        return sb.ToString();
    }
}
