using Jixiao.Core.Checks;
using Jixiao.Core.Model;

namespace Jixiao.Documents.Text;

/// <summary>
/// Reads indicator rows from PDF-extracted text, where the cells of one visual row are separated by spaces
/// and a long cell continues on the following lines. A line that carries values (targets and actuals) closes
/// an indicator; text lines before it without a name of their own are its name (or its free-text target),
/// text after it until the next indicator is its reason.
/// </summary>
public sealed class IndicatorTextReader(Segment seg, string docId, List<Finding> findings)
{
    private sealed record Record(int First, int Last, List<string> Labels, string Before, List<string> Values, string After);

    private const int WrappedNameWidth = 14;

    public List<IndicatorRow> Read(List<int> lines)
    {
        var records = BuildRecords(lines);
        var rows = new List<IndicatorRow>();
        var buffer = new List<(int Index, string Text)>();
        var l1 = IndicatorLevel1.Unknown;
        var l1Label = "";
        var l2 = IndicatorLevel2.Unknown;
        var l2Label = "";
        var unlabelled = new List<IndicatorRow>();
        string? lastFreeTarget = null;

        void FlushBufferToReason()
        {
            if (buffer.Count == 0) return;
            var text = Headings.JoinLines(buffer.Select(b => b.Text));
            if (rows.Count == 0)
            {
                findings.Add(new Finding
                {
                    Rule = "READ-UNPLACED",
                    Severity = Severity.Info,
                    DocumentId = docId,
                    Location = seg.Ref(buffer[0].Index, buffer[^1].Index, "绩效指标").Describe(),
                    Message = $"绩效指标栏中有文字未能归入任何指标：“{text}”。",
                    At = seg.Ref(buffer[0].Index, buffer[^1].Index, "绩效指标"),
                });
            }
            else if (rows[^1] is { Target: null, Actual: null } pending)
            {
                // A name whose target and actual are free text on the following lines: split the two cells.
                var (target, actual) = SplitCells(buffer.Select(b => b.Text).ToList());
                pending.Target = target;
                pending.Actual = actual;
                pending.At = pending.At! with { EndLine = seg.All[buffer[^1].Index].Number };
            }
            else
            {
                var row = rows[^1];
                if (IsPlaceholder(text) && row.Target is null && row.Actual is not null)
                {
                    // "保持稳定" + "（此处须填写具体的就业率）": the single value was the target, the hint is the actual.
                    row.Target = row.Actual;
                    row.Actual = text;
                }
                else row.DeviationReason = string.IsNullOrEmpty(row.DeviationReason) ? text : Headings.JoinLines([row.DeviationReason, text]);
                row.At = row.At! with { EndLine = seg.All[buffer[^1].Index].Number };
            }
            buffer.Clear();
        }

        foreach (var record in records)
        {
            var r = record;
            foreach (var label in r.Labels)
            {
                FlushBufferToReason();
                if (Vocabulary.Level2(label) is { } lv2)
                {
                    l2 = lv2;
                    l2Label = label;
                    var parent = Vocabulary.ParentOf(lv2);
                    if (parent != IndicatorLevel1.Unknown && parent != l1) { l1 = parent; l1Label = l1Label.Length > 0 && Vocabulary.Level1(l1Label) == parent ? l1Label : Vocabulary.CanonicalLabel(parent); }
                    foreach (var u in unlabelled) { u.Level2 = lv2; u.Level2Label = label; u.Level1 = l1; u.Level1Label = l1Label; }
                    unlabelled.Clear();
                }
                else if (Vocabulary.Level1(label) is { } lv1)
                {
                    l1 = lv1;
                    l1Label = label;
                    foreach (var u in unlabelled) { u.Level1 = lv1; u.Level1Label = label; }
                }
            }
            if (r.Values.Count == 0 && r.Labels.Count > 0 && r.Before.Length > 0)
            {
                FlushBufferToReason();
                var named = new IndicatorRow { Level1 = l1, Level1Label = l1Label, Level2 = l2, Level2Label = l2Label, Name = r.Before, At = seg.Ref(r.First, "绩效指标", r.Before) };
                rows.Add(named);
                continue;
            }
            if (r.Values.Count > 0 && r.Before.Length == 0 && rows.Count > 0 && rows[^1] is { Target: null, Actual: null } open)
            {
                // the values of a named row whose name wrapped: "促进教育公平…助力乡村振" + "兴" + "显著 显著"
                if (buffer.Count > 0) open.Name = Headings.JoinLines([open.Name, .. buffer.Select(b => b.Text)]);
                buffer.Clear();
                open.Target = r.Values[0];
                if (r.Values.Count > 1) open.Actual = r.Values[1];
                if (r.After.Length > 0) open.DeviationReason = r.After;
                open.At = open.At! with { EndLine = seg.All[r.Last].Number, Row = open.Name };
                continue;
            }
            if (r.Values.Count == 0)
            {
                var text = Headings.JoinLines([r.Before, r.After]);
                if (text.Length > 0) buffer.Add((r.First, text));
                continue;
            }
            string name;
            string? freeTarget = null;
            var first = r.First;
            if (r.Before.Length > 0)
            {
                FlushBufferToReason();
                name = r.Before;
            }
            else if (buffer.Count > 0 && rows.Count > 0 && rows[^1].Target is null && rows[^1].Actual is not null && !LooksLikeTarget(rows[^1].Actual!) && r.Values.Count == 1 && buffer.Count == 1 && CoreText.Compact(buffer[0].Text).Length <= 6)
            {
                // "收到指标文30日内发放" + "到位" + "足额及时发放到位": the single value was a wrapped target.
                var prev = rows[^1];
                prev.Target = prev.Actual + buffer[0].Text;
                prev.Actual = r.Values[0];
                buffer.Clear();
                continue;
            }
            else if (buffer.Count > 0)
            {
                // Lines up to the last finished sentence belong to the previous indicator's reason; the rest is this name.
                var lastSentence = buffer.FindLastIndex(b => b.Text.EndsWith('。') || b.Text.EndsWith('；') || b.Text.EndsWith(';'));
                if (lastSentence >= 0 && lastSentence < buffer.Count - 1 && rows.Count > 0)
                {
                    var tail = buffer.Skip(lastSentence + 1).ToList();
                    buffer.RemoveRange(lastSentence + 1, buffer.Count - lastSentence - 1);
                    FlushBufferToReason();
                    buffer.AddRange(tail);
                }
                (name, freeTarget) = SplitNameAndTarget(buffer.Select(b => b.Text).ToList(), r.Values.Count);
                first = buffer[0].Index;
                buffer.Clear();
            }
            else if (rows.Count > 0 && rows[^1].Actual is null)
            {
                rows[^1].Actual = r.Values[0];
                continue;
            }
            else name = "";
            var row = new IndicatorRow
            {
                Level1 = l1,
                Level1Label = l1Label,
                Level2 = l2,
                Level2Label = l2Label,
                Name = name,
                At = seg.Ref(first, r.Last, "绩效指标", name),
            };
            if (freeTarget is not null)
            {
                lastFreeTarget = freeTarget;
                row.Target = freeTarget;
                row.Actual = r.Values[0];
            }
            else if (r.Values.Count >= 2)
            {
                row.Target = r.Values[0];
                row.Actual = r.Values[1];
                if (r.Values.Count > 2) row.DeviationReason = string.Join(" ", r.Values.Skip(2));
            }
            else if (LooksLikeTarget(r.Values[0])) row.Target = r.Values[0];
            else if (r.Before.Length > 0 && rows.Count > 0 && rows[^1].Level2 == l2 && rows[^1].Target is { } shared && lastFreeTarget == shared)
            {
                // A single value under a free-text target merged over several rows: the target is shared.
                row.Target = shared;
                row.Actual = r.Values[0];
            }
            else if (r.After.Length is > 0 and <= 8 && r.After.IndexOfAny(['：', ':', '，', ',', '。', '、', '；']) < 0)
            {
                // "160元/人/天 自治区统一组织": a short text after a single value is the actual, not a reason.
                row.Target = r.Values[0];
                row.Actual = r.After;
                r = r with { After = "" };
            }
            else row.Actual = r.Values[0];
            if (r.After.Length > 0) row.DeviationReason = string.IsNullOrEmpty(row.DeviationReason) ? r.After : row.DeviationReason + r.After;
            if (l2 == IndicatorLevel2.Unknown) unlabelled.Add(row);
            rows.Add(row);
        }
        FlushBufferToReason();
        return rows;
    }

