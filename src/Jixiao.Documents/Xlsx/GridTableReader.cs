using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Core.Provenance;
using Jixiao.Documents.Text;
using L = Jixiao.Documents.Export.TableLabels;

namespace Jixiao.Documents.Xlsx;

/// <summary>
/// The self-evaluation layout logic over a <see cref="Grid"/>: finds each table by its name row (转移支付（项目）名称 /
/// 项目名称) or its first block, locates the blocks by their header labels (资金投入情况, 资金管理情况, 总体目标,
/// 绩效指标, 说明, 总分, 注), classifies columns by header text (never by position), follows merged cells, skips
/// blank spacer rows and columns, and builds the model with a <see cref="SourceRef"/> on every figure.
/// </summary>
public static partial class GridTableReader
{
    /// <summary>Reads every self-evaluation table in a grid (one or several per sheet).</summary>
    /// <param name="ct">The read's wall-clock limit, checked per row while finding tables and per table.</param>
    public static List<Document> Read(Grid grid, List<Finding> findings, CancellationToken ct = default)
    {
        var docs = new List<Document>();
        var g = new GridRows(grid);
        var anchors = FindAnchors(g, ct);
        for (var k = 0; k < anchors.Count; k++)
        {
            ct.ThrowIfCancellationRequested();
            var top = TableTop(g, anchors[k], k == 0 ? 0 : anchors[k - 1] + 1);
            var nextTop = k + 1 < anchors.Count ? TableTop(g, anchors[k + 1], anchors[k] + 1) : grid.RowCount;
            try
            {
                docs.Add(ReadTable(g, top, anchors[k], nextTop, findings));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                findings.Add(new Finding
                {
                    Rule = "READ-TABLE",
                    Severity = Severity.Warning,
                    DocumentId = grid.File ?? "",
                    Location = Where(g, top, nextTop),
                    Message = $"无法识别此处的自评表（{e.Message}）。",
                    At = new SourceRef { File = grid.File, Sheet = grid.Sheet, Cell = XlsxGridLoader.CellName(top, 0) },
                });
            }
        }
        return docs;
    }

    /// <summary>A non-empty cell of a row, with its column and its text compacted (<see cref="Core.Model.Text.Compact"/>).</summary>
    private readonly struct RowCell(int col, GridCell cell, string compact)
    {
        public int Col { get; } = col;
        public GridCell Cell { get; } = cell;
        public string Compact { get; } = compact;

        public void Deconstruct(out int col, out GridCell cell)
        {
            col = Col;
            cell = Cell;
        }
    }

    /// <summary>
    /// The grid as the layout logic reads it: each row's non-empty cells, left to right, with their compact texts,
    /// worked out once per row. Finding the tables and their blocks looks at every row many times.
    /// </summary>
    private sealed class GridRows(Grid grid)
    {
        private readonly RowCell[]?[] _cells = new RowCell[]?[grid.RowCount];
        private readonly string[]?[] _compacts = new string[]?[grid.RowCount];
        private int _maxColumns = -1;

        public string? File => grid.File;
        public string? Sheet => grid.Sheet;
        public int RowCount => grid.RowCount;
        public IReadOnlyList<GridRange> Merges => grid.Merges;
        public int MaxColumns => _maxColumns >= 0 ? _maxColumns : _maxColumns = grid.MaxColumns;

        public GridCell? Cell(int row, int col) => grid.Cell(row, col);
        public string Text(int row, int col) => grid.Text(row, col);
        public string SpanText(int row, int col) => grid.SpanText(row, col);
        public GridRange? MergeAt(int row, int col) => grid.MergeAt(row, col);
        public int ColumnCount(int row) => grid.ColumnCount(row);

        /// <summary>The row's non-empty cells (as <see cref="Grid.NonEmpty"/>), with their compact texts.</summary>
        public RowCell[] NonEmpty(int row)
        {
            if (row < 0 || row >= _cells.Length) return [];
            if (_cells[row] is { } known) return known;
            var cells = new List<RowCell>();
            foreach (var (c, cell) in grid.NonEmpty(row)) cells.Add(new RowCell(c, cell, Core.Model.Text.Compact(cell.Text)));
            return _cells[row] = [.. cells];
        }

        /// <summary>The compact texts of the row's non-empty cells.</summary>
        public string[] Compacts(int row)
        {
            if (row < 0 || row >= _compacts.Length) return [];
            return _compacts[row] ??= Array.ConvertAll(NonEmpty(row), x => x.Compact);
        }

        public RowCell? First(int row) => NonEmpty(row) is [var first, ..] ? first : null;

        /// <summary>True when a non-empty cell's compact text satisfies the test.</summary>
        public bool Any(int row, Func<string, bool> test)
        {
            foreach (var x in NonEmpty(row))
                if (test(x.Compact)) return true;
            return false;
        }
    }

