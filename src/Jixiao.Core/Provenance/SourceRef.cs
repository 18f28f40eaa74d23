namespace Jixiao.Core.Provenance;

/// <summary>
/// Where a figure or block came from: the file, the table, the row and column, and the source line
/// (text files), page (PDF) or sheet and cell (xlsx). Every computed figure and every finding carries one.
/// </summary>
public sealed record SourceRef
{
    public string? File { get; init; }
    /// <summary>First source line, 1-based (text and PDF-extracted files).</summary>
    public int? Line { get; init; }
    /// <summary>Last source line when a cell spans several lines.</summary>
    public int? EndLine { get; init; }
    public int? Page { get; init; }
    public string? Sheet { get; init; }
    /// <summary>Spreadsheet cell reference such as "C7".</summary>
    public string? Cell { get; init; }
    /// <summary>The table or block, e.g. "资金投入情况", "绩效指标", "公开01".</summary>
    public string? Table { get; init; }
    /// <summary>The row label, e.g. "年度资金总额" or an indicator name.</summary>
    public string? Row { get; init; }
    /// <summary>The column label, e.g. "全年预算数（A）".</summary>
    public string? Column { get; init; }

    public SourceRef WithColumn(string column) => this with { Column = column };
    public SourceRef WithRow(string row) => this with { Row = row };

    /// <summary>A short Chinese description such as "资金投入情况 › 年度资金总额 › 全年预算数（A）（第 123 行）".</summary>
    public string Describe()
    {
        var parts = new List<string>(4);
        if (!string.IsNullOrEmpty(Table)) parts.Add(Table);
        if (!string.IsNullOrEmpty(Row)) parts.Add(Row);
        if (!string.IsNullOrEmpty(Column)) parts.Add(Column);
        var path = string.Join(" › ", parts);
        var where = new List<string>(3);
        if (!string.IsNullOrEmpty(Sheet)) where.Add($"工作表 {Sheet}");
        if (!string.IsNullOrEmpty(Cell)) where.Add($"单元格 {Cell}");
        if (Page is { } p) where.Add($"第 {p} 页");
        if (Line is { } l) where.Add(EndLine is { } e && e != l ? $"第 {l}–{e} 行" : $"第 {l} 行");
        if (where.Count == 0) return path;
        return path.Length == 0 ? string.Join("，", where) : $"{path}（{string.Join("，", where)}）";
    }
}
