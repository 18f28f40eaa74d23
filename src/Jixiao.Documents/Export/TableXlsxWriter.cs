using System.Globalization;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Documents.Xlsx;
using L = Jixiao.Documents.Export.TableLabels;

namespace Jixiao.Documents.Export;

/// <summary>
/// Writes a self-evaluation table (transfer-payment or project kind) as an .xlsx sheet in the official layout:
/// title, year line, header, the fund block, fund management (transfer kind), goals, the three-level indicator
/// block with merged level-1/level-2 cells, 说明, the score line (project kind) and the footnotes.
/// </summary>
public static class TableXlsxWriter
{
    private static readonly CellStyle Label = new(Font: CellFont.Body, Align: HAlign.Center);
    private static readonly CellStyle Header = new(Font: CellFont.Bold, Align: HAlign.Center);
    private static readonly CellStyle Body = new(Font: CellFont.Body, Align: HAlign.Left);
    private static readonly CellStyle BodyCenter = new(Font: CellFont.Body, Align: HAlign.Center);
    private static readonly CellStyle TitleStyle = new(Font: CellFont.Title, Border: false, Align: HAlign.Center);
    private static readonly CellStyle SubtitleStyle = new(Font: CellFont.Subtitle, Border: false, Align: HAlign.Center);
    private static readonly CellStyle AnnexStyle = new(Font: CellFont.Subtitle, Border: false, Align: HAlign.Left, Wrap: false);
    private static readonly CellStyle FootnoteStyle = new(Font: CellFont.Small, Border: false, Align: HAlign.Left);

    /// <summary>One table as a workbook (a second sheet holds a project's narrative, when it has one).</summary>
    public static byte[] Write(SelfEvaluationTable table) => Write([table]);

