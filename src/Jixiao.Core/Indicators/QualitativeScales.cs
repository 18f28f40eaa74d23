namespace Jixiao.Core.Indicators;

/// <summary>How a phrase in <see cref="QualitativeScales.Phrases"/> is matched against a normalised cell.</summary>
public enum PhraseMatch
{
    /// <summary>The whole cell equals the phrase.</summary>
    Exact,
    /// <summary>The cell starts with the phrase ("符合…水平").</summary>
    Prefix,
    /// <summary>The cell ends with the phrase ("作用非常显著").</summary>
    Suffix,
    /// <summary>The cell contains the phrase ("足额及时发放").</summary>
    Contains,
}

/// <summary>One entry of the qualitative vocabulary: a phrase, its scale and its level (higher is better).</summary>
public sealed record QualitativePhrase(string Phrase, string Scale, int Level, PhraseMatch Match = PhraseMatch.Exact);

/// <summary>
/// The ordered qualitative scales (rules.md R1.12, R1.12a, R3.4) as data: to support a new phrase, add a row.
/// Exact phrases win; the other match kinds are a fallback for short cells (at most
/// <see cref="MaxFallbackLength"/> characters, no digits, no negation outside the phrase), longest phrase first.
/// </summary>
public static class QualitativeScales
{
    public const string Achievement = "achievement";
    public const string Effect = "effect";
    public const string Trend = "trend";
    public const string Completion = "completion";
    public const string Timeliness = "timeliness";
    public const string Stability = "stability";
    public const string Satisfaction = "satisfaction";
    public const string Compliance = "compliance";
    public const string Quality = "quality";
    public const string Guarantee = "guarantee";
    public const string Relief = "relief";
    public const string Participation = "participation";
    public const string Operation = "operation";
    public const string Reduction = "reduction";

    /// <summary>Cells longer than this are matched only exactly.</summary>
    public const int MaxFallbackLength = 16;

    /// <summary>The canonical phrase of each level, per scale.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<int, string>> Levels =
        new Dictionary<string, IReadOnlyDictionary<int, string>>
        {
            [Achievement] = new Dictionary<int, string> { [2] = "达成预期指标", [1] = "部分达成预期指标并具有一定效果", [0] = "未达成预期指标且效果较差" },
            [Effect] = new Dictionary<int, string> { [3] = "显著", [2] = "较显著", [1] = "一般", [0] = "不显著" },
            [Trend] = new Dictionary<int, string> { [1] = "提高", [0] = "下降" },
            [Completion] = new Dictionary<int, string> { [2] = "完成", [1] = "基本完成", [0] = "未完成" },
            [Timeliness] = new Dictionary<int, string> { [1] = "及时", [0] = "不及时" },
            [Stability] = new Dictionary<int, string> { [2] = "长期稳定", [1] = "基本稳定", [0] = "不稳定" },
            [Satisfaction] = new Dictionary<int, string> { [5] = "非常满意", [4] = "满意", [3] = "较满意", [2] = "基本满意", [0] = "不满意" },
            [Compliance] = new Dictionary<int, string> { [1] = "符合规定", [0] = "不符合规定" },
            [Quality] = new Dictionary<int, string> { [3] = "优秀", [2] = "良好", [1] = "合格", [0] = "不合格" },
            [Guarantee] = new Dictionary<int, string> { [1] = "有效保障", [0] = "未能保障" },
            [Relief] = new Dictionary<int, string> { [1] = "有效减轻", [0] = "未能减轻" },
            [Participation] = new Dictionary<int, string> { [1] = "积极参与", [0] = "不积极" },
            [Operation] = new Dictionary<int, string> { [1] = "正常开展", [0] = "未开展" },
            [Reduction] = new Dictionary<int, string> { [1] = "减少", [0] = "未减少" },
        };

