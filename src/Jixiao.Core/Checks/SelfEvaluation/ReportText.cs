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
            var body = section.Heading.Any(char.IsAsciiDigit) ? section.Heading + "。" + section.Text : section.Text;
            foreach (var raw in Regex.Split(body, "(?<=。)"))
            {
                var text = raw.Trim();
                if (text.Length == 0) continue;
                result.Add(new ReportSentence(text, section.At, Parse(text)));
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
