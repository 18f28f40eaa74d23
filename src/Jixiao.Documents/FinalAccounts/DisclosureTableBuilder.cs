using System.Text.RegularExpressions;
using Jixiao.Core.Checks;
using Jixiao.Core.Classification;
using Jixiao.Core.FinalAccounts;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Core.Provenance;

namespace Jixiao.Documents.FinalAccounts;

/// <summary>
/// Turns a <see cref="RawTable"/> (rows of cells from a text file or a sheet) into the typed table of its kind.
/// Columns are found by their header labels (spaces inside words removed), with the standard layout as the
/// fallback; rows by their codes and labels. Anything that cannot be placed is reported, never dropped.
/// </summary>
internal sealed partial class DisclosureTableBuilder(ReaderLog log, int? year)
{
    private readonly ClassificationCatalogue _catalogue = ClassificationCatalogue.Default;

    public DisclosureTable Build(RawTable raw)
    {
        DisclosureTable table = raw.Kind switch
        {
            DisclosureTableKind.IncomeExpenditureSummary => BuildSummary(raw),
            DisclosureTableKind.AppropriationSummary => BuildAppropriation(raw),
            DisclosureTableKind.Income => BuildCoded(raw, new IncomeTable(), IncomeFields),
            DisclosureTableKind.Expenditure => BuildCoded(raw, new ExpenditureTable(), ExpenditureFields),
            DisclosureTableKind.GeneralBudgetExpenditure => BuildCoded(raw, new GeneralBudgetTable(), GeneralBudgetFields),
            DisclosureTableKind.GovernmentFunds => BuildCoded(raw, new GovernmentFundTable(), GovernmentFundFields),
            DisclosureTableKind.StateCapital => BuildCoded(raw, new StateCapitalTable(), StateCapitalFields),
            DisclosureTableKind.EconomicDetail => BuildEconomic(raw),
            DisclosureTableKind.ThreePublicExpenses => BuildThreePublic(raw),
            DisclosureTableKind.Statistics => BuildStatistics(raw),
            _ => throw new ArgumentOutOfRangeException(nameof(raw)),
        };
        table.Title = raw.Title;
        table.PrintedNumber = raw.PrintedNumber;
        table.Unit = raw.Unit;
        table.At = raw.At with { Table = table.Label };
        table.Notes.AddRange(raw.Notes);
        if (raw.EmptyNote is not null) { table.IsEmptyDeclared = true; table.EmptyNote = raw.EmptyNote; }
        if (table is not StatisticsTable) CheckPrecision(table);
        return table;
    }

    // ---------------------------------------------------------------- helpers

    private static string Label(DisclosureTableKind kind) => DisclosureTables.StandardNumber(kind);

    private Figure Fig(GridRow row, int col, DisclosureTableKind kind, string rowLabel, string column)
    {
        var at = row.CellAt(col) with { Table = Label(kind), Row = rowLabel, Column = column };
        if (col < 0 || col >= row.Count) return Figure.Blank(at);
        var f = Figure.Parse(row[col], at);
        if (FigureValues.IsUnparsable(f))
            log.Add(FinalAccountsReaderRules.Cell, Severity.Warning, at, $"单元格应为金额，实为“{f.Text}”，无法读作数字。", f.Text);
        return f;
    }

    private static bool IsNumberCell(string s) => NumberText.TryParse(s) is not null;

    /// <summary>A row of column numbers: "栏次", or all cells small integers 1, 2, 3 … (or "1.00").</summary>
    private static bool IsColumnNumberRow(GridRow row)
    {
        if (row.Compact(0).StartsWith("栏次", StringComparison.Ordinal)) return true;
        var nums = row.Cells.Where(c => !string.IsNullOrWhiteSpace(c.Text)).Select(c => NumberText.TryParse(c.Text)).ToList();
        if (nums.Count < 2 || nums.Any(n => n is null)) return false;
        var ints = nums.Select(n => n!.Value).ToList();
        if (ints.Any(n => n != Math.Truncate(n) || n < 1 || n > 40)) return false;
        for (var i = 1; i < ints.Count; i++) if (ints[i] != ints[i - 1] + 1) return false;
        return true;
    }

