using System.Globalization;

namespace Jixiao.Core.Indicators;

/// <summary>
/// Reads a quantity from a normalised cell:
/// <c>[prefix words] [sign] number [多|余] [scale] [unit] [range-separator number [scale] [unit]] [suffix words]</c>,
/// e.g. "≥3.2万人", "不低于95%", "90%以上", "6%左右", "提高20元/月", "4000人—5000人". Nothing may follow.
/// </summary>
internal static class QuantityGrammar
{
    private readonly record struct Word(string Text, Comparator Comparator, QuantityChange Change = QuantityChange.None);

    /// <summary>Words and symbols before the number. Longest first, so "≥" never shadows ">=" and "不超过" wins over "超过".</summary>
    private static readonly WordTable<Word> PrefixWords = Table(
    [
        new(">=", Comparator.GreaterOrEqual), new("=>", Comparator.GreaterOrEqual), new("≥", Comparator.GreaterOrEqual),
        new("<=", Comparator.LessOrEqual), new("=<", Comparator.LessOrEqual), new("≤", Comparator.LessOrEqual),
        new(">", Comparator.Greater), new("<", Comparator.Less), new("==", Comparator.Equal), new("=", Comparator.Equal),
        new("≈", Comparator.Approximately), new("~", Comparator.Approximately),
        new("大于或等于", Comparator.GreaterOrEqual), new("大于等于", Comparator.GreaterOrEqual), new("不低于", Comparator.GreaterOrEqual),
        new("不少于", Comparator.GreaterOrEqual), new("不小于", Comparator.GreaterOrEqual), new("至少", Comparator.GreaterOrEqual),
        new("最少", Comparator.GreaterOrEqual), new("最低", Comparator.GreaterOrEqual), new("达到", Comparator.GreaterOrEqual),
        new("小于或等于", Comparator.LessOrEqual), new("小于等于", Comparator.LessOrEqual), new("原则上不超过", Comparator.LessOrEqual),
        new("不高于", Comparator.LessOrEqual), new("不超过", Comparator.LessOrEqual), new("不大于", Comparator.LessOrEqual),
        new("不多于", Comparator.LessOrEqual), new("最多", Comparator.LessOrEqual), new("至多", Comparator.LessOrEqual),
        new("最高", Comparator.LessOrEqual), new("控制在", Comparator.LessOrEqual),
        // 民法典 第1259条: "超过" and "不满" exclude the number itself; so do 高于/低于.
        new("大于", Comparator.Greater), new("高于", Comparator.Greater), new("超过", Comparator.Greater), new("多于", Comparator.Greater),
        new("小于", Comparator.Less), new("低于", Comparator.Less), new("少于", Comparator.Less), new("不足", Comparator.Less),
        new("不满", Comparator.Less),
        new("等于", Comparator.Equal), new("大约", Comparator.Approximately), new("约为", Comparator.Approximately),
        new("约", Comparator.Approximately),
        new("提高", Comparator.GreaterOrEqual, QuantityChange.Increase), new("提升", Comparator.GreaterOrEqual, QuantityChange.Increase),
        new("增加", Comparator.GreaterOrEqual, QuantityChange.Increase), new("增长", Comparator.GreaterOrEqual, QuantityChange.Increase),
        new("降低", Comparator.GreaterOrEqual, QuantityChange.Decrease), new("减少", Comparator.GreaterOrEqual, QuantityChange.Decrease),
        new("下降", Comparator.GreaterOrEqual, QuantityChange.Decrease),
        new("为", Comparator.None),
    ]);

    /// <summary>Words after the number and unit. 民法典 第1259条: 以上/以下/以内 include the number itself.</summary>
    private static readonly WordTable<Word> SuffixWords = Table(
    [
        new("及以上", Comparator.GreaterOrEqual), new("或以上", Comparator.GreaterOrEqual), new("以上", Comparator.GreaterOrEqual),
        new("及以下", Comparator.LessOrEqual), new("或以下", Comparator.LessOrEqual), new("以下", Comparator.LessOrEqual),
        new("以内", Comparator.LessOrEqual), new("之内", Comparator.LessOrEqual), new("内", Comparator.LessOrEqual),
        new("左右", Comparator.Approximately), new("上下", Comparator.Approximately),
        new("(含)", Comparator.None), new("含", Comparator.None),
    ]);

