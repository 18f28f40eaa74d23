using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using R = Jixiao.Core.FinalAccounts.Checks.FinalAccountsRules;

namespace Jixiao.Core.FinalAccounts.Checks;

/// <summary>The table identities D1–D21 (rules.md §4.3).</summary>
internal sealed class IdentityChecks(FinalAccountsDisclosure d, Amounts a)
{
    private CheckContext Ctx => a.Ctx;
    private Fv V(Figure? f, DisclosureTable t) => new(f, d.UnitOf(t));
    private static string F(decimal v) => Amounts.Fmt(v);
    private string U(DisclosureTable t) => d.UnitOf(t).ChineseName();

    public void Run()
    {
        SummaryIdentities();
        RowSums();
        foreach (var t in new DisclosureTable?[] { d.Income, d.Expenditure, d.GeneralBudget, d.GovernmentFunds, d.StateCapital })
            switch (t)
            {
                case IncomeTable x: Hierarchy(x); break;
                case ExpenditureTable x: Hierarchy(x); break;
                case GeneralBudgetTable x: Hierarchy(x); break;
                case GovernmentFundTable x: Hierarchy(x); break;
                case StateCapitalTable x: Hierarchy(x); break;
            }
        if (new DisclosureTable?[] { d.Income, d.Expenditure, d.GeneralBudget, d.GovernmentFunds, d.StateCapital }.All(t => t is null))
            Ctx.NotRun(R.D8, "缺少按功能分类列示的表（公开02/03/05/08/09）");
        IncomeCross();
        ExpenditureCross();
        Appropriation();
        AppropriationCross();
        EconomicDetail();
        ThreePublic();
        GovernmentFunds();
        Statistics();
    }

    private bool Present(RuleInfo rule, DisclosureTable? t, DisclosureTableKind kind)
    {
        if (t is not null) return true;
        Ctx.NotRun(rule, $"缺少{DisclosureTables.StandardNumber(kind)} {DisclosureTables.StandardName(kind)}");
        return false;
    }

    private bool HasData(RuleInfo rule, DisclosureTable t)
    {
        if (!t.HasNoData()) return true;
        Ctx.NotRun(rule, $"{t.Label} 没有数据{(t.IsEmptyDeclared ? $"（{t.EmptyNote}）" : "")}");
        return false;
    }

    // ---------------------------------------------------------------- 公开01 (D1–D5)

