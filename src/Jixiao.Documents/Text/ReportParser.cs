using Jixiao.Core.Model;

namespace Jixiao.Documents.Text;

/// <summary>Reads a 绩效自评报告: title, preamble, numbered sections, signature and date.</summary>
public static class ReportParser
{
    public static SelfEvaluationReport Read(Segment seg, int titleFirst, int titleLast, string title)
    {
        var report = new SelfEvaluationReport { Title = title, Year = Segment.ParseYear(title), Source = seg.WholeRef() };
        var end = seg.End;
        // Signature block at the end: an organisation line followed by a date.
        var lastIdx = LastNonBlank(seg, end - 1, titleLast);
        if (lastIdx > titleLast && Segment.ParseDate(seg.All[lastIdx].Compact) is { } date)
        {
            report.Date = date;
            var org = LastNonBlank(seg, lastIdx - 1, titleLast);
            if (org > titleLast && seg.All[org].Compact.Length <= 30 && !seg.All[org].Compact.EndsWith('。') && Headings.Parse(seg.All[org].Text) is null)
            {
                report.Signatory = seg.All[org].Text;
                report.Unit = report.Signatory;
                end = org;
            }
            else end = lastIdx;
        }
        ReadSections(seg, titleLast + 1, end, report.Sections, out var preamble);
        report.Preamble = preamble;
        return report;
    }

    private static int LastNonBlank(Segment seg, int i, int floor)
    {
        for (; i > floor; i--) if (!seg.All[i].IsBlank && !seg.All[i].IsRule) return i;
        return floor;
    }

    /// <summary>Splits lines into numbered sections; text before the first heading is the preamble.</summary>
    public static void ReadSections(Segment seg, int from, int to, List<ReportSection> sections, out string? preamble)
    {
        var pre = new List<string>();
        ReportSection? current = null;
        var body = new List<string>();
        int? currentFirst = null;
        var currentLast = from;
        void Flush()
        {
            if (current is null) return;
            current.Text = Headings.JoinLines(body);
            current.At = seg.Ref(currentFirst!.Value, currentLast, "报告", current.Heading);
            sections.Add(current);
            body.Clear();
        }
        for (var i = from; i < to; i++)
        {
            var l = seg.All[i];
            if (l.IsBlank || l.IsRule) continue;
            var h = l.IsTabular ? null : Headings.Parse(l.Text);
            if (h is { } head && IsPlausibleHeading(head.Level, head.Tail, current))
            {
                Flush();
                var (heading, rest) = Headings.SplitHeading(head.Level, head.Tail);
                current = new ReportSection { Number = head.Number, Level = head.Level, Heading = heading };
                if (rest.Length > 0) body.Add(rest);
                currentFirst = i;
                currentLast = i;
                continue;
            }
            if (current is null) pre.Add(l.Text);
            else
            {
                body.Add(l.IsTabular ? string.Join(" ", l.NonEmptyCells) : l.Text);
                currentLast = i;
            }
        }
        Flush();
        preamble = pre.Count > 0 ? Headings.JoinLines(pre) : null;
    }

    private static bool IsPlausibleHeading(int level, string rest, ReportSection? current)
    {
        // "2023 年，全年下达…" is not a heading; a level-3 number followed directly by a digit is a decimal.
        if (rest.Length == 0) return level <= 2;
        return true;
    }
}
