using System.Text;
using Jixiao.Core.Model;
using Jixiao.Core.Money;

namespace Jixiao.Core.FinalAccounts.Drafting;

/// <summary>
/// Writes the 情况说明 (sections 一 … 十) from the tables, in the template wording units use. Every figure is
/// the tables' own; shares use the denominators of rules.md D22. The year-on-year sentences use last year's
/// disclosure when given; without it they carry a clear placeholder, never an invented number.
/// </summary>
public static class ExplanationDrafter
{
    /// <summary>Placeholder for last year's figures.</summary>
    public const string LastYearPlaceholder = "【请填写上年数】";
    /// <summary>Placeholder for a rate that needs last year's figures.</summary>
    public const string RatePlaceholder = "【请填写增减率】";
    /// <summary>Placeholder for the reasons of a change.</summary>
    public const string ReasonPlaceholder = "【请填写原因】";
    /// <summary>Placeholder for a figure the tables do not hold.</summary>
    public const string FillPlaceholder = "【请填写】";

    public static List<ExplanationSection> Draft(FinalAccountsDisclosure d, FinalAccountsDisclosure? previousYear = null) =>
        new Writer(d, previousYear).Write();

    private sealed class Writer(FinalAccountsDisclosure d, FinalAccountsDisclosure? prev)
    {
        private readonly List<ExplanationSection> _sections = [];
        private string Unit => d.UnitOf(null).ChineseName();
        private string Who => d.Unit ?? "本部门";
        private string Year => d.Year is { } y ? $"{y}年度" : "本年度";
        private string LastYear => d.Year is { } y ? $"{y - 1}年" : "上年";

        private static decimal V(Figure? f) => FigureValues.AmountOf(f) ?? 0m;
        private decimal InUnit(Figure? f, DisclosureTable? t) => V(f) * d.UnitOf(t).YuanPer() / d.UnitOf(null).YuanPer();
        private string M(decimal v) => NumberText.Format(v) + Unit;
        private string M(Figure? f, DisclosureTable? t) => M(InUnit(f, t));
        private static string P(decimal part, decimal whole) => whole == 0m ? "0.00%" : NumberText.FormatPercent(Rates.Percent(part, whole)!.Value);

        private ExplanationSection Section(int level, string number, string heading)
        {
            var s = new ExplanationSection { Level = level, Number = number, Heading = heading };
            _sections.Add(s);
            return s;
        }

        private static void Add(ExplanationSection s, string text) => s.Paragraphs.Add(new ExplanationParagraph(text));

        /// <summary>"与2021年相比，收入总计增加X元，增长Y%" — from last year's figure, or with placeholders.</summary>
        private string Change(string subject, decimal current, decimal? last)
        {
            if (last is null) return $"{subject}增加（减少）{LastYearPlaceholder}{Unit}，增长（下降）{RatePlaceholder}";
            var delta = current - last.Value;
            if (last.Value == 0m) return delta == 0m ? $"{subject}与上年相同" : $"{subject}增加{M(delta)}（上年无此项）";
            if (delta == 0m) return $"{subject}与上年相同";
            var rate = NumberText.FormatPercent(Math.Round(Math.Abs(delta) / last.Value * 100m, 2, MidpointRounding.AwayFromZero));
            return delta > 0 ? $"{subject}增加{M(delta)}，增长{rate}" : $"{subject}减少{M(-delta)}，下降{rate}";
        }

        private decimal? Prev(Func<FinalAccountsDisclosure, Figure?> get, Func<FinalAccountsDisclosure, DisclosureTable?> table)
        {
            if (prev is null || get(prev) is not { } f) return null;
            return V(f) * prev.UnitOf(table(prev)).YuanPer() / d.UnitOf(null).YuanPer();
        }

        public List<ExplanationSection> Write()
        {
            Overall();
            Income();
            Expenditure();
            Appropriation();
            GeneralBudget();
            Basic();
            Funds();
            ThreePublic();
            Other();
            return _sections;
        }

        private void Overall()
        {
            var s = Section(1, "一", "收入支出决算总体情况说明");
            var t = d.Summary;
            var income = InUnit(t?.IncomeLine(SummaryLineKind.IncomeTotal)?.Amount, t);
            var spend = InUnit(t?.ExpenditureLine(SummaryLineKind.ExpenditureTotal)?.Amount, t);
            var pi = Prev(p => p.Summary?.IncomeLine(SummaryLineKind.IncomeTotal)?.Amount, p => p.Summary);
            var pe = Prev(p => p.Summary?.ExpenditureLine(SummaryLineKind.ExpenditureTotal)?.Amount, p => p.Summary);
            Add(s, $"{Year}收入总计{M(income)}、支出总计{M(spend)}。与{LastYear}相比，{Change("收入总计", income, pi)}，{Change("支出总计", spend, pe)}。主要原因是：{ReasonPlaceholder}。");
        }

