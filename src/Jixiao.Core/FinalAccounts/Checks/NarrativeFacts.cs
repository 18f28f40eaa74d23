using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Money;

namespace Jixiao.Core.FinalAccounts.Checks;

/// <summary>What a part of the 情况说明 speaks about, from its heading (not its number: the order varies).</summary>
internal enum Topic
{
    None,
    /// <summary>收入支出决算总体情况</summary>
    Overall,
    /// <summary>收入决算情况</summary>
    Income,
    /// <summary>支出决算情况</summary>
    Expenditure,
    /// <summary>财政拨款收支决算总体情况</summary>
    Appropriation,
    /// <summary>一般公共预算财政拨款支出决算情况</summary>
    GeneralBudget,
    /// <summary>一般公共预算财政拨款基本支出决算情况</summary>
    Basic,
    GovernmentFunds,
    StateCapital,
    /// <summary>“三公”经费</summary>
    ThreePublic,
    /// <summary>机关运行经费</summary>
    Operating,
    /// <summary>政府采购</summary>
    Procurement,
    /// <summary>国有资产占用</summary>
    Assets,
    /// <summary>预算绩效</summary>
    Performance,
    /// <summary>其他重要事项 (container)</summary>
    Other,
}

internal enum FactKind { Amount, Percent, Count }

/// <summary>A number stated in the narrative with the words before it.</summary>
internal sealed record Fact(FactKind Kind, decimal Value, string Text, MoneyUnit Unit, string Label, int Start, int End, int Sentence)
{
    /// <summary>The figure as stated, for comparisons (its text carries the printed precision).</summary>
    public Figure Figure(Provenance.SourceRef? at) => new() { Text = Text, Value = Value, At = at };

    public bool IsDelta => NarrativeFacts.DirectionOf(Label) is not null && !Label.StartsWith('占');
}

internal static partial class NarrativeFacts
{
    public static Topic TopicOf(string heading)
    {
        var h = TableRecognition.NormalizeTitle(heading);
        if (h.Contains("三公")) return Topic.ThreePublic;
        if (h.Contains("机关运行经费")) return Topic.Operating;
        if (h.Contains("政府采购")) return Topic.Procurement;
        if (h.Contains("国有资产")) return Topic.Assets;
        if (h.Contains("绩效")) return Topic.Performance;
        if (h.Contains("政府性基金")) return Topic.GovernmentFunds;
        if (h.Contains("国有资本")) return Topic.StateCapital;
        if (h.Contains("基本支出")) return Topic.Basic;
        if (h.Contains("一般公共预算")) return Topic.GeneralBudget;
        if (h.Contains("财政拨款收支") || h.Contains("财政拨款收入支出")) return Topic.Appropriation;
        if (h.Contains("收入支出决算总体") || h.Contains("收支决算总体") || h.Contains("收支总体")) return Topic.Overall;
        if (h.Contains("收入决算")) return Topic.Income;
        if (h.Contains("支出决算")) return Topic.Expenditure;
        if (h.Contains("其他重要事项") || h.Contains("其他需要说明")) return Topic.Other;
        return Topic.None;
    }

    /// <summary>Topics a subsection may switch to; other subsection headings inherit their parent's topic.</summary>
    public static bool IsSpecific(Topic t) => t is Topic.ThreePublic or Topic.Operating or Topic.Procurement or Topic.Assets or Topic.Performance
        or Topic.GovernmentFunds or Topic.StateCapital or Topic.Basic;

    [GeneratedRegex(@"(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:(?<u>亿元|万元|元)|(?<p>[%％])|(?<c>辆车|辆|台（套）|台\(套\)|台|套|个|人次|批次))")]
    private static partial Regex Number();

    private const string Delimiters = "，。；：、,;:！？!?";
    private const string SentenceEnds = "。；;！？!?";

