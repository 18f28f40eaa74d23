using System.Text;

namespace Jixiao.Core.Model;

/// <summary>Small text helpers shared by readers and checks.</summary>
public static class Text
{
    /// <summary>Removes all white space (PDF extraction scatters spaces and breaks inside Chinese words) and normalises brackets and colons.</summary>
    public static string Compact(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        // Most names and cells have nothing to remove or replace: then the string itself is the answer.
        var first = 0;
        while (first < s.Length && !Changes(s[first])) first++;
        if (first == s.Length) return s;
        Span<char> buffer = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
        s.AsSpan(0, first).CopyTo(buffer);
        var n = first;
        for (var i = first; i < s.Length; i++)
        {
            var c = s[i];
            if (IsDropped(c)) continue;
            buffer[n++] = Replacement(c);
        }
        return new string(buffer[..n]);
    }

    // Above Latin-1, white space lies between U+1680 and U+3000: CJK text (U+3001 on) skips the Unicode table lookup.
    private static bool IsDropped(char c) =>
        c <= '\u00ff' ? char.IsWhiteSpace(c) : (c <= '\u3000' && c >= '\u1680' && char.IsWhiteSpace(c)) || c == '\u200b' || c == '\ufeff';

    private static bool Changes(char c) => IsDropped(c) || Replacement(c) != c;

    private static char Replacement(char c) => c switch
    {
        '(' => '（',
        ')' => '）',
        ':' => '：',
        ',' => '，',
        '【' => '〔',
        '】' => '〕',
        '[' => '〔',
        ']' => '〕',
        _ => c,
    };

    /// <summary>The text before the first opening bracket.</summary>
    public static string BeforeBracket(string s)
    {
        var i = s.IndexOfAny(['（', '(']);
        return i < 0 ? s : s[..i];
    }

    /// <summary>True for an empty explanation: blank, "无", "无。", "/", "-", "——".</summary>
    public static bool IsEmptyExplanation(string? s)
    {
        if (string.IsNullOrEmpty(s)) return true;
        if (s.Length > 64) return IsEmptyMarker(Compact(s).AsSpan().Trim("。.；;"));
        // Compact(s).Trim(…) without building the string: Compact's bracket, colon and comma mapping never
        // produces or removes a marker character or a trimmed one, so dropping white space is enough.
        Span<char> buf = stackalloc char[64];
        var n = 0;
        foreach (var c in s)
            if (!char.IsWhiteSpace(c) && c != '\u200b' && c != '\ufeff') buf[n++] = c;
        return IsEmptyMarker(((ReadOnlySpan<char>)buf[..n]).Trim("。.；;"));
    }

    private static bool IsEmptyMarker(ReadOnlySpan<char> t) =>
        t.Length == 0 || t is "无" or "/" or "-" or "—" or "——" or "暂无" or "没有" or "不适用";
}
