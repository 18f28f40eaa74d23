using Jixiao.Core.Checks;
using Jixiao.Core.Classification;
using Jixiao.Core.FinalAccounts;
using Jixiao.Core.Model;

namespace Jixiao.Documents.FinalAccounts;

internal sealed partial class DisclosureTableBuilder
{
    /// <summary>The column layout of a two-sided table (公开01 / 公开04): label, 行次 and figure columns per side.</summary>
    private sealed record Side(int Label, int LineNo, int[] Figures, string[] FigureLabels);

    private sealed class RawLine
    {
        public string Label = "";
        public string? LineNo;
        public GridRow Row = null!;
        public Side Side = null!;
    }

    /// <summary>Finds the 收入 and 支出 sides from the header ("项目 | 行次 | 决算数 | 项目 | 行次 | …").</summary>
    private (Side Income, Side Expenditure, int FirstData) TwoSides(RawTable raw, int expenditureFigures)
    {
        var width = Width(raw);
        var first = 0;
        var projectCols = new List<int>();
        var lineNoCols = new List<int>();
        for (var i = 0; i < Math.Min(raw.Rows.Count, 6); i++)
        {
            var row = raw.Rows[i];
            var isHeader = false;
            for (var c = 0; c < row.Count; c++)
            {
                var t = row.Compact(c);
                if (t is "项目" or "收入项目" or "支出项目") { if (!projectCols.Contains(c)) projectCols.Add(c); isHeader = true; }
                if (t is "行次") { lineNoCols.Add(c); isHeader = true; }
                if (t is "收入" or "支出" or "栏次" || t.StartsWith("栏次", StringComparison.Ordinal)) isHeader = true;
            }
            if (!isHeader && (IsColumnNumberRow(row) || row.IsEmpty)) isHeader = true;
            if (isHeader) first = i + 1; else break;
        }
        var header = raw.Rows.Take(first).Where(r => !IsColumnNumberRow(r) && !r.Compact(0).StartsWith("栏次", StringComparison.Ordinal)).ToList();
        var labels = ColumnLabels(header, width);
        int inLabel = 0, exLabel;
        if (projectCols.Count >= 2) { inLabel = projectCols[0]; exLabel = projectCols[1]; }
        else exLabel = width - expenditureFigures - (lineNoCols.Count > 0 ? 2 : 1);
        if (exLabel <= inLabel) exLabel = width / 2;
        Side Make(int label, int end)
        {
            var lineNo = lineNoCols.FirstOrDefault(c => c > label && c < end, -1);
            var figs = Enumerable.Range(label + 1, Math.Max(0, end - label - 1)).Where(c => c != lineNo).ToArray();
            return new Side(label, lineNo, figs, figs.Select(c => c < labels.Length ? labels[c] : "").ToArray());
        }
        return (Make(inLabel, exLabel), Make(exLabel, width), first);
    }

    /// <summary>Reads both sides into lines, joining labels continued on the next line ("二十六、抗疫特别国债安" + "排的支出").</summary>
    private static (List<RawLine> Income, List<RawLine> Expenditure) ReadSides(RawTable raw, Side inc, Side exp, int first)
    {
        var incomes = new List<RawLine>();
        var expenditures = new List<RawLine>();
        for (var i = first; i < raw.Rows.Count; i++)
        {
            var row = raw.Rows[i];
            if (row.IsEmpty || IsColumnNumberRow(row) || TakeNote(raw, row)) continue;
            bool Empty(Side s) => s.Figures.All(c => string.IsNullOrWhiteSpace(row[c])) && (s.LineNo < 0 || string.IsNullOrWhiteSpace(row[s.LineNo]));
            var incLabel = row.Compact(inc.Label);
            var expLabel = row.Compact(exp.Label);
            var incEmpty = Empty(inc);
            var expEmpty = Empty(exp);
            // A continuation row carries a label fragment and nothing else.
            if (incEmpty && expEmpty && (incLabel.Length > 0 ^ expLabel.Length > 0) && IsFragment(incLabel.Length > 0 ? incLabel : expLabel))
            {
                var target = incLabel.Length > 0 ? incomes : expenditures;
                if (target.Count > 0) { target[^1].Label += incLabel.Length > 0 ? incLabel : expLabel; continue; }
            }
            Take(incomes, inc, incLabel, incEmpty);
            Take(expenditures, exp, expLabel, expEmpty);

            void Take(List<RawLine> list, Side side, string label, bool empty)
            {
                var hasFigure = side.Figures.Any(c => !string.IsNullOrWhiteSpace(row[c]));
                if (label.Length == 0 && !hasFigure) return; // filler line: 行次 only
                list.Add(new RawLine { Label = label, LineNo = side.LineNo >= 0 ? row[side.LineNo].Trim() : null, Row = row, Side = side });
            }
        }
        return (incomes, expenditures);
    }