    private void SummaryIdentities()
    {
        var s = d.Summary;
        foreach (var rule in new[] { R.D1, R.D2, R.D3, R.D4, R.D5 })
            if (!Present(rule, s, DisclosureTableKind.IncomeExpenditureSummary)) return;
        var t = s!;
        var u = U(t);
        var subtotal = t.IncomeLine(SummaryLineKind.IncomeSubtotal);
        SummaryLineKind[] incomeKinds =
        [
            SummaryLineKind.GeneralBudgetAppropriation, SummaryLineKind.GovernmentFundAppropriation, SummaryLineKind.StateCapitalAppropriation,
            SummaryLineKind.UpperSubsidy, SummaryLineKind.BusinessIncome, SummaryLineKind.OperatingIncome, SummaryLineKind.AffiliatedRemittance, SummaryLineKind.OtherIncome,
        ];
        if (subtotal is null) Ctx.NotRun(R.D1, "公开01 没有“本年收入合计”行");
        else
        {
            var parts = t.Income.Where(l => incomeKinds.Contains(l.Kind)).Select(l => V(l.Amount, t)).ToList();
            a.Sum(R.D1, V(subtotal.Amount, t), parts, (x, y) => $"公开01 本年收入合计为 {F(x)}{u}，一至八项收入之和为 {F(y)}{u}，相差 {F(x - y)}{u}。");
        }
        var total = t.IncomeLine(SummaryLineKind.IncomeTotal);
        if (total is null || subtotal is null) Ctx.NotRun(R.D2, "公开01 缺少“总计”或“本年收入合计”行");
        else
        {
            var parts = t.Income.Where(l => l.Kind is SummaryLineKind.IncomeSubtotal or SummaryLineKind.NonAppropriationBalanceUsed or SummaryLineKind.OpeningBalance).Select(l => V(l.Amount, t)).ToList();
            a.Sum(R.D2, V(total.Amount, t), parts, (x, y) => $"公开01 收入总计为 {F(x)}{u}，本年收入合计、使用非财政拨款结余与年初结转和结余之和为 {F(y)}{u}。");
        }
        var expSubtotal = t.ExpenditureLine(SummaryLineKind.ExpenditureSubtotal);
        var expTotal = t.ExpenditureLine(SummaryLineKind.ExpenditureTotal);
        if (expTotal is null || expSubtotal is null) Ctx.NotRun(R.D3, "公开01 缺少支出“总计”或“本年支出合计”行");
        else
        {
            var parts = t.Expenditure.Where(l => l.Kind is SummaryLineKind.ExpenditureSubtotal or SummaryLineKind.SurplusDistribution or SummaryLineKind.ClosingBalance).Select(l => V(l.Amount, t)).ToList();
            a.Sum(R.D3, V(expTotal.Amount, t), parts, (x, y) => $"公开01 支出总计为 {F(x)}{u}，本年支出合计、结余分配与年末结转和结余之和为 {F(y)}{u}。");
        }
        if (total is null || expTotal is null) Ctx.NotRun(R.D4, "公开01 缺少收入或支出“总计”行");
        else a.Equal(R.D4, V(expTotal.Amount, t), V(total.Amount, t), (x, y) => $"公开01 支出总计 {F(x)}{u} 与收入总计 {F(y)}{u} 不等。");
        if (expSubtotal is null) Ctx.NotRun(R.D5, "公开01 没有“本年支出合计”行");
        else
        {
            // The lines above 本年支出合计 that are not totals: the 类 (and any class line the catalogue does not know).
            var end = t.Expenditure.IndexOf(expSubtotal);
            var parts = t.Expenditure.Take(end).Where(l => l.Kind is SummaryLineKind.FunctionClass or SummaryLineKind.Unknown).Select(l => V(l.Amount, t)).ToList();
            a.Sum(R.D5, V(expSubtotal.Amount, t), parts, (x, y) => $"公开01 本年支出合计为 {F(x)}{u}，各类支出之和为 {F(y)}{u}，相差 {F(x - y)}{u}。");
        }
    }

    // ---------------------------------------------------------------- row sums (D6, D7, D14)

    private void RowSums()
    {
        if (Present(R.D6, d.Income, DisclosureTableKind.Income) && HasData(R.D6, d.Income!))
            foreach (var r in Rows(d.Income!))
                a.Sum(R.D6, V(r.Total, d.Income!), new[] { r.Appropriation, r.UpperSubsidy, r.Business, r.Operating, r.Affiliated, r.Other }.Select(f => V(f, d.Income!)).ToList(),
                    (x, y) => $"公开02 {r.Describe()}：本年收入合计 {F(x)} 不等于各项收入之和 {F(y)}。", at: r.Total.At);
        if (Present(R.D7, d.Expenditure, DisclosureTableKind.Expenditure) && HasData(R.D7, d.Expenditure!))
            foreach (var r in Rows(d.Expenditure!))
                a.Sum(R.D7, V(r.Total, d.Expenditure!), new[] { r.Basic, r.Project, r.RemitToUpper, r.Operating, r.SubsidyToAffiliated }.Select(f => V(f, d.Expenditure!)).ToList(),
                    (x, y) => $"公开03 {r.Describe()}：本年支出合计 {F(x)} 不等于基本、项目等各栏之和 {F(y)}。", at: r.Total.At);
        if (Present(R.D14, d.GeneralBudget, DisclosureTableKind.GeneralBudgetExpenditure) && HasData(R.D14, d.GeneralBudget!))
            foreach (var r in Rows(d.GeneralBudget!))
                a.Sum(R.D14, V(r.Total, d.GeneralBudget!), [V(r.Basic, d.GeneralBudget!), V(r.Project, d.GeneralBudget!)],
                    (x, y) => $"公开05 {r.Describe()}：本年支出小计 {F(x)} 不等于基本支出与项目支出之和 {F(y)}。", at: r.Total.At);
    }

