using System.Text.RegularExpressions;
using Jixiao.Core.Checks;
using Jixiao.Core.Model;

namespace Jixiao.Documents.Text;

/// <summary>
/// Reads a project self-evaluation appendix (Shanxi layout, rules.md R1.18a/R1.19): the project title, the
/// narrative sections 一…六, the 预算执行情况 table and the 绩效指标完成情况 table, and the stated scores and
/// grade from 项目自评得分和结论.
/// </summary>
public static partial class ProjectAppendixParser
{
    [GeneratedRegex(@"预算执行(?:情况|率)?得分\s*(\d+(?:\.\d+)?)\s*分")]
    private static partial Regex ExecutionScore();

    [GeneratedRegex(@"指标完成情况得分\s*(\d+(?:\.\d+)?)\s*分")]
    private static partial Regex IndicatorScore();

    [GeneratedRegex(@"总得?分(?:为|是)?\s*(\d+(?:\.\d+)?)\s*分")]
    private static partial Regex TotalScore();

    [GeneratedRegex(@"(?:属于|等级为|评价等级[:：]?|评级为)\s*[“""'‘]?\s*([优良中差])")]
    private static partial Regex Grade();

    public static ProjectSelfEvaluation Read(Segment seg, string docId, int titleIndex, string title, List<Finding> findings)
    {
        var p = new ProjectSelfEvaluation
        {
            Id = docId,
            Title = title,
            FundName = title,
            Year = Segment.ParseYear(title),
            Source = seg.WholeRef(),
        };
        var parser = new TableParser(seg, docId, findings);
        var tableLines = new HashSet<int>();
        for (var i = titleIndex + 1; i < seg.End; i++)
        {
            var line = seg.All[i];
            if (!line.IsTabular || tableLines.Contains(i)) continue;
            var end = TableEnd(seg, i);
            var compact = line.Compact;
            if (compact.Contains("资金来源") || compact.Contains("年初预算") || compact.Contains("全年预算"))
            {
                parser.ReadFunds(p, i, i, end);
                for (var k = i; k < end; k++) tableLines.Add(k);
            }
            else if (compact.Contains("一级指标") || compact.Contains("指标名称") || compact.Contains("三级指标"))
            {
                parser.ReadIndicators(p, i, end);
                for (var k = i; k < end; k++) tableLines.Add(k);
            }
        }
        // The narrative: every non-table line under the numbered headings.
        var narrativeSeg = new FilteredSegment(seg, tableLines);
        ReportParser.ReadSections(narrativeSeg.Segment, titleIndex + 1, seg.End, p.Narrative, out _);
        var total = p.TotalFund;
        if (total?.Score is { IsBlank: false } s) p.StatedExecutionScore = s;
        foreach (var section in p.Narrative)
        {
            var text = section.Text;
            Match m;
            if ((m = ExecutionScore().Match(text)).Success && p.StatedExecutionScore is null)
                p.StatedExecutionScore = Figure.Parse(m.Groups[1].Value, section.At! with { Column = "预算执行情况得分" });
            if ((m = IndicatorScore().Match(text)).Success && p.StatedIndicatorScore is null)
                p.StatedIndicatorScore = Figure.Parse(m.Groups[1].Value, section.At! with { Column = "指标完成情况得分" });
            if ((m = TotalScore().Match(text)).Success && p.StatedTotalScore is null)
                p.StatedTotalScore = Figure.Parse(m.Groups[1].Value, section.At! with { Column = "总得分" });
            if ((m = Grade().Match(text)).Success && p.StatedGrade is null)
            {
                p.StatedGrade = m.Groups[1].Value;
                p.StatedGradeAt = section.At! with { Column = "评价等级" };
            }
        }
        return p;
    }

    /// <summary>The index one past a table: tabular lines, allowing blank lines and rule lines inside.</summary>
    private static int TableEnd(Segment seg, int start)
    {
        var last = start;
        for (var i = start + 1; i < seg.End; i++)
        {
            var l = seg.All[i];
            if (l.IsBlank) continue;
            if (l.IsTabular || l.IsRule) { last = i; continue; }
            break;
        }
        return last + 1;
    }

    /// <summary>A view of a segment in which the table lines read as blank, so the narrative skips them.</summary>
    private sealed class FilteredSegment
    {
        public FilteredSegment(Segment seg, HashSet<int> hidden)
        {
            var lines = new List<TextLine>(seg.All.Count);
            for (var i = 0; i < seg.All.Count; i++)
                lines.Add(hidden.Contains(i) ? new TextLine(seg.All[i].Number, "") : seg.All[i]);
            Segment = new Segment(seg.FileName, lines, seg.Start, seg.End);
        }

        public Segment Segment { get; }
    }
}
