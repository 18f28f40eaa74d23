using Jixiao.Core.Checks;
using Jixiao.Core.Classification;
using Jixiao.Core.FinalAccounts;
using Jixiao.Core.Model;

namespace Jixiao.Documents.FinalAccounts;

internal sealed partial class DisclosureTableBuilder
{
    // ---------------------------------------------------------------- 公开06 (economic classification)

    private enum EconRole { None, Code, Name, Amount, Basic }

    /// <summary>
    /// Reads 公开06 in column-blocks (科目编码 | 科目名称 | 金额 | 其中：基本支出, four blocks side by side in
    /// Shanxi; three-column blocks with one 决算数 in the national 基本支出表). A 类 row may have no code
    /// (found by name), a 款 may be printed with its last two digits only (expanded under its 类).
    /// </summary>
    private EconomicDetailTable BuildEconomic(RawTable raw)
    {
        var kind = DisclosureTableKind.EconomicDetail;
        var table = new EconomicDetailTable();
        var width = Width(raw);
        // Header rows: up to the first row with a figure or a code.
        var first = 0;
        for (var i = 0; i < raw.Rows.Count; i++)
        {
            var row = raw.Rows[i];
            if (row.Cells.Any(c => IsNumberCell(c.Text)) && !IsColumnNumberRow(row)) { first = i; break; }
            first = i + 1;
        }
        var header = raw.Rows.Take(first).Where(r => !IsColumnNumberRow(r)).ToList();
        var groupLabels = header.Count > 0 ? ColumnLabels(header.Take(1).ToList(), width, spreadTop: true) : new string[width];
        var labels = ColumnLabels(header.Skip(header.Count > 1 ? 1 : 0).ToList(), width);
        var basicOnly = TableRecognition.NormalizeTitle(raw.Title).Contains("基本支出");
        var roles = new EconRole[width];
        for (var c = 0; c < width; c++)
        {
            var l = labels[c] ?? "";
            roles[c] = l.Contains("码") ? EconRole.Code
                : l.Contains("名称") || l.Contains("名 称") ? EconRole.Name
                : l.Contains("基本") || l.StartsWith("其中", StringComparison.Ordinal) ? EconRole.Basic
                : l.Contains("金额") || l.Contains("决算数") || l.Contains("合计") || l.Contains("金额") ? (basicOnly ? EconRole.Basic : EconRole.Amount)
                : EconRole.None;
        }
        var starts = Enumerable.Range(0, width).Where(c => roles[c] == EconRole.Code).ToList();
        if (starts.Count == 0)
        {
            var size = width % 4 == 0 ? 4 : 3;
            starts = Enumerable.Range(0, Math.Max(1, width / size)).Select(b => b * size).ToList();
            for (var b = 0; b < starts.Count; b++)
            {
                roles[starts[b]] = EconRole.Code;
                if (starts[b] + 1 < width) roles[starts[b] + 1] = EconRole.Name;
                if (starts[b] + 2 < width) roles[starts[b] + 2] = size == 4 ? EconRole.Amount : EconRole.Basic;
                if (size == 4 && starts[b] + 3 < width) roles[starts[b] + 3] = EconRole.Basic;
            }
            log.Add(FinalAccountsReaderRules.Layout, Severity.Info, raw.At with { Table = Label(kind) }, $"未能从表头识别科目编码栏，按每 {size} 栏一组读取。");
        }
        table.HasAmountColumn = roles.Contains(EconRole.Amount);
        table.HasBasicColumn = roles.Contains(EconRole.Basic);
        var blocks = starts.Select((s, b) => (Start: s, End: b + 1 < starts.Count ? starts[b + 1] : width)).ToList();
        var perBlock = blocks.Select(_ => new List<EconomicRow>()).ToList();
        var currentClass = new string?[blocks.Count];

        for (var i = first; i < raw.Rows.Count; i++)
        {
            var row = raw.Rows[i];
            if (row.IsEmpty || IsColumnNumberRow(row) || TakeNote(raw, row)) continue;
            // Totals: a cell saying 人员经费合计 / 公用经费合计 (possibly cut: "员经费合计"); its figures are the
            // numbers to its right up to the next label, placed by the role of their column.
            var totalCells = Enumerable.Range(0, row.Count).Where(c => row.Compact(c).Contains("合计")).ToList();
            if (totalCells.Count > 0)
            {
                for (var t = 0; t < totalCells.Count; t++)
                {
                    var c0 = totalCells[t];
                    var end = t + 1 < totalCells.Count ? totalCells[t + 1] : row.Count;
                    var label = row.Compact(c0);
                    var isPublic = label.Contains("公用") || !label.Contains("人员") && !label.Contains("员经费") && BlockOf(c0) > 0;
                    var total = new EconomicTotal { At = row.At with { Table = Label(kind), Row = isPublic ? "公用经费合计" : "人员经费合计" } };
                    var rowLabel = total.At.Row!;
                    total.Amount = Jixiao.Core.Model.Figure.Blank(total.At with { Column = "金额" });
                    total.Basic = Jixiao.Core.Model.Figure.Blank(total.At with { Column = "其中：基本支出" });
                    for (var c = c0 + 1; c < end; c++)
                    {
                        if (string.IsNullOrWhiteSpace(row[c])) continue;
                        if (roles[c] == EconRole.Amount) total.Amount = Fig(row, c, kind, rowLabel, "金额");
                        else if (roles[c] == EconRole.Basic) total.Basic = Fig(row, c, kind, rowLabel, "其中：基本支出");
                        else log.Add(FinalAccountsReaderRules.Unplaced, Severity.Warning, row.CellAt(c) with { Table = Label(kind), Row = rowLabel }, $"合计行中的“{row[c]}”不在金额栏，未读入。", row[c]);
                    }
                    if (isPublic) table.PublicTotal = total; else table.PersonnelTotal = total;
                }
                continue;
            }
            for (var b = 0; b < blocks.Count; b++)
            {
                var (s, e) = blocks[b];
                int Find(EconRole r) { for (var c = s; c < e; c++) if (roles[c] == r) return c; return -1; }
                int cCode = Find(EconRole.Code), cName = Find(EconRole.Name), cAmount = Find(EconRole.Amount), cBasic = Find(EconRole.Basic);
                var printed = cCode >= 0 ? row.Compact(cCode) : "";
                var name = cName >= 0 ? row.Compact(cName) : "";
                if (printed.Length == 0 && name.Length == 0)
                {
                    if ((cAmount >= 0 && !string.IsNullOrWhiteSpace(row[cAmount])) || (cBasic >= 0 && !string.IsNullOrWhiteSpace(row[cBasic])))
                        log.Add(FinalAccountsReaderRules.Unplaced, Severity.Warning, row.At with { Table = Label(kind) }, "有金额但没有科目编码和名称，未读入。", row.JoinedCompact);
                    continue;
                }
                string? code = null;
                if (printed.All(char.IsAsciiDigit) && printed.Length is 3 or 5) code = printed;
                else if (printed.All(char.IsAsciiDigit) && printed.Length == 2 && currentClass[b] is { } cls) code = cls + printed;
                else if (printed.Length == 0)
                {
                    code = _catalogue.FindByName(ClassificationKind.Economic, name, 3, year: year)?.Code
                        ?? (currentClass[b] is { } cl ? _catalogue.FindByName(ClassificationKind.Economic, name, 5, cl, year)?.Code : null);
                }
                if (code is null)
                    log.Add(FinalAccountsReaderRules.Layout, Severity.Warning, row.At with { Table = Label(kind), Row = printed + name },
                        printed.Length == 2 ? "款级编码只印了后两位，但其上没有可识别的类，无法补全编码。" : "无法确定该行的经济分类科目编码。", printed + name);
                if (code is { Length: 3 }) currentClass[b] = code;
                var group = code is null ? (BlockGroup(b) ?? EconomicGroup.Public)
                    : code.StartsWith("301", StringComparison.Ordinal) || code.StartsWith("303", StringComparison.Ordinal) ? EconomicGroup.Personnel : EconomicGroup.Public;
                var rowLabel = code is null ? name : $"{code} {name}";
                var r = new EconomicRow
                {
                    Code = code,
                    PrintedCode = printed.Length == 0 ? null : printed,
                    Name = name,
                    Group = group,
                    At = row.At with { Table = Label(kind), Row = rowLabel },
                };
                r.Amount = cAmount >= 0 ? Fig(row, cAmount, kind, rowLabel, "金额") : Jixiao.Core.Model.Figure.Blank(r.At with { Column = "金额" });
                r.Basic = cBasic >= 0 ? Fig(row, cBasic, kind, rowLabel, basicOnly ? "决算数" : "其中：基本支出") : Jixiao.Core.Model.Figure.Blank(r.At with { Column = "其中：基本支出" });
                perBlock[b].Add(r);
            }
        }
        foreach (var list in perBlock) table.Rows.AddRange(list);
        return table;

        int BlockOf(int col)
        {
            for (var b = blocks.Count - 1; b >= 0; b--) if (col >= blocks[b].Start) return b;
            return 0;
        }
        EconomicGroup? BlockGroup(int b)
        {
            var g = groupLabels[blocks[b].Start] ?? "";
            return g.Contains("人员") ? EconomicGroup.Personnel : g.Contains("公用") ? EconomicGroup.Public : b == 0 ? EconomicGroup.Personnel : null;
        }
    }