    private static IEnumerable<TRow> Rows<TRow>(CodedTable<TRow> t) where TRow : CodedRow => t.Total is null ? t.Rows : t.Rows.Prepend(t.Total);

    // ---------------------------------------------------------------- hierarchy (D8)

    private void Hierarchy<TRow>(CodedTable<TRow> t) where TRow : CodedRow
    {
        if (!HasData(R.D8, t)) return;
        var coded = t.Rows.Where(r => r.Code is not null).ToList();
        var children = coded.Where(r => CodeLevels.ParentOf(r.Code) is not null)
            .GroupBy(r => CodeLevels.ParentOf(r.Code)!).ToDictionary(g => g.Key, g => g.ToList());
        var classes = coded.Where(r => CodeLevels.Of(r.Code) == CodeLevel.Class).ToList();
        if (t.Total is not null && classes.Count > 0) Compare(t.Total, classes, "各类");
        foreach (var r in coded)
            if (children.TryGetValue(r.Code!, out var kids))
                Compare(r, kids, CodeLevels.Of(r.Code) == CodeLevel.Class ? "其下各款" : "其下各项");

        void Compare(TRow parent, List<TRow> kids, string what)
        {
            var parentCells = parent.Cells().ToList();
            var kidCells = kids.Select(k => k.Cells().ToList()).ToList();
            for (var c = 0; c < parentCells.Count; c++)
            {
                var (col, fig) = parentCells[c];
                var parts = kidCells.Select(k => c < k.Count ? V(k[c].Figure, t) : V(null, t)).ToList();
                a.Sum(R.D8, V(fig, t), parts, (x, y) => $"{t.Label} {parent.Describe()}的“{col}”为 {F(x)}，{what}之和为 {F(y)}，相差 {F(x - y)}。");
            }
        }
    }

    // ---------------------------------------------------------------- cross 01 ↔ 02 / 03 (D9, D10)

    private void IncomeCross()
    {
        if (!Present(R.D9, d.Summary, DisclosureTableKind.IncomeExpenditureSummary) || !Present(R.D9, d.Income, DisclosureTableKind.Income)) return;
        var s = d.Summary!;
        var i = d.Income!;
        if (i.Total is null) { Ctx.NotRun(R.D9, "公开02 没有“合计”行"); return; }
        void Pair(Func<IncomeRow, Figure> column, string columnName, params SummaryLineKind[] kinds)
        {
            var lines = s.Income.Where(l => kinds.Contains(l.Kind)).ToList();
            if (lines.Count == 0) return;
            a.Sum(R.D9, V(column(i.Total), i), lines.Select(l => V(l.Amount, s)).ToList(),
                (x, y) => $"公开02 合计行“{columnName}”为 {F(x)}，公开01 对应收入为 {F(y)}，两表不一致。");
        }
        Pair(r => r.Total, "本年收入合计", SummaryLineKind.IncomeSubtotal);
        Pair(r => r.Appropriation, "财政拨款收入", SummaryLineKind.GeneralBudgetAppropriation, SummaryLineKind.GovernmentFundAppropriation, SummaryLineKind.StateCapitalAppropriation);
        Pair(r => r.UpperSubsidy, "上级补助收入", SummaryLineKind.UpperSubsidy);
        Pair(r => r.Business, "事业收入", SummaryLineKind.BusinessIncome);
        Pair(r => r.Operating, "经营收入", SummaryLineKind.OperatingIncome);
        Pair(r => r.Affiliated, "附属单位上缴收入", SummaryLineKind.AffiliatedRemittance);
        Pair(r => r.Other, "其他收入", SummaryLineKind.OtherIncome);
    }