    private static string Where(GridRows g, int from, int to) =>
        new SourceRef { Sheet = g.Sheet, Cell = $"{XlsxGridLoader.CellName(from, 0)}:{XlsxGridLoader.CellName(Math.Max(from, to - 1), 0)}" }.Describe();

    // ---------------------------------------------------------------- labels

    private static string C(string? s) => Jixiao.Core.Model.Text.Compact(s);

    private static bool IsNameLabel(string t) =>
        t is "转移支付（项目）名称" or "转移支付名称" or "项目名称" or "转移支付（项目）名称：" or "项目名称：" or "专项资金名称" or "资金名称";

    private static readonly string[] BlockLabels =
        ["资金投入情况", "资金情况", "资金管理情况", "总体目标完成情况", "年度总体目标", "绩效指标", "预算执行情况", "项目资金"];

    private static bool IsBlockLabel(string compact)
    {
        foreach (var b in BlockLabels)
            if (compact.StartsWith(b, StringComparison.Ordinal)) return !compact.Contains("得分", StringComparison.Ordinal);
        return false;
    }

    private static bool IsFundHeader(GridRows g, int r) => Vocabulary.IsFundHeaderRow(g.Compacts(r));

    private static bool IsIndicatorHeader(GridRows g, int r) =>
        g.Any(r, t => t is "一级指标" or "一级") && g.Any(r, t => t is "三级指标" or "指标名称" or "二级指标");

    private static bool IsManagementHeader(GridRows g, int r) =>
        g.Any(r, t => t == "情况说明") && g.Any(r, t => t.StartsWith("存在问题", StringComparison.Ordinal));

    private static bool IsGoalsHeader(GridRows g, int r) =>
        g.Any(r, t => t is "总体目标" or "预期目标" or "年度总体目标" or "绩效目标")
        && g.Any(r, t => t is "全年实际完成情况" or "实际完成情况" or "实际完成" or "全年实际完成");

    private static bool IsRemarksRow(GridRows g, int r) =>
        g.First(r) is { } first && (first.Compact == "说明" || first.Compact.StartsWith("说明：", StringComparison.Ordinal) ||
            (first.Cell.Text.TrimStart().StartsWith("说明", StringComparison.Ordinal) && first.Cell.Text.Trim().Length > 2 && char.IsWhiteSpace(first.Cell.Text.Trim()[2])));

    private static bool IsFootnoteStart(GridRows g, int r) =>
        g.First(r) is { } first && FootnoteRegex().IsMatch(first.Cell.Text.TrimStart());

    private static bool IsScoreRow(GridRows g, int r) =>
        g.Any(r, t => t is "总分" or "总得分" or L.ExecutionScore or L.IndicatorScore or "合计得分" or "自评总分");

    [GeneratedRegex(@"^注\s*[:：1１]")]
    private static partial Regex FootnoteRegex();

    [GeneratedRegex(@"^\d{1,2}\s*[.、．]")]
    private static partial Regex NumberedNoteRegex();

