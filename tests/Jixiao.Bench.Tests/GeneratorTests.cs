using System.Text;
using Jixiao.Bench.Generator;
using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Rules;
using Jixiao.Documents.Reading;

namespace Jixiao.Bench.Tests;

public class GeneratorTests
{
    /// <summary>Tables per property; JIXIAO_GEN_SAMPLE raises it for a longer run.</summary>
    private static readonly int Sample = int.TryParse(Environment.GetEnvironmentVariable("JIXIAO_GEN_SAMPLE"), out var n) ? n : 400;

    private static readonly GeneratorOptions Options = new() { Seed = 20241 };

    [Fact]
    public void Same_seed_gives_identical_output()
    {
        var a = new TableGenerator(Options);
        var b = new TableGenerator(Options);
        for (var i = 0; i < 50; i++)
        {
            var x = a.Generate(i);
            var y = b.Generate(i);
            Assert.Equal(Corpus.Render(x.Table, CorpusFormat.Json), Corpus.Render(y.Table, CorpusFormat.Json));
            Assert.Equal(Corpus.Render(x.Table, CorpusFormat.Text), Corpus.Render(y.Table, CorpusFormat.Text));
            Assert.Equal(x.Defects, y.Defects);
        }
        // Table i does not depend on which tables were generated before it.
        Assert.Equal(Corpus.Render(a.Generate(7).Table, CorpusFormat.Json), Corpus.Render(new TableGenerator(Options).Generate(7).Table, CorpusFormat.Json));
    }

    [Fact]
    public void Another_seed_gives_other_tables()
    {
        var x = new TableGenerator(Options).Generate(3);
        var y = new TableGenerator(Options with { Seed = Options.Seed + 1 }).Generate(3);
        Assert.NotEqual(Corpus.Render(x.Table, CorpusFormat.Json), Corpus.Render(y.Table, CorpusFormat.Json));
    }

    [Fact]
    public void Generated_text_reads_back_to_the_same_model()
    {
        var gen = new TableGenerator(Options);
        for (var i = 0; i < Sample; i++)
        {
            var g = gen.Generate(i);
            var text = Corpus.Render(g.Table, CorpusFormat.Text);
            var read = DocumentReaders.Read(g.FileStem + ".txt", new MemoryStream(text));
            Assert.True(read.Documents.Count == 1, $"table {i}: {read.Documents.Count} documents read; reader findings: {string.Join(" | ", read.Findings.Select(f => f.Rule + " " + f.Message))}");
            Assert.Empty(read.Findings.Where(f => f.Severity != Severity.Info).Select(f => $"table {i}: {f.Rule} {f.Message}"));
            var project = g.Table is ProjectSelfEvaluation;
            Assert.Equal(Corpus.Content(g.Table, withoutUnit: project), Corpus.Content(read.Documents[0], withoutUnit: project));
        }
    }

    [Fact]
    public void Generated_json_reads_back_to_the_same_model()
    {
        var gen = new TableGenerator(Options);
        for (var i = 0; i < 50; i++)
        {
            var g = gen.Generate(i);
            var read = DocumentReaders.Read(g.FileStem + ".json", new MemoryStream(Corpus.Render(g.Table, CorpusFormat.Json)));
            Assert.Equal(Corpus.Content(g.Table), Corpus.Content(read.Documents[0]));
        }
    }

    [Fact]
    public void Injected_defects_are_found_and_clean_tables_raise_no_alarm()
    {
        var gen = new TableGenerator(Options);
        var seen = new HashSet<Defect>();
        var clean = 0;
        var problems = new StringBuilder();
        for (var i = 0; i < Sample; i++)
        {
            var g = gen.Generate(i);
            var (findings, _, _) = Engine.CheckOne(g.Table, [g.Table], RuleSet.Default);
            var found = findings.Where(f => f.Severity != Severity.Info).Select(f => f.Rule).ToHashSet();
            var expected = g.ExpectedRules;
            foreach (var rule in expected.Where(r => !found.Contains(r)))
                problems.AppendLine($"table {i} ({string.Join(",", g.Defects)}): {rule} not found");
            foreach (var f in findings.Where(f => f.Severity != Severity.Info && !expected.Contains(f.Rule)))
                problems.AppendLine($"table {i} ({string.Join(",", g.Defects)}): unexpected {f.Severity} {f.Rule} {f.Message}");
            seen.UnionWith(g.Defects);
            if (g.Defects.Count == 0) clean++;
        }
        Assert.True(problems.Length == 0, problems.ToString());
        Assert.Equal(Enum.GetValues<Defect>().ToHashSet(), seen);
        Assert.InRange(clean, Sample / 2, Sample);
    }

    [Fact]
    public void Defects_found_after_a_round_trip_through_text()
    {
        var gen = new TableGenerator(Options);
        for (var i = 0; i < 100; i++)
        {
            var g = gen.Generate(i);
            var read = DocumentReaders.Read(g.FileStem + ".txt", new MemoryStream(Corpus.Render(g.Table, CorpusFormat.Text)));
            var direct = Engine.CheckOne(g.Table, [g.Table], RuleSet.Default).Findings.Select(f => (f.Rule, f.Severity, f.Message)).ToList();
            var viaText = Engine.CheckOne(read.Documents[0], read.Documents, RuleSet.Default).Findings.Select(f => (f.Rule, f.Severity, f.Message)).ToList();
            Assert.Equal(direct, viaText);
        }
    }

    [Fact]
    public void Generated_xlsx_reads_back_with_the_same_findings()
    {
        Assert.Null(Corpus.XlsxUnavailable());
        var gen = new TableGenerator(Options);
        for (var i = 0; i < 60; i++)
        {
            var g = gen.Generate(i);
            var read = DocumentReaders.Read(g.FileStem + ".xlsx", new MemoryStream(Corpus.Render(g.Table, CorpusFormat.Xlsx)));
            Assert.Single(read.Documents);
            var direct = Engine.CheckOne(g.Table, [g.Table], RuleSet.Default).Findings.Select(f => (f.Rule, f.Severity, f.Message)).ToList();
            var viaXlsx = Engine.CheckOne(read.Documents[0], read.Documents, RuleSet.Default).Findings.Select(f => (f.Rule, f.Severity, f.Message)).ToList();
            Assert.Equal(direct, viaXlsx);
        }
    }

    [Fact]
    public void Tables_average_about_twenty_indicators()
    {
        var gen = new TableGenerator(Options);
        var n = Enumerable.Range(0, 200).Sum(i => gen.Generate(i).Table.Indicators.Count);
        Assert.InRange(n / 200.0, 18, 22);
    }
}