    private static readonly (string Text, decimal Factor)[] ScaleWords =
        [("千万", 10_000_000m), ("百万", 1_000_000m), ("十万", 100_000m), ("亿", 100_000_000m), ("万", 10_000m), ("千", 1_000m)];

    /// <summary>Units as written → canonical unit. Longest first ("人次" before "人", "个月" before "个").</summary>
    private static readonly WordTable<string> Units = new(
    [
        ("%", "%"), ("百分比", "%"), ("‰", "‰"), ("百分点", "百分点"), ("个百分点", "百分点"),
        ("人次", "人次"), ("人", "人"), ("户次", "户次"), ("户", "户"), ("个", "个"), ("家", "家"), ("所", "所"), ("名", "名"),
        ("件", "件"), ("起", "起"), ("次", "次"), ("项", "项"), ("辆", "辆"), ("台", "台"), ("套", "套"), ("村", "村"),
        ("个工作日", "工作日"), ("工作日", "工作日"), ("天", "天"), ("日", "天"), ("个月", "月"), ("月", "月"), ("年", "年"),
        ("周", "周"), ("季度", "季度"), ("小时", "小时"), ("分钟", "分钟"), ("周岁", "岁"), ("岁", "岁"),
        ("元", "元"), ("平方米", "平方米"), ("㎡", "平方米"), ("亩", "亩"), ("公里", "公里"), ("千米", "公里"), ("米", "米"),
        ("吨", "吨"), ("公斤", "公斤"), ("千克", "公斤"), ("批", "批"), ("场", "场"), ("期", "期"), ("篇", "篇"), ("份", "份"),
        ("张", "张"), ("册", "册"), ("本", "本"), ("座", "座"), ("处", "处"), ("间", "间"), ("床", "床"), ("条", "条"),
        ("课时", "课时"), ("学时", "学时"), ("倍", "倍"), ("分", "分"), ("单", "单"), ("宗", "宗"), ("班", "班"), ("站", "站"),
        ("生", "生"),
    ]);