    private void ExpenditureCross()
    {
        if (!Present(R.D10, d.Summary, DisclosureTableKind.IncomeExpenditureSummary) || !Present(R.D10, d.Expenditure, DisclosureTableKind.Expenditure)) return;
        var s = d.Summary!;
        var e = d.Expenditure!;
        if (e.Total is not null && s.ExpenditureLine(SummaryLineKind.ExpenditureSubtotal) is { } sub)
            a.Equal(R.D10, V(e.Total.Total, e), V(sub.Amount, s), (x, y) => $"公开03 合计 {F(x)} 与公开01 本年支出合计 {F(y)} 不一致。");
        var lines = s.ClassLines().Where(l => l.ClassCode is not null).GroupBy(l => l.ClassCode!).ToDictionary(g => g.Key, g => g.First());
        var rows = e.ClassRows().GroupBy(r => r.Code!).ToDictionary(g => g.Key, g => g.First());
        foreach (var code in lines.Keys.Union(rows.Keys).Order(StringComparer.Ordinal))
        {
            lines.TryGetValue(code, out var line);
            rows.TryGetValue(code, out var row);
            if (row is null && FigureValues.IsZeroOrBlank(line!.Amount)) continue;
            if (line is null)
            {
                if (FigureValues.IsZeroOrBlank(row!.Total)) continue;
                Ctx.Report(R.D10, row.Total.At, $"公开03 有 {row.Describe()} {F(FigureValues.AmountOf(row.Total) ?? 0)}，公开01 支出栏没有这一类。", row.Total.Text, "公开01 列示该类");
                continue;
            }
            var stated = row is null ? new Fv(Figure.Blank(line.Amount.At is { } la ? la with { Table = e.Label } : null), d.UnitOf(e)) : V(row.Total, e);
            a.Equal(R.D10, stated, V(line.Amount, s), (x, y) => $"{code} {line.Label}：公开03 为 {F(x)}，公开01 为 {F(y)}，两表不一致。", at: row?.Total.At ?? line.Amount.At);
        }
    }

    // ---------------------------------------------------------------- 公开04 (D11) and its cross-checks (D12, D13)

