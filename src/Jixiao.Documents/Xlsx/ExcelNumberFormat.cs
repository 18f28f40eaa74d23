using System.Globalization;
using System.Text;

namespace Jixiao.Documents.Xlsx;

/// <summary>
/// The small part of Excel's number-format language the readers and writers need: choosing a format that
/// shows a stated figure exactly as written ("1,567,340,000.00", "49537.02", "59.53%", "120,000"), and
/// rendering a cell's value with its format the way Excel displays it.
/// </summary>
public static class ExcelNumberFormat
{
    /// <summary>
    /// A format code that displays <paramref name="value"/> exactly as <paramref name="text"/>, or null when none
    /// of the simple forms does (then the figure is written as text). Percentages are in percentage points, so
    /// the % sign is a literal ("0.00\"%\""), never Excel's ×100 percent.
    /// </summary>
    public static string? ForText(string? text, decimal value)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var t = text;
        var percent = t.EndsWith('%');
        if (percent) t = t[..^1];
        if (t.Length == 0) return null;
        var grouping = t.Contains(',');
        var dot = t.IndexOf('.');
        var decimals = dot < 0 ? 0 : t.Length - dot - 1;
        if (decimals > 10) return null;
        var code = (grouping ? "#,##0" : "0") + (decimals > 0 ? "." + new string('0', decimals) : "") + (percent ? "\"%\"" : "");
        return Render(value, code) == text ? code : null;
    }

    /// <summary>The default format of an amount: thousands separators and two decimals.</summary>
    public const string Amount = "#,##0.00";

    /// <summary>Renders a number with a format code as Excel would display it (sections, grouping, decimals, %, literals).</summary>
    public static string Render(decimal value, string? formatCode)
    {
        if (string.IsNullOrWhiteSpace(formatCode) || formatCode.Equals("General", StringComparison.OrdinalIgnoreCase) || formatCode == "@")
            return General(value);
        var sections = SplitSections(formatCode);
        string section;
        var negative = value < 0;
        var abs = negative ? -value : value;
        var signHandled = false;
        if (value == 0 && sections.Count >= 3) section = sections[2];
        else if (negative && sections.Count >= 2) { section = sections[1]; signHandled = true; }
        else section = sections[0];

        var sb = new StringBuilder();
        var placeholders = new StringBuilder();
        var prefix = new StringBuilder();
        var suffix = new StringBuilder();
        var inNumber = false;
        var afterNumber = false;
        var percent = false;
        for (var i = 0; i < section.Length; i++)
        {
            var c = section[i];
            string? literal = null;
            if (c == '"')
            {
                var end = section.IndexOf('"', i + 1);
                if (end < 0) end = section.Length;
                literal = section[(i + 1)..end];
                i = end;
            }
            else if (c == '\\' && i + 1 < section.Length) { literal = section[++i].ToString(); }
            else if (c == '[') { var end = section.IndexOf(']', i); i = end < 0 ? section.Length : end; continue; }
            else if (c == '_') { i++; literal = " "; }
            else if (c == '*') { i++; continue; }
            else if (c is '0' or '#' or '?' or ',' || (c == '.' && !afterNumber))
            {
                if (afterNumber) { suffix.Append(c); continue; }
                inNumber = true;
                placeholders.Append(c);
                continue;
            }
            else if (c == '%') { percent = true; literal = "%"; }
            else if (c is 'y' or 'm' or 'd' or 'h' or 's' or 'Y' or 'M' or 'D' or 'H' or 'S' or 'E' or 'e') return General(value);
            else literal = c.ToString();

            if (inNumber) { afterNumber = true; inNumber = false; }
            if (afterNumber) suffix.Append(literal); else prefix.Append(literal);
        }
        if (placeholders.Length == 0) return (prefix.ToString() + suffix).Trim() is { Length: > 0 } lit ? prefix.ToString() + suffix : General(value);

        var p = placeholders.ToString();
        var scaled = percent ? abs * 100m : abs;
        // Trailing commas scale by 1000 each.
        while (p.EndsWith(',')) { p = p[..^1]; scaled /= 1000m; }
        var dotAt = p.IndexOf('.');
        var intPart = dotAt < 0 ? p : p[..dotAt];
        var fracPart = dotAt < 0 ? "" : p[(dotAt + 1)..];
        var minDecimals = fracPart.Count(ch => ch == '0');
        var maxDecimals = fracPart.Count(ch => ch is '0' or '#' or '?');
        var grouping = intPart.Contains(',');
        var minInt = intPart.Count(ch => ch == '0');
        var rounded = Math.Round(scaled, maxDecimals, MidpointRounding.AwayFromZero);
        var fmt = new StringBuilder();
        fmt.Append(grouping ? "#,##0" : "0");
        if (maxDecimals > 0)
        {
            fmt.Append('.');
            fmt.Append('0', minDecimals);
            fmt.Append('#', maxDecimals - minDecimals);
        }
        var number = rounded.ToString(fmt.ToString(), CultureInfo.InvariantCulture);
        if (minInt == 0 && number.StartsWith("0.", StringComparison.Ordinal)) number = number[1..];
        if (minInt == 0 && number == "0") number = "";
        if (number.EndsWith('.')) number = number[..^1];
        sb.Append(prefix);
        if (negative && !signHandled && rounded != 0) sb.Append('-');
        sb.Append(number);
        sb.Append(suffix);
        return sb.ToString().Trim();
    }

    /// <summary>Excel's General format for a decimal: up to 11 significant digits, no grouping.</summary>
    public static string General(decimal value)
    {
        var r = Math.Round(value, 10, MidpointRounding.AwayFromZero);
        return r.ToString("0.##########", CultureInfo.InvariantCulture);
    }

    private static List<string> SplitSections(string code)
    {
        var list = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"') quoted = !quoted;
            if (c == '\\' && i + 1 < code.Length && !quoted) { sb.Append(c).Append(code[++i]); continue; }
            if (c == ';' && !quoted) { list.Add(sb.ToString()); sb.Clear(); continue; }
            sb.Append(c);
        }
        list.Add(sb.ToString());
        return list;
    }
}
