namespace Jixiao.Core.Indicators;

/// <summary>
/// Words indexed by their first character, longest first: finding the word a text starts with costs one lookup and a
/// few comparisons instead of a scan of the whole table (the parser runs on millions of cells).
/// </summary>
internal sealed class WordTable<T>
{
    private readonly Dictionary<char, (string Text, T Value)[]> byFirstChar;

    public WordTable(IEnumerable<(string Text, T Value)> words) =>
        byFirstChar = words
            .Where(w => w.Text.Length > 0)
            .GroupBy(w => w.Text[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(w => w.Text.Length).ToArray());

    /// <summary>The longest word <paramref name="s"/> starts with.</summary>
    public bool TryMatch(ReadOnlySpan<char> s, out string text, out T value)
    {
        if (!s.IsEmpty && byFirstChar.TryGetValue(s[0], out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (s.StartsWith(candidate.Text, StringComparison.Ordinal))
                {
                    text = candidate.Text;
                    value = candidate.Value;
                    return true;
                }
            }
        }

        text = "";
        value = default!;
        return false;
    }
}