    /// <summary>A label fragment continued from the line above: no ordinal ("十、"), not a label of its own.</summary>
    private static bool IsFragment(string label)
    {
        if (ClassificationCatalogue.StripOrdinal(label) != label) return false;
        var opening = false;
        if (IncomeKind(label, ref opening) != SummaryLineKind.Unknown) return false;
        var l = TableRecognition.NormalizeTitle(label);
        return !(l.Contains("合计") || l.Contains("总计") || l.Contains("结余") || l.Contains("结转") || ClassificationCatalogue.Default.FindByName(ClassificationKind.Function, l, 3) is not null);
    }

    private static SummaryLineKind IncomeKind(string label, ref bool afterOpening)
    {
        var l = TableRecognition.NormalizeTitle(ClassificationCatalogue.StripOrdinal(label));
        if (l.Contains("年初") && l.Contains("结转")) { afterOpening = true; return SummaryLineKind.OpeningBalance; }
        if (l.Contains("本年收入合计") || l is "收入合计" or "本年收入") return SummaryLineKind.IncomeSubtotal;
        if (l.Contains("总计")) return SummaryLineKind.IncomeTotal;
        if (l.Contains("使用非财政拨款结余") || l.Contains("用事业基金弥补")) return SummaryLineKind.NonAppropriationBalanceUsed;
        if (l.Contains("一般公共预算")) return afterOpening ? SummaryLineKind.OpeningBalanceGeneralBudget : SummaryLineKind.GeneralBudgetAppropriation;
        if (l.Contains("政府性基金")) return afterOpening ? SummaryLineKind.OpeningBalanceGovernmentFund : SummaryLineKind.GovernmentFundAppropriation;
        if (l.Contains("国有资本经营")) return afterOpening ? SummaryLineKind.OpeningBalanceStateCapital : SummaryLineKind.StateCapitalAppropriation;
        if (l.Contains("上级补助")) return SummaryLineKind.UpperSubsidy;
        if (l.Contains("事业收入")) return SummaryLineKind.BusinessIncome;
        if (l.Contains("经营收入")) return SummaryLineKind.OperatingIncome;
        if (l.Contains("附属单位")) return SummaryLineKind.AffiliatedRemittance;
        if (l.Contains("其他收入")) return SummaryLineKind.OtherIncome;
        return SummaryLineKind.Unknown;
    }

    private (SummaryLineKind Kind, string? Code) ExpenditureKind(string label, ref bool afterClosing)
    {
        var l = TableRecognition.NormalizeTitle(ClassificationCatalogue.StripOrdinal(label));
        if (l.Contains("年末") && l.Contains("结转")) { afterClosing = true; return (SummaryLineKind.ClosingBalance, null); }
        if (l.Contains("本年支出合计") || l is "支出合计" or "本年支出") return (SummaryLineKind.ExpenditureSubtotal, null);
        if (l.Contains("结余分配")) return (SummaryLineKind.SurplusDistribution, null);
        if (l.Contains("总计")) return (SummaryLineKind.ExpenditureTotal, null);
        if (afterClosing)
        {
            if (l.Contains("一般公共预算")) return (SummaryLineKind.ClosingBalanceGeneralBudget, null);
            if (l.Contains("政府性基金")) return (SummaryLineKind.ClosingBalanceGovernmentFund, null);
            if (l.Contains("国有资本经营")) return (SummaryLineKind.ClosingBalanceStateCapital, null);
        }
        var entry = _catalogue.FindByName(ClassificationKind.Function, label, 3, year: year);
        return entry is null ? (SummaryLineKind.Unknown, null) : (SummaryLineKind.FunctionClass, entry.Code);
    }

