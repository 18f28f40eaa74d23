using System.Text;
using System.Text.RegularExpressions;

namespace Jixiao.Core.Classification;

/// <summary>支出功能分类 (类/款/项 = 3/5/7 digits) or 部门预算支出经济分类 (类/款 = 3/5 digits).</summary>
public enum ClassificationKind
{
    Function,
    Economic,
}

/// <summary>
/// One row of the code catalogue: the code, its name in <see cref="SourceYear"/>, how it is known
/// (<see cref="Verified"/> is false for rows marked recalled-unverified), the names it had before
/// (name drift such as 20805 行政事业单位离退休 → 行政事业单位养老支出) and known printed variants.
/// </summary>
public sealed record CatalogueEntry(
    ClassificationKind Kind,
    string Code,
    string Name,
    int SourceYear,
    string Source,
    bool Verified,
    IReadOnlyList<string> FormerNames,
    IReadOnlyList<string> PrintedVariants)
{
    public int Digits => Code.Length;
}

/// <summary>How a printed name relates to the catalogue's name for the code.</summary>
public enum NameMatch
{
    /// <summary>The same name (after removing spaces, brackets, quotes and 的).</summary>
    Same,
    /// <summary>A former name of the code (name drift across years).</summary>
    FormerName,
    /// <summary>A variant known to be printed by the standard templates (e.g. 资本注入 for 资本金注入).</summary>
    PrintedVariant,
    Different,
}

/// <summary>
/// The government classification codes (政府收支分类科目) by year, loaded from
/// <c>classification-codes.tsv</c> (kind, code, name, year_of_source, source). Lookups take the
/// disclosure year and pick the row of the latest year not after it (or the earliest row when all are later:
/// the recalled lists are used as the best knowledge for earlier years too).
/// </summary>
public sealed class ClassificationCatalogue
{
    private readonly Dictionary<(ClassificationKind, string), List<CatalogueEntry>> _byCode = [];
    private readonly Dictionary<(ClassificationKind, int, string), List<CatalogueEntry>> _byName = [];
    private readonly Dictionary<string, HashSet<string>> _variantsByOfficialName = new(StringComparer.Ordinal);

    public IReadOnlyList<CatalogueEntry> Entries { get; }

    private ClassificationCatalogue(List<CatalogueEntry> entries)
    {
        Entries = entries;
        foreach (var e in entries)
        {
            Add(_byCode, (e.Kind, e.Code), e);
            foreach (var n in e.FormerNames.Prepend(e.Name).Concat(e.PrintedVariants))
                Add(_byName, (e.Kind, e.Digits, NormalizeName(n)), e);
            if (e.PrintedVariants.Count > 0)
            {
                var key = NormalizeName(e.Name);
                if (!_variantsByOfficialName.TryGetValue(key, out var set)) _variantsByOfficialName[key] = set = new(StringComparer.Ordinal);
                foreach (var v in e.PrintedVariants) set.Add(NormalizeName(v));
            }
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<CatalogueEntry>> d, TKey key, CatalogueEntry e) where TKey : notnull
    {
        if (!d.TryGetValue(key, out var list)) d[key] = list = [];
        if (!list.Contains(e)) list.Add(e);
    }

    /// <summary>The catalogue shipped with Jixiao.</summary>
    public static ClassificationCatalogue Default => LazyDefault.Value;

    private static readonly Lazy<ClassificationCatalogue> LazyDefault = new(() =>
    {
        using var stream = typeof(ClassificationCatalogue).Assembly.GetManifestResourceStream("Jixiao.Classification.classification-codes.tsv")
            ?? throw new InvalidOperationException("科目代码表资源缺失。");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    });

    private static readonly Regex OlderName = new(@"older name ([^;；()（）]+)", RegexOptions.Compiled);
    private static readonly Regex Printed = new(@"\(printed ([^)]+)\)", RegexOptions.Compiled);

    /// <summary>Reads the TSV text (header line first); throws <see cref="FormatException"/> on a malformed row.</summary>
    public static ClassificationCatalogue Parse(string tsv)
    {
        var entries = new List<CatalogueEntry>();
        var lineNo = 0;
        foreach (var raw in tsv.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || lineNo == 1 && line.StartsWith("kind", StringComparison.Ordinal)) continue;
            var f = line.Split('\t');
            if (f.Length < 5) throw new FormatException($"科目代码表第 {lineNo} 行应有 5 列，实有 {f.Length} 列。");
            var kind = f[0] switch
            {
                "function" => ClassificationKind.Function,
                "economic" => ClassificationKind.Economic,
                _ => throw new FormatException($"科目代码表第 {lineNo} 行的类别“{f[0]}”无法识别。"),
            };
            if (!int.TryParse(f[3], out var year)) throw new FormatException($"科目代码表第 {lineNo} 行的年份“{f[3]}”无法识别。");
            var source = f[4];
            var former = OlderName.Matches(source).Select(m => m.Groups[1].Value.Trim()).Where(s => s.Length > 0).ToList();
            var printed = Printed.Matches(source).Select(m => m.Groups[1].Value.Trim()).Where(s => s.Length > 0).ToList();
            var verified = !source.StartsWith("recalled-unverified", StringComparison.Ordinal);
            entries.Add(new CatalogueEntry(kind, f[1].Trim(), f[2].Trim(), year, source, verified, former, printed));
        }
        return new ClassificationCatalogue(entries);
    }

