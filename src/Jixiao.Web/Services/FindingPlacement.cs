using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Provenance;

namespace Jixiao.Web.Services;

/// <summary>The columns of the official table a finding can point at.</summary>
public enum CellColumn
{
    Label,
    InitialBudget,
    Budget,
    Execution,
    Balance,
    Rate,
    Points,
    Score,
    Target,
    AdjustedTarget,
    Actual,
    Weight,
    Reason,
    Description,
    Problems,
    Text,
}

/// <summary>
/// Places findings at the cells of the official table: by the cell's own source reference (same line or
/// cell, same column), else by table › row › column as the finding's location names them. A finding is
/// placed once; those that fit no cell stay in <see cref="Unplaced"/> and are listed below the table.
/// </summary>
public sealed class FindingPlacement
{
    private readonly List<Finding> _all;
    private readonly HashSet<Finding> _placed = new(ReferenceEqualityComparer.Instance);

    public FindingPlacement(IEnumerable<Finding> findings) => _all = findings.ToList();

    public IReadOnlyList<Finding> All => _all;

    public IEnumerable<Finding> Unplaced => _all.Where(f => !_placed.Contains(f));

    public bool IsPlaced(Finding f) => _placed.Contains(f);

    /// <summary>The findings for one cell, taken so no other cell shows them.</summary>
    public List<Finding> Take(SourceRef? cellAt, string table, string? row, CellColumn column)
    {
        var result = new List<Finding>();
        foreach (var f in _all)
        {
            if (_placed.Contains(f) || f.At is not { } at) continue;
            if (Matches(at, cellAt, table, row, column))
            {
                result.Add(f);
                _placed.Add(f);
            }
        }
        return result;
    }

    private static bool Matches(SourceRef at, SourceRef? cellAt, string table, string? row, CellColumn column)
    {
        var findingColumn = at.Column is null ? (CellColumn?)null : ColumnOf(at.Column);
        if (findingColumn is { } fc && fc != column) return false;
        if (findingColumn is null && column != CellColumn.Label && column != CellColumn.Text) return false;
        if (cellAt is not null)
        {
            if (at == cellAt) return true;
            if (at.Cell is not null && cellAt.Cell is not null && at.Sheet == cellAt.Sheet) return at.Cell == cellAt.Cell;
            if (at.Line is { } line && cellAt.Line is { } cl && at.File == cellAt.File)
                return line >= cl && line <= (cellAt.EndLine ?? cl);
        }
        if (at.Row is null || row is null) return false;
        if (at.Table is not null && !SameTable(at.Table, table)) return false;
        return Text.Compact(at.Row) == Text.Compact(row);
    }

    private static bool SameTable(string a, string b)
    {
        var x = Text.Compact(a);
        var y = Text.Compact(b);
        return x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal);
    }

    /// <summary>Maps a column label as written ("全年预算数（A）", "执行率（B/A）", "全年实际完成值") to a column.</summary>
    public static CellColumn ColumnOf(string label)
    {
        var t = Text.Compact(label);
        if (t.Contains("执行率") || t.EndsWith("率", StringComparison.Ordinal)) return CellColumn.Rate;
        if (t.Contains("年初预算")) return CellColumn.InitialBudget;
        if (t.Contains("预算")) return CellColumn.Budget;
        if (t.Contains("执行")) return CellColumn.Execution;
        if (t.Contains("结转") || t.Contains("结余")) return CellColumn.Balance;
        if (t.Contains("得分")) return CellColumn.Score;
        if (t.Contains("分值") && !t.Contains("指标")) return CellColumn.Points;
        if (t.Contains("权重")) return CellColumn.Weight;
        if (t.Contains("调整后")) return CellColumn.AdjustedTarget;
        if (t.Contains("实际") || t.Contains("完成值")) return CellColumn.Actual;
        if (t.Contains("原因") || t.Contains("改进措施") && t.Contains("偏差")) return CellColumn.Reason;
        if (t.Contains("指标值") || t.Contains("年初指标") || t.Contains("目标")) return CellColumn.Target;
        if (t.Contains("情况说明")) return CellColumn.Description;
        if (t.Contains("单位")) return CellColumn.Label;
        if (t.Contains("存在问题")) return CellColumn.Problems;
        return CellColumn.Text;
    }

    public static string SeverityName(Severity s) => s switch
    {
        Severity.Error => "错误",
        Severity.Warning => "警告",
        _ => "提示",
    };

    public static string CssOf(IEnumerable<Finding> findings)
    {
        var list = findings as ICollection<Finding> ?? findings.ToList();
        if (list.Count == 0) return "";
        return list.Any(f => f.Severity == Severity.Error) ? "jx-cell-error" : list.Any(f => f.Severity == Severity.Warning) ? "jx-cell-warning" : "jx-cell-info";
    }
}
