using System.Text;
using Jixiao.Core.Checks;
using Jixiao.Core.Rules;
using Jixiao.Documents.Reading;
using Jixiao.Tests;

namespace Jixiao.Documents.Tests.Text;

/// <summary>
/// Damaged copies of the seeds (lines dropped, swapped, cut short, cells shifted) are read and checked
/// without the reader or any check failing: they produce documents and findings, never an exception.
/// </summary>
public class MutatedSeedTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var seed in new[] { "000", "001", "002", "004" })
            for (var m = 0; m < 12; m++) data.Add(seed, m);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Damaged_copies_never_crash(string seed, int mutation)
    {
        var lines = File.ReadAllLines(RepoPaths.Seed(seed)).ToList();
        var rng = new Random(seed.GetHashCode(StringComparison.Ordinal) ^ (mutation * 7919));
        switch (mutation % 6)
        {
            case 0: lines = lines.Where((_, i) => i % (3 + mutation) != 0).ToList(); break;
            case 1:
                for (var i = 0; i + 1 < lines.Count; i += 5 + mutation) (lines[i], lines[i + 1]) = (lines[i + 1], lines[i]);
                break;
            case 2: lines = lines.Take(rng.Next(1, lines.Count)).ToList(); break;
            case 3: lines = lines.Select(l => l.Contains('\t') && rng.Next(4) == 0 ? "\t" + l : l).ToList(); break;
            case 4: lines = lines.Select(l => rng.Next(10) == 0 ? l[..(l.Length / 2)] : l).ToList(); break;
            case 5: lines = lines.Select(l => rng.Next(8) == 0 ? l.Replace("万元", "元").Replace("%", "") : l).ToList(); break;
        }
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines));
        var result = DocumentReaders.Read("mutated.txt", new MemoryStream(bytes));
        var report = Engine.Check(result.Documents, RuleSet.Default);
        Assert.DoesNotContain(report.Findings, f => f.Rule == Engine.InternalError.Id);
        _ = Jixiao.Core.Serialization.CanonicalJson.SerializeDocuments(result.Documents);
    }
}
