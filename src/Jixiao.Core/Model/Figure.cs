using System.Globalization;
using Jixiao.Core.Provenance;

namespace Jixiao.Core.Model;

/// <summary>
/// A number as a document states it: the text as written (kept verbatim), its value when it is a number,
/// and where it came from. Amounts are in the unit the table declares; rates are in percentage points.
/// </summary>
public sealed record Figure
{
    /// <summary>The text as written, e.g. "1,567,340,000.00", "96.21%", "#DIV/0!".</summary>
    public string? Text { get; init; }
    public decimal? Value { get; init; }
    public SourceRef? At { get; init; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Text) || IsDash;

    /// <summary>"—", "-", "/", "——": written on purpose as "not applicable".</summary>
    public bool IsDash => Text is { } t && t.Trim().Length > 0 && t.Trim().All(c => c is '-' or '—' or '–' or '/' or '－' or '／');

    /// <summary>A spreadsheet error value such as #DIV/0!, #VALUE!, #REF!, #N/A.</summary>
    public bool IsSpreadsheetError => Text is { } t && t.TrimStart().StartsWith('#');

    public bool IsPercent => Text is { } t && (t.Contains('%') || t.Contains('％'));

    public static Figure Blank(SourceRef? at = null) => new() { At = at };

    public static Figure Of(decimal value, SourceRef? at = null) =>
        new() { Text = value.ToString(CultureInfo.InvariantCulture), Value = value, At = at };

    /// <summary>Reads a cell's text; never throws. A non-numeric text keeps Value null.</summary>
    public static Figure Parse(string? text, SourceRef? at = null)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return new Figure { Text = null, At = at };
        return new Figure { Text = t, Value = NumberText.TryParse(t), At = at };
    }

    public override string ToString() => Text ?? "";
}

/// <summary>Parsing of numbers as published: thousands separators, full-width digits, %, spaces, leading "＋/－".</summary>
public static class NumberText
{
    public static decimal? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        Span<char> buf = stackalloc char[Math.Min(text.Length, 64)];
        var n = 0;
        var sawDigit = false;
        foreach (var raw in text)
        {
            var c = Normalize(raw);
            if (char.IsAsciiDigit(c)) { sawDigit = true; }
            else if (c is ',' or ' ' or '\u00a0' or '%') { continue; }
            else if (c is '.' or '-' or '+') { }
            else return null;
            if (n >= buf.Length) return null;
            buf[n++] = c;
        }
        if (!sawDigit) return null;
        return decimal.TryParse(buf[..n], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    /// <summary>Full-width digits and signs to ASCII.</summary>
    public static char Normalize(char c) => c switch
    {
        >= '０' and <= '９' => (char)('0' + (c - '０')),
        '．' => '.',
        '，' => ',',
        '％' => '%',
        '－' or '—' or '–' or '−' => '-',
        '＋' => '+',
        _ => c,
    };

    public static string Format(decimal value, int decimals = 2) =>
        value.ToString("#,##0." + new string('0', decimals), CultureInfo.InvariantCulture);

    public static string FormatPercent(decimal percentPoints, int decimals = 2) =>
        percentPoints.ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture) + "%";
}