    private void Appropriation()
    {
        if (!Present(R.D11, d.Appropriation, DisclosureTableKind.AppropriationSummary)) return;
        var t = d.Appropriation!;
        var u = U(t);
        var sub = t.IncomeLine(SummaryLineKind.IncomeSubtotal);
        if (sub is not null)
        {
            var parts = t.Income.Where(l => l.Kind is SummaryLineKind.GeneralBudgetAppropriation or SummaryLineKind.GovernmentFundAppropriation or SummaryLineKind.StateCapitalAppropriation).Select(l => V(l.Amount, t)).ToList();
            a.Sum(R.D11, V(sub.Amount, t), parts, (x, y) => $"公开04 本年收入合计 {F(x)}{u} 不等于三项财政拨款收入之和 {F(y)}{u}。");
        }
        var opening = t.IncomeLine(SummaryLineKind.OpeningBalance);
        var openingParts = t.Income.Where(l => l.Kind is SummaryLineKind.OpeningBalanceGeneralBudget or SummaryLineKind.OpeningBalanceGovernmentFund or SummaryLineKind.OpeningBalanceStateCapital).ToList();
        if (opening is not null && openingParts.Count > 0)
            a.Sum(R.D11, V(opening.Amount, t), openingParts.Select(l => V(l.Amount, t)).ToList(), (x, y) => $"公开04 年初财政拨款结转和结余 {F(x)}{u} 不等于其下三项之和 {F(y)}{u}。");
        var incomeTotal = t.IncomeLine(SummaryLineKind.IncomeTotal);
        if (incomeTotal is not null && sub is not null)
        {
            var parts = new List<Fv> { V(sub.Amount, t) };
            if (opening is not null) parts.Add(V(opening.Amount, t));
            a.Sum(R.D11, V(incomeTotal.Amount, t), parts, (x, y) => $"公开04 收入总计 {F(x)}{u} 不等于本年收入合计与年初财政拨款结转和结余之和 {F(y)}{u}。");
        }
        foreach (var l in t.Expenditure)
            a.Sum(R.D11, V(l.Total, t), [V(l.GeneralBudget, t), V(l.GovernmentFund, t), V(l.StateCapital, t)],
                (x, y) => $"公开04 {l.Label}：合计 {F(x)}{u} 不等于三类财政拨款之和 {F(y)}{u}。", at: l.Total.At);
        var expSub = t.ExpenditureLine(SummaryLineKind.ExpenditureSubtotal);
        var classes = t.Expenditure.TakeWhile(l => l != expSub).Where(l => l.Kind is SummaryLineKind.FunctionClass or SummaryLineKind.Unknown).ToList();
        if (expSub is not null)
            foreach (var (col, i) in AppropriationLine.ColumnNames.Select((c, i) => (c, i)))
                a.Sum(R.D11, V(expSub.Cells().ElementAt(i).Figure, t), classes.Select(l => V(l.Cells().ElementAt(i).Figure, t)).ToList(),
                    (x, y) => $"公开04 本年支出合计“{col}”栏 {F(x)}{u} 不等于各类支出之和 {F(y)}{u}。");
        var expTotal = t.ExpenditureLine(SummaryLineKind.ExpenditureTotal);
        var closing = t.ExpenditureLine(SummaryLineKind.ClosingBalance);
        if (expTotal is not null && expSub is not null)
            foreach (var (col, i) in AppropriationLine.ColumnNames.Select((c, i) => (c, i)))
            {
                var parts = new List<Fv> { V(expSub.Cells().ElementAt(i).Figure, t) };
                if (closing is not null) parts.Add(V(closing.Cells().ElementAt(i).Figure, t));
                a.Sum(R.D11, V(expTotal.Cells().ElementAt(i).Figure, t), parts, (x, y) => $"公开04 支出总计“{col}”栏 {F(x)}{u} 不等于本年支出合计与年末结转和结余之和 {F(y)}{u}。");
            }
        if (expTotal is not null && incomeTotal is not null)
            a.Equal(R.D11, V(expTotal.Total, t), V(incomeTotal.Amount, t), (x, y) => $"公开04 支出总计 {F(x)}{u} 与收入总计 {F(y)}{u} 不等。");
    }

