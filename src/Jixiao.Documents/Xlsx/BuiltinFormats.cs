namespace Jixiao.Documents.Xlsx;

/// <summary>
/// Excel's built-in number formats (the ids a style may use without declaring them in styles.xml) and whether a
/// format code shows a number as a date, a time span or a plain number.
/// </summary>
internal static class BuiltinFormats
{
    private static readonly Dictionary<int, string> Codes = new()
    {
        [0] = "General",
        [1] = "0",
        [2] = "0.00",
        [3] = "#,##0",
        [4] = "#,##0.00",
        [5] = "\"$\"#,##0_);(\"$\"#,##0)",
        [6] = "\"$\"#,##0_);[Red](\"$\"#,##0)",
        [7] = "\"$\"#,##0.00_);(\"$\"#,##0.00)",
        [8] = "\"$\"#,##0.00_);[Red](\"$\"#,##0.00)",
        [9] = "0%",
        [10] = "0.00%",
        [11] = "0.00E+00",
        [12] = "# ?/?",
        [13] = "# ??/??",
        [14] = "d/m/yyyy",
        [15] = "d-mmm-yy",
        [16] = "d-mmm",
        [17] = "mmm-yy",
        [18] = "h:mm AM/PM",
        [19] = "h:mm:ss AM/PM",
        [20] = "h:mm",
        [21] = "h:mm:ss",
        [22] = "m/d/yy h:mm",
        [37] = "#,##0_);(#,##0)",
        [38] = "#,##0_);[Red](#,##0)",
        [39] = "#,##0.00_);(#,##0.00)",
        [40] = "#,##0.00_);[Red](#,##0.00)",
        [41] = "_(\"$\"* #,##0_);_(\"$\"* (#,##0);_(\"$\"* \"-\"_);_(@_)",
        [42] = "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)",
        [43] = "_(\"$\"* #,##0.00_);_(\"$\"* (#,##0.00);_(\"$\"* \"-\"??_);_(@_)",
        [44] = "_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"??_);_(@_)",
        [45] = "mm:ss",
        [46] = "[h]:mm:ss",
        [47] = "mm:ss.0",
        [48] = "##0.0E+0",
        [49] = "@",
        // Locale-dependent ids (zh-CN / ja-JP): always dates or times.
        [27] = "yyyy\"年\"m\"月\"",
        [28] = "m\"月\"d\"日\"",
        [29] = "m\"月\"d\"日\"",
        [30] = "m/d/yy",
        [31] = "yyyy\"年\"m\"月\"d\"日\"",
        [32] = "h\"时\"mm\"分\"",
        [33] = "h\"时\"mm\"分\"ss\"秒\"",
        [34] = "上午/下午h\"时\"mm\"分\"",
        [35] = "上午/下午h\"时\"mm\"分\"ss\"秒\"",
        [36] = "yyyy\"年\"m\"月\"",
        [50] = "yyyy\"年\"m\"月\"",
        [51] = "m\"月\"d\"日\"",
        [52] = "yyyy\"年\"m\"月\"",
        [53] = "m\"月\"d\"日\"",
        [54] = "m\"月\"d\"日\"",
        [55] = "上午/下午h\"时\"mm\"分\"",
        [56] = "上午/下午h\"时\"mm\"分\"ss\"秒\"",
        [57] = "yyyy\"年\"m\"月\"",
        [58] = "m\"月\"d\"日\"",
    };

    /// <summary>The code of a built-in format id, or null when the id is not built in.</summary>
    public static string? Code(int id) => Codes.GetValueOrDefault(id);

    /// <summary>
    /// Date when the code has a date or time token (y, m, d, h, s) outside quoted text, escapes, fills and
    /// brackets; Duration when it has an elapsed-time bracket ([h], [mm], [ss]); otherwise Number.
    /// </summary>
    public static XlsxValueKind KindOf(string code)
    {
        if (code.Length == 0 || code.Equals("General", StringComparison.OrdinalIgnoreCase) || code == "@") return XlsxValueKind.Number;
        var date = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case '"':
                    var end = code.IndexOf('"', i + 1);
                    i = end < 0 ? code.Length : end;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[':
                    var close = code.IndexOf(']', i + 1);
                    if (close < 0) return date ? XlsxValueKind.Date : XlsxValueKind.Number;
                    var inner = code.AsSpan(i + 1, close - i - 1);
                    if (inner.Length > 0 && IsElapsed(inner)) return XlsxValueKind.Duration;
                    i = close;
                    break;
                case 'y' or 'Y' or 'm' or 'M' or 'd' or 'D' or 'h' or 'H' or 's' or 'S' or 'g' or 'G':
                    date = true;
                    break;
            }
        }
        return date ? XlsxValueKind.Date : XlsxValueKind.Number;
    }

    private static bool IsElapsed(ReadOnlySpan<char> inner)
    {
        var first = char.ToLowerInvariant(inner[0]);
        if (first is not ('h' or 'm' or 's')) return false;
        foreach (var ch in inner)
            if (char.ToLowerInvariant(ch) != first) return false;
        return true;
    }
}

/// <summary>SpreadsheetML's escapes for characters XML cannot hold: "_x000D_" is a carriage return.</summary>
internal static class EscapedChars
{
    public static string Decode(string s)
    {
        var at = s.IndexOf("_x", StringComparison.Ordinal);
        if (at < 0) return s;
        var sb = new System.Text.StringBuilder(s.Length);
        var start = 0;
        while (at >= 0)
        {
            if (at + 7 <= s.Length && s[at + 6] == '_' && TryHex(s.AsSpan(at + 2, 4), out var ch))
            {
                sb.Append(s, start, at - start).Append(ch);
                start = at + 7;
                at = s.IndexOf("_x", start, StringComparison.Ordinal);
            }
            else at = s.IndexOf("_x", at + 2, StringComparison.Ordinal);
        }
        return sb.Append(s, start, s.Length - start).ToString();
    }

    private static bool TryHex(ReadOnlySpan<char> hex, out char ch)
    {
        var v = 0;
        ch = '\0';
        foreach (var c in hex)
        {
            var d = c is >= '0' and <= '9' ? c - '0' : c is >= 'A' and <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) return false;
            v = v * 16 + d;
        }
        ch = (char)v;
        return true;
    }
}
