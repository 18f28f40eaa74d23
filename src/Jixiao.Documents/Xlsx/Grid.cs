using Jixiao.Core.Provenance;

namespace Jixiao.Documents.Xlsx;

/// <summary>One cell of a grid: the text as displayed, the numeric value when the cell holds a number, and where it is.</summary>
public sealed record GridCell(string Text, decimal? Number, SourceRef At)
{
    public bool IsError => Text.StartsWith('#') && Text.EndsWith('!') || Text is "#N/A";
}

/// <summary>A merged range, 0-based inclusive.</summary>
public readonly record struct GridRange(int Row1, int Col1, int Row2, int Col2)
{
    public bool Contains(int r, int c) => r >= Row1 && r <= Row2 && c >= Col1 && c <= Col2;
}

/// <summary>
/// A table as rows × columns of cells with merged ranges: what an .xlsx sheet is, and what a PDF page's text layer
/// is rebuilt into. The self-evaluation layout logic (<see cref="GridTableReader"/>) works on this alone.
/// </summary>
public sealed class Grid
{
    private readonly List<GridCell?[]> _rows;

    /// <summary>For each row, the merges that cover it, in the order given (a later merge wins where two overlap).</summary>
    private readonly List<GridRange>?[] _mergesOfRow;

    public Grid(string? file, string? sheet, List<GridCell?[]> rows, IReadOnlyList<GridRange> merges)
    {
        File = file;
        Sheet = sheet;
        _rows = rows;
        Merges = merges;
        _mergesOfRow = new List<GridRange>?[rows.Count];
        foreach (var m in merges)
            for (var r = Math.Max(0, m.Row1); r <= m.Row2 && r < rows.Count; r++)
                (_mergesOfRow[r] ??= []).Add(m);
    }

    private bool TryMergeAt(int row, int col, out GridRange merge)
    {
        if ((uint)row < (uint)_mergesOfRow.Length && _mergesOfRow[row] is { } list)
            for (var i = list.Count - 1; i >= 0; i--)
                if (col >= list[i].Col1 && col <= list[i].Col2)
                {
                    merge = list[i];
                    return true;
                }
        merge = default;
        return false;
    }

    public string? File { get; }
    public string? Sheet { get; }
    public IReadOnlyList<GridRange> Merges { get; }
    public int RowCount => _rows.Count;

    public int ColumnCount(int row) => row < _rows.Count ? _rows[row].Length : 0;

    public int MaxColumns => _rows.Count == 0 ? 0 : _rows.Max(r => r.Length);

    /// <summary>The cell's own content (null when empty or covered by a merge).</summary>
    public GridCell? Cell(int row, int col) =>
        row >= 0 && row < _rows.Count && col >= 0 && col < _rows[row].Length ? _rows[row][col] : null;

    public string Text(int row, int col) => Cell(row, col)?.Text ?? "";

    /// <summary>The text shown in this position, following a merge to its top-left cell.</summary>
    public string SpanText(int row, int col)
    {
        if (TryMergeAt(row, col, out var m)) return Text(m.Row1, m.Col1);
        return Text(row, col);
    }

    public GridRange? MergeAt(int row, int col) => TryMergeAt(row, col, out var m) ? m : null;

    /// <summary>True when (row, col) is covered by a merge whose top-left is elsewhere.</summary>
    public bool IsCovered(int row, int col) =>
        TryMergeAt(row, col, out var m) && (m.Row1 != row || m.Col1 != col);

    /// <summary>The non-empty cells of a row, left to right, with their column.</summary>
    public IEnumerable<(int Col, GridCell Cell)> NonEmpty(int row)
    {
        if (row < 0 || row >= _rows.Count) yield break;
        var cells = _rows[row];
        for (var c = 0; c < cells.Length; c++)
            if (cells[c] is { } cell && !string.IsNullOrWhiteSpace(cell.Text))
                yield return (c, cell);
    }

    public bool IsBlankRow(int row) => !NonEmpty(row).Any();
}