    [GeneratedRegex(@"(\d{4})\s*年度?")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"^[（(]\s*\d{4}\s*年度?\s*[)）]$")]
    private static partial Regex YearLineRegex();

    // ---------------------------------------------------------------- segmentation

    /// <summary>The rows that start a table: name rows, or (when a table has none) the first block header after the previous table.</summary>
    private static List<int> FindAnchors(GridRows g, CancellationToken ct)
    {
        var anchors = new List<int>();
        for (var r = 0; r < g.RowCount; r++)
        {
            ct.ThrowIfCancellationRequested();
            if (g.Any(r, IsNameLabel)) anchors.Add(r);
        }
        if (anchors.Count > 0) return anchors;
        for (var r = 0; r < g.RowCount; r++)
            if (IsFundHeader(g, r) || IsIndicatorHeader(g, r))
                return [r];
        return anchors;
    }

    /// <summary>Walks up from an anchor over title, year line and 附件 rows (single-cell rows that are not footnotes).</summary>
    private static int TableTop(GridRows g, int anchor, int floor)
    {
        var top = anchor;
        var blanks = 0;
        for (var r = anchor - 1; r >= floor; r--)
        {
            var cells = g.NonEmpty(r);
            if (cells.Length == 0)
            {
                if (++blanks > 3) break;
                continue;
            }
            if (cells.Length > 1) break;
            var t = cells[0].Cell.Text.Trim();
            if (FootnoteRegex().IsMatch(t) || NumberedNoteRegex().IsMatch(t) || IsRemarksRow(g, r)) break;
            if (IsScoreRow(g, r)) break;
            top = r;
            blanks = 0;
        }
        return top;
    }

    // ---------------------------------------------------------------- one table

    private sealed class Blocks
    {
        public int Fund = -1, Management = -1, Goals = -1, Indicators = -1, Remarks = -1, Score = -1, Footnotes = -1;

        public int EndOf(int start, int tableEnd)
        {
            var next = tableEnd;
            foreach (var b in (ReadOnlySpan<int>)[Fund, Management, Goals, Indicators, Remarks, Score, Footnotes])
                if (b > start && b < next) next = b;
            return next;
        }
    }

    private static SelfEvaluationTable ReadTable(GridRows g, int top, int anchor, int end, List<Finding> findings)
    {
        var b = new Blocks();
        for (var r = anchor; r < end; r++)
        {
            if (b.Fund < 0 && IsFundHeader(g, r)) b.Fund = r;
            else if (b.Management < 0 && IsManagementHeader(g, r)) b.Management = r;
            else if (b.Goals < 0 && IsGoalsHeader(g, r)) b.Goals = r;
            else if (b.Indicators < 0 && IsIndicatorHeader(g, r)) b.Indicators = r;
            else if (b.Remarks < 0 && b.Indicators >= 0 && IsRemarksRow(g, r)) b.Remarks = r;
            else if (b.Score < 0 && b.Indicators >= 0 && IsScoreRow(g, r)) b.Score = r;
            else if (b.Footnotes < 0 && IsFootnoteStart(g, r)) b.Footnotes = r;
        }

        // Title, year and annex label above the header.
        string? title = null, annex = null, unit = null;
        int? year = null;
        for (var r = top; r < anchor; r++)
        {
            foreach (var (_, cell) in g.NonEmpty(r))
            {
                var t = cell.Text.Trim();
                if (t.StartsWith("附件", StringComparison.Ordinal) && t.Length <= 8) annex ??= t;
                else if (C(t).StartsWith("填报单位", StringComparison.Ordinal)) unit ??= t[(t.IndexOfAny(['：', ':']) + 1)..].Trim();
                else if (YearLineRegex().IsMatch(C(t).Replace('（', '(').Replace('）', ')')) || YearLineRegex().IsMatch(t))
                    year ??= int.Parse(YearRegex().Match(t).Groups[1].Value, CultureInfo.InvariantCulture);
                else title ??= t;
            }
        }
        if (year is null && title is not null && YearRegex().Match(title) is { Success: true } ym)
            year = int.Parse(ym.Groups[1].Value, CultureInfo.InvariantCulture);

        var isProject = IsProjectTable(g, anchor, end, title);
        SelfEvaluationTable table = isProject
            ? (title is not null && (title.Contains("整体支出") || title.Contains("部门整体")) ? new DepartmentSelfEvaluation() : new ProjectSelfEvaluation())
            : new TransferSelfEvaluation();
        table.Title = title ?? "";
        table.Year = year;
        table.AnnexLabel = annex;
        table.Unit = string.IsNullOrEmpty(unit) ? null : unit;
        var firstBlock = new[] { b.Fund, b.Management, b.Goals, b.Indicators }.Where(x => x >= 0).DefaultIfEmpty(end).Min();
        table.Source = g.Sheet is null
            ? new SourceRef { File = g.File, Page = g.First(top)?.Cell.At?.Page }
            : new SourceRef
            {
                File = g.File,
                Sheet = g.Sheet,
                Cell = $"{XlsxGridLoader.CellName(top, 0)}:{XlsxGridLoader.CellName(Math.Max(top, end - 1), Math.Max(0, g.MaxColumns - 1))}",
            };
        ReadHeaderFields(g, anchor, firstBlock, table);
        if (b.Fund >= 0)
        {
            ReadFunds(g, b.Fund, b.EndOf(b.Fund, end), table, isProject);
            // A 得分 column in the fund block is the execution score (项目支出 layouts).
            if (table is ProjectSelfEvaluation scored && scored.TotalFund?.Score is { IsBlank: false } execScore) scored.StatedExecutionScore ??= execScore;
        }
        if (b.Management >= 0) ReadManagement(g, b.Management, b.EndOf(b.Management, end), table);
        if (b.Goals >= 0) ReadGoals(g, b.Goals, b.EndOf(b.Goals, end), table);
        if (b.Indicators >= 0) ReadIndicators(g, b.Indicators, b.EndOf(b.Indicators, end), table, isProject);
        if (b.Remarks >= 0) ReadRemarks(g, b.Remarks, table);
        if (b.Score >= 0 && table is ProjectSelfEvaluation p) ReadScores(g, b.Score, b.EndOf(b.Score, end), p);
        if (b.Footnotes >= 0)
            for (var r = b.Footnotes; r < end; r++)
                if (g.First(r) is { Cell: var cell })
                {
                    var note = cell.Text.Trim();
                    if (r == b.Footnotes) note = note.TrimStart('注', ':', '：', ' ');
                    var m = NumberedNoteRegex().Match(note);
                    if (m.Success) note = note[m.Length..].TrimStart();
                    else if (table.Footnotes.Count > 0 && r > b.Footnotes) { table.Footnotes[^1] += note; continue; }
                    table.Footnotes.Add(note);
                }
        table.Unit ??= table.ImplementingUnit ?? table.CompetentDepartment;
        if (b.Fund < 0 && b.Indicators < 0)
            findings.Add(new Finding
            {
                Rule = "READ-TABLE",
                Severity = Severity.Warning,
                DocumentId = g.File ?? "",
                Location = Where(g, top, end),
                Message = "找到自评表的表头，但没有找到资金投入情况或绩效指标区块。",
                At = table.Source,
            });
        return table;
    }

    private static bool IsProjectTable(GridRows g, int from, int to, string? title)
    {
        if (title is not null && (title.Contains("项目支出") || title.Contains("整体支出"))) return true;
        if (title is not null && title.Contains("转移支付")) return false;
        for (var r = from; r < to; r++)
            if (g.Any(r, t => t.StartsWith("年初预算", StringComparison.Ordinal) || t is "分值" or "得分" || t.StartsWith("权重", StringComparison.Ordinal))) return true;
        return false;
    }

    /// <summary>The columns the block's own label occupies (资金投入情况 merged down column A, and its merge width).</summary>
    private static (int From, int To) BlockLabelColumns(GridRows g, int header)
    {
        if (g.First(header) is not { } first || !IsBlockLabel(first.Compact)) return (-1, -1);
        return g.MergeAt(header, first.Col) is { } m ? (m.Col1, m.Col2) : (first.Col, first.Col);
    }

    /// <summary>Where a cell is; an empty cell borrows its row's page and line (PDF) from a neighbour.</summary>
    private static SourceRef Ref(GridRows g, int r, int c, string table, string? row = null, string? column = null)
    {
        var at = g.Cell(r, c)?.At
            ?? (g.First(r)?.Cell.At is { } n ? n with { Cell = n.Sheet is null ? null : XlsxGridLoader.CellName(r, c) } : null)
            ?? new SourceRef { File = g.File, Sheet = g.Sheet, Cell = g.Sheet is null ? null : XlsxGridLoader.CellName(r, c) };
        return at with { Table = table, Row = row, Column = column };
    }

    // ---------------------------------------------------------------- header fields

    private enum HeaderField { None, Name, Central, LocalFinance, Competent, User }

    private static HeaderField ClassifyHeaderField(string t) => t.TrimEnd('：') switch
    {
        _ when IsNameLabel(t) => HeaderField.Name,
        "中央主管部门" => HeaderField.Central,
        "地方财政部门" or "财政部门" => HeaderField.LocalFinance,
        "地方主管部门" or "主管部门" or "主管部门（单位）" => HeaderField.Competent,
        "资金使用单位" or "实施单位" or "项目实施单位" or "单位名称" => HeaderField.User,
        _ => HeaderField.None,
    };

    private static void ReadHeaderFields(GridRows g, int from, int to, SelfEvaluationTable t)
    {
        for (var r = from; r < to; r++)
        {
            var cells = g.NonEmpty(r);
            for (var i = 0; i < cells.Length; i++)
            {
                var text = cells[i].Cell.Text.Trim();
                var compact = cells[i].Compact;
                var field = ClassifyHeaderField(compact);
                string? value = null;
                if (field == HeaderField.None)
                {
                    // "项目名称：XXX" in one cell.
                    var colon = compact.IndexOf('：');
                    if (colon > 0 && ClassifyHeaderField(compact[..colon]) is var f2 && f2 != HeaderField.None)
                    {
                        field = f2;
                        var raw = text.IndexOfAny(['：', ':']);
                        value = raw >= 0 ? text[(raw + 1)..].Trim() : null;
                    }
                    else continue;
                }
                else if (i + 1 < cells.Length && ClassifyHeaderField(cells[i + 1].Compact) == HeaderField.None)
                {
                    value = cells[i + 1].Cell.Text.Trim();
                    i++;
                }
                if (string.IsNullOrEmpty(value)) value = null;
                switch (field)
                {
                    case HeaderField.Name: t.FundName ??= value; break;
                    case HeaderField.Central: t.CentralDepartment ??= value; break;
                    case HeaderField.LocalFinance: t.LocalFinanceDepartment ??= value; break;
                    case HeaderField.Competent: t.CompetentDepartment ??= value; break;
                    case HeaderField.User: t.ImplementingUnit ??= value; break;
                }
            }
        }
    }

    // ---------------------------------------------------------------- column classification

    /// <summary>The header text of each column: the header row and, when it has one, the sub-header row below, following merges.</summary>
    private static Dictionary<int, string> HeaderTexts(GridRows g, int header, int rows)
    {
        var result = new Dictionary<int, string>();
        var width = 0;
        for (var r = header; r < header + rows; r++) width = Math.Max(width, g.ColumnCount(r));
        foreach (var m in g.Merges)
            if (m.Row1 <= header + rows - 1 && m.Row2 >= header) width = Math.Max(width, m.Col2 + 1);
        for (var c = 0; c < width; c++)
        {
            // The texts of the header rows in this column, top to bottom, a repeat of the one above (a merge) once.
            string? text = null, last = null;
            for (var r = header; r < header + rows; r++)
            {
                var t = C(g.SpanText(r, c));
                if (t.Length > 0 && t != last) { text = text is null ? t : text + t; last = t; }
            }
            if (text is not null) result[c] = text;
        }
        return result;
    }

    private static bool IsSubHeader(GridRows g, int r, string word1, string word2)
    {
        var cells = g.NonEmpty(r);
        if (cells.Length == 0) return false;
        var named = false;
        foreach (var x in cells)
        {
            if (x.Cell.Number is not null) return false;
            named |= x.Compact.Contains(word1, StringComparison.Ordinal) || x.Compact.Contains(word2, StringComparison.Ordinal);
        }
        return named;
    }

    // ---------------------------------------------------------------- funds

    private enum FundCol { None, Label, Declared, Initial, Budget, Execution, Balance, Rate, Points, Score }

    private static FundCol ClassifyFund(string h)
    {
        if (IsBlockLabel(h)) return FundCol.None;
        if (h.Contains("资金来源") || h.Contains("项目") && h.Contains("来源")) return FundCol.Label;
        if (h.Contains("执行率")) return FundCol.Rate;
        if (h.Contains("目标申报")) return FundCol.Declared;
        if (h.Contains("预算编制") || h.Contains("年初预算")) return FundCol.Initial;
        if (h.Contains("全年预算") || h.Contains("调整后预算") || (h.Contains("预算数") && !h.Contains("执行"))) return FundCol.Budget;
        if (h.Contains("执行数") || h.Contains("全年执行") || h.Contains("实际支出")) return FundCol.Execution;
        if (h.Contains("结转") || h.Contains("结余")) return FundCol.Balance;
        if (h.Contains("分值")) return FundCol.Points;
        if (h.Contains("得分")) return FundCol.Score;
        return FundCol.None;
    }

    private static void ReadFunds(GridRows g, int header, int end, SelfEvaluationTable t, bool project)
    {
        var rows = IsSubHeader(g, header + 1, "目标申报", "预算编制") ? 2 : 1;
        var heads = HeaderTexts(g, header, rows);
        var cols = new Columns<FundCol>(heads, ClassifyFund);
        var firstAmount = int.MaxValue;
        foreach (var (c, kind) in cols.All)
            if (kind is not (FundCol.None or FundCol.Label)) { firstAmount = c; break; }
        var labelCol = cols.First(FundCol.Label);
        var (blockFrom, blockTo) = BlockLabelColumns(g, header);
        const string table = "资金投入情况";

        // The unit: in the block label (资金投入情况（万元）), a column header (全年预算数(元)), or a 单位 line above.
        for (var r = header; r < end && t.DeclaredUnit is null; r++)
            foreach (var x in g.NonEmpty(r))
                if (IsBlockLabel(x.Compact) || r < header + rows)
                    if (UnitIn(x.Cell.Text) is { } u) { t.DeclaredUnit = u; t.DeclaredUnitAt = Ref(g, r, x.Col, table); break; }
        for (var c = 0; c < g.ColumnCount(header) && t.DeclaredUnit is null; c++)
            if (g.MergeAt(header, c) is { } m && UnitIn(g.Text(m.Row1, m.Col1)) is { } u2)
            { t.DeclaredUnit = u2; t.DeclaredUnitAt = Ref(g, m.Row1, m.Col1, table); }
        for (var r = header - 1; r >= Math.Max(0, header - 4) && t.DeclaredUnit is null; r--)
            foreach (var x in g.NonEmpty(r))
                if (x.Compact.Contains("单位", StringComparison.Ordinal) && UnitIn(x.Cell.Text) is { } u3) { t.DeclaredUnit = u3; t.DeclaredUnitAt = Ref(g, r, x.Col, table); break; }

        // A row's figure of each kind: the first column of that kind with something in it.
        var values = new Figure?[FundColCount];
        for (var r = header + rows; r < end; r++)
        {
            string? label = null;
            var labelAt = -1;
            if (labelCol is { } lc && !string.IsNullOrWhiteSpace(g.Text(r, lc))) { label = g.Text(r, lc).Trim(); labelAt = lc; }
            else
                foreach (var x in g.NonEmpty(r))
                {
                    if (x.Col >= firstAmount) break;
                    if (IsBlockLabel(x.Compact) || x.Col >= blockFrom && x.Col <= blockTo && blockFrom < firstAmount - 1) continue;
                    label = x.Cell.Text.Trim();
                    labelAt = x.Col;
                }
            Array.Clear(values);
            var found = 0;
            foreach (var (c, kind) in cols.All)
            {
                if (kind is FundCol.None or FundCol.Label || values[(int)kind] is not null) continue;
                var cell = g.Cell(r, c);
                if (cell is null || string.IsNullOrWhiteSpace(cell.Text)) continue;
                values[(int)kind] = MakeFigure(cell, Ref(g, r, c, table, label, heads[c]));
                found++;
            }
            if (label is null && found == 0) continue;
            if (label is null) label = "";
            Figure Get(FundCol k) => values[(int)k] ?? Figure.Blank(Ref(g, r, cols.First(k) ?? 0, table, label, cols.First(k) is { } fc ? heads[fc] : null));
            Figure? Opt(FundCol k) => values[(int)k];
            t.Funds.Add(new FundRow
            {
                Label = label,
                Source = FundSources.Classify(label),
                InitialBudgetDeclared = Opt(FundCol.Declared),
                InitialBudget = Opt(FundCol.Initial),
                Budget = Get(FundCol.Budget),
                Execution = Get(FundCol.Execution),
                Balance = Opt(FundCol.Balance),
                Rate = Get(FundCol.Rate),
                Points = Opt(FundCol.Points),
                Score = Opt(FundCol.Score),
                At = Ref(g, r, Math.Max(0, labelAt), table, label),
            });
        }
        _ = project;
    }

    private static readonly int FundColCount = Enum.GetValues<FundCol>().Length;

    /// <summary>A block's columns left to right, each with its kind from its header text.</summary>
    private sealed class Columns<T> where T : struct, Enum
    {
        public Columns(Dictionary<int, string> heads, Func<string, T> classify)
        {
            All = new (int, T)[heads.Count];
            var i = 0;
            foreach (var (c, h) in heads) All[i++] = (c, classify(h));
            Array.Sort(All, (a, b) => a.Col.CompareTo(b.Col));
        }

        public (int Col, T Kind)[] All { get; }

        /// <summary>The leftmost column of a kind.</summary>
        public int? First(T kind)
        {
            foreach (var (c, k) in All)
                if (EqualityComparer<T>.Default.Equals(k, kind)) return c;
            return null;
        }
    }

    private static MoneyUnit? UnitIn(string? text)
    {
        // Every unit the pattern below accepts ends in 元.
        if (string.IsNullOrEmpty(text) || !text.Contains('元')) return null;
        var t = C(text);
        // Only a unit in brackets or after 单位: "（万元）", "(元)", "单位：元".
        var m = UnitRegex().Match(t);
        return m.Success ? MoneyUnits.FindIn(m.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"(?:（|单位：?)(亿元|万元|元)")]
    private static partial Regex UnitRegex();

    /// <summary>A figure from a cell: numbers keep their displayed text and exact value; text cells are parsed ("1,234.50", "96.2%").</summary>
    private static Figure MakeFigure(GridCell cell, SourceRef at)
    {
        var text = cell.Text.Trim();
        var parsed = Figure.Parse(text, at);
        if (cell.Number is not { } n) return parsed;
        // A number shown as a percentage (0.9 under "0.00%") is stated as 90.00: rates are percentages in the model.
        if (parsed.Value is not null && (text.EndsWith('%') || text.EndsWith('％'))) return parsed;
        return new Figure { Text = text, Value = parsed.Value is { } pv && pv == n ? pv : n, At = at };
    }

    // ---------------------------------------------------------------- management

    private static void ReadManagement(GridRows g, int header, int end, SelfEvaluationTable t)
    {
        var heads = HeaderTexts(g, header, 1);
        var desc = heads.Where(kv => kv.Value.Contains("情况说明")).Select(kv => kv.Key).OrderBy(x => x).ToList();
        var prob = heads.Where(kv => kv.Value.Contains("存在问题") || kv.Value.Contains("改进措施")).Select(kv => kv.Key).OrderBy(x => x).ToList();
        if (desc.Count == 0) return;
        var firstValue = Math.Min(desc[0], prob.DefaultIfEmpty(int.MaxValue).First());
        var (blockFrom, blockTo) = BlockLabelColumns(g, header);
        const string table = "资金管理情况";
        for (var r = header + 1; r < end; r++)
        {
            string? aspect = null;
            var aspectAt = -1;
            foreach (var x in g.NonEmpty(r))
            {
                if (x.Col >= firstValue) break;
                if (IsBlockLabel(x.Compact) || x.Col >= blockFrom && x.Col <= blockTo && blockFrom < firstValue - 1) continue;
                aspect = x.Cell.Text.Trim();
                aspectAt = x.Col;
            }
            var d = FirstText(g, r, desc);
            var p = FirstText(g, r, prob);
            if (aspect is null && d is null && p is null) continue;
            t.Management.Add(new ManagementItem
            {
                Aspect = aspect ?? "",
                Description = d,
                Problems = p,
                At = Ref(g, r, Math.Max(0, aspectAt), table, aspect),
            });
        }
    }

    private static string? FirstText(GridRows g, int r, List<int> cols)
    {
        foreach (var c in cols)
            if (g.Cell(r, c) is { } cell && !string.IsNullOrWhiteSpace(cell.Text)) return cell.Text.Trim();
        return null;
    }

    // ---------------------------------------------------------------- goals

    private static void ReadGoals(GridRows g, int header, int end, SelfEvaluationTable t)
    {
        var heads = HeaderTexts(g, header, 1);
        var goal = heads.Where(kv => kv.Value is "总体目标" or "预期目标" or "年度总体目标" or "绩效目标").Select(kv => kv.Key).OrderBy(x => x).ToList();
        var actual = heads.Where(kv => kv.Value.Contains("实际完成")).Select(kv => kv.Key).OrderBy(x => x).ToList();
        var goals = new List<string>();
        var actuals = new List<string>();
        for (var r = header + 1; r < end; r++)
        {
            if (FirstText(g, r, goal) is { } a) goals.Add(a);
            if (FirstText(g, r, actual) is { } b) actuals.Add(b);
        }
        t.OverallGoal = goals.Count > 0 ? string.Join("\n", goals) : null;
        t.OverallActual = actuals.Count > 0 ? string.Join("\n", actuals) : null;
        t.GoalsAt = Ref(g, header, goal.FirstOrDefault(), "总体目标");
    }

    // ---------------------------------------------------------------- indicators

    private enum IndCol { None, L1, L2, Name, Target, Adjusted, Actual, Weight, Score, Reason, Comparator, Unit }

    private static IndCol ClassifyIndicator(string h)
    {
        if (IsBlockLabel(h) && !h.StartsWith("绩效指标值", StringComparison.Ordinal)) return IndCol.None;
        if (h.StartsWith("一级", StringComparison.Ordinal)) return IndCol.L1;
        if (h.StartsWith("二级", StringComparison.Ordinal)) return IndCol.L2;
        if (h.StartsWith("三级", StringComparison.Ordinal) || h.Contains("指标名称") || h == "指标内容") return IndCol.Name;
        if (h.Contains("原因") || h.Contains("改进措施")) return IndCol.Reason;
        if (h.Contains("指标性质") || h.Contains("比较符") || h is "符号" or "运算符") return IndCol.Comparator;
        if (h.Contains("度量单位") || h.Contains("计量单位") || h == "单位") return IndCol.Unit;
        if (h.Contains("调整后")) return IndCol.Adjusted;
        if (h.Contains("年初指标") || h.Contains("年初目标")) return IndCol.Target;
        if (h.Contains("实际完成") || h.Contains("完成值") || h.Contains("实际值")) return IndCol.Actual;
        if (h.Contains("指标值") || h.Contains("目标值") || h.Contains("年度指标") || h.Contains("年度目标")) return IndCol.Target;
        if (h.Contains("权重") || h.Contains("分值")) return IndCol.Weight;
        if (h.Contains("得分")) return IndCol.Score;
        return IndCol.None;
    }

    private static void ReadIndicators(GridRows g, int header, int end, SelfEvaluationTable t, bool project)
    {
        var rows = IsSubHeader(g, header + 1, "年初指标", "调整后指标") ? 2 : 1;
        var heads = HeaderTexts(g, header, rows);
        var cols = new Columns<IndCol>(heads, ClassifyIndicator);
        var l1 = cols.First(IndCol.L1);
        var l2 = cols.First(IndCol.L2);
        var nameCols = cols.All.Where(x => x.Kind == IndCol.Name).Select(x => x.Col).ToList();
        const string table = "绩效指标";
        string curL1 = "", curL2 = "";
        for (var r = header + rows; r < end; r++)
        {
            var name = FirstText(g, r, nameCols);
            string? Val(IndCol k)
            {
                foreach (var (c, kind) in cols.All)
                    if (kind == k && g.Cell(r, c) is { } cell && !string.IsNullOrWhiteSpace(cell.Text)) return cell.Text.Trim();
                return null;
            }
            Figure? Fig(IndCol k)
            {
                foreach (var (c, kind) in cols.All)
                    if (kind == k && g.Cell(r, c) is { } cell && !string.IsNullOrWhiteSpace(cell.Text))
                        return MakeFigure(cell, Ref(g, r, c, table, name, heads[c]));
                // The column is there but the cell is empty: a blank figure (a missing score is itself a finding).
                return cols.First(k) is { } fc ? Figure.Blank(Ref(g, r, fc, table, name, heads[fc])) : null;
            }
            var a = l1 is { } c1 ? g.SpanText(r, c1).Trim() : "";
            var b = l2 is { } c2 ? g.SpanText(r, c2).Trim() : "";
            if (a.Length > 0 && a != curL1) { curL1 = a; if (b.Length == 0) curL2 = ""; }
            if (b.Length > 0) curL2 = b;
            var target = WithComparatorAndUnit(Val(IndCol.Target), Val(IndCol.Comparator), Val(IndCol.Unit));
            var actual = Val(IndCol.Actual);
            if (name is null && target is null && actual is null) continue;
            t.Indicators.Add(new IndicatorRow
            {
                Level1Label = curL1,
                Level1 = IndicatorLevels.Level1(curL1),
                Level2Label = curL2,
                Level2 = IndicatorLevels.Level2(curL2),
                Name = name ?? "",
                Target = target,
                AdjustedTarget = Val(IndCol.Adjusted),
                Actual = actual,
                DeviationReason = Val(IndCol.Reason),
                Weight = project ? Fig(IndCol.Weight) : null,
                Score = project ? Fig(IndCol.Score) : null,
                At = Ref(g, r, nameCols.FirstOrDefault(), table, name),
            });
        }
    }

    /// <summary>
    /// Layouts that give the comparator (指标性质: ≥ = ≤) and the unit (度量单位) their own columns (Sichuan, R1.18b):
    /// the target is read as the indicator language writes it, "≥1000人".
    /// </summary>
    private static string? WithComparatorAndUnit(string? target, string? comparator, string? unit)
    {
        if (target is null) return null;
        var t = target;
        if (unit is { Length: > 0 } u && !t.EndsWith(u, StringComparison.Ordinal) && NumberText.TryParse(t) is not null) t += u;
        if (comparator is { Length: > 0 } c && c.Length <= 3 && !"≥≤><=＝≈".Contains(t[0]))
        {
            var cmp = c.Replace(">=", "≥").Replace("<=", "≤").Replace("大于等于", "≥").Replace("小于等于", "≤").Replace("等于", "=");
            t = cmp + t;
        }
        return t;
    }

    // ---------------------------------------------------------------- 说明, scores

    private static void ReadRemarks(GridRows g, int r, SelfEvaluationTable t)
    {
        var cells = g.NonEmpty(r);
        var first = cells[0].Cell.Text.Trim();
        var rest = first.Length > 2 ? first[2..].TrimStart(' ', '：', ':', '\t').Trim() : "";
        var parts = new List<string>();
        if (rest.Length > 0) parts.Add(rest);
        parts.AddRange(cells.Skip(1).Select(x => x.Cell.Text.Trim()).Where(x => x.Length > 0));
        t.Remarks = parts.Count > 0 ? string.Join("\n", parts) : null;
        t.RemarksAt = Ref(g, r, cells.Length > 1 ? cells[1].Col : cells[0].Col, "说明");
    }

    private static bool IsNumeric(GridCell cell) => cell.Number is not null || NumberText.TryParse(cell.Text) is not null;

    private static void ReadScores(GridRows g, int from, int end, ProjectSelfEvaluation p)
    {
        for (var r = from; r < end; r++)
        {
            var cells = g.NonEmpty(r);
            for (var i = 0; i < cells.Length; i++)
            {
                var t = cells[i].Compact;
                Figure? Next() => i + 1 < cells.Length && cells[i + 1].Cell is { } nc && IsNumeric(nc)
                    ? MakeFigure(nc, Ref(g, r, cells[i + 1].Col, "总分", t))
                    : null;
                // "总分 | 100 | 98": under the 权重 and 得分 columns the row gives the weights' total, then the score.
                Figure? LastOfRun()
                {
                    var j = i + 1;
                    if (j >= cells.Length || !IsNumeric(cells[j].Cell)) return null;
                    while (j + 1 < cells.Length && IsNumeric(cells[j + 1].Cell)) j++;
                    return MakeFigure(cells[j].Cell, Ref(g, r, cells[j].Col, "总分", t));
                }
                if (t == L.ExecutionScore) p.StatedExecutionScore = Next();
                else if (t == L.IndicatorScore) p.StatedIndicatorScore = Next();
                else if (t is "总分" or "总得分" or "自评总分" or "合计得分") p.StatedTotalScore = LastOfRun();
                else if (t.StartsWith(L.Grade, StringComparison.Ordinal))
                {
                    var v = t[L.Grade.Length..].TrimStart('：');
                    if (v.Length == 0 && i + 1 < cells.Length) v = cells[i + 1].Compact;
                    if (v.Length > 0) { p.StatedGrade = v; p.StatedGradeAt = Ref(g, r, cells[i].Col, "总分", L.Grade); }
                }
                else if (t is "优" or "良" or "中" or "差" && p.StatedGrade is null)
                {
                    p.StatedGrade = t;
                    p.StatedGradeAt = Ref(g, r, cells[i].Col, "总分", L.Grade);
                }
            }
        }
    }
}