    // ---------------------------------------------------------------- 公开07 三公

    private enum SanGong { None, Total, Abroad, VehicleTotal, Purchase, Operation, Reception, Meeting, Training }

    private static SanGong SanGongOf(string label)
    {
        var l = TableRecognition.NormalizeTitle(label);
        if (l.Contains("出国")) return SanGong.Abroad;
        if (l.Contains("接待")) return SanGong.Reception;
        if (l.Contains("会议")) return SanGong.Meeting;
        if (l.Contains("培训")) return SanGong.Training;
        if (l.Contains("运行") && l.Contains("购置") || l.Contains("小计")) return SanGong.VehicleTotal;
        if (l.Contains("运行")) return SanGong.Operation;
        if (l.Contains("购置")) return SanGong.Purchase;
        if (l.Contains("合计")) return SanGong.Total;
        return SanGong.None;
    }

    private static void Set(ThreePublicFigures f, SanGong which, Jixiao.Core.Model.Figure fig)
    {
        switch (which)
        {
            case SanGong.Total: f.Total = fig; break;
            case SanGong.Abroad: f.Abroad = fig; break;
            case SanGong.VehicleTotal: f.VehicleTotal = fig; break;
            case SanGong.Purchase: f.VehiclePurchase = fig; break;
            case SanGong.Operation: f.VehicleOperation = fig; break;
            case SanGong.Reception: f.Reception = fig; break;
            case SanGong.Meeting: f.Meeting = fig; break;
            case SanGong.Training: f.Training = fig; break;
        }
    }

