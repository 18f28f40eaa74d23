using Jixiao.Core.Checks;
using Jixiao.Core.FinalAccounts;
using Jixiao.Core.FinalAccounts.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Core.Rules;
using Jixiao.Documents.FinalAccounts;

namespace Jixiao.Core.Tests.FinalAccounts;

/// <summary>The Fenyang 2022 disclosure (seed 004) read from testdata, and its eleven project appendices as the lead's reader gives them.</summary>
internal static class FenyangSeed
{
    public const string FileName = "004_a282273b1331087d.txt";

    public static string[] Lines()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "testdata", "seeds", FileName);
            if (File.Exists(candidate)) return File.ReadAllLines(candidate);
            dir = dir.Parent;
        }
        throw new FileNotFoundException(FileName);
    }

    public static FinalAccountsDisclosure Read() => FinalAccountsTextReader.Read(FileName, Lines())!.Disclosure;

    public static FinalAccountsDisclosure Read(IEnumerable<string> lines) => FinalAccountsTextReader.Read(FileName, lines.ToList())!.Disclosure;

    /// <summary>(name, 年初预算 目标申报, 预算编制, 全年预算数, 全年执行数, 总得分) of the appendices, as printed in the seed.</summary>
    public static readonly (string Name, decimal Declared, decimal Initial, decimal Budget, decimal Execution, decimal Score)[] Appendices =
    [
        ("2022 年城乡居民养老业务工作经费", 120_000m, 120_000m, 118_718m, 118_718m, 99m),
        ("2022 年企保工作经费", 3_600m, 3_600m, 3_600m, 3_600m, 100m),
        ("2022 年失业保险业务工作经费", 30_000m, 30_000m, 30_000m, 30_000m, 100m),
        ("机关事业单位退休职工取暖费,死亡抚恤金等补助", 35_037_960m, 35_037_960m, 34_713_220.36m, 34_713_220.36m, 99m),
        ("离退休新中国成立前老工人军转干生活困难补助", 1_100_000m, 1_100_000m, 840_058.5m, 840_058.5m, 98m),
        ("2022 年基本养老保险出口补贴", 12_467_280m, 12_467_280m, 12_467_280m, 12_467_280m, 100m),
        ("2022 年汾阳市丧葬费补助", 2_000_000m, 2_000_000m, 1_500_000m, 1_500_000m, 98m),
        ("2022 年汾阳市城乡养老代办员补助", 294_000m, 294_000m, 281_200m, 281_200m, 97m),
        ("2022 年城乡居民补充养老保险出口补贴", 5_763_720m, 5_763_720m, 5_763_720m, 5_763_720m, 100m),
        ("2022 年城乡居民基本养老保险中央（出口） 补助资金", 60_890_000m, 60_890_000m, 60_890_000m, 60_890_000m, 100m),
        ("2022年吕梁市城乡居民养老保险市级(出口) 补助资金", 4_274_500m, 4_274_500m, 4_274_500m, 4_274_500m, 100m),
    ];

    private static Figure Fig(decimal v) => Figure.Parse(v.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static List<ProjectSelfEvaluation> Projects() => Appendices.Select((p, i) => new ProjectSelfEvaluation
    {
        Id = $"{FileName}#{i + 2}",
        Title = p.Name,
        FundName = p.Name,
        DeclaredUnit = MoneyUnit.Yuan,
        StatedTotalScore = Fig(p.Score),
        StatedGrade = "优",
        Funds =
        [
            new FundRow
            {
                Label = "合计",
                Source = FundSourceKind.Total,
                InitialBudgetDeclared = Fig(p.Declared),
                InitialBudget = Fig(p.Initial),
                Budget = Fig(p.Budget),
                Execution = Fig(p.Execution),
            },
        ],
    }).Cast<ProjectSelfEvaluation>().ToList();

    public static CheckContext Check(FinalAccountsDisclosure d, IReadOnlyList<ProjectSelfEvaluation>? projects = null, FinalAccountsDisclosure? previous = null)
    {
        var ctx = new CheckContext(d.Id, RuleSet.Default);
        FinalAccountsChecks.Run(d, projects ?? Projects(), ctx, previous);
        return ctx;
    }
}
