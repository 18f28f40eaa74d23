using Jixiao.Core.FinalAccounts;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Documents.FinalAccounts;
using Jixiao.Tests;

namespace Jixiao.Documents.Tests.FinalAccounts;

public class FinalAccountsTextReaderTests
{
    private static FinalAccountsTextResult ReadSeed() => FinalAccountsTextReader.Read(SeedFiles.FenyangName, SeedFiles.Lines(SeedFiles.FenyangName))!;

    private static decimal V(Figure? f) => f?.Value ?? 0m;

    [Fact]
    public void Seed_range_header_and_all_ten_tables()
    {
        var r = ReadSeed();
        var d = r.Disclosure;
        Assert.Equal(3, r.FirstLine);
        Assert.Equal(553, r.LastLine); // 第五部分 附件: the appendices start after it
        Assert.Equal("汾阳市社会保险中心", d.Unit);
        Assert.Equal(2022, d.Year);
        Assert.Equal(MoneyUnit.Yuan, d.DeclaredUnit);
        Assert.Equal(10, d.Tables().Count());
        Assert.Equal("公开02表", d.Income!.PrintedNumber);
        Assert.Null(d.EconomicDetail!.Unit); // "金额单位：" printed without a unit
        Assert.Contains(r.Findings, f => f.Rule == FinalAccountsReaderRules.Unit);
        Assert.DoesNotContain(r.Findings, f => f.Severity >= Jixiao.Core.Checks.Severity.Warning);
    }

    [Fact]
    public void Seed_summary_tables_exact()
    {
        var d = ReadSeed().Disclosure;
        var s = d.Summary!;
        Assert.Equal(416_868_418.19m, V(s.IncomeLine(SummaryLineKind.GeneralBudgetAppropriation)!.Amount));
        Assert.Equal(416_868_418.19m, V(s.IncomeLine(SummaryLineKind.IncomeSubtotal)!.Amount));
        Assert.Equal(416_868_418.19m, V(s.IncomeLine(SummaryLineKind.IncomeTotal)!.Amount));
        Assert.Equal(416_868_418.19m, V(s.ExpenditureLine(SummaryLineKind.ExpenditureTotal)!.Amount));
        Assert.Equal(26, s.ClassLines().Count());
        Assert.Equal(416_467_756.19m, V(s.ClassLines().Single(l => l.ClassCode == "208").Amount));
        Assert.Equal(400_662.00m, V(s.ClassLines().Single(l => l.ClassCode == "221").Amount));
        Assert.Equal("39.00", s.ClassLines().Single(l => l.ClassCode == "208").LineNo);
        Assert.Equal(63, s.ClassLines().Single(l => l.ClassCode == "201").At!.Line);

        var a = d.Appropriation!;
        Assert.Equal(416_868_418.19m, V(a.IncomeLine(SummaryLineKind.IncomeTotal)!.Amount));
        Assert.Equal(416_467_756.19m, V(a.ClassLines().Single(l => l.ClassCode == "208").GeneralBudget));
        Assert.Equal("二十六、抗疫特别国债安排的支出", a.ClassLines().Single(l => l.ClassCode == "234").Label); // label split over two lines
        Assert.Equal(SummaryLineKind.OpeningBalanceGeneralBudget, a.Income.Single(l => l.LineNo == "29").Kind);
    }

