namespace Jixiao.Core.Indicators;

/// <summary>
/// Normalises an indicator cell for parsing: full-width forms to ASCII, all white space removed
/// ("5696元/ 年", "<=2022 年12月31日"), ≧ ≦ to ≥ ≤, "，" to ",", LaTeX "$\geq 90\%$" to "≥90%", and trailing
/// punctuation ("。", "；") dropped. Writes into a caller-supplied buffer, so it does not allocate.
/// </summary>
internal static class IndicatorText
{
    /// <summary>Cells longer than this are not indicator values; only this many characters are normalised.</summary>
    public const int MaxLength = 256;

    /// <summary>
    /// Writes the normalised form of <paramref name="source"/> into <paramref name="buffer"/> and returns its length.
    /// The form is never longer than the source; a shorter buffer truncates.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> source, Span<char> buffer)
    {
        int n = 0;
        for (int i = 0; i < source.Length && n < buffer.Length; i++)
        {
            char c = source[i];
            if (c == '\\')
            {
                int consumed = ReadLatexCommand(source[i..], out char replacement);
                if (consumed > 0)
                {
                    if (replacement != '\0')
                    {
                        buffer[n++] = replacement;
                    }

                    i += consumed - 1;
                    continue;
                }
            }

            char mapped = Map(c);
            if (mapped != '\0')
            {
                buffer[n++] = mapped;
            }
        }

        while (n > 0 && IsTrailingPunctuation(buffer[n - 1]))
        {
            n--;
        }

        return n;
    }

    /// <summary>Normalises a whole string (for building lookup tables; allocates).</summary>
    public static string Normalize(string text)
    {
        Span<char> buffer = stackalloc char[Math.Min(text.Length, MaxLength)];
        int n = Normalize(text.AsSpan(), buffer);
        return new string(buffer[..n]);
    }

    /// <summary>The character to keep for <paramref name="c"/>, or '\0' to drop it.</summary>
    private static char Map(char c)
    {
        if (c <= ' ' || c == '\u3000' || c == '\u00A0' || c is '$' or '{' or '}' || char.IsWhiteSpace(c))
        {
            return '\0';
        }

        if (c >= '\uFF01' && c <= '\uFF5E')
        {
            // Full-width ASCII: ０-９, ％, ＞, ＜, ＝, ．, －, （, ）, ，, ：, ～ ...
            return (char)(c - 0xFEE0);
        }

        return c switch
        {
            '≧' or '⩾' => '≥',
            '≦' or '⩽' => '≤',
            '〜' => '~',
            '≒' => '≈',
            '–' or '−' => '-',
            _ => c,
        };
    }

    private static bool IsTrailingPunctuation(char c) => c is '。' or '.' or ';' or '；' or ',' or '、' or '!' or '！';

    private static readonly (string Command, char Replacement)[] LatexCommands =
    [
        ("\\geqslant", '≥'), ("\\leqslant", '≤'), ("\\geq", '≥'), ("\\leq", '≤'), ("\\ge", '≥'), ("\\le", '≤'),
        ("\\approx", '≈'), ("\\sim", '≈'), ("\\gt", '>'), ("\\lt", '<'), ("\\%", '%'), ("\\,", '\0'), ("\\;", '\0'),
        ("\\text", '\0'), ("\\mathrm", '\0'),
    ];

    /// <summary>Reads a LaTeX command at the start of <paramref name="s"/>; returns its length, or 0 when none.</summary>
    private static int ReadLatexCommand(ReadOnlySpan<char> s, out char replacement)
    {
        foreach (var (command, value) in LatexCommands)
        {
            if (s.StartsWith(command, StringComparison.Ordinal)
                && (command.Length == 2 || s.Length == command.Length || !char.IsAsciiLetter(s[command.Length])))
            {
                replacement = value;
                return command.Length;
            }
        }

        replacement = '\0';
        return 0;
    }
}