    private static bool IsNoteText(string compact) =>
        compact.StartsWith("注", StringComparison.Ordinal) && (compact.Length > 1 && compact[1] is '：' or ':' or '1' or '１' || compact.StartsWith("注释", StringComparison.Ordinal))
        || compact.StartsWith("说明：", StringComparison.Ordinal) || compact.StartsWith("本表", StringComparison.Ordinal)
        || compact.StartsWith("备注", StringComparison.Ordinal);

    public static bool IsEmptyStatement(string compact) =>
        compact.Contains("本表无数据") || compact.Contains("无此项") || compact.Contains("本表为空") || compact.Contains("无数据")
        || compact.Contains("本单位无") && compact.Contains("表");

    /// <summary>Moves a note row (注：…, 说明：本表无数据) to the table's notes; true when the row was one.</summary>
    private static bool TakeNote(RawTable raw, GridRow row)
    {
        var first = row.Cells.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Text));
        if (first is null) return false;
        var t = CoreText.Compact(first.Text);
        if (!IsNoteText(t)) return false;
        var all = string.Join("", row.Cells.Select(c => c.Text.Trim()).Where(x => x.Length > 0).Distinct());
        raw.Notes.Add(all.Trim());
        if (IsEmptyStatement(CoreText.Compact(all))) raw.EmptyNote ??= all.Trim();
        return true;
    }

    /// <summary>Column labels: the header rows' cells joined top to bottom (compact). The top row's labels
    /// spread right over blank cells when <paramref name="spreadTop"/> (merged group headers).</summary>
    private static string[] ColumnLabels(IReadOnlyList<GridRow> header, int width, bool spreadTop = false)
    {
        var labels = new string[width];
        for (var c = 0; c < width; c++) labels[c] = "";
        for (var r = 0; r < header.Count; r++)
        {
            var last = "";
            for (var c = 0; c < width; c++)
            {
                var t = header[r].Compact(c);
                if (t.Length > 0) last = t;
                else if (r == 0 && spreadTop) t = last;
                labels[c] += t;
            }
        }
        return labels;
    }

    private static int Width(RawTable raw) => raw.Rows.Count == 0 ? 0 : raw.Rows.Max(r => r.Count);

    [GeneratedRegex(@"^(\d{3}(?:\d{2}){0,2})\s*(\D.*)?$")]
    private static partial Regex CodeAndName();

    /// <summary>"2080109社会保险经办机构" → ("2080109", "社会保险经办机构").</summary>
    private static (string? Code, string Remainder) SplitCode(string compact)
    {
        var m = CodeAndName().Match(compact);
        return m.Success ? (m.Groups[1].Value, m.Groups[2].Value) : (null, compact);
    }

    private void CheckPrecision(DisclosureTable table)
    {
        var figs = table.AllFigures().Where(f => f.Value is { } v && v != 0m && f.Text is not null).ToList();
        if (figs.Count < 3) return;
        var dominant = figs.GroupBy(f => Rates.DecimalsOf(f.Text)).OrderByDescending(g => g.Count()).First().Key;
        foreach (var f in figs)
        {
            var d = Rates.DecimalsOf(f.Text);
            if (d < dominant)
                log.Add(FinalAccountsReaderRules.Precision, Severity.Info, f.At,
                    $"金额“{f.Text}”的小数位数（{d} 位）少于本表其他金额（{dominant} 位），可能在转换中被截断；核对时按其印刷精度比较。", f.Text);
        }
    }

    // ---------------------------------------------------------------- coded tables (02, 03, 05, 08, 09)

    private sealed record Field<TRow>(string Name, Func<string, bool> Matches, Action<TRow, Figure> Set);

    private static Field<T> F<T>(string name, Func<string, bool> m, Action<T, Figure> set) => new(name, m, set);

    private static readonly Field<IncomeRow>[] IncomeFields =
    [
        F<IncomeRow>("本年收入合计", l => l.Contains("收入合计") || l == "合计" || l.EndsWith("合计", StringComparison.Ordinal) && !l.Contains("其他"), (r, f) => r.Total = f),
        F<IncomeRow>("财政拨款收入", l => l.Contains("财政拨款"), (r, f) => r.Appropriation = f),
        F<IncomeRow>("上级补助收入", l => l.Contains("上级补助"), (r, f) => r.UpperSubsidy = f),
        F<IncomeRow>("事业收入", l => l.Contains("事业收入"), (r, f) => r.Business = f),
        F<IncomeRow>("经营收入", l => l.Contains("经营收入"), (r, f) => r.Operating = f),
        F<IncomeRow>("附属单位上缴收入", l => l.Contains("附属单位"), (r, f) => r.Affiliated = f),
        F<IncomeRow>("其他收入", l => l.Contains("其他收入"), (r, f) => r.Other = f),
    ];

    private static readonly Field<ExpenditureRow>[] ExpenditureFields =
    [
        F<ExpenditureRow>("本年支出合计", l => l.Contains("支出合计") || l == "合计" || l.EndsWith("合计", StringComparison.Ordinal), (r, f) => r.Total = f),
        F<ExpenditureRow>("基本支出", l => l.Contains("基本支出"), (r, f) => r.Basic = f),
        F<ExpenditureRow>("项目支出", l => l.Contains("项目支出"), (r, f) => r.Project = f),
        F<ExpenditureRow>("上缴上级支出", l => l.Contains("上缴上级"), (r, f) => r.RemitToUpper = f),
        F<ExpenditureRow>("经营支出", l => l.Contains("经营支出"), (r, f) => r.Operating = f),
        F<ExpenditureRow>("对附属单位补助支出", l => l.Contains("附属单位"), (r, f) => r.SubsidyToAffiliated = f),
    ];

    private static readonly Field<GeneralBudgetRow>[] GeneralBudgetFields =
    [
        F<GeneralBudgetRow>("年初预算数", l => l.Contains("年初预算"), (r, f) => r.InitialBudget = f),
        F<GeneralBudgetRow>("调整预算数", l => l.Contains("调整预算") || l.Contains("全年预算"), (r, f) => r.AdjustedBudget = f),
        F<GeneralBudgetRow>("小计", l => l.Contains("小计") || l.Contains("合计") || l.EndsWith("本年支出", StringComparison.Ordinal) || l.Contains("决算数") && !l.Contains("基本") && !l.Contains("项目"), (r, f) => r.Total = f),
        F<GeneralBudgetRow>("基本支出", l => l.Contains("基本支出"), (r, f) => r.Basic = f),
        F<GeneralBudgetRow>("项目支出", l => l.Contains("项目支出"), (r, f) => r.Project = f),
    ];

    private static readonly Field<GovernmentFundRow>[] GovernmentFundFields =
    [
        F<GovernmentFundRow>("年初结转和结余", l => l.Contains("年初"), (r, f) => r.OpeningBalance = f),
        F<GovernmentFundRow>("本年收入", l => l.Contains("本年收入"), (r, f) => r.Income = f),
        F<GovernmentFundRow>("本年支出小计", l => l.Contains("小计") || l.Contains("支出合计") || l.EndsWith("本年支出", StringComparison.Ordinal), (r, f) => r.ExpenditureTotal = f),
        F<GovernmentFundRow>("基本支出", l => l.Contains("基本支出"), (r, f) => r.Basic = f),
        F<GovernmentFundRow>("项目支出", l => l.Contains("项目支出"), (r, f) => r.Project = f),
        F<GovernmentFundRow>("年末结转和结余", l => l.Contains("年末"), (r, f) => r.ClosingBalance = f),
    ];

    private static readonly Field<StateCapitalRow>[] StateCapitalFields =
    [
        F<StateCapitalRow>("合计", l => l.Contains("合计") || l.Contains("小计") || l.EndsWith("本年支出", StringComparison.Ordinal), (r, f) => r.Total = f),
        F<StateCapitalRow>("基本支出", l => l.Contains("基本支出"), (r, f) => r.Basic = f),
        F<StateCapitalRow>("项目支出", l => l.Contains("项目支出"), (r, f) => r.Project = f),
    ];

    private static bool IsTotalLabel(string compact) => compact is "合计" or "总计" or "本年合计" or "支出合计" or "收入合计";

    /// <summary>The first data row: a 合计 row or a coded row, after the header rows.</summary>
    private static int FirstCodedDataRow(RawTable raw)
    {
        for (var i = 0; i < raw.Rows.Count; i++)
        {
            var row = raw.Rows[i];
            for (var c = 0; c < Math.Min(2, row.Count); c++)
            {
                var t = row.Compact(c);
                if (IsTotalLabel(t) || SplitCode(t).Code is not null && !IsColumnNumberRow(row)) return i;
            }
        }
        return raw.Rows.Count;
    }

    private TTable BuildCoded<TTable, TRow>(RawTable raw, TTable table, Field<TRow>[] fields)
        where TTable : CodedTable<TRow> where TRow : CodedRow, new()
    {
        var kind = table.TableKind;
        var width = Width(raw);
        var first = FirstCodedDataRow(raw);
        var header = raw.Rows.Take(first).Where(r => !IsColumnNumberRow(r) && !r.IsEmpty).ToList();
        var labels = ColumnLabels(header, width, spreadTop: true);
        var codeCol = Array.FindIndex(labels, l => l.Contains("编码") || l.Contains("代码"));
        if (codeCol < 0) codeCol = 0;
        var nameCol = Array.FindIndex(labels, l => l.Contains("名称"));
        if (nameCol < 0 || nameCol == codeCol) nameCol = codeCol + 1;
        var firstFigureCol = Math.Max(codeCol, nameCol) + 1;

        // Map columns to fields by their labels; the standard order is the fallback.
        var colOf = new int[fields.Length];
        Array.Fill(colOf, -1);
        for (var c = firstFigureCol; c < width; c++)
        {
            var label = labels[c];
            // The group label spread over the sub-columns ("本年支出小计", "本年支出基本支出"): match the most specific part first.
            for (var f = 0; f < fields.Length; f++)
            {
                if (colOf[f] >= 0 || !fields[f].Matches(label)) continue;
                if (fields.Skip(f + 1).Any(g => g.Matches(label) && g.Name.Length > 2 && label.EndsWith(g.Name, StringComparison.Ordinal) && !label.EndsWith(fields[f].Name, StringComparison.Ordinal)))
                    continue;
                colOf[f] = c;
                break;
            }
        }
        if (colOf.All(c => c < 0))
        {
            if (header.Count > 0)
                log.Add(FinalAccountsReaderRules.Layout, Severity.Info, raw.At with { Table = Label(kind) }, "未能从表头识别各金额栏，按标准栏目顺序读取。");
            var standard = fields.Where(f => f.Name is not ("年初预算数" or "调整预算数")).ToList();
            for (var i = 0; i < standard.Count; i++) colOf[Array.IndexOf(fields, standard[i])] = firstFigureCol + i;
        }
        var mapped = new HashSet<int>(colOf.Where(c => c >= 0));
        for (var c = firstFigureCol; c < width; c++)
            if (!mapped.Contains(c) && raw.Rows.Skip(first).Any(r => IsNumberCell(r[c])))
                log.Add(FinalAccountsReaderRules.Layout, Severity.Warning, raw.At with { Table = Label(kind), Column = labels[c] },
                    $"第 {c + 1} 栏（“{labels[c]}”）有金额但无法对应到本表的标准栏目，未读入。");

        TRow? previous = null;
        string? lastClass = null, lastItem = null;
        for (var i = first; i < raw.Rows.Count; i++)
        {
            var row = raw.Rows[i];
            if (row.IsEmpty || IsColumnNumberRow(row) || TakeNote(raw, row)) continue;
            var codeText = row.Compact(codeCol);
            var nameText = row.Compact(nameCol);
            var hasFigures = colOf.Any(c => c >= 0 && !string.IsNullOrWhiteSpace(row[c]));
            string? code = null;
            var name = nameText;
            if (IsTotalLabel(codeText) || codeText.Length == 0 && IsTotalLabel(nameText))
            {
                var total = MakeRow<TRow>(row, kind, fields, colOf, null, "合计");
                if (table.Total is null) table.Total = total;
                else log.Add(FinalAccountsReaderRules.Unplaced, Severity.Warning, row.At with { Table = Label(kind) }, "本表出现第二个“合计”行，未读入。", row.JoinedCompact);
                previous = null;
                continue;
            }
            if (codeText.Length > 0)
            {
                var (c, rest) = SplitCode(codeText);
                if (c is not null) { code = c; if (name.Length == 0) name = rest; }
            }
            else if (SplitCode(nameText) is { Code: { } c2 } split)
            {
                code = c2; name = split.Remainder;
            }
            if (code is null && codeText.Length == 0 && name.Length > 0 && !hasFigures && previous is not null)
            {
                previous.Name += name; // a name continued on the next line ("其他社会保障" + "和就业支出")
                continue;
            }
            if (code is null && (codeText.Length > 0 || name.Length > 0))
            {
                // No code printed: find it by name (类, then 款 under the last 类, then 项 under the last 款).
                var guess = _catalogue.FindByName(ClassificationKind.Function, name, 3, year: year)
                    ?? (lastClass is null ? null : _catalogue.FindByName(ClassificationKind.Function, name, 5, lastClass, year))
                    ?? (lastItem is null ? null : _catalogue.FindByName(ClassificationKind.Function, name, 7, lastItem, year));
                if (guess is not null && codeText.Length == 0)
                {
                    code = guess.Code;
                    log.Add(FinalAccountsReaderRules.Layout, Severity.Info, row.At with { Table = Label(kind), Row = name }, $"该行未印科目编码，按名称取为 {code}。");
                }
                else
                {
                    log.Add(FinalAccountsReaderRules.Layout, Severity.Warning, row.At with { Table = Label(kind), Row = codeText + name },
                        "该行没有可识别的功能分类科目编码，按无编码行读入，未参加层级核对。", row.JoinedCompact);
                    name = codeText.Length > 0 && name.Length == 0 ? codeText : (codeText.Length > 0 ? codeText + name : name);
                }
            }
            var r = MakeRow<TRow>(row, kind, fields, colOf, code, name);
            table.Rows.Add(r);
            previous = r;
            if (CodeLevels.Of(code) == CodeLevel.Class) { lastClass = code; lastItem = null; }
            else if (CodeLevels.Of(code) == CodeLevel.Item) lastItem = code;
        }
        return table;
    }

    private TRow MakeRow<TRow>(GridRow row, DisclosureTableKind kind, Field<TRow>[] fields, int[] colOf, string? code, string name) where TRow : CodedRow, new()
    {
        var r = new TRow { Code = code, Name = name, At = row.At with { Table = Label(kind), Row = code is null ? name : $"{code} {name}" } };
        var rowLabel = r.At.Row ?? name;
        for (var f = 0; f < fields.Length; f++)
        {
            if (colOf[f] < 0)
            {
                // Optional columns (年初预算数, 调整预算数) stay null when the table has none.
                if (fields[f].Name is "年初预算数" or "调整预算数") continue;
                fields[f].Set(r, Figure.Blank(row.At with { Table = Label(kind), Row = rowLabel, Column = fields[f].Name }));
                continue;
            }
            fields[f].Set(r, Fig(row, colOf[f], kind, rowLabel, fields[f].Name));
        }
        return r;
    }
}