    /// <summary>Two free-text cells read column by column: the first ends at a line clearly shorter than its first line.</summary>
    private static (string? First, string? Second) SplitCells(List<string> texts)
    {
        if (texts.Count == 0) return (null, null);
        var width = CoreText.Compact(texts[0]).Length;
        for (var k = 0; k < texts.Count - 1; k++)
        {
            if (CoreText.Compact(texts[k]).Length * 10 < width * 7 || texts[k].EndsWith('。'))
                return (Headings.JoinLines(texts.Take(k + 1)), Headings.JoinLines(texts.Skip(k + 1)));
        }
        return (Headings.JoinLines(texts), null);
    }

    private static bool IsPlaceholder(string text) => text.Contains("此处") && text.Contains("填写") || text.StartsWith("请填写", StringComparison.Ordinal);

    private static bool LooksLikeTarget(string value)
    {
        var v = value.Trim();
        return v.Length > 0 && (v[0] is '≥' or '≤' or '>' or '<' or '=' or '＞' or '＜' || v.EndsWith("左右", StringComparison.Ordinal) || v.StartsWith("不", StringComparison.Ordinal));
    }

    /// <summary>
    /// Text lines followed by a single value: the name, then possibly a free-text target in a narrower column.
    /// A name wraps only when its first line is long (the name column is wide); a short first line is the whole name.
    /// </summary>
    private static (string Name, string? Target) SplitNameAndTarget(List<string> texts, int valueCount)
    {
        if (valueCount >= 2 || texts.Count == 1) return (Headings.JoinLines(texts), null);
        var nameLines = new List<string> { texts[0] };
        var k = 1;
        while (k < texts.Count && CoreText.Compact(nameLines[^1]).Length >= WrappedNameWidth)
        {
            nameLines.Add(texts[k]);
            k++;
        }
        if (k >= texts.Count) return (Headings.JoinLines(nameLines), null);
        return (Headings.JoinLines(nameLines), Headings.JoinLines(texts.Skip(k)));
    }