        private void Income()
        {
            var s = Section(1, "二", "收入决算情况说明");
            var sum = d.Summary;
            var i = d.Income?.Total;
            var total = sum?.IncomeLine(SummaryLineKind.IncomeSubtotal) is { } l ? InUnit(l.Amount, sum) : InUnit(i?.Total, d.Income);
            Add(s, $"{Year}收入合计{M(total)}，其中：");
            var items = new (string Name, Figure? F)[]
            {
                ("财政拨款收入", i?.Appropriation), ("上级补助收入", i?.UpperSubsidy), ("事业收入", i?.Business),
                ("经营收入", i?.Operating), ("附属单位上缴收入", i?.Affiliated), ("其他收入", i?.Other),
            };
            for (var k = 0; k < items.Length; k++)
            {
                var v = InUnit(items[k].F, d.Income);
                Add(s, $"{items[k].Name}{M(v)}，占比{P(v, total)}{(k == items.Length - 1 ? "。" : "；")}");
            }
        }

        private void Expenditure()
        {
            var s = Section(1, "三", "支出决算情况说明");
            var e = d.Expenditure?.Total;
            var total = e is not null ? InUnit(e.Total, d.Expenditure) : InUnit(d.Summary?.ExpenditureLine(SummaryLineKind.ExpenditureSubtotal)?.Amount, d.Summary);
            Add(s, $"{Year}支出合计{M(total)}，其中：");
            var items = new (string Name, Figure? F)[]
            {
                ("基本支出", e?.Basic), ("项目支出", e?.Project), ("上缴上级支出", e?.RemitToUpper),
                ("经营支出", e?.Operating), ("对附属单位补助支出", e?.SubsidyToAffiliated),
            };
            for (var k = 0; k < items.Length; k++)
            {
                var v = InUnit(items[k].F, d.Expenditure);
                Add(s, $"{items[k].Name}{M(v)}，占比{P(v, total)}{(k == items.Length - 1 ? "。" : "；")}");
            }
        }

        private void Appropriation()
        {
            var s = Section(1, "四", "财政拨款收支决算总体情况说明");
            var t = d.Appropriation;
            var income = InUnit(t?.IncomeLine(SummaryLineKind.IncomeTotal)?.Amount, t);
            var spend = InUnit(t?.ExpenditureLine(SummaryLineKind.ExpenditureTotal)?.Total, t);
            var pi = Prev(p => p.Appropriation?.IncomeLine(SummaryLineKind.IncomeTotal)?.Amount, p => p.Appropriation);
            var pe = Prev(p => p.Appropriation?.ExpenditureLine(SummaryLineKind.ExpenditureTotal)?.Total, p => p.Appropriation);
            Add(s, $"{Who}{Year}财政拨款收入总计{M(income)}，支出总计{M(spend)}。与{LastYear}相比，{Change("财政拨款收入总计", income, pi)}，{Change("财政拨款支出总计", spend, pe)}。主要原因是：{ReasonPlaceholder}。");
        }

        private void GeneralBudget()
        {
            Section(1, "五", "一般公共预算财政拨款支出决算情况说明");
            var g = d.GeneralBudget;
            var total = InUnit(g?.Total?.Total, g);
            var spendTotal = d.Expenditure?.Total is { } et ? InUnit(et.Total, d.Expenditure) : InUnit(d.Summary?.ExpenditureLine(SummaryLineKind.ExpenditureSubtotal)?.Amount, d.Summary);
            var s1 = Section(2, "一", "财政拨款支出决算总体情况");
            var pg = Prev(p => p.GeneralBudget?.Total?.Total, p => p.GeneralBudget);
            Add(s1, $"{Who}{Year}财政拨款决算支出{M(total)}，占本年支出合计的{P(total, spendTotal)}。与{LastYear}相比，{Change("财政拨款支出", total, pg)}。主要原因是：{ReasonPlaceholder}。");
            var s2 = Section(2, "二", "财政拨款支出决算结构情况");
            Add(s2, $"{Who}{Year}财政拨款支出{M(total)}，主要用于以下方面：");
            var classes = g?.ClassRows().Where(r => V(r.Total) != 0m).ToList() ?? [];
            for (var k = 0; k < classes.Count; k++)
            {
                var v = InUnit(classes[k].Total, g);
                Add(s2, $"{classes[k].Name}（类）{M(v)}，占比{P(v, total)}{(k == classes.Count - 1 ? "。" : "；")}");
            }
            var s3 = Section(2, "三", "财政拨款支出决算具体情况");
            Add(s3, $"{Who}{Year}财政拨款支出{Completion(g?.Total, total, g)}。其中：");
            foreach (var c in classes)
            {
                var v = InUnit(c.Total, g);
                var pc = prev?.GeneralBudget?.Row(c.Code!) is { } pr ? V(pr.Total) * prev.UnitOf(prev.GeneralBudget).YuanPer() / d.UnitOf(null).YuanPer() : (decimal?)null;
                Add(s3, $"{c.Name}{Completion(c, v, g)}，用于{FillPlaceholder}。较{LastYear}决算{Change("", v, prev is null ? null : pc ?? 0m)}，主要原因是：{ReasonPlaceholder}。");
            }
        }