    /// <summary>The vocabulary. Phrases are written as they appear; they are normalised like the cells.</summary>
    public static readonly IReadOnlyList<QualitativePhrase> Phrases =
    [
        // 财预〔2020〕10号 three levels and their synonyms (R1.12, R1.12a).
        new("达成预期指标", Achievement, 2), new("达成年度指标", Achievement, 2), new("达成预期目标", Achievement, 2),
        new("达到预期目标", Achievement, 2), new("达成", Achievement, 2), new("已达成", Achievement, 2),
        new("全部达成", Achievement, 2), new("达成目标", Achievement, 2),
        new("部分达成预期指标并具有一定效果", Achievement, 1), new("部分达成年度指标并具有一定效果", Achievement, 1),
        new("部分达到预期目标,并且具备一定效果", Achievement, 1), new("部分达到预期目标并且具备一定效果", Achievement, 1),
        new("部分达成预期指标", Achievement, 1), new("部分达到预期目标", Achievement, 1), new("部分达成", Achievement, 1),
        new("未达成预期指标且效果较差", Achievement, 0), new("未达成年度指标且效果较差", Achievement, 0),
        new("未达成预期指标", Achievement, 0), new("未达到预期目标", Achievement, 0), new("未达成", Achievement, 0),

        new("显著", Effect, 3), new("作用显著", Effect, 3), new("效果显著", Effect, 3), new("成效显著", Effect, 3),
        new("效果明显", Effect, 3), new("作用明显", Effect, 3), new("成效明显", Effect, 3), new("明显", Effect, 3),
        new("较显著", Effect, 2), new("作用较显著", Effect, 2), new("效果较显著", Effect, 2), new("较明显", Effect, 2),
        new("效果较明显", Effect, 2), new("作用较明显", Effect, 2),
        new("一般", Effect, 1), new("效果一般", Effect, 1), new("作用一般", Effect, 1),
        new("不显著", Effect, 0), new("不明显", Effect, 0), new("效果不明显", Effect, 0), new("作用不明显", Effect, 0),
        new("显著", Effect, 3, PhraseMatch.Suffix), new("明显", Effect, 3, PhraseMatch.Suffix),
        new("较显著", Effect, 2, PhraseMatch.Suffix), new("较为显著", Effect, 2, PhraseMatch.Suffix),
        new("较明显", Effect, 2, PhraseMatch.Suffix), new("不显著", Effect, 0, PhraseMatch.Suffix),
        new("不明显", Effect, 0, PhraseMatch.Suffix),

        new("有所提高", Trend, 1), new("提高", Trend, 1), new("持续提升", Trend, 1), new("有效提高", Trend, 1),
        new("明显提高", Trend, 1), new("提升", Trend, 1), new("有所提升", Trend, 1), new("逐步提高", Trend, 1),
        new("稳步提升", Trend, 1), new("显著提高", Trend, 1), new("不断提高", Trend, 1), new("进一步提高", Trend, 1),
        new("有所改善", Trend, 1), new("改善", Trend, 1), new("增强", Trend, 1), new("有所增强", Trend, 1),
        new("下降", Trend, 0), new("有所下降", Trend, 0),
        new("提高", Trend, 1, PhraseMatch.Suffix), new("提升", Trend, 1, PhraseMatch.Suffix),
        new("改善", Trend, 1, PhraseMatch.Suffix), new("增强", Trend, 1, PhraseMatch.Suffix),

        new("完成", Completion, 2), new("已完成", Completion, 2), new("全部完成", Completion, 2), new("按时完成", Completion, 2),
        new("已按时完成", Completion, 2), new("按期完成", Completion, 2), new("如期完成", Completion, 2), new("按要求完成", Completion, 2),
        new("达到预期", Completion, 2), new("达到", Completion, 2), new("已达到", Completion, 2), new("已实现", Completion, 2),
        new("基本完成", Completion, 1), new("部分完成", Completion, 1),
        new("未完成", Completion, 0), new("未达到", Completion, 0), new("未实现", Completion, 0),

        new("及时", Timeliness, 1), new("及时到位", Timeliness, 1), new("及时足额发放", Timeliness, 1), new("按时", Timeliness, 1),
        new("及时性", Timeliness, 1), new("按时足额发放", Timeliness, 1), new("足额及时发放到位", Timeliness, 1),
        new("准时", Timeliness, 1), new("及时发放", Timeliness, 1), new("按时发放", Timeliness, 1),
        new("不及时", Timeliness, 0), new("未及时", Timeliness, 0), new("滞后", Timeliness, 0), new("延迟", Timeliness, 0),
        new("及时", Timeliness, 1, PhraseMatch.Contains), new("按时", Timeliness, 1, PhraseMatch.Contains),

        new("长期", Stability, 2), new("长期可持续", Stability, 2), new("保持稳定", Stability, 2), new("稳定", Stability, 2),
        new("长期稳定", Stability, 2), new("可持续", Stability, 2), new("持续", Stability, 2), new("长期有效", Stability, 2),
        new("基本稳定", Stability, 1), new("不稳定", Stability, 0),
        new("稳定", Stability, 2, PhraseMatch.Suffix), new("可持续", Stability, 2, PhraseMatch.Suffix),

        new("非常满意", Satisfaction, 5), new("满意", Satisfaction, 4), new("很满意", Satisfaction, 5),
        new("较满意", Satisfaction, 3), new("比较满意", Satisfaction, 3), new("基本满意", Satisfaction, 2),
        new("反响积极,基本满意", Satisfaction, 2), new("不满意", Satisfaction, 0),
        new("满意", Satisfaction, 4, PhraseMatch.Suffix), new("基本满意", Satisfaction, 2, PhraseMatch.Suffix),
        new("较满意", Satisfaction, 3, PhraseMatch.Suffix), new("不满意", Satisfaction, 0, PhraseMatch.Suffix),

        new("达到国家规定的水平", Compliance, 1), new("符合规定", Compliance, 1), new("符合要求", Compliance, 1),
        new("符合标准", Compliance, 1), new("合规", Compliance, 1), new("达标", Compliance, 1),
        new("不符合规定", Compliance, 0), new("不符合要求", Compliance, 0), new("未达标", Compliance, 0),
        new("符合", Compliance, 1, PhraseMatch.Prefix), new("达到", Compliance, 1, PhraseMatch.Prefix),
        new("不符合", Compliance, 0, PhraseMatch.Prefix),

        new("优秀", Quality, 3), new("优", Quality, 3), new("良好", Quality, 2), new("较好", Quality, 2), new("良", Quality, 2),
        new("合格", Quality, 1), new("不合格", Quality, 0), new("差", Quality, 0),

        new("有效保障", Guarantee, 1), new("得到保障", Guarantee, 1), new("保障到位", Guarantee, 1), new("全面保障", Guarantee, 1),
        new("未能保障", Guarantee, 0),
        new("有效减轻", Relief, 1), new("减轻", Relief, 1), new("明显减轻", Relief, 1), new("未能减轻", Relief, 0),
        new("积极参保", Participation, 1), new("积极参与", Participation, 1), new("积极", Participation, 1),
        new("不积极", Participation, 0),
        new("正常开展", Operation, 1), new("顺利开展", Operation, 1), new("有序开展", Operation, 1), new("正常运转", Operation, 1),
        new("正常运行", Operation, 1), new("未开展", Operation, 0),
        new("减少", Reduction, 1), new("有所减少", Reduction, 1), new("逐步减少", Reduction, 1), new("降低", Reduction, 1),
        new("有所降低", Reduction, 1), new("未减少", Reduction, 0),
    ];