    private static string SanGongColumn(SanGong s) => s switch
    {
        SanGong.Total => "合计",
        SanGong.Abroad => "因公出国（境）费",
        SanGong.VehicleTotal => "公务用车购置及运行维护费小计",
        SanGong.Purchase => "公务用车购置费",
        SanGong.Operation => "公务用车运行维护费",
        SanGong.Reception => "公务接待费",
        SanGong.Meeting => "会议费",
        SanGong.Training => "培训费",
        _ => "",
    };

    /// <summary>
    /// 公开07: 预算数 and 决算数 blocks side by side (each 合计 | 因公出国（境）费 | 公务用车 小计 | 购置费 | 运行维护费 |
    /// 公务接待费), one data row — or the transposed layout with one row per item and 预算数 / 决算数 columns.
    /// </summary>
    private ThreePublicTable BuildThreePublic(RawTable raw)
    {
        var kind = DisclosureTableKind.ThreePublicExpenses;
        var table = new ThreePublicTable();
        var width = Width(raw);
        foreach (var (block, name) in new[] { (table.Budget, "预算数"), (table.Actual, "决算数") })
            foreach (var s in new[] { SanGong.Total, SanGong.Abroad, SanGong.VehicleTotal, SanGong.Purchase, SanGong.Operation, SanGong.Reception })
                Set(block, s, Jixiao.Core.Model.Figure.Blank(raw.At with { Table = Label(kind), Row = name, Column = SanGongColumn(s) }));
        var rows = raw.Rows.Where(r => !r.IsEmpty).ToList();
        // Transposed: item labels in the first column.
        var transposed = rows.Count(r => SanGongOf(r.Compact(0)) is not (SanGong.None or SanGong.Total) && r.Cells.Skip(1).Any(c => IsNumberCell(c.Text) || c.Text.Length == 0)) >= 3;
        if (transposed)
        {
            var headerRow = rows.FirstOrDefault(r => r.Cells.Any(c => CoreText.Compact(c.Text).Contains("预算")) && r.Cells.Any(c => CoreText.Compact(c.Text).Contains("决算")));
            var cBudget = headerRow is null ? 1 : headerRow.Cells.FindIndex(c => CoreText.Compact(c.Text).Contains("预算"));
            var cActual = headerRow is null ? 2 : headerRow.Cells.FindIndex(c => CoreText.Compact(c.Text).Contains("决算"));
            foreach (var r in rows)
            {
                if (TakeNote(raw, r)) continue;
                var s = SanGongOf(r.Compact(0));
                if (s == SanGong.None) continue;
                Set(table.Budget, s, Fig(r, cBudget, kind, "预算数", SanGongColumn(s)));
                Set(table.Actual, s, Fig(r, cActual, kind, "决算数", SanGongColumn(s)));
            }
            return table;
        }
        var first = rows.FindIndex(r => !IsColumnNumberRow(r) && r.Cells.Count(c => IsNumberCell(c.Text)) >= 1 && !r.Cells.Any(c => CoreText.Compact(c.Text).Contains("预算数")));
        var header = (first < 0 ? rows : rows.Take(first)).Where(r => !IsColumnNumberRow(r) && !TakeNoteProbe(r)).ToList();
        if (header.Count == 0) return table;
        var groups = ColumnLabels(header.Take(1).ToList(), width, spreadTop: true);
        var which = new SanGong[width];
        for (var c = 0; c < width; c++)
        {
            // The deepest non-blank label names the column.
            for (var h = header.Count - 1; h >= 0 && which[c] == SanGong.None; h--)
            {
                var t = header[h].Compact(c);
                if (t.Length > 0) which[c] = SanGongOf(t);
            }
        }
        if (first >= 0)
        {
            foreach (var r in rows.Skip(first))
            {
                if (TakeNote(raw, r) || IsColumnNumberRow(r)) continue;
                for (var c = 0; c < Math.Min(width, r.Count); c++)
                {
                    if (which[c] == SanGong.None) { if (!string.IsNullOrWhiteSpace(r[c])) log.Add(FinalAccountsReaderRules.Unplaced, Severity.Warning, r.CellAt(c) with { Table = Label(kind) }, $"无法确定“{r[c]}”所在的栏目，未读入。", r[c]); continue; }
                    var block = (groups[c] ?? "").Contains("决算") ? table.Actual : table.Budget;
                    Set(block, which[c], Fig(r, c, kind, block == table.Actual ? "决算数" : "预算数", SanGongColumn(which[c])));
                }
                break; // one data row
            }
        }
        // Notes and the empty statement below the table.
        foreach (var r in rows) TakeNote(raw, r);
        return table;
    }

