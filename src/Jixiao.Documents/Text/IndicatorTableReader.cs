using Jixiao.Core.Checks;
using Jixiao.Core.Model;

namespace Jixiao.Documents.Text;

/// <summary>
/// Reads indicator rows from tab/'|'-separated lines. Level-1/level-2 labels are recognised by their
/// words wherever they stand (exports shift merged cells left or right); the first other cell is the
/// indicator's name, and the cells after it follow the header's value columns in order.
/// </summary>
public sealed class IndicatorTableReader(Segment seg)
{
    private enum Col { Target, Adjusted, Actual, Weight, Score, Reason, Comparator, Unit, Ignore }

    public List<IndicatorRow> ReadTabular(List<int> lines, bool project)
    {
        var rows = new List<IndicatorRow>();
        var order = new List<Col>();
        var l1 = IndicatorLevel1.Unknown;
        var l1Label = "";
        var l2 = IndicatorLevel2.Unknown;
        var l2Label = "";
        var headerDone = false;
        for (var n = 0; n < lines.Count; n++)
        {
            var i = lines[n];
            var line = seg.All[i];
            var cells = line.RawCells;
            if (!headerDone && IsHeaderRow(cells))
            {
                var next = n + 1 < lines.Count ? seg.All[lines[n + 1]] : null;
                if (order.Count == 0) order = HeaderOrder(cells, next is not null && IsHeaderRow(next.RawCells) ? next.RawCells : null, project);
                continue;
            }
            if (IsHeaderRow(cells)) continue;
            headerDone = true;
            if (!line.IsTabular)
            {
                // A wrapped name or reason continuing on its own line: append to the last row's reason.
                if (rows.Count > 0)
                {
                    var last = rows[^1];
                    last.DeviationReason = string.IsNullOrEmpty(last.DeviationReason) ? line.Text : last.DeviationReason + line.Text;
                }
                continue;
            }
            var k = 0;
            var sawLevel1 = false;
            for (; k < cells.Length; k++)
            {
                var c = CoreText.Compact(cells[k]);
                if (c.Length == 0) continue;
                // Labels come in order — level 1, then level 2 — and the cell after a level-2 label is the name
                // (a name may itself read like a label: "满意度").
                if (!sawLevel1 && Vocabulary.Level1(c) is { } lv1 && !(c is "满意度指标" && l1 == IndicatorLevel1.Satisfaction && Vocabulary.Level2(c) is not null && k > 0))
                {
                    sawLevel1 = true;
                    l1 = lv1;
                    l1Label = c;
                    continue;
                }
                if (Vocabulary.Level2(c) is not null && !NameFollows(cells, k))
                {
                    // An indicator may be named like a label ("服务对象满意度") under a merged level-2 cell:
                    // it is a label only when a name, not a value, comes after it.
                    break;
                }
                if (Vocabulary.Level2(c) is { } lv2b)
                {
                    var lv2 = lv2b;
                    l2 = lv2;
                    l2Label = c;
                    var parent = Vocabulary.ParentOf(lv2);
                    if (parent != l1 && parent != IndicatorLevel1.Unknown && !(l1 == IndicatorLevel1.Cost))
                    {
                        l1 = parent;
                        l1Label = Vocabulary.CanonicalLabel(parent);
                    }
                    k++;
                    while (k < cells.Length && cells[k].Length == 0) k++;
                    break;
                }
                break;
            }
            if (k >= cells.Length) continue; // a row of labels only
            var row = new IndicatorRow
            {
                Level1 = l1,
                Level1Label = l1Label,
                Level2 = l2,
                Level2Label = l2Label,
                Name = cells[k],
                At = seg.Ref(i, "绩效指标", cells[k]),
            };
            var v = k + 1;
            while (v < cells.Length && cells[v].Length == 0) v++;
            var effective = order.Count > 0 ? order : (project ? [Col.Target, Col.Adjusted, Col.Actual, Col.Weight, Col.Score, Col.Reason] : [Col.Target, Col.Actual, Col.Reason]);
            for (var p = 0; p < effective.Count && v < cells.Length; p++, v++)
                Assign(row, effective[p], cells[v], i);
            // Anything beyond the known columns is appended to the reason rather than lost.
            ApplyComparatorAndUnit(row);
            var extra = cells.Skip(v).Where(c => c.Length > 0).ToList();
            if (extra.Count > 0) row.DeviationReason = string.Join("；", new[] { row.DeviationReason }.Concat(extra).Where(s => !string.IsNullOrEmpty(s)));
            rows.Add(row);
        }
        return rows;
    }

    // A comparator (指标性质) or unit (度量单位) given in its own column, pending until the row is complete.
    private string? _comparator;
    private string? _unit;

