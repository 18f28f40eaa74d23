using System.IO.Pipelines;
using System.Text;
using Jixiao.Bench.Generator;
using Jixiao.Core.Aggregation;
using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Rules;
using Jixiao.Documents.Reading;
using Jixiao.Tests;

namespace Jixiao.Bench.Tests.Aggregation;

/// <summary>
/// The fast 汇总 (<see cref="SelfEvaluationAggregator"/>, <see cref="AggregationJson"/>) gives, byte for byte, the JSON
/// the aggregator and writer gave before they were made fast (<see cref="ReferenceAggregator"/>,
/// <see cref="ReferenceAggregationJson"/>, kept here as the oracle), on generated tables at a region's scale and on
/// the seeds — and the streamed answer is the same bytes as the one built in memory.
/// </summary>
public sealed class AggregationEquivalenceTests
{
    private static readonly GeneratorOptions Generator = new() { Seed = 7 };

    /// <summary>3,000 generated tables; units drawn from 40 names, so most units send several tables of one fund.</summary>
    private static readonly List<AggregationInput> Generated = new TableGenerator(Generator).Generate(0, 3000)
        .Select(g => new AggregationInput(g.Table, $"第{g.Index % 40 + 1}单位", g.Table.Id)).ToList();

    /// <summary>The transfer-payment funds the generator writes (about 200 tables each here).</summary>
    public static TheoryData<string> Funds() =>
        [.. Generated.Select(i => i.Table).OfType<TransferSelfEvaluation>().Select(t => t.FundName!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Funds))]
    public async Task A_funds_aggregate_over_generated_tables_is_unchanged(string fund)
    {
        var inputs = Generated.Where(i => SelfEvaluationAggregator.MatchesFund(i.Table, fund)).ToList();
        Assert.True(inputs.Count >= 50, $"{fund}: only {inputs.Count} tables");
        await AssertSameAsReference(inputs, new AggregationOptions { Region = "某省", Year = 2024, Fund = fund });
    }

    [Fact]
    public async Task Every_generated_table_at_once_is_unchanged()
    {
        // Transfer and project tables of every fund, 万元 and 元: names merge across funds, units are converted.
        await AssertSameAsReference(Generated, new AggregationOptions { Aggregator = "某省财政厅", Year = 2024 });
    }

    [Fact]
    public async Task The_seeds_self_evaluation_tables_are_unchanged()
    {
        var tables = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => DocumentReaders.ReadFile(f).Documents.OfType<SelfEvaluationTable>()).ToList();
        var inputs = tables.Select((t, i) => new AggregationInput(t, t.ImplementingUnit ?? t.Unit ?? $"单位{i}", t.Id)).ToList();
        await AssertSameAsReference(inputs, new AggregationOptions { Region = "内蒙古自治区" });
        foreach (var fund in tables.Select(t => t.FundName).OfType<string>().Distinct(StringComparer.Ordinal))
            await AssertSameAsReference(inputs.Where(i => SelfEvaluationAggregator.MatchesFund(i.Table, fund)).ToList(), new AggregationOptions { Fund = fund });
    }

    [Fact]
    public async Task An_input_given_twice_counts_as_one_unit_as_before()
    {
        var fund = Generated.Select(i => i.Table).OfType<TransferSelfEvaluation>().First().FundName!;
        var inputs = Generated.Where(i => SelfEvaluationAggregator.MatchesFund(i.Table, fund)).Take(3).ToList();
        // The same input object twice, an equal record, and the same table under another unit name.
        var twice = new List<AggregationInput> { inputs[0], inputs[0], inputs[0] with { }, inputs[0] with { Contributor = "另一单位" } };
        await AssertSameAsReference(twice, new AggregationOptions { Fund = fund });
        await AssertSameAsReference([inputs[0], inputs[0]], new AggregationOptions { Fund = fund });
        await AssertSameAsReference([.. inputs, inputs[1]], new AggregationOptions { Fund = fund });
    }

    [Fact]
    public void A_fund_is_matched_as_before()
    {
        string?[] names = [null, "", " ", "就业补助资金", "“三支一扶”计划补助资金", "《就业 补助\u3000资金》", "就业\t补助资金\n", "城乡居民基本养老保险补助资金（基本养老金转移支付）"];
        var texts = Generated.Take(300).SelectMany(i => new[] { i.Table.FundName, i.Table.Title }).Concat(names).ToList();
        var funds = texts.Where(t => t is not null).Take(40).Concat(names).ToList();
        foreach (var fund in funds)
            foreach (var fundName in texts)
                foreach (var title in names)
                    Assert.True(ReferenceAggregator.MatchesFund(fundName, title, fund) == SelfEvaluationAggregator.MatchesFund(fundName, title, fund),
                        $"fund “{fund}”, fund name “{fundName}”, title “{title}”");
    }

    private static async Task AssertSameAsReference(List<AggregationInput> inputs, AggregationOptions options)
    {
        var before = ReferenceAggregator.Aggregate(inputs, options);
        var expected = ReferenceAggregationJson.ToUtf8(before, Engine.Check([before.Table], RuleSet.Default).Findings);
        var after = SelfEvaluationAggregator.Aggregate(inputs, options);
        var findings = Engine.Check([after.Table], RuleSet.Default).Findings;
        AssertSameBytes(expected, AggregationJson.ToUtf8(after, findings), "ToUtf8");

        var streamed = new MemoryStream();
        var pipe = PipeWriter.Create(streamed, new StreamPipeWriterOptions(leaveOpen: true));
        await AggregationJson.WriteAsync(pipe, after, findings);
        await pipe.CompleteAsync();
        AssertSameBytes(expected, streamed.ToArray(), "WriteAsync");
    }

    private static void AssertSameBytes(byte[] expected, byte[] actual, string what)
    {
        var n = Math.Min(expected.Length, actual.Length);
        var at = expected.AsSpan(0, n).CommonPrefixLength(actual.AsSpan(0, n));
        if (at == n && expected.Length == actual.Length) return;
        string Around(byte[] b) => Encoding.UTF8.GetString(b, Math.Max(0, at - 200), Math.Min(b.Length, at + 200) - Math.Max(0, at - 200));
        Assert.Fail($"{what}: {actual.Length} bytes instead of {expected.Length}, first difference at byte {at}.\n--- expected:\n{Around(expected)}\n--- actual:\n{Around(actual)}");
    }
}
