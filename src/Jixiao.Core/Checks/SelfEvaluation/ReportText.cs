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
        foreach (Match m in Figure().Matches(text))
        {
            var digits = m.Groups[1].Value.Replace(",", "") + m.Groups[2].Value;
            if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) continue;
            var unitText = m.Groups[3].Value;
            var isPercent = unitText is "%" or "％";
            var unit = isPercent ? (MoneyUnit?)null : unitText switch { "万元" => MoneyUnit.WanYuan, "亿元" => MoneyUnit.YiYuan, _ => MoneyUnit.Yuan };
            var decimals = m.Groups[2].Success ? m.Groups[2].Value.Length - 1 : 0;
            list.Add(new Mention(value, unit, isPercent, m.Value, m.Index, m.Index + m.Length, decimals));
        }
        return list;
    }
}
