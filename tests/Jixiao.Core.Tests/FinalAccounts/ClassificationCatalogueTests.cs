using Jixiao.Core.Checks;
using Jixiao.Core.Classification;
using Jixiao.Core.FinalAccounts;
using Jixiao.Core.FinalAccounts.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Rules;

namespace Jixiao.Core.Tests.FinalAccounts;

public class ClassificationCatalogueTests
{
    private static readonly ClassificationCatalogue C = ClassificationCatalogue.Default;

    [Fact]
    public void Loads_the_embedded_tsv_with_verified_flags()
    {
        Assert.Equal(414, C.Entries.Count);
        var e = C.Find(ClassificationKind.Function, "20805", 2022)!;
        Assert.Equal("行政事业单位养老支出", e.Name);
        Assert.True(e.Verified);
        Assert.Equal(["行政事业单位离退休"], e.FormerNames);
        Assert.False(C.Find(ClassificationKind.Function, "20802", 2022)!.Verified); // recalled-unverified
        Assert.Equal("资本金注入", C.Find(ClassificationKind.Economic, "31101")!.Name);
        Assert.Contains("资本注入", C.Find(ClassificationKind.Economic, "31101")!.PrintedVariants);
        Assert.Null(C.Find(ClassificationKind.Function, "20898"));
    }

    [Fact]
    public void Names_match_after_spaces_brackets_and_drift()
    {
        var e = C.Find(ClassificationKind.Function, "20805", 2022)!;
        Assert.Equal(NameMatch.Same, C.MatchName(e, "行政事 业单位 养老支 出"));
        Assert.Equal(NameMatch.FormerName, C.MatchName(e, "行政事业单位离退休"));
        Assert.Equal(NameMatch.Different, C.MatchName(e, "行政事业单位医疗"));
        Assert.Equal(NameMatch.Same, C.MatchName(C.Find(ClassificationKind.Economic, "30212")!, "因公出国(境)费用"));
        // 房屋构筑物构建 is recorded as printed for 30901; 31001 has the same official name, so it is known too.
        Assert.Equal(NameMatch.PrintedVariant, C.MatchName(C.Find(ClassificationKind.Economic, "31001")!, "房屋构筑物构建"));
        Assert.Equal("208", C.FindByName(ClassificationKind.Function, "八、社会保障和就业支出", 3)!.Code);
        Assert.Equal("301", C.FindByName(ClassificationKind.Economic, "工资福利支出", 3)!.Code);
        Assert.Null(C.FindByName(ClassificationKind.Economic, "房屋建筑物购建", 5)); // 30901 and 31001: ambiguous
        Assert.Equal("31001", C.FindByName(ClassificationKind.Economic, "房屋建筑物购建", 5, "310")!.Code);
    }

    private static FinalAccountsDisclosure Small(int year, params (string Code, string Name, decimal Amount)[] rows)
    {
        var t = new GeneralBudgetTable();
        foreach (var (code, name, amount) in rows)
            t.Rows.Add(new GeneralBudgetRow { Code = code, Name = name, Total = Figure.Of(amount), Basic = Figure.Of(amount) });
        return new FinalAccountsDisclosure { Id = "t", Year = year, GeneralBudget = t };
    }

    private static List<Finding> Codes(FinalAccountsDisclosure d)
    {
        var ctx = new CheckContext(d.Id, RuleSet.Default);
        FinalAccountsChecks.Run(d, [], ctx);
        return ctx.Findings.Where(f => f.Rule.StartsWith("FA-CODE", StringComparison.Ordinal) || f.Rule == "FA-D24").ToList();
    }

    [Fact]
    public void Drift_name_is_accepted_before_the_rename_and_a_hint_after()
    {
        var rows = new[] { ("208", "社会保障和就业支出", 10m), ("20805", "行政事业单位离退休", 10m) };
        Assert.Empty(Codes(Small(2019, rows)));
        var f = Assert.Single(Codes(Small(2022, rows)));
        Assert.Equal("FA-D24", f.Rule);
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Equal("行政事业单位养老支出", f.Expected);
    }

    [Fact]
    public void Unknown_codes_wrong_names_and_wrong_parents()
    {
        var found = Codes(Small(2022,
            ("299", "虚构支出", 5m),                      // unknown 类: warning
            ("208", "社会保障和就业支出", 10m),
            ("20898", "某某款", 4m),                       // unknown 款 under a 类 whose 款 list is unverified: info
            ("20801", "人力资源和社会保险管理事务", 6m),     // wrong name on a verified row: warning
            ("2080507", "对机关事业单位基本养老保险基金的补助", 6m))); // 项 under 20801 instead of 20805
        var unknownClass = Assert.Single(found, f => f.Rule == "FA-CODE-UNKNOWN" && f.Stated == "299");
        Assert.Equal(Severity.Warning, unknownClass.Severity);
        Assert.Equal(Severity.Info, Assert.Single(found, f => f.Rule == "FA-CODE-UNKNOWN" && f.Stated == "20898").Severity);
        var name = Assert.Single(found, f => f.Rule == "FA-D24");
        Assert.Equal(Severity.Warning, name.Severity);
        Assert.Equal("人力资源和社会保障管理事务", name.Expected);
        var parent = Assert.Single(found, f => f.Rule == "FA-CODE-PARENT");
        Assert.Equal("20805", parent.Expected);
        Assert.Equal(Severity.Warning, parent.Severity);
        Assert.Equal(4, found.Count);
    }

    [Fact]
    public void Wrong_name_on_an_unverified_row_is_only_a_hint()
    {
        var f = Assert.Single(Codes(Small(2022, ("208", "社会保障和就业支出", 10m), ("20802", "民政事务", 10m))));
        Assert.Equal("FA-D24", f.Rule);
        Assert.Equal(Severity.Info, f.Severity);
    }
}
