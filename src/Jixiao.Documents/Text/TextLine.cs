using System.Text;

namespace Jixiao.Documents.Text;

/// <summary>
/// One source line split into cells: by tabs (tables exported from Excel) or by '|' (tables copied from a
/// web page or Markdown). A line with neither has one cell.
/// </summary>
public sealed class TextLine
{
    public TextLine(int number, string raw)
    {
        Number = number;
        Raw = raw;
        var markdown = StripMarkdown(raw);
        Text = Cells.Clean(markdown);
        Compact = CoreText.Compact(Text);
        if (raw.Contains('\t'))
        {
            RawCells = raw.Split('\t').Select(Cells.Clean).ToArray();
            IsTabular = true;
        }
        else if (CountPipes(raw) >= 2)
        {
            var t = raw.Trim();
            if (t.StartsWith('|')) t = t[1..];
            if (t.EndsWith('|')) t = t[..^1];
            RawCells = t.Split('|').Select(Cells.Clean).ToArray();
            IsTabular = true;
        }
        else
        {
            RawCells = [Text];
        }
        NonEmptyCells = RawCells.Where(c => c.Length > 0).ToArray();
        if (IsTabular) Compact = string.Concat(RawCells.Select(CoreText.Compact));
    }

    /// <summary>1-based line number in the file.</summary>
    public int Number { get; }
    public string Raw { get; }
    /// <summary>The whole line, cleaned (Markdown heading marks and LaTeX removed, spaces inside Chinese words removed).</summary>
    public string Text { get; }
    /// <summary>The whole line without any white space.</summary>
    public string Compact { get; }
    /// <summary>Cells including empty ones, in column order.</summary>
    public string[] RawCells { get; }
    public string[] NonEmptyCells { get; }
    public bool IsTabular { get; }
    public bool IsBlank => Compact.Length == 0;
    /// <summary>True for a Markdown table separator such as "--- | ---" or "-------\t-----".</summary>
    public bool IsRule => Compact.Length > 0 && Compact.All(c => c is '-' or '|' or ':' or '=' or '—' or '_' or '－');

    private static int CountPipes(string s)
    {
        var n = 0;
        foreach (var c in s) if (c == '|') n++;
        return n;
    }

    private static string StripMarkdown(string raw)
    {
        var t = raw.TrimStart();
        var i = 0;
        while (i < t.Length && t[i] == '#') i++;
        if (i > 0 && i < t.Length && t[i] == ' ') t = t[(i + 1)..];
        t = t.Replace("**", "");
        if (t.StartsWith("- ", StringComparison.Ordinal)) t = t[2..];
        return t;
    }
}

/// <summary>Cleaning of cell text as extracted from PDF and spreadsheets.</summary>
public static class Cells
{
    /// <summary>
    /// Trims, turns LaTeX comparators ($\geq 90\%$) into plain ones, collapses white space, and removes the
    /// spaces extraction puts between Chinese characters or between a number and a Chinese unit.
    /// </summary>
    public static string Clean(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var t = s;
        if (t.Contains('$') || t.Contains('\\'))
        {
            t = t.Replace("\\geq", "≥").Replace("\\leq", "≤").Replace("\\ge", "≥").Replace("\\le", "≤")
                 .Replace("\\%", "%").Replace("$", "");
        }
        var sb = new StringBuilder(t.Length);
        var pendingSpace = false;
        foreach (var c in t)
        {
            if (char.IsWhiteSpace(c) || c == '\u3000')
            {
                if (sb.Length > 0) pendingSpace = true;
                continue;
            }
            if (pendingSpace)
            {
                var prev = sb[^1];
                if (!Joins(prev, c)) sb.Append(' ');
                pendingSpace = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>True when a space between these two characters is an extraction artefact.</summary>
    private static bool Joins(char a, char b) =>
        IsCjk(a) && IsCjk(b)
        || IsCjk(a) && (char.IsAsciiDigit(b) || IsComparator(b))
        || char.IsAsciiDigit(a) && IsCjk(b)
        || IsComparator(a)
        || a is '(' or '（' or '《' or '“' || b is ')' or '）' or '》' or '”' or '%' or '、' or '，' or '。' or '：' or '；';

    public static bool IsCjk(char c) =>
        c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\u3000' and <= '\u303f' or >= '\uff00' and <= '\uffef'
        || c is '“' or '”' or '‘' or '’' or '—' or '…';

    public static bool IsComparator(char c) => c is '≥' or '≤' or '>' or '<' or '=' or '≦' or '≧';
}