    /// <summary>Turns lines into records, joining label pieces scattered over short lines ("服务对象满" + "意度指标").</summary>
    private List<Record> BuildRecords(List<int> lines)
    {
        var records = new List<Record>();
        for (var n = 0; n < lines.Count; n++)
        {
            var i = lines[n];
            var line = seg.All[i];
            // scattered label: join up to 6 short lines
            var (label, used) = JoinLabel(lines, n);
            if (label is not null)
            {
                if (!Vocabulary.IsIndicatorHeader(label) && label != "绩效指标")
                    records.Add(new Record(i, lines[n + used - 1], [label], "", [], ""));
                n += used - 1;
                continue;
            }
            var tokens = ValueShape.Tokens(line.Raw);
            var labels = new List<string>();
            var t = 0;
            while (t < tokens.Count)
            {
                var c = CoreText.Compact(tokens[t]);
                if (Vocabulary.Level1(c) is not null || Vocabulary.Level2(c) is not null) { labels.Add(c); t++; continue; }
                if (Vocabulary.IsIndicatorHeader(c) || c == "绩效指标") { t++; continue; }
                break;
            }
            if (t >= tokens.Count)
            {
                if (labels.Count > 0) records.Add(new Record(i, i, labels, "", [], ""));
                continue;
            }
            var before = new List<string>();
            while (t < tokens.Count && !ValueShape.IsValue(tokens[t])) before.Add(tokens[t++]);
            var values = new List<string>();
            while (t < tokens.Count && ValueShape.IsValue(tokens[t])) values.Add(tokens[t++]);
            var after = string.Join("", tokens.Skip(t));
            // A lone qualitative word on a text line ("提高") is a value only when the line is nothing but values.
            records.Add(new Record(i, i, labels, Cells.Clean(string.Join(" ", before)), values, Cells.Clean(after)));
        }
        return records;
    }

    private (string? Label, int Used) JoinLabel(List<int> lines, int n)
    {
        string? best = null;
        var bestUsed = 0;
        var joined = "";
        for (var k = 0; k < 6 && n + k < lines.Count; k++)
        {
            var c = seg.All[lines[n + k]].Compact;
            if (c.Length > 9 || seg.All[lines[n + k]].Raw.Trim().Contains(' ')) break;
            joined += c;
            if (k > 0 && (Vocabulary.Level1(joined) is not null || Vocabulary.Level2(joined) is not null || Vocabulary.IsIndicatorHeader(joined) || joined is "绩效指标" or "一级指标" or "二级指标" or "三级指标"))
            {
                best = joined;
                bestUsed = k + 1;
            }
        }
        return best is null ? (null, 0) : (best, bestUsed);
    }
}