    private static bool TakeNoteProbe(GridRow row)
    {
        var first = row.Cells.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Text));
        return first is not null && IsNoteText(CoreText.Compact(first.Text));
    }

    // ---------------------------------------------------------------- 公开10 相关信息统计表

    private StatisticsTable BuildStatistics(RawTable raw)
    {
        var kind = DisclosureTableKind.Statistics;
        var table = new StatisticsTable();
        var section = 0; // 1 政府采购, 2 机关运行经费, 3 国有资产占用
        var inVehicles = false;
        var width = Width(raw);
        foreach (var row in raw.Rows)
        {
            if (row.IsEmpty || TakeNote(raw, row)) continue;
            var label = row.Compact(0);
            // Label | 行次 | value when the table has three columns (trailing blanks may be cut off), else label | value.
            var first = width >= 3 ? 2 : 1;
            var lineNo = width >= 3 ? row[1].Trim() : null;
            var valueCol = -1;
            for (var c = row.Count - 1; c >= first; c--) if (!string.IsNullOrWhiteSpace(row[c])) { valueCol = c; break; }
            if (label.Contains("政府采购")) { section = 1; continue; }
            if (label.Contains("机关运行经费") && !label.Contains("行政单位") && !label.Contains("参照")) { section = 2; if (label.Contains("合计") && valueCol > 0) table.OperatingCostsTotal = Line(); continue; }
            if (label.Contains("国有资产")) { section = 3; continue; }
            if (label is "项目" || label.StartsWith("项目", StringComparison.Ordinal) && row.Cells.Skip(1).All(c => !IsNumberCell(c.Text))) continue;
            if (label.Length == 0 && valueCol < 0) continue;
            StatisticsLine Line() => new()
            {
                Label = label,
                LineNo = string.IsNullOrEmpty(lineNo) ? null : lineNo,
                Value = Fig(row, valueCol < 0 ? Math.Max(first, row.Count) : valueCol, kind, label, section == 3 ? "数量" : section == 1 ? "采购金额" : "统计数"),
                At = row.At with { Table = Label(kind), Row = label },
            };
            if (section == 1)
            {
                if (label.Contains("中小企业")) table.ProcurementSme = Line();
                else if (label.Contains("合计")) table.ProcurementTotal = Line();
                else if (label.Contains("货物")) table.ProcurementGoods = Line();
                else if (label.Contains("工程")) table.ProcurementWorks = Line();
                else if (label.Contains("服务")) table.ProcurementServices = Line();
                else Other();
            }
            else if (section == 2)
            {
                if (label.Contains("行政单位")) table.OperatingCostsAdministrative = Line();
                else if (label.Contains("参照") || label.Contains("参公")) table.OperatingCostsCivilServiceManaged = Line();
                else if (label.Contains("合计")) table.OperatingCostsTotal = Line();
                else Other();
            }
            else if (section == 3)
            {
                if (label.Contains("车辆") && (label.Contains("合计") || label.Contains("总"))) { table.VehiclesTotal = Line(); inVehicles = true; }
                else if (inVehicles && VehicleCategories.Classify(label) is { } cat)
                {
                    var l = Line();
                    table.Vehicles.Add(new VehicleLine { Category = cat, Label = label, LineNo = l.LineNo, Count = l.Value, At = l.At });
                }
                else if (label.Contains("设备")) { table.Equipment = Line(); inVehicles = false; }
                else Other();
            }
            else Other();

            void Other()
            {
                table.OtherLines.Add(Line());
                log.Add(FinalAccountsReaderRules.Layout, Severity.Info, row.At with { Table = Label(kind), Row = label }, $"统计表项目“{label}”不是标准项目，按其他行读入。", label);
            }
        }
        return table;
    }
}