    private IncomeExpenditureSummary BuildSummary(RawTable raw)
    {
        var kind = DisclosureTableKind.IncomeExpenditureSummary;
        var table = new IncomeExpenditureSummary();
        var (inc, exp, first) = TwoSides(raw, 1);
        var (incomes, expenditures) = ReadSides(raw, inc, exp, first);
        var afterOpening = false;
        foreach (var l in incomes)
        {
            var k = IncomeKind(l.Label, ref afterOpening);
            var line = new SummaryLine { Label = l.Label, LineNo = l.LineNo, Kind = k, At = l.Row.At with { Table = Label(kind), Row = l.Label } };
            line.Amount = Fig(l.Row, inc.Figures.LastOrDefault(-1), kind, l.Label, "决算数");
            if (k == SummaryLineKind.Unknown) UnknownLine(kind, line.At, l.Label, "收入");
            table.Income.Add(line);
        }
        var afterClosing = false;
        foreach (var l in expenditures)
        {
            var (k, code) = ExpenditureKind(l.Label, ref afterClosing);
            var line = new SummaryLine { Label = l.Label, LineNo = l.LineNo, Kind = k, ClassCode = code, At = l.Row.At with { Table = Label(kind), Row = l.Label } };
            line.Amount = Fig(l.Row, exp.Figures.LastOrDefault(-1), kind, l.Label, "决算数");
            if (k == SummaryLineKind.Unknown) UnknownLine(kind, line.At, l.Label, "支出");
            table.Expenditure.Add(line);
        }
        return table;
    }

    private void UnknownLine(DisclosureTableKind kind, Jixiao.Core.Provenance.SourceRef at, string label, string side) =>
        log.Add(FinalAccountsReaderRules.Layout, Severity.Warning, at with { Table = Label(kind) },
            label.Length == 0 ? $"{side}栏有一行金额没有项目名称。" : $"{side}栏项目“{label}”无法识别（不是标准项目，也不是已知的功能分类类名称），按未知行读入。", label);

    private AppropriationSummary BuildAppropriation(RawTable raw)
    {
        var kind = DisclosureTableKind.AppropriationSummary;
        var table = new AppropriationSummary();
        var (inc, exp, first) = TwoSides(raw, 4);
        var (incomes, expenditures) = ReadSides(raw, inc, exp, first);
        var afterOpening = false;
        foreach (var l in incomes)
        {
            var k = IncomeKind(l.Label, ref afterOpening);
            var line = new SummaryLine { Label = l.Label, LineNo = l.LineNo, Kind = k, At = l.Row.At with { Table = Label(kind), Row = l.Label } };
            line.Amount = Fig(l.Row, inc.Figures.FirstOrDefault(-1), kind, l.Label, "金额");
            if (k == SummaryLineKind.Unknown) UnknownLine(kind, line.At, l.Label, "收入");
            table.Income.Add(line);
        }
        // 支出 columns: 合计 | 一般公共预算财政拨款 | 政府性基金预算财政拨款 | 国有资本经营预算财政拨款, by label, else in that order.
        int Col(Func<string, bool> m, int fallback)
        {
            for (var i = 0; i < exp.Figures.Length; i++) if (m(exp.FigureLabels[i])) return exp.Figures[i];
            return fallback < exp.Figures.Length ? exp.Figures[fallback] : -1;
        }
        var cTotal = Col(l => l.Contains("合计") || l.Contains("小计"), 0);
        var cGeneral = Col(l => l.Contains("一般公共"), 1);
        var cFund = Col(l => l.Contains("政府性基金"), 2);
        var cCapital = Col(l => l.Contains("国有资本"), 3);
        var afterClosing = false;
        foreach (var l in expenditures)
        {
            var (k, code) = ExpenditureKind(l.Label, ref afterClosing);
            var line = new AppropriationLine { Label = l.Label, LineNo = l.LineNo, Kind = k, ClassCode = code, At = l.Row.At with { Table = Label(kind), Row = l.Label } };
            line.Total = Fig(l.Row, cTotal, kind, l.Label, AppropriationLine.ColumnNames[0]);
            line.GeneralBudget = Fig(l.Row, cGeneral, kind, l.Label, AppropriationLine.ColumnNames[1]);
            line.GovernmentFund = Fig(l.Row, cFund, kind, l.Label, AppropriationLine.ColumnNames[2]);
            line.StateCapital = Fig(l.Row, cCapital, kind, l.Label, AppropriationLine.ColumnNames[3]);
            if (k == SummaryLineKind.Unknown) UnknownLine(kind, line.At, l.Label, "支出");
            table.Expenditure.Add(line);
        }
        return table;
    }
}
