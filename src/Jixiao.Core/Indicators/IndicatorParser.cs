using System.Buffers;

namespace Jixiao.Core.Indicators;

/// <summary>Reads target and actual strings (rules.md R3.4). Never throws.</summary>
/// <remarks>
/// Order: empty → template placeholder → exact qualitative phrase → deadline → quantity → qualitative fallback
/// (prefix/suffix/contains) → free text. The grammar and the judgement rules are described in docs/indicator-language.md.
/// </remarks>
public static class IndicatorParser
{
    private static readonly EmptyValue NullValue = new("") { Reason = "未填写" };

    /// <summary>Markers of an empty cell.</summary>
    private static readonly string[] EmptyMarkers = ["/", "-", "--", "—", "——", "无", "空", "N/A", "n/a", "NA", "不适用", "#N/A"];

    /// <summary>Markers of template text left in a cell.</summary>
    private static readonly string[] PlaceholderMarkers = ["此处须填写", "此处需填写", "此处填写", "请在此处", "请填写", "待填写", "请输入", "XX", "xx", "××"];

    /// <summary>The first characters of <see cref="PlaceholderMarkers"/>: a cell without any of them holds no marker.</summary>
    private static readonly SearchValues<char> PlaceholderStarts = SearchValues.Create("此请待Xx×");

    /// <summary>Slots of the memo of parses (a power of two).</summary>
    private const int MemoSize = 2048;

    /// <summary>A text and its reading, published to other threads as one reference.</summary>
    private sealed class Parsed(string text, IndicatorValue value)
    {
        public readonly string Text = text;
        public readonly IndicatorValue Value = value;
    }

    /// <summary>
    /// Recent parses, shared by all threads, direct-mapped by the string's hash. A check parses each target and
    /// actual twice (the row checks, then the scorer), and a province repeats "≥95%", "100%", "达成预期指标",
    /// "有所提高" in table after table. Values are immutable records and parsing is a pure function of the text, so
    /// a hit returns the same reading. The size is measured: over 12,000 generated tables 512 slots per thread left
    /// 33% of the parses to do and 32,768 shared slots 15%, but the large table cost more in cache misses than the
    /// parses it saved; 2,048 (16 KB of slots) was the fastest.
    /// </summary>
    private static readonly Parsed?[] Memo = new Parsed?[MemoSize];

    /// <summary>Parses one target or actual string into a quantity, deadline, qualitative level, free text or empty.</summary>
    public static IndicatorValue Parse(string? text)
    {
        if (text is null)
        {
            return NullValue;
        }

        ref var slot = ref Memo[text.GetHashCode() & (MemoSize - 1)];
        var known = Volatile.Read(ref slot);
        if (known is not null && string.Equals(known.Text, text, StringComparison.Ordinal))
        {
            return known.Value;
        }

        var value = ParseUncached(text);
        Volatile.Write(ref slot, new Parsed(text, value));
        return value;
    }

    private static IndicatorValue ParseUncached(string text)
    {
        try
        {
            return ParseCore(text);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The grammar is written not to throw; this is a last line of defence for a batch of millions.
            return new FreeTextValue(text) { Reason = "无法解析：" + ex.GetType().Name };
        }
    }

    private static IndicatorValue ParseCore(string text)
    {
        if (text.Length > IndicatorText.MaxLength)
        {
            return FreeText(text, text.AsSpan(), "文字过长，不是可计量的指标值");
        }

        // Normalising never lengthens the text, and text.Length <= MaxLength here.
        Span<char> buffer = stackalloc char[text.Length];
        int length = IndicatorText.Normalize(text.AsSpan(), buffer);
        ReadOnlySpan<char> s = buffer[..length];

        if (length == 0)
        {
            return new EmptyValue(text) { Reason = "未填写" };
        }

        if (IsAny(s, EmptyMarkers))
        {
            return new EmptyValue(text) { Reason = $"填写为“{text.Trim()}”，视为未填写" };
        }

        if (QualitativeScales.FindExact(s) is { } exact)
        {
            return Qualitative(text, exact);
        }

        if (ContainsAny(s, PlaceholderMarkers))
        {
            return FreeText(text, s, "");
        }

        if (DeadlineGrammar.TryParse(s, text, out var deadline))
        {
            return deadline!;
        }

        if (QuantityGrammar.TryParse(s, text, out var quantity))
        {
            return quantity!;
        }

        if (QualitativeScales.FindFallback(s) is { } phrase)
        {
            return Qualitative(text, phrase);
        }

        return FreeText(text, s, "文字说明，不是可计量的指标值");
    }

    private static QualitativeValue Qualitative(string raw, QualitativePhrase phrase)
    {
        string canonical = QualitativeScales.CanonicalOf(phrase.Scale, phrase.Level);
        return new QualitativeValue(raw)
        {
            Scale = phrase.Scale,
            Level = phrase.Level,
            Canonical = canonical,
            Reason = QualitativeScales.ReasonOf(phrase),
        };
    }

    private static FreeTextValue FreeText(string raw, ReadOnlySpan<char> s, string reason) =>
        ContainsAny(s, PlaceholderMarkers)
            ? new FreeTextValue(raw) { IsPlaceholder = true, Reason = "模板提示文字未替换，未填写实际内容" }
            : new FreeTextValue(raw) { Reason = reason };

    private static bool IsAny(ReadOnlySpan<char> s, string[] words)
    {
        foreach (var word in words)
        {
            if (s.SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAny(ReadOnlySpan<char> s, string[] words)
    {
        if (!s.ContainsAny(PlaceholderStarts))
        {
            return false;
        }

        foreach (var word in words)
        {
            if (s.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