    private void AppropriationCross()
    {
        var t = d.Appropriation;
        if (Present(R.D12, t, DisclosureTableKind.AppropriationSummary))
        {
            if (d.Summary is { } s)
                foreach (var k in new[] { SummaryLineKind.GeneralBudgetAppropriation, SummaryLineKind.GovernmentFundAppropriation, SummaryLineKind.StateCapitalAppropriation })
                    if (t!.IncomeLine(k) is { } l4 && s.IncomeLine(k) is { } l1)
                        a.Equal(R.D12, V(l4.Amount, t), V(l1.Amount, s), (x, y) => $"公开04 收入“{l4.Label}”{F(x)} 与公开01“{l1.Label}”{F(y)} 不一致。");
            if (d.Income?.Total is { } it && t!.IncomeLine(SummaryLineKind.IncomeSubtotal) is { } sub)
                a.Equal(R.D12, V(sub.Amount, t), V(it.Appropriation, d.Income), (x, y) => $"公开04 本年收入合计 {F(x)} 与公开02 财政拨款收入合计 {F(y)} 不一致。");
            if (d.Summary is null && d.Income is null) Ctx.NotRun(R.D12, "缺少公开01 和公开02");
        }
        if (!Present(R.D13, t, DisclosureTableKind.AppropriationSummary)) return;
        var general = d.GeneralBudget;
        if (general is null) Ctx.NotRun(R.D13, "缺少公开05 一般公共预算财政拨款支出决算表");
        else ColumnVsTable(general, l => l.GeneralBudget, r => r.Total, "一般公共预算财政拨款");
        if (d.GovernmentFunds is { } funds) ColumnVsTable(funds, l => l.GovernmentFund, r => r.ExpenditureTotal, "政府性基金预算财政拨款");
        if (d.StateCapital is { } capital) ColumnVsTable(capital, l => l.StateCapital, r => r.Total, "国有资本经营预算财政拨款");

        void ColumnVsTable<TRow>(CodedTable<TRow> table, Func<AppropriationLine, Figure> column, Func<TRow, Figure> total, string columnName) where TRow : CodedRow
        {
            var sub = t!.ExpenditureLine(SummaryLineKind.ExpenditureSubtotal);
            if (sub is not null && table.Total is not null)
                a.Equal(R.D13, V(total(table.Total), table), V(column(sub), t), (x, y) => $"{table.Label} 合计 {F(x)} 与公开04 本年支出合计“{columnName}”栏 {F(y)} 不一致。");
            var lines = t.ClassLines().Where(l => l.ClassCode is not null).GroupBy(l => l.ClassCode!).ToDictionary(g => g.Key, g => g.First());
            foreach (var row in table.ClassRows())
            {
                if (!lines.TryGetValue(row.Code!, out var line))
                {
                    if (!FigureValues.IsZeroOrBlank(total(row)))
                        Ctx.Report(R.D13, total(row).At, $"{table.Label} 有 {row.Describe()}，公开04 支出栏没有这一类。", total(row).Text, "公开04 列示该类");
                    continue;
                }
                a.Equal(R.D13, V(total(row), table), V(column(line), t), (x, y) => $"{row.Describe()}：{table.Label} 为 {F(x)}，公开04“{columnName}”栏为 {F(y)}，两表不一致。");
            }
            // A class in 公开04's column with an amount but no row in the table.
            var codes = table.ClassRows().Select(r => r.Code!).ToHashSet();
            foreach (var (code, line) in lines)
                if (!codes.Contains(code) && !FigureValues.IsZeroOrBlank(column(line)))
                    Ctx.Report(R.D13, column(line).At, $"公开04“{columnName}”栏有 {line.Label} {column(line).Text}，{table.Label} 没有这一类。", column(line).Text, $"{table.Label} 列示该类");
        }
    }

    // ---------------------------------------------------------------- 公开06 (D15, D16, D17, D19)