        private string Completion(GeneralBudgetRow? row, decimal actual, DisclosureTable? t)
        {
            if (row?.InitialBudget is { } ib && FigureValues.AmountOf(ib) is { } b)
            {
                var budget = b * d.UnitOf(t).YuanPer() / d.UnitOf(null).YuanPer();
                return budget == 0m
                    ? $"年初预算{M(0m)}，支出决算{M(actual)}，年初未安排预算"
                    : $"年初预算{M(budget)}，支出决算{M(actual)}，完成年初预算的{P(actual, budget)}";
            }
            return $"年初预算{FillPlaceholder}{Unit}，支出决算{M(actual)}，完成年初预算的{FillPlaceholder}%";
        }

        private void Basic()
        {
            var s = Section(1, "六", "一般公共预算财政拨款基本支出决算情况说明");
            var g = d.GeneralBudget;
            var e = d.EconomicDetail;
            Add(s, $"{Who}{Year}财政拨款基本支出{M(g?.Total?.Basic, g)}，其中：");
            string Items(EconomicGroup group)
            {
                if (e is null) return FillPlaceholder;
                var rows = e.Rows.Where(r => r.Group == group && r.Code is { Length: 5 } && V(e.HasBasicColumn ? r.Basic : r.Amount) != 0m)
                    .Select(r => $"{r.Name}{M(e.HasBasicColumn ? r.Basic : r.Amount, e)}").ToList();
                return rows.Count == 0 ? "无" : string.Join("，", rows);
            }
            Figure? Total(EconomicTotal? t, EconomicGroup group) => t?.Basic ?? (e is null ? null : Figure.Of(e.Rows.Where(r => r.Group == group && r.Code is { Length: 3 }).Sum(r => V(r.Basic))));
            Add(s, $"人员经费{M(Total(e?.PersonnelTotal, EconomicGroup.Personnel), e)}，主要包括{Items(EconomicGroup.Personnel)}；");
            Add(s, $"公用经费{M(Total(e?.PublicTotal, EconomicGroup.Public), e)}，主要包括{Items(EconomicGroup.Public)}。");
        }

        private void Funds()
        {
            var s7 = Section(1, "七", "政府性基金预算财政拨款收支决算情况说明");
            var f = d.GovernmentFunds;
            if (f is null || f.HasNoData()) Add(s7, "本年度无此项支出。");
            else Add(s7, $"{Who}{Year}政府性基金预算财政拨款年初结转和结余{M(f.Total?.OpeningBalance, f)}，本年收入{M(f.Total?.Income, f)}，本年支出{M(f.Total?.ExpenditureTotal, f)}，年末结转和结余{M(f.Total?.ClosingBalance, f)}。");
            var s8 = Section(1, "八", "国有资本经营预算财政拨款支出决算情况说明");
            var c = d.StateCapital;
            if (c is null || c.HasNoData()) Add(s8, "本年度无此项支出。");
            else Add(s8, $"{Who}{Year}国有资本经营预算财政拨款支出{M(c.Total?.Total, c)}，其中基本支出{M(c.Total?.Basic, c)}，项目支出{M(c.Total?.Project, c)}。");
        }