    [Fact]
    public void Seed_coded_tables_exact()
    {
        var d = ReadSeed().Disclosure;
        Assert.Equal(416_868_418.19m, V(d.Income!.Total!.Appropriation));
        Assert.Equal(13, d.Income.Rows.Count);
        Assert.Equal("其他社会保障和就业支出", d.Income.Row("20899")!.Name); // "其他社会保障" + "和就业支出"
        Assert.Equal("人力资源和社会保障管理事务", d.Income.Row("20801")!.Name); // "人力资 源和社 会保障 管理事 务"
        var e = d.Expenditure!;
        Assert.Equal(218_935_501.76m, V(e.Total!.Basic));
        Assert.Equal(197_932_916.43m, V(e.Total.Project));
        Assert.Equal(36_356_533.02m, V(e.Row("2080109")!.Project));
        Assert.True(e.Row("20826")!.Basic.IsBlank);
        Assert.Equal("公开03", e.Row("2080109")!.Project.At!.Table);
        Assert.Equal("项目支出", e.Row("2080109")!.Project.At!.Column);
        Assert.Equal(150, e.Row("2080109")!.Project.At!.Line);
        var g = d.GeneralBudget!;
        Assert.Equal(416_868_418.19m, V(g.Total!.Total));
        Assert.Equal(193_140_000.00m, V(g.Row("2080507")!.Basic));
        Assert.Null(g.Total.InitialBudget);
        Assert.True(d.GovernmentFunds!.IsEmptyDeclared);
        Assert.Equal("说明：本表无数据", d.GovernmentFunds.EmptyNote);
        Assert.True(d.StateCapital!.IsEmptyDeclared);
    }

    [Fact]
    public void Seed_economic_detail_four_blocks_with_abbreviated_codes()
    {
        var e = ReadSeed().Disclosure.EconomicDetail!;
        Assert.Equal(4_422_255.67m, V(e.Row("301")!.Amount));
        Assert.Equal(4_286_895.67m, V(e.Row("301")!.Basic));
        Assert.True(e.Row("301")!.CodeInferred); // printed without a code, found by name
        Assert.Equal(1_754_977.00m, V(e.Row("30101")!.Amount));
        Assert.Equal("01", e.Row("30101")!.PrintedCode);
        Assert.Equal(411_644_750.27m, V(e.Row("303")!.Amount));
        Assert.Equal(203_431_124.41m, V(e.Row("30302")!.Amount));
        Assert.Equal(21_375_088.00m, V(e.Row("30399")!.Basic));
        Assert.Equal(723_014.25m, V(e.Row("302")!.Amount));
        Assert.Equal(92_518.09m, V(e.Row("30229")!.Basic));
        Assert.Equal(78_398.00m, V(e.Row("310")!.Amount));
        Assert.Equal(78_398.00m, V(e.Row("31002")!.Amount));
        Assert.Equal(EconomicGroup.Personnel, e.Row("30302")!.Group);
        Assert.Equal(EconomicGroup.Public, e.Row("39999")!.Group);
        Assert.Equal(416_067_005.94m, V(e.PersonnelTotal!.Amount));
        Assert.Equal(218_801_983.67m, V(e.PersonnelTotal.Basic));
        Assert.Equal(801_412.25m, V(e.PublicTotal!.Amount));
        Assert.Equal("133518", e.PublicTotal.Basic.Text); // cut off in the extraction; kept as printed
        Assert.Equal(14 + 13 + 28 + 5 + 13 + 17 + 3 + 6 + 4 + 6, e.Rows.Count); // every printed row of the four blocks: 301, 303, 302, 307, 309, 310, 311, 312, 313, 399
    }

    [Fact]
    public void Seed_three_public_statistics_narrative_glossary()
    {
        var r = ReadSeed();
        var d = r.Disclosure;
        Assert.True(d.ThreePublic!.IsEmptyDeclared);
        Assert.True(d.ThreePublic.HasNoData());
        var s = d.Statistics!;
        Assert.Equal(78_398.00m, V(s.ProcurementTotal!.Value));
        Assert.Equal(78_398.00m, V(s.ProcurementGoods!.Value));
        Assert.True(s.ProcurementWorks!.Value.IsBlank);
        Assert.Equal(8, s.Vehicles.Count);
        Assert.NotNull(s.Equipment);
        Assert.Equal("17", s.Equipment!.LineNo);

        Assert.Equal(2, d.Overview.Count);
        Assert.Equal(["收入支出决算总体情况说明", "收入决算情况说明", "支出决算情况说明", "财政拨款收支决算总体情况说明", "一般公共预算财政拨款支出决算情况说明", "一般公共预算财政拨款基本支出决算情况说明", "政府性基金预算财政拨款收支决算情况说明", "国有资本经营预算财政拨款支出决算情况说明", "财政拨款“三公”经费支出决算情况说明", "其他重要事项情况说明"],
            d.Explanation.Where(x => x.Level == 1).Select(x => x.Heading));
        var perf = d.Explanation.Single(x => x.Heading == "项目绩效自评结果");
        Assert.Equal(3, perf.Level);
        Assert.Contains(perf.Paragraphs, p => p.Text.Contains("根据年初设定的绩效目标，项目绩效自评得分100分，项目全年预算数为30000元") && p.At!.EndLine == 516); // joined across the page break
        Assert.Equal(14, d.Glossary.Count);
        Assert.Equal("机关运行经费", d.Glossary[11].Term);
        Assert.EndsWith("财政代缴社会保险费等支出。", d.Glossary[12].Definition);
    }