    private void EconomicDetail()
    {
        var e = d.EconomicDetail;
        var g = d.GeneralBudget;
        foreach (var rule in new[] { R.D15, R.D16, R.D17, R.D19 })
            if (e is null) { Present(rule, e, DisclosureTableKind.EconomicDetail); }
        if (e is null) return;
        var classes = e.Rows.Where(r => r.Code is { Length: 3 }).ToList();
        EconomicTotal Totals(EconomicGroup group, EconomicTotal? stated)
        {
            if (stated is not null) return stated;
            var rows = classes.Where(r => r.Group == group).ToList();
            return new EconomicTotal
            {
                Amount = Figure.Of(rows.Sum(r => FigureValues.AmountOf(r.Amount) ?? 0m)),
                Basic = Figure.Of(rows.Sum(r => FigureValues.AmountOf(r.Basic) ?? 0m)),
            };
        }
        var personnel = Totals(EconomicGroup.Personnel, e.PersonnelTotal);
        var publicTotal = Totals(EconomicGroup.Public, e.PublicTotal);

        // D15
        if (g?.Total is null) Ctx.NotRun(R.D15, "缺少公开05 合计行");
        else if (!e.HasBasicColumn) Ctx.NotRun(R.D15, "公开06 没有基本支出栏");
        else a.Sum(R.D15, V(g.Total.Basic, g), [V(personnel.Basic, e), V(publicTotal.Basic, e)],
            (x, y) => $"公开05 基本支出合计 {F(x)} 不等于公开06 人员经费合计与公用经费合计（基本支出）之和 {F(y)}。");
        // D16
        if (g?.Total is null) Ctx.NotRun(R.D16, "缺少公开05 合计行");
        else if (!e.HasAmountColumn) Ctx.NotRun(R.D16, "公开06 只列基本支出，没有金额栏");
        else a.Sum(R.D16, V(g.Total.Total, g), [V(personnel.Amount, e), V(publicTotal.Amount, e)],
            (x, y) => $"公开05 本年支出合计 {F(x)} 不等于公开06 人员经费合计与公用经费合计（金额）之和 {F(y)}。");
        // D17
        if (e.HasNoData()) Ctx.NotRun(R.D17, "公开06 没有数据");
        else
        {
            var columns = new List<(string Name, Func<EconomicRow, Figure> Row, Func<EconomicTotal, Figure> Total)>();
            if (e.HasAmountColumn) columns.Add(("金额", r => r.Amount, t => t.Amount));
            if (e.HasBasicColumn) columns.Add(("基本支出", r => r.Basic, t => t.Basic));
            var kids = e.Rows.Where(r => r.Code is { Length: 5 }).GroupBy(r => r.Code![..3]).ToDictionary(x => x.Key, x => x.ToList());
            foreach (var c in classes)
                if (kids.TryGetValue(c.Code!, out var items))
                    foreach (var (col, get, _) in columns)
                        a.Sum(R.D17, V(get(c), e), items.Select(i => V(get(i), e)).ToList(), (x, y) => $"公开06 {c.Describe()}“{col}”为 {F(x)}，其下各款之和为 {F(y)}，相差 {F(x - y)}。", at: get(c).At);
            foreach (var (group, total, name) in new[] { (EconomicGroup.Personnel, e.PersonnelTotal, "人员经费合计"), (EconomicGroup.Public, e.PublicTotal, "公用经费合计") })
            {
                if (total is null) continue;
                var rows = classes.Where(r => r.Group == group).ToList();
                foreach (var (col, get, getTotal) in columns)
                    a.Sum(R.D17, V(getTotal(total), e), rows.Select(r => V(get(r), e)).ToList(),
                        (x, y) => $"公开06 {name}“{col}”为 {F(x)}，{string.Join("、", rows.Select(r => r.Code))} 各类之和为 {F(y)}，相差 {F(x - y)}。", at: getTotal(total).At);
            }
        }
        // D19
        var s = d.ThreePublic;
        if (s is null) { Ctx.NotRun(R.D19, "缺少公开07 “三公”经费支出决算表"); return; }
        Figure Col(EconomicRow r) => e.HasAmountColumn ? r.Amount : r.Basic;
        void Cap(string[] codes, Figure actual, string item)
        {
            var rows = codes.Select(e.Row).Where(r => r is not null).Select(r => r!).ToList();
            if (rows.Count == 0) return;
            a.AtMost(R.D19, rows.Select(r => V(Col(r), e)).ToList(), V(actual, s),
                (x, y) => $"公开06 {string.Join("、", rows.Select(r => r.Describe()))}为 {F(x)}，超过公开07 {item}决算数 {F(y)}。", rows[0].At);
        }
        Cap(["30212"], s.Actual.Abroad, "因公出国（境）费");
        Cap(["30217"], s.Actual.Reception, "公务接待费");
        Cap(["30231"], s.Actual.VehicleOperation, "公务用车运行维护费");
        Cap(["30913", "31013"], s.Actual.VehiclePurchase, "公务用车购置费");
    }

    // ---------------------------------------------------------------- 公开07 (D18)