    private static readonly Dictionary<string, QualitativePhrase> ExactPhrases = BuildExact();
    private static readonly Dictionary<string, QualitativePhrase>.AlternateLookup<ReadOnlySpan<char>> ExactLookup =
        ExactPhrases.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly (string Text, QualitativePhrase Phrase)[] Fallback =
        [.. Phrases.Where(p => p.Match != PhraseMatch.Exact)
            .Select(p => (IndicatorText.Normalize(p.Phrase), p))
            .OrderByDescending(p => p.Item1.Length)];

    private static readonly Dictionary<QualitativePhrase, string> Reasons = Phrases.ToDictionary<QualitativePhrase, QualitativePhrase, string>(
        p => p, p => $"定性：{CanonicalOf(p.Scale, p.Level)}（{p.Scale}，等级{p.Level}）", ReferenceEqualityComparer.Instance);

    /// <summary>The parse reason of a phrase, built once.</summary>
    internal static string ReasonOf(QualitativePhrase phrase) => Reasons[phrase];

    /// <summary>The canonical phrase for a level, or "" when the scale or level is unknown.</summary>
    public static string CanonicalOf(string scale, int level) =>
        Levels.TryGetValue(scale, out var levels) && levels.TryGetValue(level, out var phrase) ? phrase : "";

    /// <summary>The phrase a normalised cell equals, or null.</summary>
    internal static QualitativePhrase? FindExact(ReadOnlySpan<char> text) =>
        ExactLookup.TryGetValue(text, out var exact) ? exact : null;

    /// <summary>The longest prefix/suffix/contains phrase a short normalised cell matches, or null.</summary>
    internal static QualitativePhrase? FindFallback(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxFallbackLength || text.ContainsAnyInRange('0', '9'))
        {
            return null;
        }

        foreach (var (phrase, entry) in Fallback)
        {
            int at = entry.Match switch
            {
                PhraseMatch.Prefix => text.StartsWith(phrase, StringComparison.Ordinal) ? 0 : -1,
                PhraseMatch.Suffix => text.EndsWith(phrase, StringComparison.Ordinal) ? text.Length - phrase.Length : -1,
                _ => text.IndexOf(phrase, StringComparison.Ordinal),
            };
            if (at >= 0 && !HasNegationOutside(text, at, phrase.Length))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>True when a negation (未, 不, 没, 无, 非 but not 非常) occurs outside the matched phrase: "未能有效提高" is not "提高".</summary>
    private static bool HasNegationOutside(ReadOnlySpan<char> text, int at, int length) =>
        HasNegation(text[..at]) || HasNegation(text[(at + length)..]);

    private static bool HasNegation(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is '未' or '不' or '没' or '无' || (text[i] == '非' && (i + 1 == text.Length || text[i + 1] != '常')))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, QualitativePhrase> BuildExact()
    {
        var map = new Dictionary<string, QualitativePhrase>(StringComparer.Ordinal);
        foreach (var phrase in Phrases)
        {
            if (phrase.Match == PhraseMatch.Exact)
            {
                // First entry wins, so the table order decides a phrase listed twice.
                map.TryAdd(IndicatorText.Normalize(phrase.Phrase), phrase);
            }
        }

        return map;
    }
}