    /// <summary>Several tables in one workbook, one sheet each.</summary>
    public static byte[] Write(IReadOnlyList<SelfEvaluationTable> tables)
    {
        var sheets = new List<SheetSpec>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in tables)
        {
            var name = UniqueSheetName(SheetNameFor(t), names);
            sheets.Add(BuildSheet(t, name));
            if (t is ProjectSelfEvaluation { Narrative.Count: > 0 } p)
                sheets.Add(BuildNarrativeSheet(p, UniqueSheetName(Truncate(name, 25) + "自评说明", names)));
        }
        return XlsxBuilder.Build(sheets, tables.Count == 1 ? TitleOf(tables[0]) : "绩效自评表");
    }

    internal static string TitleOf(SelfEvaluationTable t)
    {
        if (!string.IsNullOrWhiteSpace(t.Title)) return t.Title;
        var name = t.FundName ?? "";
        return t switch
        {
            DepartmentSelfEvaluation => name + "部门整体支出绩效自评表",
            ProjectSelfEvaluation => name + "项目支出绩效自评表",
            _ => name + "转移支付绩效自评表",
        };
    }

    private static string SheetNameFor(SelfEvaluationTable t)
    {
        var n = !string.IsNullOrWhiteSpace(t.FundName) ? t.FundName! : t.Kind.ChineseName();
        return Truncate(n, 28);
    }

    private static string Truncate(string s, int max)
    {
        var clean = new string(s.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\' or '\'')).ToArray()).Trim();
        if (clean.Length == 0) clean = "自评表";
        return clean.Length <= max ? clean : clean[..max];
    }

    private static string UniqueSheetName(string name, HashSet<string> used)
    {
        var n = name;
        for (var i = 2; !used.Add(n); i++) n = Truncate(name, 27) + $"({i})";
        return n;
    }

    internal static SheetSpec BuildSheet(SelfEvaluationTable t, string sheetName)
    {
        var s = new SheetSpec(sheetName);
        var project = t is ProjectSelfEvaluation;
        var layout = project ? Layout.ForProject(t) : Layout.Transfer();
        var last = layout.Columns;
        foreach (var (c, w) in layout.Widths) s.ColumnWidths[c] = w;

        var r = 1;
        if (!string.IsNullOrWhiteSpace(t.AnnexLabel))
        {
            s.TextMerged(r, 1, r, 3, t.AnnexLabel, AnnexStyle);
            r++;
        }
        s.TextMerged(r, 1, r, last, TitleOf(t), TitleStyle);
        s.RowHeights[r] = 30;
        r++;
        if (t.Year is { } y)
        {
            s.TextMerged(r, 1, r, last, $"（{y.ToString(CultureInfo.InvariantCulture)}年度）", SubtitleStyle);
            r++;
        }

        if (!string.IsNullOrWhiteSpace(t.Unit) && t.Unit != (t.ImplementingUnit ?? t.CompetentDepartment))
        {
            s.TextMerged(r, 1, r, last, $"{UnitLineLabel}{t.Unit}", AnnexStyle);
            r++;
        }
        r = WriteHeader(s, t, layout, r);
        r = WriteFunds(s, t, layout, r);
        if (!project || t.Management.Count > 0) r = WriteManagement(s, t, layout, r);
        r = WriteGoals(s, t, layout, r);
        r = WriteIndicators(s, t, layout, r);
        if (t is ProjectSelfEvaluation p) r = WriteScores(s, p, layout, r);
        if (!project || t.Remarks is not null)
        {
            s.Text(r, 1, L.Remarks, Label);
            s.TextMerged(r, 2, r, last, t.Remarks, Body);
            r++;
        }
        var notes = t.Footnotes.Concat(AdjustmentNotes(t).Where(n => !t.Footnotes.Contains(n))).ToList();
        for (var i = 0; i < notes.Count; i++)
        {
            s.TextMerged(r, 1, r, last, FootnoteLine(notes, i), FootnoteStyle);
            r++;
        }
        EstimateRowHeights(s, layout);
        return s;
    }

    /// <summary>The line above the header naming the reporting organisation when it is not the table's own unit.</summary>
    public const string UnitLineLabel = "填报单位：";

    /// <summary>
    /// One note (注) per changed target (调整后指标) that the columns cannot tell in full: the original and the adjusted
    /// value, the reason, who and when. The transfer layout has no 调整后指标 column, so every change is noted; the
    /// project layout shows both values in its columns and notes only the reason and who made the change.
    /// </summary>
    public static IEnumerable<string> AdjustmentNotes(SelfEvaluationTable t)
    {
        var hasColumn = t is ProjectSelfEvaluation;
        foreach (var i in t.Indicators.Where(Core.Indicators.TargetChange.IsChanged))
        {
            if (hasColumn && string.IsNullOrWhiteSpace(i.Adjustment?.Reason) && string.IsNullOrWhiteSpace(i.Adjustment?.By)) continue;
            var note = $"{L.AdjustedTarget}：“{i.Name}”由年初指标值“{i.Target}”调整为“{i.AdjustedTarget}”";
            if (!string.IsNullOrWhiteSpace(i.Adjustment?.Reason)) note += $"，理由：{i.Adjustment.Reason.Trim().TrimEnd('。')}";
            if (!string.IsNullOrWhiteSpace(i.Adjustment?.By)) note += $"（{i.Adjustment.By}" + (i.Adjustment.At is { } at ? "，" + at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "") + "）";
            yield return note + "。";
        }
    }

    /// <summary>Footnote i as printed: "注：1.…" for the first, "2.…" after (the model holds the text without numbering).</summary>
    internal static string FootnoteLine(IReadOnlyList<string> notes, int i) =>
        (i == 0 ? "注：" : "") + (notes.Count > 1 ? $"{i + 1}." : "") + notes[i];

    /// <summary>Column plan of a sheet: the number of columns and where each block puts its cells.</summary>
    private sealed class Layout
    {
        public int Columns { get; init; }
        public Dictionary<int, double> Widths { get; init; } = [];
        public bool Project { get; init; }
        public bool HasDeclared { get; init; }
        public bool HasInitial { get; init; }
        public bool HasBalance { get; init; }
        public bool HasPoints { get; init; }
        public bool HasFundScore { get; init; }
        public bool HasAdjusted { get; init; }

        public static Layout Transfer() => new()
        {
            Columns = 7,
            Widths = new() { [1] = 10, [2] = 13, [3] = 15, [4] = 34, [5] = 17, [6] = 17, [7] = 34 },
        };

        public static Layout ForProject(SelfEvaluationTable t) => new()
        {
            Columns = 10,
            Project = true,
            Widths = new() { [1] = 10, [2] = 15, [3] = 13, [4] = 28, [5] = 15, [6] = 15, [7] = 15, [8] = 9, [9] = 9, [10] = 30 },
            HasDeclared = t.Funds.Exists(f => f.InitialBudgetDeclared is not null),
            HasInitial = t.Funds.Exists(f => f.InitialBudget is not null || f.InitialBudgetDeclared is not null),
            HasBalance = t.Funds.Exists(f => f.Balance is not null),
            HasPoints = t.Funds.Exists(f => f.Points is not null),
            HasFundScore = t.Funds.Exists(f => f.Score is not null),
            HasAdjusted = t.Indicators.Exists(i => i.AdjustedTarget is not null),
        };
    }

    private static int WriteHeader(SheetSpec s, SelfEvaluationTable t, Layout layout, int r)
    {
        var last = layout.Columns;
        if (layout.Project)
        {
            s.TextMerged(r, 1, r, 3, L.ProjectName, Label);
            s.TextMerged(r, 4, r, last, t.FundName, Body);
            r++;
            var pairs = new List<(string, string?)>();
            if (t.CentralDepartment is not null) pairs.Add((L.CentralDepartment, t.CentralDepartment));
            pairs.Add((L.CompetentDepartment, t.CompetentDepartment));
            pairs.Add((L.ImplementingUnit, t.ImplementingUnit));
            for (var i = 0; i < pairs.Count; i += 2)
            {
                s.TextMerged(r, 1, r, 3, pairs[i].Item1, Label);
                if (i + 1 < pairs.Count)
                {
                    s.TextMerged(r, 4, r, 5, pairs[i].Item2, Body);
                    s.TextMerged(r, 6, r, 7, pairs[i + 1].Item1, Label);
                    s.TextMerged(r, 8, r, last, pairs[i + 1].Item2, Body);
                }
                else s.TextMerged(r, 4, r, last, pairs[i].Item2, Body);
                r++;
            }
            return r;
        }
        s.TextMerged(r, 1, r, 3, L.TransferName, Label);
        s.TextMerged(r, 4, r, last, t.FundName, Body);
        r++;
        s.TextMerged(r, 1, r, 3, L.CentralDepartment, Label);
        s.TextMerged(r, 4, r, last, t.CentralDepartment, Body);
        r++;
        var rest = new List<(string, string?)>();
        if (t.LocalFinanceDepartment is not null) rest.Add((L.LocalFinanceDepartment, t.LocalFinanceDepartment));
        rest.Add((L.LocalCompetentDepartment, t.CompetentDepartment));
        rest.Add((L.FundUser, t.ImplementingUnit));
        for (var i = 0; i < rest.Count; i += 2)
        {
            s.TextMerged(r, 1, r, 3, rest[i].Item1, Label);
            if (i + 1 < rest.Count)
            {
                s.Text(r, 4, rest[i].Item2, Body);
                s.TextMerged(r, 5, r, 6, rest[i + 1].Item1, Label);
                s.Text(r, 7, rest[i + 1].Item2, Body);
            }
            else s.TextMerged(r, 4, r, last, rest[i].Item2, Body);
            r++;
        }
        return r;
    }

    private static string UnitSuffix(SelfEvaluationTable t) => t.DeclaredUnit is { } u ? $"（{u.ChineseName()}）" : "";

    private static int WriteFunds(SheetSpec s, SelfEvaluationTable t, Layout layout, int r)
    {
        var funds = t.Funds.Count > 0 ? t.Funds : DefaultFundRows(layout.Project);
        if (!layout.Project)
        {
            var top = r;
            s.Merge(r, 2, r, 3, Header);
            s.Text(r, 4, L.Budget, Header);
            s.TextMerged(r, 5, r, 6, L.Execution, Header);
            s.Text(r, 7, L.Rate, Header);
            r++;
            foreach (var f in funds)
            {
                s.TextMerged(r, 2, r, 3, f.Label, Body);
                WriteFigure(s, r, 4, f.Budget);
                s.Merge(r, 5, r, 6, Number);
                WriteFigure(s, r, 5, f.Execution);
                WriteRate(s, r, 7, f, budgetCol: 4, executionCol: 5);
                r++;
            }
            s.TextMerged(top, 1, r - 1, 1, L.FundInput + UnitSuffix(t), Label);
            return r;
        }

        // Project kind: 预算执行情况（元）| 资金来源 | 年初预算数 [目标申报 | 预算编制] | 全年预算数 | 全年执行数 | 结转结余 | 执行率 | 分值 | 得分
        var top2 = r;
        var twoRows = layout.HasDeclared;
        var hr = twoRows ? r + 1 : r;
        s.TextMerged(r, 2, hr, 2, L.FundSource, Header);
        if (layout.HasDeclared)
        {
            s.TextMerged(r, 3, r, 4, L.InitialBudget, Header);
            s.Text(hr, 3, L.InitialBudgetDeclared, Header);
            s.Text(hr, 4, L.InitialBudgetCompiled, Header);
        }
        else s.TextMerged(r, 3, hr, 4, L.InitialBudget, Header);
        s.TextMerged(r, 5, hr, 5, L.Budget, Header);
        s.TextMerged(r, 6, hr, 6, L.Execution, Header);
        s.TextMerged(r, 7, hr, 7, L.Balance, Header);
        s.TextMerged(r, 8, hr, 8, L.ProjectRate, Header);
        s.TextMerged(r, 9, hr, 9, L.Points, Header);
        s.TextMerged(r, 10, hr, 10, L.Score, Header);
        r = hr + 1;
        foreach (var f in funds)
        {
            s.Text(r, 2, f.Label, Body);
            if (layout.HasDeclared)
            {
                WriteFigure(s, r, 3, f.InitialBudgetDeclared);
                WriteFigure(s, r, 4, f.InitialBudget);
            }
            else
            {
                s.Merge(r, 3, r, 4, Number);
                WriteFigure(s, r, 3, f.InitialBudget);
            }
            WriteFigure(s, r, 5, f.Budget);
            WriteFigure(s, r, 6, f.Execution);
            WriteFigure(s, r, 7, f.Balance);
            WriteRate(s, r, 8, f, budgetCol: 5, executionCol: 6);
            WriteFigure(s, r, 9, f.Points);
            WriteFigure(s, r, 10, f.Score);
            r++;
        }
        s.TextMerged(top2, 1, r - 1, 1, L.ProjectFunds + UnitSuffix(t), Label);
        return r;
    }

    private static List<FundRow> DefaultFundRows(bool project) => project
        ? [new FundRow { Label = "年度资金总额", Source = FundSourceKind.Total }]
        : [
            new FundRow { Label = "年度资金总额", Source = FundSourceKind.Total },
            new FundRow { Label = "其中：中央财政资金", Source = FundSourceKind.Central },
            new FundRow { Label = "省级财政资金", Source = FundSourceKind.Provincial },
            new FundRow { Label = "市级财政资金", Source = FundSourceKind.City },
            new FundRow { Label = "县级财政资金", Source = FundSourceKind.County },
            new FundRow { Label = "其他资金（包括以前年度结转资金）", Source = FundSourceKind.Other },
        ];

    private static int WriteManagement(SheetSpec s, SelfEvaluationTable t, Layout layout, int r)
    {
        var last = layout.Columns;
        var items = t.Management.Count > 0
            ? t.Management
            : L.ManagementAspects.Select(a => new ManagementItem { Aspect = a }).ToList();
        var top = r;
        var descEnd = layout.Project ? 7 : 6;
        s.Merge(r, 2, r, 3, Header);
        s.TextMerged(r, 4, r, descEnd, L.ManagementDescription, Header);
        s.TextMerged(r, descEnd + 1, r, last, L.ManagementProblems, Header);
        r++;
        foreach (var m in items)
        {
            s.TextMerged(r, 2, r, 3, m.Aspect, BodyCenter);
            s.TextMerged(r, 4, r, descEnd, m.Description, Body);
            s.TextMerged(r, descEnd + 1, r, last, m.Problems, Body);
            r++;
        }
        s.TextMerged(top, 1, r - 1, 1, L.Management, Label);
        return r;
    }

    private static int WriteGoals(SheetSpec s, SelfEvaluationTable t, Layout layout, int r)
    {
        var last = layout.Columns;
        var split = layout.Project ? 5 : 4;
        s.TextMerged(r, 1, r + 1, 1, layout.Project ? L.ProjectGoals : L.Goals, Label);
        s.TextMerged(r, 2, r, split, layout.Project ? L.ProjectGoal : L.Goal, Header);
        s.TextMerged(r, split + 1, r, last, layout.Project ? L.ProjectGoalActual : L.GoalActual, Header);
        r++;
        s.TextMerged(r, 2, r, split, t.OverallGoal, Body);
        s.TextMerged(r, split + 1, r, last, t.OverallActual, Body);
        return r + 1;
    }

    private static int WriteIndicators(SheetSpec s, SelfEvaluationTable t, Layout layout, int r)
    {
        var top = r;
        if (!layout.Project)
        {
            s.Text(r, 2, L.Level1, Header);
            s.Text(r, 3, L.Level2, Header);
            s.Text(r, 4, L.Level3, Header);
            s.Text(r, 5, L.Target, Header);
            s.Text(r, 6, L.Actual, Header);
            s.Text(r, 7, L.Reason, Header);
            r++;
        }
        else
        {
            var hr = layout.HasAdjusted ? r + 1 : r;
            s.TextMerged(r, 2, hr, 2, L.Level1, Header);
            s.TextMerged(r, 3, hr, 3, L.Level2, Header);
            s.TextMerged(r, 4, hr, 4, L.Level3, Header);
            if (layout.HasAdjusted)
            {
                s.TextMerged(r, 5, r, 6, L.YearTarget, Header);
                s.Text(hr, 5, L.InitialTarget, Header);
                s.Text(hr, 6, L.AdjustedTarget, Header);
            }
            else s.TextMerged(r, 5, hr, 6, L.YearTarget, Header);
            s.TextMerged(r, 7, hr, 7, L.ProjectActual, Header);
            s.TextMerged(r, 8, hr, 8, L.Weight, Header);
            s.TextMerged(r, 9, hr, 9, L.Score, Header);
            s.TextMerged(r, 10, hr, 10, L.ProjectReason, Header);
            r = hr + 1;
        }
        var first = r;
        var rows = t.Indicators;
        var i = 0;
        while (i < rows.Count)
        {
            // Level 1 group: consecutive rows with the same level-1 label.
            var j = i;
            while (j + 1 < rows.Count && rows[j + 1].Level1Label == rows[i].Level1Label) j++;
            s.TextMerged(r, 2, r + (j - i), 2, rows[i].Level1Label, BodyCenter);
            var k = i;
            while (k <= j)
            {
                var m = k;
                while (m + 1 <= j && rows[m + 1].Level2Label == rows[k].Level2Label) m++;
                s.TextMerged(r + (k - i), 3, r + (m - i), 3, rows[k].Level2Label, BodyCenter);
                k = m + 1;
            }
            for (var n = i; n <= j; n++)
            {
                var row = r + (n - i);
                var ind = rows[n];
                s.Text(row, 4, ind.Name, Body);
                if (!layout.Project)
                {
                    s.Text(row, 5, ind.Target, BodyCenter);
                    s.Text(row, 6, ind.Actual, BodyCenter);
                    s.Text(row, 7, ind.DeviationReason, Body);
                }
                else
                {
                    if (layout.HasAdjusted)
                    {
                        s.Text(row, 5, ind.Target, BodyCenter);
                        s.Text(row, 6, ind.AdjustedTarget, BodyCenter);
                    }
                    else s.TextMerged(row, 5, row, 6, ind.Target, BodyCenter);
                    s.Text(row, 7, ind.Actual, BodyCenter);
                    WriteFigure(s, row, 8, ind.Weight);
                    WriteFigure(s, row, 9, ind.Score);
                    s.Text(row, 10, ind.DeviationReason, Body);
                }
            }
            r += j - i + 1;
            i = j + 1;
        }
        if (rows.Count == 0)
        {
            for (var c = 2; c <= layout.Columns; c++) s.Text(r, c, null, Body);
            r++;
        }
        s.TextMerged(top, 1, r - 1, 1, L.Indicators, Label);
        _ = first;
        return r;
    }

    private static int WriteScores(SheetSpec s, ProjectSelfEvaluation p, Layout layout, int r)
    {
        if (p.StatedExecutionScore is null && p.StatedIndicatorScore is null && p.StatedTotalScore is null && p.StatedGrade is null)
            return r;
        s.TextMerged(r, 1, r, 3, L.ExecutionScore, Label);
        WriteFigure(s, r, 4, p.StatedExecutionScore);
        s.TextMerged(r, 5, r, 6, L.IndicatorScore, Label);
        WriteFigure(s, r, 7, p.StatedIndicatorScore);
        s.Text(r, 8, L.TotalScore, Label);
        WriteFigure(s, r, 9, p.StatedTotalScore);
        s.Text(r, 10, p.StatedGrade is null ? null : $"{L.Grade}：{p.StatedGrade}", BodyCenter);
        return r + 1;
    }

    private static readonly CellStyle Number = new(Font: CellFont.Body, Align: HAlign.Right, Wrap: false);

    /// <summary>
    /// Writes a stated figure so that the cell shows exactly its text: a number with a format reproducing the
    /// text's grouping and decimals when one does, else the text itself.
    /// </summary>
    internal static void WriteFigure(SheetSpec s, int row, int col, Figure? f)
    {
        if (f is null || f.IsBlank) { s.Put(row, col, new CellSpec { Style = Number }); return; }
        if (f.Value is { } v && ExcelNumberFormat.ForText(f.Text, v) is { } code)
            s.Put(row, col, new CellSpec { Number = v, Style = Number with { NumberFormat = code } });
        else
            s.Put(row, col, new CellSpec { Text = f.Text, Style = Number });
    }

    /// <summary>
    /// The rate cell: a formula =IF(A=0,"",ROUND(B/A*100,2)) with the stated value cached when the stated rate is
    /// that value (so editing A or B keeps the table consistent); #DIV/0! as the formula B/A with a cached error;
    /// any other stated text (a wrong rate, "100" under a cut budget) is kept as written so the checks still see it.
    /// </summary>
    private static void WriteRate(SheetSpec s, int row, int col, FundRow f, int budgetCol, int executionCol)
    {
        var a = $"{XlsxBuilder.ColumnName(budgetCol)}{row}";
        var b = $"{XlsxBuilder.ColumnName(executionCol)}{row}";
        var rate = f.Rate;
        var aCellNumeric = f.Budget.Value is not null && ExcelNumberFormat.ForText(f.Budget.Text, f.Budget.Value.Value) is not null;
        var bCellNumeric = f.Execution.Value is not null && ExcelNumberFormat.ForText(f.Execution.Text, f.Execution.Value.Value) is not null;
        if (rate.Text is "#DIV/0!" && (f.Budget.Value ?? 0m) == 0m && aCellNumeric)
        {
            s.Put(row, col, new CellSpec { Formula = $"{b}/{a}", Error = "#DIV/0!", Style = Number });
            return;
        }
        if (rate.Value is { } v && aCellNumeric && bCellNumeric && Rates.Percent(f.Execution.Value, f.Budget.Value) == v
            && ExcelNumberFormat.ForText(rate.Text, v) is { } code)
        {
            s.Put(row, col, new CellSpec
            {
                Formula = $"IF({a}=0,\"\",ROUND({b}/{a}*100,2))",
                Number = v,
                Style = Number with { NumberFormat = code },
            });
            return;
        }
        WriteFigure(s, row, col, rate);
    }

    private static SheetSpec BuildNarrativeSheet(ProjectSelfEvaluation p, string name)
    {
        var s = new SheetSpec(name) { Landscape = false };
        s.ColumnWidths[1] = 90;
        var r = 1;
        s.Text(r++, 1, TitleOf(p) + " 自评说明", new CellStyle(Font: CellFont.Subtitle, Border: false, Align: HAlign.Center));
        foreach (var sec in p.Narrative)
        {
            s.Text(r++, 1, SectionHeading(sec), new CellStyle(Font: CellFont.Bold, Border: false));
            if (!string.IsNullOrEmpty(sec.Text)) s.Text(r++, 1, sec.Text, new CellStyle(Font: CellFont.Body, Border: false));
        }
        EstimateRowHeights(s, null);
        return s;
    }

    /// <summary>
    /// A section's heading line as printed from its bare number and outline level (the model keeps "一" for both
    /// 一、 and （一）): level 1 "一、…", level 2 "（一）…", level 3 "1.…", level 4 "(1)…"; a number that already
    /// carries its brackets or is circled (①) is printed as it is.
    /// </summary>
    public static string SectionHeading(ReportSection sec)
    {
        var n = sec.Number;
        if (n.Length == 0) return sec.Heading;
        var first = n[0];
        if (first is '（' or '(' or '〔' || (first >= '①' && first <= '⑳')) return n + sec.Heading;
        return sec.Level switch
        {
            2 => $"（{n}）{sec.Heading}",
            4 => $"({n}){sec.Heading}",
            3 => $"{n}.{sec.Heading}",
            _ when char.IsAsciiDigit(first) => $"{n}.{sec.Heading}",
            _ => $"{n}、{sec.Heading}",
        };
    }

    /// <summary>
    /// Sets each row's height from the text it must hold in its (merged) width, so wrapped text is never cut off in
    /// the PDF; LibreOffice and Excel do not grow rows of merged cells by themselves.
    /// </summary>
    private static void EstimateRowHeights(SheetSpec s, Layout? layout)
    {
        _ = layout;
        var mergeAt = new Dictionary<(int, int), (int R2, int C2)>();
        foreach (var (r1, c1, r2, c2) in s.Merges) mergeAt[(r1, c1)] = (r2, c2);
        var need = new Dictionary<int, double>();
        foreach (var ((row, col), cell) in s.Cells)
        {
            var text = cell.Text;
            if (string.IsNullOrEmpty(text) || cell.Formula is not null) continue;
            var (r2, c2) = mergeAt.TryGetValue((row, col), out var m) ? m : (row, col);
            double width = 0;
            for (var c = col; c <= c2; c++) width += s.ColumnWidths.GetValueOrDefault(c, 9);
            var fontPt = cell.Style.Font switch { CellFont.Title => 18, CellFont.Subtitle => 12, CellFont.Small => 9, _ => 10.5 };
            var scale = fontPt / 10.5;
            var usable = Math.Max(2, width - 1.2);
            var lines = 0;
            foreach (var seg in text.Split('\n'))
                lines += Math.Max(1, (int)Math.Ceiling(DisplayWidth(seg) * scale / usable));
            var height = lines * fontPt * 1.45 + 5;
            var rowsSpanned = r2 - row + 1;
            var per = height / rowsSpanned;
            for (var r = row; r <= r2; r++) need[r] = Math.Max(need.GetValueOrDefault(r), per);
        }
        foreach (var (r, h) in need)
            s.RowHeights[r] = Math.Max(s.RowHeights.GetValueOrDefault(r), Math.Round(Math.Max(h, 20), 1));
    }

    /// <summary>Width in Excel column units of a text: about 2 units per CJK character and 1 per Latin one.</summary>
    internal static double DisplayWidth(string s)
    {
        double w = 0;
        foreach (var c in s) w += c >= 0x2E80 ? 2.0 : 1.05;
        return w;
    }
}