    /// <summary>The entry for <paramref name="code"/> valid in <paramref name="year"/>, or null when the code is not in the catalogue.</summary>
    public CatalogueEntry? Find(ClassificationKind kind, string? code, int? year = null)
    {
        if (string.IsNullOrEmpty(code) || !_byCode.TryGetValue((kind, code), out var list)) return null;
        return Pick(list, year);
    }

    private static CatalogueEntry Pick(List<CatalogueEntry> list, int? year)
    {
        if (list.Count == 1 || year is null) return list.MaxBy(e => e.SourceYear)!;
        var notAfter = list.Where(e => e.SourceYear <= year).MaxBy(e => e.SourceYear);
        return notAfter ?? list.MinBy(e => e.SourceYear)!;
    }

    /// <summary>The entries whose code starts with <paramref name="parent"/> and is <paramref name="digits"/> long.</summary>
    public IEnumerable<CatalogueEntry> Children(ClassificationKind kind, string parent, int digits) =>
        _byCode.Where(kv => kv.Key.Item1 == kind && kv.Key.Item2.Length == digits && kv.Key.Item2.StartsWith(parent, StringComparison.Ordinal))
            .Select(kv => kv.Value.MaxBy(e => e.SourceYear)!);

    /// <summary>
    /// The entry of <paramref name="digits"/> digits whose name (current, former or printed variant) is
    /// <paramref name="name"/>; null when none or when several codes share the name (e.g. 30901 and 31001).
    /// <paramref name="codePrefix"/> narrows the search (a 款 name under a known 类).
    /// </summary>
    public CatalogueEntry? FindByName(ClassificationKind kind, string? name, int digits, string? codePrefix = null, int? year = null)
    {
        var key = NormalizeName(StripOrdinal(name));
        if (key.Length == 0 || !_byName.TryGetValue((kind, digits, key), out var list)) return null;
        var candidates = codePrefix is null ? list : list.Where(e => e.Code.StartsWith(codePrefix, StringComparison.Ordinal)).ToList();
        var codes = candidates.Select(e => e.Code).Distinct().ToList();
        return codes.Count == 1 ? Find(kind, codes[0], year) : null;
    }

    /// <summary>How <paramref name="printedName"/> relates to the name of <paramref name="entry"/>.</summary>
    public NameMatch MatchName(CatalogueEntry entry, string? printedName)
    {
        var p = NormalizeName(StripOrdinal(printedName));
        if (p == NormalizeName(entry.Name)) return NameMatch.Same;
        if (entry.FormerNames.Any(n => NormalizeName(n) == p)) return NameMatch.FormerName;
        if (entry.PrintedVariants.Any(n => NormalizeName(n) == p)) return NameMatch.PrintedVariant;
        if (_variantsByOfficialName.TryGetValue(NormalizeName(entry.Name), out var set) && set.Contains(p)) return NameMatch.PrintedVariant;
        return NameMatch.Different;
    }

    /// <summary>
    /// A name for comparison: white space, brackets, quotes, the particle 的 and a trailing level marker
    /// "(类)/(款)/(项)" removed; full-width and half-width forms unified.
    /// </summary>
    public static string NormalizeName(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || c is '（' or '）' or '(' or ')' or '〔' or '〕' or '[' or ']' or '【' or '】'
                or '“' or '”' or '"' or '‘' or '’' or '\'' or '的' or '\u200b' or '\ufeff') continue;
            sb.Append(c);
        }
        var s = sb.ToString();
        foreach (var suffix in new[] { "类", "款", "项" })
            if (s.Length > 2 && s.EndsWith(suffix, StringComparison.Ordinal) && (s.EndsWith("支出" + suffix, StringComparison.Ordinal) || s.EndsWith("务" + suffix, StringComparison.Ordinal)))
                return s[..^1];
        return s;
    }

    private static readonly Regex Ordinal = new(@"^\s*(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]\s*|[（(][一二三四五六七八九十\d]+[）)])\s*", RegexOptions.Compiled);

    /// <summary>Removes a leading "八、" / "1." / "（一）" from a label.</summary>
    public static string StripOrdinal(string? label) => string.IsNullOrEmpty(label) ? "" : Ordinal.Replace(label, "");
}