        private void ThreePublic()
        {
            Section(1, "九", "财政拨款“三公”经费支出决算情况说明");
            var t = d.ThreePublic;
            var s1 = Section(2, "一", "“三公”经费财政拨款支出决算总体情况说明");
            var pt = prev?.ThreePublic;
            string Line(string name, Figure? budget, Figure? actual, Figure? last, bool total)
            {
                var b = InUnit(budget, t);
                var a = InUnit(actual, t);
                var sb = new StringBuilder();
                sb.Append(total ? $"{Year}“三公”经费财政拨款支出预算{M(b)}，支出决算{M(a)}，" : $"{name}支出{M(a)}，");
                sb.Append(b == 0m ? "年初未安排预算" : $"完成年初预算的{P(a, b)}");
                var lastValue = pt is null ? (decimal?)null : V(last) * prev!.UnitOf(pt).YuanPer() / d.UnitOf(null).YuanPer();
                var change = lastValue is null ? null : Change("", a, lastValue);
                sb.Append('，').Append(change is null ? $"与上年相比{LastYearPlaceholder}" : change.StartsWith("与上年", StringComparison.Ordinal) ? change : "较上年" + change);
                sb.Append(total ? "。其中：" : $"，主要原因是：{ReasonPlaceholder}");
                return sb.ToString();
            }
            Add(s1, Line("", t?.Budget.Total, t?.Actual.Total, pt?.Actual.Total, true));
            Add(s1, Line("因公出国（境）费", t?.Budget.Abroad, t?.Actual.Abroad, pt?.Actual.Abroad, false) + "；");
            Add(s1, Line("公务用车购置费", t?.Budget.VehiclePurchase, t?.Actual.VehiclePurchase, pt?.Actual.VehiclePurchase, false) + "；");
            Add(s1, Line("公务用车运行维护费", t?.Budget.VehicleOperation, t?.Actual.VehicleOperation, pt?.Actual.VehicleOperation, false) + "；");
            Add(s1, Line("公务接待费", t?.Budget.Reception, t?.Actual.Reception, pt?.Actual.Reception, false) + "。");
            var s2 = Section(2, "二", "“三公”经费财政拨款支出决算具体情况说明");
            Add(s2, $"1、因公出国（境）费支出{M(t?.Actual.Abroad, t)}，出国团组共{FillPlaceholder}个，{FillPlaceholder}人次。主要用于：{FillPlaceholder}。");
            Add(s2, $"2、公务用车购置费支出{M(t?.Actual.VehiclePurchase, t)}，使用财政拨款共购置公务用车{FillPlaceholder}辆，主要用于：{FillPlaceholder}。");
            Add(s2, $"3、公务用车运行维护费支出{M(t?.Actual.VehicleOperation, t)}，使用财政拨款负担的公务用车保有量共{FillPlaceholder}辆，主要用于：{FillPlaceholder}。");
            Add(s2, $"4、公务接待费支出{M(t?.Actual.Reception, t)}，共接待{FillPlaceholder}批次，{FillPlaceholder}人次，主要用于：{FillPlaceholder}。");
        }

        private void Other()
        {
            Section(1, "十", "其他重要事项情况说明");
            var st = d.Statistics;
            var s1 = Section(2, "一", "机关运行经费支出情况说明");
            var operating = st is null ? 0m : st.OperatingCostsTotal is { } ot ? InUnit(ot.Value, st) : InUnit(st.OperatingCostsAdministrative?.Value, st) + InUnit(st.OperatingCostsCivilServiceManaged?.Value, st);
            Add(s1, operating == 0m ? "本部门无机关运行经费。" : $"{Who}{Year}机关运行经费支出{M(operating)}。主要用于办公费、印刷费、水电费、办公设备购置等日常公用经费支出。");
            var s2 = Section(2, "二", "政府采购情况说明");
            var total = InUnit(st?.ProcurementTotal?.Value, st);
            var sme = st?.ProcurementSme is { } sl
                ? $"政府采购授予中小企业合同金额{M(sl.Value, st)}，占政府采购支出总额的{P(InUnit(sl.Value, st), total)}。"
                : $"政府采购授予中小企业合同金额{FillPlaceholder}{Unit}，占政府采购支出总额的{FillPlaceholder}%。";
            Add(s2, $"{Who}{Year}政府采购支出总额{M(total)}，其中：政府采购货物支出{M(st?.ProcurementGoods?.Value, st)}、政府采购工程支出{M(st?.ProcurementWorks?.Value, st)}、政府采购服务支出{M(st?.ProcurementServices?.Value, st)}。{sme}");
            var s3 = Section(2, "三", "国有资产占用情况说明");
            static string N(Figure? f) => ((int)(FigureValues.AmountOf(f) ?? 0m)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var categories = Enum.GetValues<VehicleCategory>().Select(c => $"{c.ChineseName()}{N(st?.Vehicles.FirstOrDefault(v => v.Category == c)?.Count)}辆");
            var date = d.Year is { } y ? $"截至{y}年12月31日，" : "截至年末，";
            Add(s3, $"{date}本部门共有车辆{N(st?.VehiclesTotal?.Value)}辆，其中：{string.Join("、", categories)}；单价100万元以上设备（不含车辆）{N(st?.Equipment?.Value)}台（套）。");
            var s4 = Section(2, "四", "预算绩效情况说明");
            Add(s4, $"{FillPlaceholder}（预算绩效管理工作开展情况、项目绩效自评结果、部门整体支出绩效自评结果、部门评价项目绩效评价结果）");
        }
    }
}
