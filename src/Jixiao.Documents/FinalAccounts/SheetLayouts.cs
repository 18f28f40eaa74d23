using Jixiao.Core.FinalAccounts;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using static Jixiao.Documents.FinalAccounts.XCell;

namespace Jixiao.Documents.FinalAccounts;

/// <summary>The standard layout of each disclosure table (the Shanxi 2022 templates, as in seed 004).</summary>
internal static class SheetLayouts
{
    public static SheetModel Layout(FinalAccountsDisclosure d, DisclosureTableKind kind)
    {
        var t = d.Table(kind);
        var basicOnly = t is EconomicDetailTable { HasAmountColumn: false };
        var m = new SheetModel
        {
            Title = basicOnly ? "一般公共预算财政拨款基本支出决算表" : DisclosureTables.StandardName(kind),
            Number = DisclosureTables.StandardNumber(kind) + "表",
            Department = $"部门名称：{d.Unit}",
            Year = d.Year is { } y ? $"{y}年度" : "",
            Unit = $"金额单位：{d.UnitOf(t).ChineseName()}",
        };
        switch (kind)
        {
            case DisclosureTableKind.IncomeExpenditureSummary: Summary(m, t as IncomeExpenditureSummary); break;
            case DisclosureTableKind.Income: Coded(m, t as IncomeTable, IncomeRow.ColumnNames, ["项目", "", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"], null); break;
            case DisclosureTableKind.Expenditure: Coded(m, t as ExpenditureTable, ExpenditureRow.ColumnNames, ["项目", "", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"], null); break;
            case DisclosureTableKind.AppropriationSummary: Appropriation(m, t as AppropriationSummary); break;
            case DisclosureTableKind.GeneralBudgetExpenditure: GeneralBudget(m, t as GeneralBudgetTable); break;
            case DisclosureTableKind.EconomicDetail: Economic(m, t as EconomicDetailTable); break;
            case DisclosureTableKind.ThreePublicExpenses: ThreePublic(m, t as ThreePublicTable); break;
            case DisclosureTableKind.GovernmentFunds: Coded(m, t as GovernmentFundTable, GovernmentFundRow.ColumnNames, ["项目", "", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"], ["功能分类科目编码", "科目名称", "", "", "小计", "基本支出", "项目支出", ""]); break;
            case DisclosureTableKind.StateCapital: Coded(m, t as StateCapitalTable, StateCapitalRow.ColumnNames, ["项目", "", "本年支出", "", ""], ["功能分类科目编码", "科目名称", "合计", "基本支出", "项目支出"]); break;
            case DisclosureTableKind.Statistics: Statistics(m, t as StatisticsTable); break;
        }
        if (t is not null)
        {
            m.Notes.AddRange(t.Notes);
            if (t.IsEmptyDeclared && t.EmptyNote is { } note && !t.Notes.Contains(note)) m.Notes.Add(note);
        }
        else m.Notes.Add("说明：本表无数据");
        return m;
    }

    private static List<XCell> Numbers(int n) => Enumerable.Range(1, n).Select(i => H(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    private static void Summary(SheetModel m, IncomeExpenditureSummary? t)
    {
        m.Header.Add(["收入", "", "", "支出", "", ""]);
        m.Header.Add(["项目", "行次", "决算数", "项目", "行次", "决算数"]);
        m.HeaderMerges.Add((0, 0, 0, 2));
        m.HeaderMerges.Add((0, 3, 0, 5));
        m.Body.Add([H("栏次"), H(""), H("1"), H("栏次"), H(""), H("2")]);
        var income = t?.Income ?? [];
        var spend = t?.Expenditure ?? [];
        for (var i = 0; i < Math.Max(income.Count, spend.Count); i++)
        {
            var row = new List<XCell>();
            row.AddRange(i < income.Count ? [T(income[i].Label), T(income[i].LineNo), A(income[i].Amount)] : [Empty, Empty, Empty]);
            row.AddRange(i < spend.Count ? [T(spend[i].Label), T(spend[i].LineNo), A(spend[i].Amount)] : [Empty, Empty, Empty]);
            m.Body.Add(row);
        }
    }

    private static void Appropriation(SheetModel m, AppropriationSummary? t)
    {
        m.Header.Add(["收入", "", "", "支出", "", "", "", "", ""]);
        m.Header.Add(["项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]);
        m.HeaderMerges.Add((0, 0, 0, 2));
        m.HeaderMerges.Add((0, 3, 0, 8));
        m.Body.Add([H("栏次"), H(""), H("1"), H("栏次"), H(""), H("2"), H("3"), H("4"), H("5")]);
        var income = t?.Income ?? [];
        var spend = t?.Expenditure ?? [];
        for (var i = 0; i < Math.Max(income.Count, spend.Count); i++)
        {
            var row = new List<XCell>();
            row.AddRange(i < income.Count ? [T(income[i].Label), T(income[i].LineNo), A(income[i].Amount)] : [Empty, Empty, Empty]);
            if (i < spend.Count)
            {
                var l = spend[i];
                row.AddRange([T(l.Label), T(l.LineNo), A(l.Total), A(l.GeneralBudget), A(l.GovernmentFund), A(l.StateCapital)]);
            }
            else row.AddRange([Empty, Empty, Empty, Empty, Empty, Empty]);
            m.Body.Add(row);
        }
    }

    private static void Coded<TRow>(SheetModel m, CodedTable<TRow>? t, string[] columns, List<string> top, List<string>? second) where TRow : CodedRow
    {
        m.Header.Add(top);
        m.Header.Add(second ?? ["功能分类科目编码", "科目名称", .. Enumerable.Repeat("", columns.Length)]);
        m.HeaderMerges.Add((0, 0, 0, 1));
        // Group headers spanning sub-columns ("本年支出" over 小计 | 基本 | 项目).
        for (var c = 2; c < top.Count; c++)
        {
            if (top[c].Length == 0) continue;
            var end = c;
            while (end + 1 < top.Count && top[end + 1].Length == 0 && second is not null && second[end + 1].Length > 0) end++;
            if (end > c) m.HeaderMerges.Add((0, c, 0, end));
            else if (second is not null && second[c].Length == 0 || second is null) m.HeaderMerges.Add((0, c, 1, c));
        }
        var width = top.Count;
        m.Body.Add([H("栏次"), H(""), .. Numbers(width - 2)]);
        if (t is null) { m.Body.Add([T("合计"), Empty, .. Enumerable.Range(0, width - 2).Select(_ => A(null))]); return; }
        foreach (var r in t.Total is null ? t.Rows : t.Rows.Prepend(t.Total))
            m.Body.Add([T(r == t.Total ? "合计" : r.Code), T(r == t.Total ? "" : r.Name), .. r.Cells().Take(width - 2).Select(c => A(c.Figure))]);
    }

    private static void GeneralBudget(SheetModel m, GeneralBudgetTable? t)
    {
        var hasInitial = t?.Rows.Any(r => r.InitialBudget is not null) == true || t?.Total?.InitialBudget is not null;
        var hasAdjusted = t?.Rows.Any(r => r.AdjustedBudget is not null) == true || t?.Total?.AdjustedBudget is not null;
        var top = new List<string> { "项目", "", "本年支出", "", "" };
        var second = new List<string> { "功能分类科目编码", "科目名称", "小计", "基本支出", "项目支出" };
        if (hasInitial) { top.Add("年初预算数"); second.Add(""); }
        if (hasAdjusted) { top.Add("调整预算数"); second.Add(""); }
        m.Header.Add(top);
        m.Header.Add(second);
        m.HeaderMerges.Add((0, 0, 0, 1));
        m.HeaderMerges.Add((0, 2, 0, 4));
        for (var c = 5; c < top.Count; c++) m.HeaderMerges.Add((0, c, 1, c));
        m.Body.Add([H("栏次"), H(""), .. Numbers(top.Count - 2)]);
        if (t is null) { m.Body.Add([T("合计"), Empty, A(null), A(null), A(null)]); return; }
        foreach (var r in t.Total is null ? t.Rows : t.Rows.Prepend(t.Total))
        {
            var row = new List<XCell> { T(r == t.Total ? "合计" : r.Code), T(r == t.Total ? "" : r.Name), A(r.Total), A(r.Basic), A(r.Project) };
            if (hasInitial) row.Add(A(r.InitialBudget));
            if (hasAdjusted) row.Add(A(r.AdjustedBudget));
            m.Body.Add(row);
        }
    }

    private static void Economic(SheetModel m, EconomicDetailTable? t)
    {
        var basicOnly = t is { HasAmountColumn: false };
        var block = basicOnly ? new List<string> { "科目编码", "科目名称", "决算数" } : ["科目编码", "科目名称", "金额", "其中：基本支出"];
        var w = block.Count;
        m.Header.Add(["人员经费", .. Enumerable.Repeat("", w - 1), "公用经费", .. Enumerable.Repeat("", w - 1)]);
        m.Header.Add([.. block, .. block]);
        m.HeaderMerges.Add((0, 0, 0, w - 1));
        m.HeaderMerges.Add((0, w, 0, 2 * w - 1));
        var personnel = t?.Rows.Where(r => r.Group == EconomicGroup.Personnel).ToList() ?? [];
        var pub = t?.Rows.Where(r => r.Group == EconomicGroup.Public).ToList() ?? [];
        List<XCell> Cells(EconomicRow? r) => r is null
            ? Enumerable.Repeat(Empty, w).ToList()
            : basicOnly ? [T(r.Code ?? r.PrintedCode), T(r.Name), A(r.Basic)] : [T(r.Code ?? r.PrintedCode), T(r.Name), A(r.Amount), A(r.Basic)];
        for (var i = 0; i < Math.Max(personnel.Count, pub.Count); i++)
            m.Body.Add([.. Cells(i < personnel.Count ? personnel[i] : null), .. Cells(i < pub.Count ? pub[i] : null)]);
        List<XCell> Total(string label, EconomicTotal? e) => basicOnly ? [T(label), Empty, A(e?.Basic)] : [T(label), Empty, A(e?.Amount), A(e?.Basic)];
        m.Body.Add([.. Total("人员经费合计", t?.PersonnelTotal), .. Total("公用经费合计", t?.PublicTotal)]);
    }

    private static void ThreePublic(SheetModel m, ThreePublicTable? t)
    {
        List<string> Block() => ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费"];
        List<string> Sub() => ["", "", "小计", "公务用车购置费", "公务用车运行维护费", ""];
        m.Header.Add(["预算数", "", "", "", "", "", "决算数", "", "", "", "", ""]);
        m.Header.Add([.. Block(), .. Block()]);
        m.Header.Add([.. Sub(), .. Sub()]);
        m.HeaderMerges.Add((0, 0, 0, 5));
        m.HeaderMerges.Add((0, 6, 0, 11));
        foreach (var o in new[] { 0, 6 })
        {
            m.HeaderMerges.Add((1, o + 2, 1, o + 4));
            m.HeaderMerges.Add((1, o, 2, o));
            m.HeaderMerges.Add((1, o + 1, 2, o + 1));
            m.HeaderMerges.Add((1, o + 5, 2, o + 5));
        }
        m.Body.Add(Numbers(12));
        if (t is null || t.HasNoData()) return;
        List<XCell> Figures(ThreePublicFigures f) => [A(f.Total), A(f.Abroad), A(f.VehicleTotal), A(f.VehiclePurchase), A(f.VehicleOperation), A(f.Reception)];
        m.Body.Add([.. Figures(t.Budget), .. Figures(t.Actual)]);
    }

    private static void Statistics(SheetModel m, StatisticsTable? t)
    {
        void Line(StatisticsLine? l, string label, string lineNo, bool count = false) =>
            m.Body.Add([T(l?.Label ?? label), T(l?.LineNo ?? lineNo), count ? C(l?.Value) : A(l?.Value)]);
        m.Body.Add([T("一、政府采购情况"), Empty, Empty]);
        m.Body.Add([H("项目"), H("行次"), H("采购金额")]);
        Line(t?.ProcurementTotal, "合计", "1");
        Line(t?.ProcurementGoods, "货物", "2");
        Line(t?.ProcurementWorks, "工程", "3");
        Line(t?.ProcurementServices, "服务", "4");
        if (t?.ProcurementSme is { } sme) Line(sme, "其中：授予中小企业合同金额", "");
        m.Body.Add([T("二、机关运行经费"), Empty, Empty]);
        m.Body.Add([H("项目"), H(""), H("统计数")]);
        if (t?.OperatingCostsTotal is { } ot) Line(ot, "机关运行经费合计", "");
        Line(t?.OperatingCostsAdministrative, "（一）行政单位", "5");
        Line(t?.OperatingCostsCivilServiceManaged, "（二）参照公务员法管理事业单位", "6");
        m.Body.Add([T("三、国有资产占用情况"), Empty, Empty]);
        Line(t?.VehiclesTotal, "（一）车辆数合计（辆）", "7", count: true);
        var i = 0;
        foreach (var c in Enum.GetValues<VehicleCategory>())
        {
            i++;
            var v = t?.Vehicles.FirstOrDefault(x => x.Category == c);
            m.Body.Add([T(v?.Label ?? $"{i}.{c.ChineseName()}"), T(v?.LineNo ?? (7 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)), C(v?.Count)]);
        }
        Line(t?.Equipment, "（二）单价100万元（含）以上设备（不含车辆）", "17", count: true);
        foreach (var o in t?.OtherLines ?? []) Line(o, o.Label, o.LineNo ?? "");
    }
}
