using System.Buffers;

namespace Jixiao.Core.Indicators;

/// <summary>
/// Reads a deadline from a normalised cell. Three forms:
/// <list type="bullet">
/// <item>a calendar date: <c>[≤|<=|<] [YYYY年] M月 (D日|底|末|上旬|中旬|下旬) [前|之前|以前] [完成]</c>, also "年底前",
/// "上半年", "第三季度", "2022-12-31", "2023年";</item>
/// <item>a relative period: <c>[anchor] N (日|天|个工作日|个月|年|小时) (内|以内|之内) [what]</c>, e.g. "收到指标文30日内发放到位";</item>
/// <item>a bare period: "半年", "1年", "=1年", "3个月".</item>
/// </list>
/// </summary>
internal static class DeadlineGrammar
{
    private static readonly string[] BeforeWords = ["<=", "=<", "≤", "<", "截至", "截止", "不晚于"];
    private static readonly string[] DateEndings = ["之前完成", "以前完成", "前完成", "之前", "以前", "前", "完成", "止", ""];
    private static readonly string[] WithinWords = ["以内", "之内", "内"];

    private static readonly (string Text, string Unit)[] PeriodUnits =
        [("个工作日", "工作日"), ("工作日", "工作日"), ("个月", "月"), ("小时", "小时"), ("天", "天"), ("日", "天"), ("月", "月"), ("周", "周"), ("年", "年")];

    private static readonly (string Text, int Month)[] YearParts =
    [
        ("本年度内", 12), ("年度内", 12), ("年底前", 12), ("年末前", 12), ("年底", 12), ("年末", 12), ("年内", 12), ("当年", 12),
        ("上半年", 6), ("下半年", 12), ("第一季度", 3), ("第二季度", 6), ("第三季度", 9), ("第四季度", 12),
        ("一季度", 3), ("二季度", 6), ("三季度", 9), ("四季度", 12),
    ];

    /// <summary>A deadline in words has one of these; only a numeric date ("2022-12-31") has none.</summary>
    private static readonly SearchValues<char> DeadlineChars = SearchValues.Create("月日天年季周时号旬底末内");

    public static bool TryParse(ReadOnlySpan<char> s, string raw, out DeadlineValue? value)
    {
        value = null;
        int pos = 0;
        bool before = SkipAny(s, ref pos, BeforeWords);
        if (!s.ContainsAny(DeadlineChars) && !StartsWithYear(s[pos..]))
        {
            return false;
        }

        if (!before && pos < s.Length && s[pos] == '=')
        {
            pos++;
        }

        return TryDate(s, pos, before, raw, out value)
            || TryRelative(s, pos, raw, out value)
            || TryBarePeriod(s, pos, raw, out value);
    }

    private static bool TryDate(ReadOnlySpan<char> s, int pos, bool before, string raw, out DeadlineValue? value)
    {
        value = null;
        int? year = null;
        int p = pos;
        if (TryReadInt(s, ref p, out int y) && y is >= 1900 and <= 2200 && p < s.Length && s[p] is '-' or '.' or '/')
        {
            return TryNumericDate(s, p, y, before, raw, out value);
        }

        p = pos;
        if (TryReadInt(s, ref p, out y) && y is >= 1900 and <= 2200 && p < s.Length && s[p] == '年')
        {
            year = y;
            pos = p + 1;
        }

        foreach (var (text, month) in YearParts)
        {
            if (s[pos..].StartsWith(text, StringComparison.Ordinal) && TryEnding(s, pos + text.Length, ref before))
            {
                value = Date(raw, year, month, LastDay(year, month), before || text.EndsWith('前') || text.EndsWith('内'));
                return true;
            }
        }

        p = pos;
        if (!TryReadInt(s, ref p, out int m) || m is < 1 or > 12 || p >= s.Length || s[p] != '月')
        {
            // "2023年" alone: by the end of that year.
            if (year is { } onlyYear && pos == s.Length)
            {
                value = Date(raw, onlyYear, 12, 31, true);
                return true;
            }

            return false;
        }

        p++;
        int day;
        if (TryReadInt(s, ref p, out int d) && p < s.Length && s[p] is '日' or '号')
        {
            p++;
            day = d;
        }
        else if (SkipAny(s, ref p, ["底", "末", "下旬"]))
        {
            day = LastDay(year, m);
        }
        else if (SkipAny(s, ref p, ["中旬"]))
        {
            day = 20;
        }
        else if (SkipAny(s, ref p, ["上旬"]))
        {
            day = 10;
        }
        else
        {
            day = LastDay(year, m);
        }

        if (day < 1 || day > LastDay(year, m) || !TryEnding(s, p, ref before))
        {
            return false;
        }

        value = Date(raw, year, m, day, before);
        return true;
    }

    private static bool TryNumericDate(ReadOnlySpan<char> s, int p, int year, bool before, string raw, out DeadlineValue? value)
    {
        value = null;
        char separator = s[p++];
        if (!TryReadInt(s, ref p, out int month) || month is < 1 or > 12 || p >= s.Length || s[p++] != separator
            || !TryReadInt(s, ref p, out int day) || day < 1 || day > LastDay(year, month) || !TryEnding(s, p, ref before))
        {
            return false;
        }

        value = Date(raw, year, month, day, before);
        return true;
    }

