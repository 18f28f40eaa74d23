using System.Text;

namespace Jixiao.Documents.Text;

/// <summary>
/// A text file decoded into lines: UTF-8 (with or without BOM), UTF-16 (with BOM) or GB18030/GBK (the
/// common encoding of files saved by Chinese Office and WPS). Lines are NFKC-normalised, which also turns the
/// Kangxi radicals some PDF extractors emit (⾏ → 行) back into ordinary characters.
/// </summary>
public sealed class SourceText
{
    private SourceText(string fileName, string encodingName, IReadOnlyList<string> lines)
    {
        FileName = fileName;
        EncodingName = encodingName;
        Lines = lines;
    }

    public string FileName { get; }
    /// <summary>"UTF-8", "UTF-16LE", "UTF-16BE" or "GB18030".</summary>
    public string EncodingName { get; }
    /// <summary>The lines, 0-based here; SourceRef line numbers are 1-based.</summary>
    public IReadOnlyList<string> Lines { get; }

    static SourceText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static SourceText FromLines(string fileName, IEnumerable<string> lines) =>
        new(fileName, "UTF-16", lines.Select(Normalize).ToList());

    /// <summary>Decodes bytes; returns null when they are not text (binary content).</summary>
    public static SourceText? Decode(string fileName, ReadOnlySpan<byte> bytes)
    {
        string text;
        string name;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            // A UTF-8 signature in front of GBK bytes (an editor that "saved as UTF-8" without converting): the
            // bytes decide, not the label.
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[3..]);
                name = "UTF-8";
            }
            catch (DecoderFallbackException)
            {
                text = Encoding.GetEncoding("GB18030").GetString(bytes[3..]);
                name = "GB18030";
            }
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(bytes[2..]);
            name = "UTF-16LE";
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(bytes[2..]);
            name = "UTF-16BE";
        }
        else if (LooksLikeUtf16Le(bytes))
        {
            text = Encoding.Unicode.GetString(bytes);
            name = "UTF-16LE";
        }
        else
        {
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
                name = "UTF-8";
            }
            catch (DecoderFallbackException)
            {
                text = Encoding.GetEncoding("GB18030").GetString(bytes);
                name = "GB18030";
            }
        }
        if (!LooksLikeText(text)) return null;
        var lines = new List<string>(text.Length / 40 + 1);
        foreach (var line in text.Split('\n'))
            lines.Add(Normalize(line.TrimEnd('\r')));
        return new SourceText(fileName, name, lines);
    }

    private static bool LooksLikeUtf16Le(ReadOnlySpan<byte> bytes)
    {
        // ASCII-heavy UTF-16 without BOM has a zero in every odd byte.
        if (bytes.Length < 8) return false;
        var n = Math.Min(bytes.Length, 4096) & ~1;
        var zeros = 0;
        for (var i = 1; i < n; i += 2) if (bytes[i] == 0) zeros++;
        return zeros > n / 4;
    }

    private static bool LooksLikeText(string text)
    {
        var n = Math.Min(text.Length, 65536);
        if (n == 0) return true;
        var bad = 0;
        for (var i = 0; i < n; i++)
        {
            var c = text[i];
            if (c == '\0' || c == '\uFFFD' || (char.IsControl(c) && c is not '\n' and not '\r' and not '\t' and not '\f')) bad++;
        }
        return bad * 50 < n; // under 2% of odd characters
    }

    /// <summary>
    /// Maps what extraction gets wrong to ordinary characters — Kangxi radicals and compatibility ideographs
    /// (⾏ → 行), full-width digits and letters, ％ ＞ ＜ ＝ — and keeps Chinese punctuation (，：（）。) as written.
    /// </summary>
    private static string Normalize(string line)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            string? repl = c switch
            {
                '\f' => " ",
                >= '\u2F00' and <= '\u2FDF' or >= '\u2E80' and <= '\u2EFF' or >= '\uF900' and <= '\uFAFF' => c.ToString().Normalize(NormalizationForm.FormKC),
                >= '０' and <= '９' or >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ' => ((char)(c - 0xFEE0)).ToString(),
                '％' => "%",
                '＞' => ">",
                '＜' => "<",
                '＝' => "=",
                '．' => ".",
                '\u00A0' => " ",
                _ => null,
            };
            if (repl is null)
            {
                sb?.Append(c);
                continue;
            }
            sb ??= new StringBuilder(line, 0, i, line.Length);
            sb.Append(repl);
        }
        return sb?.ToString() ?? line;
    }
}