    [Fact]
    public void Pipe_separated_copy_reads_the_same_figures()
    {
        var seed = FinalAccountsTextReader.Read("seed.txt", SeedVariants.Disclosure())!.Disclosure;
        var pipes = FinalAccountsTextReader.Read("pipes.txt", SeedVariants.Pipes())!.Disclosure;
        Assert.Equal(10, pipes.Tables().Count());
        foreach (var t in seed.Tables())
        {
            var other = pipes.Table(t.TableKind)!;
            Assert.Equal(t.AllFigures().Select(f => f.Value), other.AllFigures().Select(f => f.Value));
        }
        Assert.Equal(1_754_977.00m, pipes.EconomicDetail!.Row("30101")!.Amount.Value);
    }

    [Fact]
    public void Wan_yuan_copy_with_separators()
    {
        var d = FinalAccountsTextReader.Read("wan.txt", SeedVariants.Wan())!.Disclosure;
        Assert.Equal(MoneyUnit.WanYuan, d.DeclaredUnit);
        Assert.Equal(MoneyUnit.WanYuan, d.Summary!.Unit);
        Assert.Equal(41_686.84m, d.Summary.IncomeLine(SummaryLineKind.IncomeTotal)!.Amount.Value);
        Assert.Equal("41,686.84", d.Summary.IncomeLine(SummaryLineKind.IncomeTotal)!.Amount.Text);
        Assert.Equal(21_893.55m, d.Expenditure!.Total!.Basic.Value);
        Assert.Equal(175.50m, d.EconomicDetail!.Row("30101")!.Amount.Value);
        Assert.Equal(7.84m, d.Statistics!.ProcurementTotal!.Value.Value);
    }

    [Fact]
    public void Text_without_a_disclosure_gives_null()
    {
        Assert.Null(FinalAccountsTextReader.Read("x.txt", ["一、项目基本信息", "资金来源\t年初预算数", "合计\t1\t2"]));
    }

    [Fact]
    public void Unrecognised_table_and_stray_lines_are_reported_not_dropped()
    {
        string[] lines =
        [
            "某单位2023年度部门决算公开",
            "第二部分 2023年部门决算表",
            "支出决算表",
            "金额单位：元",
            "项目\t\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\t经营支出\t对附属单位补助支出",
            "合计\t\t100.00\t60.00\t40.00\t\t\t",
            "201\t一般公共服务支出\t100.00\t60.00\t40.00\t\t\t",
            "这是一行无法归类的文字",
            "第三部分 情况说明",
            "一、收入支出决算总体情况说明",
            "2023年度收入总计100.00元。",
        ];
        var r = FinalAccountsTextReader.Read("x.txt", lines)!;
        Assert.Equal(100.00m, r.Disclosure.Expenditure!.Total!.Total.Value);
        Assert.Equal(2023, r.Disclosure.Year);
        var stray = Assert.Single(r.Findings, f => f.Rule == FinalAccountsReaderRules.Unplaced);
        Assert.Equal(8, stray.At!.Line);
    }
}