    /// <summary>What may follow a date: "前", "之前", "完成", or nothing. Sets <paramref name="before"/> for "前".</summary>
    private static bool TryEnding(ReadOnlySpan<char> s, int p, ref bool before)
    {
        foreach (var ending in DateEndings)
        {
            if (s.Length - p == ending.Length && s[p..].SequenceEqual(ending))
            {
                before |= ending.Contains('前') || ending == "止";
                return true;
            }
        }

        return false;
    }

    private static bool TryRelative(ReadOnlySpan<char> s, int pos, string raw, out DeadlineValue? value)
    {
        value = null;
        for (int digitAt = pos; digitAt < s.Length; digitAt++)
        {
            if (!char.IsAsciiDigit(s[digitAt]) && SmallNumeral(s[digitAt]) is null)
            {
                continue;
            }

            int p = digitAt;
            if (TryReadCount(s, ref p, out decimal count) && TryPeriodUnit(s, ref p, out string unit) && SkipAny(s, ref p, WithinWords))
            {
                var anchor = s[pos..digitAt];
                value = Period(raw, count, unit) with
                {
                    Anchor = anchor.IsEmpty ? null : new string(anchor),
                    OnOrBefore = true,
                };
                return true;
            }

            // Skip the rest of a number that did not start a period.
            while (digitAt + 1 < s.Length && (char.IsAsciiDigit(s[digitAt + 1]) || s[digitAt + 1] == '.'))
            {
                digitAt++;
            }
        }

        return false;
    }

    private static bool TryBarePeriod(ReadOnlySpan<char> s, int pos, string raw, out DeadlineValue? value)
    {
        value = null;
        int p = pos;
        if (!TryReadCount(s, ref p, out decimal count) || !TryPeriodUnit(s, ref p, out string unit) || unit is not ("年" or "月"))
        {
            return false;
        }

        SkipAny(s, ref p, WithinWords);
        if (p != s.Length || count <= 0 || count >= 100)
        {
            return false;
        }

        value = Period(raw, count, unit);
        return true;
    }

    private static DeadlineValue Date(string raw, int? year, int month, int day, bool before) => new(raw)
    {
        Year = year,
        Month = month,
        Day = day,
        OnOrBefore = before,
        Reason = $"时限：{(year is { } y ? $"{y}年" : "")}{month}月{day}日{(before ? "前" : "")}",
    };

    private static DeadlineValue Period(string raw, decimal count, string unit)
    {
        decimal days = unit switch
        {
            "年" => count * 365m,
            "月" => count * 30m,
            "周" => count * 7m,
            "工作日" => count * 7m / 5m,
            "小时" => count / 24m,
            _ => count,
        };
        return new DeadlineValue(raw)
        {
            WithinDays = Math.Max(1, (int)Math.Min(days, 100_000m)),
            PeriodCount = count,
            PeriodUnit = unit,
            Reason = $"时限：{count}{(unit == "月" ? "个月" : unit)}内",
        };
    }

    /// <summary>A count: digits ("30"), "半" (0.5), or one small Chinese numeral ("一", "三").</summary>
    private static bool TryReadCount(ReadOnlySpan<char> s, ref int p, out decimal count)
    {
        if (p < s.Length && SmallNumeral(s[p]) is { } n)
        {
            p++;
            count = n;
            return true;
        }

        return QuantityGrammar.TryReadNumber(s, ref p, allowSign: false, out count);
    }

    private static decimal? SmallNumeral(char c) => c switch
    {
        '半' => 0.5m,
        '一' => 1,
        '两' or '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        _ => null,
    };

    private static bool TryPeriodUnit(ReadOnlySpan<char> s, ref int p, out string unit)
    {
        foreach (var (text, canonical) in PeriodUnits)
        {
            if (s[p..].StartsWith(text, StringComparison.Ordinal))
            {
                p += text.Length;
                unit = canonical;
                return true;
            }
        }

        unit = "";
        return false;
    }

    private static bool TryReadInt(ReadOnlySpan<char> s, ref int p, out int value)
    {
        value = 0;
        int start = p;
        while (p < s.Length && char.IsAsciiDigit(s[p]) && p - start < 5)
        {
            value = value * 10 + (s[p] - '0');
            p++;
        }

        return p > start;
    }

    private static bool SkipAny(ReadOnlySpan<char> s, ref int p, string[] words)
    {
        foreach (var word in words)
        {
            if (s[p..].StartsWith(word, StringComparison.Ordinal))
            {
                p += word.Length;
                return true;
            }
        }

        return false;
    }

    /// <summary>"2022-…", "2022.…", "2022/…": four digits and a date separator.</summary>
    private static bool StartsWithYear(ReadOnlySpan<char> s) =>
        s.Length > 4 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]) && char.IsAsciiDigit(s[3])
        && s[4] is '-' or '.' or '/';

    private static int LastDay(int? year, int month) => DateTime.DaysInMonth(year ?? 2001, month);
}
