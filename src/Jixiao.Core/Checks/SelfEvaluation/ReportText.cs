using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Core.Provenance;

namespace Jixiao.Core.Checks.SelfEvaluation;

/// <summary>An amount or percentage stated in a report's text.</summary>
public sealed record Mention(decimal Value, MoneyUnit? Unit, bool IsPercent, string Text, int Start, int End, int Decimals);

/// <summary>One sentence of a report (up to "。") with the figures it states.</summary>
public sealed record ReportSentence(string Text, SourceRef? At, IReadOnlyList<Mention> Mentions);

/// <summary>The text of a report (or of a project appendix's narrative) cut into sentences with their figures.</summary>
public sealed partial class ReportText
{
    [GeneratedRegex(@"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(万元|亿元|元|%|％)")]
    private static partial Regex Figure();

    private ReportText(List<ReportSentence> sentences) => Sentences = sentences;

    public IReadOnlyList<ReportSentence> Sentences { get; }

    public IEnumerable<Mention> Amounts => Sentences.SelectMany(s => s.Mentions).Where(m => !m.IsPercent);

    public static ReportText From(IEnumerable<ReportSection> sections)
    {
        var result = new List<ReportSentence>();
        foreach (var section in sections)
        {
            var body = section.Heading.AsSpan().ContainsAnyInRange('0', '9') ? section.Heading + "。" + section.Text : section.Text;
            // Sentences end after each "。" (what Regex.Split(body, "(?<=。)") gave, without the regex interpreter).
            var start = 0;
            while (start <= body.Length)
            {
                var stop = body.IndexOf('。', start);
                var end = stop < 0 ? body.Length : stop + 1;
                var span = body.AsSpan(start, end - start).Trim();
                if (span.Length > 0)
                {
                    var text = span.Length == end - start ? (start == 0 && end == body.Length ? body : body[start..end]) : span.ToString();
                    result.Add(new ReportSentence(text, section.At, Parse(text)));
                }
                if (stop < 0) break;
                start = end;
            }
        }
        return new ReportText(result);
    }

    public static ReportText From(SelfEvaluationReport report) => From(report.Sections);

    public static List<Mention> Parse(string text)
    {
        var list = new List<Mention>();
        Span<char> buffer = stackalloc char[64];
        // The match is "digits[.digits] unit" (see Figure): read it from the span, without the groups' objects.
        foreach (var m in Figure().EnumerateMatches(text))
        {
            var span = text.AsSpan(m.Index, m.Length);
            var (unitLength, unit, isPercent) = span[^1] switch
            {
                '%' or '％' => (1, (MoneyUnit?)null, true),
                '元' when span.Length >= 2 && span[^2] == '万' => (2, MoneyUnit.WanYuan, false),
                '元' when span.Length >= 2 && span[^2] == '亿' => (2, MoneyUnit.YiYuan, false),
                _ => (1, MoneyUnit.Yuan, false),
            };
            var number = span[..^unitLength].TrimEnd();
            var digits = number.Length <= buffer.Length ? buffer : new char[number.Length];
            var n = 0;
            foreach (var c in number)
                if (c != ',') digits[n++] = c;
            if (!decimal.TryParse(digits[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) continue;
            var point = number.IndexOf('.');
            var decimals = point < 0 ? 0 : number.Length - point - 1;
            list.Add(new Mention(value, unit, isPercent, span.ToString(), m.Index, m.Index + m.Length, decimals));
        }
        return list;
    }
}