    private void ThreePublic()
    {
        var t = d.ThreePublic;
        if (!Present(R.D18, t, DisclosureTableKind.ThreePublicExpenses) || !HasData(R.D18, t!)) return;
        foreach (var (block, name) in new[] { (t!.Budget, "预算数"), (t.Actual, "决算数") })
        {
            var parts = new List<Fv> { V(block.Abroad, t), V(block.VehicleTotal, t), V(block.Reception, t) };
            var withExtras = parts.ToList();
            if (block.Meeting is not null) withExtras.Add(V(block.Meeting, t));
            if (block.Training is not null) withExtras.Add(V(block.Training, t));
            // "三公"经费及会议费、培训费: the 合计 may include the two extra columns.
            var total = V(block.Total, t);
            var tol = a.ToleranceYuan(total.Unit, withExtras.Append(total));
            var plain = parts.Sum(p => p.Yuan ?? 0m);
            var extra = withExtras.Sum(p => p.Yuan ?? 0m);
            if (withExtras.Count > parts.Count && total.Yuan is { } ty && Math.Abs(ty - extra) <= tol && Math.Abs(ty - plain) > tol) Ctx.Checked(R.D18);
            else a.Sum(R.D18, total, parts, (x, y) => $"公开07 {name}：合计 {F(x)} 不等于因公出国（境）费、公务用车购置及运行维护费、公务接待费之和 {F(y)}。");
            a.Sum(R.D18, V(block.VehicleTotal, t), [V(block.VehiclePurchase, t), V(block.VehicleOperation, t)],
                (x, y) => $"公开07 {name}：公务用车购置及运行维护费 {F(x)} 不等于购置费与运行维护费之和 {F(y)}。");
        }
    }

    // ---------------------------------------------------------------- 公开08 (D20)

    private void GovernmentFunds()
    {
        var t = d.GovernmentFunds;
        if (!Present(R.D20, t, DisclosureTableKind.GovernmentFunds) || !HasData(R.D20, t!)) return;
        foreach (var r in Rows(t!))
        {
            a.Sum(R.D20, V(r.ClosingBalance, t!), [V(r.OpeningBalance, t!), V(r.Income, t!), V(r.ExpenditureTotal, t!)],
                (x, y) => $"公开08 {r.Describe()}：年末结转和结余 {F(x)} 不等于年初结转和结余 + 本年收入 − 本年支出 = {F(y)}。", [1, 1, -1]);
            a.Sum(R.D20, V(r.ExpenditureTotal, t!), [V(r.Basic, t!), V(r.Project, t!)],
                (x, y) => $"公开08 {r.Describe()}：本年支出小计 {F(x)} 不等于基本支出与项目支出之和 {F(y)}。");
        }
    }

    // ---------------------------------------------------------------- 公开10 (D21)

    private void Statistics()
    {
        var t = d.Statistics;
        if (!Present(R.D21, t, DisclosureTableKind.Statistics)) return;
        var u = U(t!);
        if (t!.ProcurementTotal is { } p)
            a.Sum(R.D21, V(p.Value, t), new[] { t.ProcurementGoods, t.ProcurementWorks, t.ProcurementServices }.Select(l => V(l?.Value, t)).ToList(),
                (x, y) => $"公开10 政府采购合计 {F(x)}{u} 不等于货物、工程、服务之和 {F(y)}{u}。");
        if (t.OperatingCostsTotal is { } o)
            a.Sum(R.D21, V(o.Value, t), new[] { t.OperatingCostsAdministrative, t.OperatingCostsCivilServiceManaged }.Select(l => V(l?.Value, t)).ToList(),
                (x, y) => $"公开10 机关运行经费合计 {F(x)}{u} 不等于行政单位与参公事业单位之和 {F(y)}{u}。");
        if (t.VehiclesTotal is { } v && t.Vehicles.Count > 0)
        {
            // Vehicle counts are not money: compare exactly.
            var parts = t.Vehicles.Select(x => new Fv(x.Count, MoneyUnit.Yuan)).ToList();
            a.Sum(R.D21, new Fv(v.Value, MoneyUnit.Yuan), parts, (x, y) => $"公开10 车辆数合计 {x:0} 辆不等于 8 类车辆之和 {y:0} 辆。");
        }
        if (t.ProcurementTotal is null && t.OperatingCostsTotal is null && t.VehiclesTotal is null)
            Ctx.NotRun(R.D21, "公开10 没有可核对的合计行");
    }
}