    /// <summary>Joins a comparator column and a unit column to the values: "≥" + "95" + "%" → "≥95%".</summary>
    private void ApplyComparatorAndUnit(IndicatorRow row)
    {
        var cmp = _comparator;
        var unit = _unit;
        _comparator = null;
        _unit = null;
        static bool Bare(string? v) => v is { Length: > 0 } && Jixiao.Core.Model.NumberText.TryParse(v) is not null && !v.Contains('%');
        if (!string.IsNullOrEmpty(unit))
        {
            if (Bare(row.Target)) row.Target += unit;
            if (Bare(row.AdjustedTarget)) row.AdjustedTarget += unit;
            if (Bare(row.Actual)) row.Actual += unit;
        }
        if (!string.IsNullOrEmpty(cmp) && cmp is "≥" or "≤" or ">" or "<" or "=" or ">=" or "<=" or "＞" or "＜" or "＝" or "≧" or "≦")
        {
            if (row.Target is { Length: > 0 } t && !Cells.IsComparator(t[0])) row.Target = cmp + t;
            if (row.AdjustedTarget is { Length: > 0 } a && !Cells.IsComparator(a[0])) row.AdjustedTarget = cmp + a;
        }
    }

    /// <summary>True when the first non-empty cell after <paramref name="k"/> is not a value (so cell k is a label, not the name).</summary>
    private static bool NameFollows(string[] cells, int k)
    {
        for (var j = k + 1; j < cells.Length; j++)
        {
            if (cells[j].Length == 0) continue;
            var c = CoreText.Compact(cells[j]);
            return !ValueShape.IsValue(cells[j]) || Vocabulary.Level2(c) is not null;
        }
        return false;
    }

    private void Assign(IndicatorRow row, Col col, string text, int line)
    {
        var value = text.Length == 0 ? null : text;
        switch (col)
        {
            case Col.Comparator: _comparator = value; break;
            case Col.Unit: _unit = value; break;
            case Col.Ignore: break;
            case Col.Target: row.Target = value; break;
            case Col.Adjusted: row.AdjustedTarget = value; break;
            case Col.Actual: row.Actual = value; break;
            case Col.Weight: row.Weight = Figure.Parse(text, seg.Ref(line, "绩效指标", row.Name, "权重")); break;
            case Col.Score: row.Score = Figure.Parse(text, seg.Ref(line, "绩效指标", row.Name, "得分")); break;
            case Col.Reason: row.DeviationReason = value; break;
        }
    }

    private static bool IsHeaderRow(string[] cells)
    {
        var nonEmpty = cells.Where(c => c.Length > 0).Select(CoreText.Compact).ToList();
        return nonEmpty.Count > 0 && nonEmpty.All(c => Vocabulary.IsIndicatorHeader(c) || c.StartsWith("绩效指标", StringComparison.Ordinal));
    }

    /// <summary>The value columns after the name, from the header (and its sub-header under a merged "年度指标").</summary>
    private static List<Col> HeaderOrder(string[] header, string[]? sub, bool project)
    {
        var order = new List<Col>();
        var afterName = false;
        for (var c = 0; c < header.Length; c++)
        {
            var h = CoreText.Compact(header[c]);
            if (h is "三级指标" or "指标名称" or "三级指标名称") { afterName = true; continue; }
            if (!afterName) continue;
            if (h is "年度指标" or "年度指标值" && sub is not null)
            {
                var subs = sub.Select(CoreText.Compact).Where(s => s is "年初指标" or "调整后指标" or "年初指标值" or "调整后指标值").ToList();
                if (subs.Count == 2) { order.Add(Col.Target); order.Add(Col.Adjusted); c++; continue; }
            }
            if (h.Length == 0) continue;
            if (h is "指标性质" or "指标方向" or "比较符" or "符号" or "运算符") order.Add(Col.Comparator);
            else if (h is "度量单位" or "计量单位" or "单位" or "指标单位") order.Add(Col.Unit);
            else if (h.Contains("调整后")) order.Add(Col.Adjusted);
            else if (h.Contains("实际完成")) order.Add(Col.Actual);
            else if (h.Contains("指标值") || h.Contains("年度指标") || h.Contains("年初指标") || h.Contains("目标值")) order.Add(Col.Target);
            else if (h is "权重" or "分值") order.Add(Col.Weight);
            else if (h == "得分") order.Add(Col.Score);
            else if (h.Contains("原因") || h.Contains("改进措施")) order.Add(Col.Reason);
            else order.Add(Col.Ignore);
        }
        if (order.Count == 0) order = project ? [Col.Target, Col.Adjusted, Col.Actual, Col.Weight, Col.Score, Col.Reason] : [Col.Target, Col.Actual, Col.Reason];
        return order;
    }
}