    /// <summary>Common compound units, so that reading them does not allocate.</summary>
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownCompounds =
        new[] { "元/人/月", "元/人/年", "元/户/年", "元/人/天", "元/人/次", "元/人", "元/户", "元/月", "元/年", "元/天", "元/次",
                "元/人次", "元/亩", "人/年", "人/月", "次/年", "元/户/月", "元/平方米", "元/吨", "元/小时", "元/课时", "元/学时" }
            .ToDictionary(u => u, u => u, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Largest |Number × Scale| read as a quantity (10^20, far beyond any budget in 元): keeps <see cref="QuantityValue.Normalized"/>
    /// and the judge's arithmetic clear of decimal overflow.
    /// </summary>
    public const decimal MaxMagnitude = 100_000_000_000_000_000_000m;

    public static bool TryParse(ReadOnlySpan<char> s, string raw, out QuantityValue? value)
    {
        value = null;
        int pos = 0;
        var comparator = Comparator.None;
        var change = QuantityChange.None;
        string subject = ReadSubject(s, ref pos);
        for (int k = 0; k < 3 && PrefixWords.TryMatch(s[pos..], out string wordText, out var word); k++)
        {
            pos += wordText.Length;
            comparator = comparator == Comparator.None ? word.Comparator : comparator;
            change = word.Change == QuantityChange.None ? change : word.Change;
        }

        if (!TryReadNumber(s, ref pos, allowSign: true, out decimal number))
        {
            return false;
        }

        bool moreThan = SkipMoreThan(s, ref pos);
        if (!TryReadScaleAndUnit(s, ref pos, out decimal scale, out bool hasScale, out string unit))
        {
            return false;
        }

        if (SkipMoreThan(s, ref pos))
        {
            // "3万多人": the unit follows 多 / 余.
            moreThan = true;
            if (unit.Length == 0 && (!TryReadScaleAndUnit(s, ref pos, out decimal extraScale, out _, out unit) || extraScale != 1m))
            {
                return false;
            }
        }

        decimal? upper = null;
        if (pos < s.Length && IsRangeSeparator(s[pos]))
        {
            int p = pos + 1;
            while (p < s.Length && IsRangeSeparator(s[p]))
            {
                p++;
            }

            if (TryReadNumber(s, ref p, allowSign: false, out decimal upperNumber)
                && TryReadScaleAndUnit(s, ref p, out decimal upperScale, out bool upperHasScale, out string upperUnit)
                && (unit.Length == 0 || upperUnit.Length == 0 || unit == upperUnit))
            {
                // "3-5万人" means 3万 to 5万: a bare lower end takes the upper end's scale and unit.
                if (!hasScale && upperHasScale && unit.Length == 0)
                {
                    scale = upperScale;
                }

                unit = unit.Length == 0 ? upperUnit : unit;
                upper = upperNumber * upperScale / scale;
                pos = p;
            }
            else
            {
                return false;
            }
        }

        bool approximate = comparator == Comparator.Approximately;
        for (int k = 0; k < 2 && SuffixWords.TryMatch(s[pos..], out string wordText, out var word); k++)
        {
            pos += wordText.Length;
            if (word.Comparator == Comparator.Approximately)
            {
                approximate = true;
            }

            if (comparator == Comparator.None || (word.Comparator == Comparator.Approximately && comparator == Comparator.Equal))
            {
                comparator = word.Comparator;
            }
        }

        if (pos != s.Length)
        {
            return false;
        }

        if (Math.Abs(number) > MaxMagnitude / scale || (upper is { } u && Math.Abs(u) > MaxMagnitude / scale))
        {
            return false;
        }

        if (moreThan && comparator == Comparator.None)
        {
            comparator = Comparator.GreaterOrEqual;
        }

        value = new QuantityValue(raw)
        {
            Comparator = comparator,
            Number = number,
            Scale = scale,
            Unit = unit,
            Approximate = approximate,
            UpperNumber = upper,
            Change = change,
            Subject = subject,
            Reason = Describe(comparator, scale, unit, upper is not null, change),
        };
        return true;
    }

    /// <summary>
    /// The Chinese description of a quantity, e.g. "定量，≥，单位：万人" (the number is in the value; formatting it here
    /// would cost more than the rest of the parse).
    /// </summary>
    internal static string Describe(Comparator comparator, decimal scale, string unit, bool range, QuantityChange change)
    {
        string kind = (range, change) switch
        {
            (true, _) => "定量区间",
            (_, QuantityChange.Increase) => "定量（增加量）",
            (_, QuantityChange.Decrease) => "定量（减少量）",
            _ => "定量",
        };
        string scaleText = ScaleText(scale);
        return string.Concat(
            [kind, comparator == Comparator.None ? "" : "，", ComparatorText(comparator), "，单位：", scaleText, unit, scaleText.Length + unit.Length == 0 ? "无" : ""]);
    }

    internal static string ComparatorText(Comparator comparator) => comparator switch
    {
        Comparator.GreaterOrEqual => "≥",
        Comparator.Greater => ">",
        Comparator.LessOrEqual => "≤",
        Comparator.Less => "<",
        Comparator.Equal => "=",
        Comparator.Approximately => "≈",
        _ => "",
    };

    internal static string ScaleText(decimal scale) => scale switch
    {
        1m => "",
        1_000m => "千",
        10_000m => "万",
        100_000m => "十万",
        1_000_000m => "百万",
        10_000_000m => "千万",
        100_000_000m => "亿",
        _ => "×" + scale.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Reads digits with optional thousands separators and decimals: "1,200.50", "0.35", "-5".</summary>
    internal static bool TryReadNumber(ReadOnlySpan<char> s, ref int pos, bool allowSign, out decimal number)
    {
        number = 0;
        int p = pos;
        bool negative = false;
        if (allowSign && p + 1 < s.Length && s[p] is '-' or '+' && char.IsAsciiDigit(s[p + 1]))
        {
            negative = s[p] == '-';
            p++;
        }

        if (p >= s.Length || !char.IsAsciiDigit(s[p]))
        {
            return false;
        }

        Span<char> digits = stackalloc char[40];
        int n = 0;
        bool seenPoint = false;
        while (p < s.Length)
        {
            char c = s[p];
            if (char.IsAsciiDigit(c))
            {
                if (n == digits.Length)
                {
                    return false;
                }

                digits[n++] = c;
                p++;
            }
            else if (c == ',' && !seenPoint && IsThousandsGroup(s, p + 1))
            {
                p++;
            }
            else if (c == '.' && !seenPoint && p + 1 < s.Length && char.IsAsciiDigit(s[p + 1]) && n < digits.Length)
            {
                seenPoint = true;
                digits[n++] = '.';
                p++;
            }
            else
            {
                break;
            }
        }

        if (!decimal.TryParse(digits[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
        {
            return false;
        }

        number = negative ? -number : number;
        pos = p;
        return true;
    }

    /// <summary>Reads an optional scale word and an optional (compound) unit: "万人", "万元" (= 万 + 元), "元/人/月", "百分比".</summary>
    internal static bool TryReadScaleAndUnit(ReadOnlySpan<char> s, ref int pos, out decimal scale, out bool hasScale, out string unit)
    {
        scale = 1m;
        hasScale = false;
        unit = "";
        // A unit that starts like a scale word ("千米", "百分比") is a unit, so units are tried first.
        if (!Units.TryMatch(s[pos..], out string firstText, out string firstUnit))
        {
            foreach (var (text, factor) in ScaleWords)
            {
                if (s[pos..].StartsWith(text, StringComparison.Ordinal))
                {
                    scale = factor;
                    hasScale = true;
                    pos += text.Length;
                    break;
                }
            }

            if (!Units.TryMatch(s[pos..], out firstText, out firstUnit))
            {
                return true;
            }
        }

        int start = pos;
        pos += firstText.Length;
        if (pos >= s.Length || s[pos] != '/')
        {
            unit = firstUnit;
            return true;
        }

        // "元/生·年" is "元/生/年": a middle dot joins the denominators of a compound unit.

        Span<char> compound = stackalloc char[32];
        int n = Append(compound, 0, firstUnit);
        while (pos + 1 < s.Length && s[pos] is '/' or '·' or '•' && Units.TryMatch(s[(pos + 1)..], out string nextText, out string nextUnit)
            && n + nextUnit.Length + 1 <= compound.Length)
        {
            compound[n++] = '/';
            n = Append(compound, n, nextUnit);
            pos += 1 + nextText.Length;
        }

        unit = KnownCompounds.TryGetValue(compound[..n], out var known) ? known : new string(compound[..n]);
        return pos > start;
    }

    /// <summary>Symbols a subject may stand before: "小学≥720元/生·年", "城镇≥95%".</summary>
    private const string ComparatorSymbols = "≥≤><=≈";

    /// <summary>Longest subject read before a comparator symbol.</summary>
    private const int MaxSubjectLength = 6;

    /// <summary>
    /// A short subject written before a comparator symbol — "小学≥720元/生·年", "城镇≥95%", "一级≥90%": the
    /// population the figure is about. Only letters (CJK or Latin) may form it, and a symbol must follow, so that
    /// prefix words ("不低于95%") and free text are never taken for one.
    /// </summary>
    private static string ReadSubject(ReadOnlySpan<char> s, ref int pos)
    {
        int n = 0;
        while (n < s.Length && n <= MaxSubjectLength && char.IsLetter(s[n]))
        {
            n++;
        }

        if (n == 0 || n > MaxSubjectLength || n >= s.Length || !ComparatorSymbols.Contains(s[n]) || PrefixWords.TryMatch(s, out _, out _))
        {
            return "";
        }

        pos = n;
        return new string(s[..n]);
    }

    private static int Append(Span<char> buffer, int at, string text)
    {
        text.AsSpan().CopyTo(buffer[at..]);
        return at + text.Length;
    }

    /// <summary>"300余人", "3万多人": at least the number.</summary>
    private static bool SkipMoreThan(ReadOnlySpan<char> s, ref int pos)
    {
        if (pos < s.Length && s[pos] is '余' or '多')
        {
            pos++;
            return true;
        }

        return false;
    }

    private static bool IsThousandsGroup(ReadOnlySpan<char> s, int p) =>
        p + 3 <= s.Length && char.IsAsciiDigit(s[p]) && char.IsAsciiDigit(s[p + 1]) && char.IsAsciiDigit(s[p + 2])
        && (p + 3 == s.Length || !char.IsAsciiDigit(s[p + 3]));

    private static bool IsRangeSeparator(char c) => c is '-' or '—' or '―' or '~' or '至' or '到';

    private static WordTable<Word> Table(Word[] words) => new(words.Select(w => (w.Text, w)));
}