    /// <summary>The paragraph text without white space (PDF extraction puts spaces inside numbers and words).</summary>
    public static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }

    public static List<Fact> Scan(string clean)
    {
        var facts = new List<Fact>();
        var prevEnd = 0;
        foreach (Match m in Number().Matches(clean))
        {
            // A digit right before the match means we are inside a longer token (e.g. a date).
            if (m.Index > 0 && (char.IsAsciiDigit(clean[m.Index - 1]) || clean[m.Index - 1] == '.')) continue;
            var text = m.Groups["n"].Value;
            var value = NumberText.TryParse(text);
            if (value is null) continue;
            var start = prevEnd;
            for (var i = m.Index - 1; i >= prevEnd; i--)
                if (Delimiters.Contains(clean[i])) { start = i + 1; break; }
            var label = StripLabel(clean[start..m.Index]);
            var sentence = 0;
            for (var i = 0; i < m.Index; i++) if (SentenceEnds.Contains(clean[i])) sentence++;
            var kind = m.Groups["u"].Success ? FactKind.Amount : m.Groups["p"].Success ? FactKind.Percent : FactKind.Count;
            var unit = m.Groups["u"].Success ? MoneyUnits.FindIn(m.Groups["u"].Value) ?? MoneyUnit.Yuan : MoneyUnit.Yuan;
            facts.Add(new Fact(kind, value.Value, text, unit, label, m.Index, m.Index + m.Length, sentence));
            prevEnd = m.Index + m.Length;
        }
        return facts;
    }

    private static readonly string[] LeadingWords = ["其中", "主要包括", "包括", "分别为", "分别是", "主要用于", "另外", "以及", "和", "及", "共计", "合计为"];
    private static readonly string[] TrailingWords = ["共计", "合计为", "为", "是", "达", "共"];

    public static string StripLabel(string label)
    {
        var l = label.Trim();
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var w in LeadingWords)
                if (l.StartsWith(w, StringComparison.Ordinal) && l.Length > w.Length) { l = l[w.Length..].TrimStart('：', ':'); changed = true; }
        }
        foreach (var w in TrailingWords)
            if (l.EndsWith(w, StringComparison.Ordinal) && l.Length > w.Length && !l.EndsWith("合计", StringComparison.Ordinal)) { l = l[..^w.Length]; break; }
        return l;
    }

    /// <summary>+1 for 增加/增长/上升, −1 for 减少/下降/降低, null otherwise (the last such word in the label wins).</summary>
    public static int? DirectionOf(string label)
    {
        var best = -1;
        int? dir = null;
        foreach (var (w, s) in new[] { ("增加", 1), ("增长", 1), ("上升", 1), ("提高", 1), ("减少", -1), ("下降", -1), ("降低", -1) })
        {
            var i = label.LastIndexOf(w, StringComparison.Ordinal);
            if (i > best) { best = i; dir = s; }
        }
        return dir;
    }

    /// <summary>The subject of a growth amount: "收入总计增加" → "收入总计"; "较2021年决算增加" → "".</summary>
    public static string GrowthSubject(string label)
    {
        var l = label;
        foreach (var w in new[] { "增加", "增长", "上升", "提高", "减少", "下降", "降低" })
        {
            var i = l.LastIndexOf(w, StringComparison.Ordinal);
            if (i >= 0) { l = l[..i]; break; }
        }
        l = Regex.Replace(l, @"(与|较|比)(?:(?:19|20)\d{2}年度?|上年度?|上一年度?)(?:相比|比较)?", "");
        l = l.Replace("决算", "").Replace("同比", "");
        return StripLabel(l);
    }

    public static int SentenceOf(string clean, int index)
    {
        var n = 0;
        for (var i = 0; i < index && i < clean.Length; i++) if (SentenceEnds.Contains(clean[i])) n++;
        return n;
    }

    /// <summary>Longest common subsequence length (names are short; O(n·m) is fine).</summary>
    public static int Lcs(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
                cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : Math.Max(prev[j], cur[j - 1]);
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    public static double Similarity(string a, string b) => a.Length == 0 || b.Length == 0 ? 0 : (double)Lcs(a, b) / Math.Max(a.Length, b.Length);
}
