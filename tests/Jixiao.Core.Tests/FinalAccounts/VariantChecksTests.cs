using Jixiao.Core.Checks;
using Jixiao.Core.Money;
using Jixiao.Tests;

namespace Jixiao.Core.Tests.FinalAccounts;

/// <summary>The same disclosure in other shapes gives the same verdicts: the logic is not fitted to the seed's layout.</summary>
public class VariantChecksTests
{
    private static List<(string Rule, Severity Severity)> Verdicts(string[] lines) =>
        FenyangSeed.Check(FenyangSeed.Read(lines)).Findings.Where(f => f.Severity >= Severity.Warning).Select(f => (f.Rule, f.Severity)).OrderBy(x => x.Rule).ToList();

    [Fact]
    public void Pipe_separated_copy_gives_the_same_findings()
    {
        Assert.Equal(Verdicts(SeedVariants.Disclosure()), Verdicts(SeedVariants.Pipes()));
    }

    [Fact]
    public void Wan_yuan_copy_passes_identities_within_rounding_and_finds_the_same_defects()
    {
        var d = FenyangSeed.Read(SeedVariants.Wan());
        Assert.Equal(MoneyUnit.WanYuan, d.DeclaredUnit);
        var ctx = FenyangSeed.Check(d);
        // Rounded to 0.01 万元, 41,646.78 + 40.07 = 41,686.85 ≠ 41,686.84: within half a unit per figure, not an error.
        Assert.DoesNotContain(ctx.Findings, f => f.Rule.StartsWith("FA-D", StringComparison.Ordinal) && f.Rule != "FA-D24" && f.Severity >= Severity.Warning);
        Assert.Equal(Verdicts(SeedVariants.Disclosure()), Verdicts(SeedVariants.Wan()));
    }

    [Fact]
    public void Wan_yuan_table_with_a_real_difference_is_still_found()
    {
        var lines = SeedVariants.Wan();
        var i = Array.FindIndex(lines, l => l.StartsWith("208\t社会保障和就业支出\t41,646.78\t21,853.48", StringComparison.Ordinal));
        Assert.True(i >= 0);
        lines[i] = lines[i].Replace("21,853.48", "21,853.58"); // 0.10 万元 = 1,000 元 off; 21,853.58 + 19,793.29 = 41,646.87
        var found = FenyangSeed.Check(FenyangSeed.Read(lines)).Findings.Where(f => f.Rule is "FA-D7" or "FA-D8").ToList();
        Assert.Contains(found, f => f.Rule == "FA-D7" && f.Expected == "41,646.87");
        Assert.Contains(found, f => f.Rule == "FA-D8" && f.Stated == "21,853.58" && f.Expected == "21,853.48");
    }
}
