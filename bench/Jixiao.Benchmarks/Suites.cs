using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Jixiao.Bench.Generator;
using Jixiao.Core.Checks;
using Jixiao.Core.Indicators;
using Jixiao.Core.Model;
using Jixiao.Core.Rules;
using Jixiao.Core.Scoring;
using Jixiao.Core.Serialization;
using Jixiao.Documents.Reading;

namespace Jixiao.Benchmarks;

/// <summary>In process (no child build), 3 warm-ups and 10 measured iterations: about 20 s per benchmark, with allocation counts.</summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10).WithId("InProcess"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

/// <summary>Shared inputs: the seeds' indicator strings and a fixed sample of generated tables.</summary>
internal static class Inputs
{
    private static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);

    public static string[] SeedValues() =>
        File.ReadLines(DataFile("seed-values.tsv")).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')[0]).ToArray();

    public static (string Target, string Actual)[] SeedPairs() =>
        File.ReadLines(DataFile("seed-pairs.tsv")).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).Where(c => c.Length >= 4).Select(c => (c[2], c[3])).ToArray();

    public static GeneratedTable[] Tables(int n) => new TableGenerator(new GeneratorOptions { Seed = 7 }).Generate(0, n).ToArray();
}

/// <summary>The indicator-value language: parse every seed string, judge every seed pair.</summary>
[Config(typeof(BenchConfig))]
public class IndicatorBenchmarks
{
    private string[] _values = [];
    private (string Target, string Actual)[] _pairs = [];
    private (IndicatorValue Target, IndicatorValue Actual)[] _parsed = [];

    [GlobalSetup]
    public void Setup()
    {
        _values = Inputs.SeedValues();
        _pairs = Inputs.SeedPairs();
        _parsed = _pairs.Select(p => (IndicatorParser.Parse(p.Target), IndicatorParser.Parse(p.Actual))).ToArray();
    }

    /// <summary>All distinct target/actual strings of the seeds (≈265), parsed once each.</summary>
    [Benchmark]
    public int ParseSeedValues()
    {
        var n = 0;
        foreach (var v in _values) n += (int)IndicatorParser.Parse(v).Kind;
        return n;
    }

    /// <summary>All seed target/actual pairs (≈280), already parsed, judged.</summary>
    [Benchmark]
    public int JudgeSeedPairs()
    {
        var n = 0;
        foreach (var (t, a) in _parsed) n += (int)IndicatorJudge.Judge(t, a).Outcome;
        return n;
    }

    /// <summary>Parse both strings and judge: what a check does per indicator row.</summary>
    [Benchmark]
    public int ParseAndJudgeSeedPairs()
    {
        var n = 0;
        foreach (var (t, a) in _pairs) n += (int)IndicatorJudge.Judge(t, a).Outcome;
        return n;
    }
}

/// <summary>The checks and scoring, per table (averaged over a fixed sample of 200 generated tables).</summary>
[Config(typeof(BenchConfig))]
public class CheckBenchmarks
{
    private SelfEvaluationTable[] _transfer = [];
    private ProjectSelfEvaluation[] _project = [];
    private readonly RuleSet _rules = RuleSet.Default;

    [GlobalSetup]
    public void Setup()
    {
        var tables = Inputs.Tables(400);
        _transfer = tables.Where(t => !t.IsProject).Select(t => t.Table).Take(100).ToArray();
        _project = tables.Where(t => t.IsProject).Select(t => (ProjectSelfEvaluation)t.Table).Take(100).ToArray();
    }

    /// <summary>Check 100 transfer-payment tables (≈20 indicators each).</summary>
    [Benchmark(OperationsPerInvoke = 100)]
    public int CheckTransferTable()
    {
        var n = 0;
        foreach (var t in _transfer) n += Engine.CheckOne(t, [t], _rules).Findings.Count;
        return n;
    }

    /// <summary>Check (and score, as the check does) 100 project tables.</summary>
    [Benchmark(OperationsPerInvoke = 100)]
    public int CheckProjectTable()
    {
        var n = 0;
        foreach (var t in _project) n += Engine.CheckOne(t, [t], _rules).Findings.Count;
        return n;
    }

    /// <summary>Score 100 project tables alone (the `score` command).</summary>
    [Benchmark(OperationsPerInvoke = 100)]
    public decimal ScoreProjectTable()
    {
        var s = 0m;
        foreach (var t in _project) s += Scorer.Score(t, _rules).Total;
        return s;
    }
}

/// <summary>Readers and writers, per table: the text reader on the seed layouts, canonical JSON both ways.</summary>
[Config(typeof(BenchConfig))]
public class ReaderBenchmarks
{
    private (string Name, byte[] Bytes)[] _transferText = [];
    private (string Name, byte[] Bytes)[] _projectText = [];
    private (string Name, byte[] Bytes)[] _json = [];
    private SelfEvaluationTable[] _tables = [];

    [GlobalSetup]
    public void Setup()
    {
        var tables = Inputs.Tables(200);
        _tables = tables.Select(t => t.Table).Take(50).ToArray();
        _transferText = tables.Where(t => !t.IsProject).Take(50).Select(t => (t.FileStem + ".txt", Corpus.Render(t.Table, CorpusFormat.Text))).ToArray();
        _projectText = tables.Where(t => t.IsProject).Take(50).Select(t => (t.FileStem + ".txt", Corpus.Render(t.Table, CorpusFormat.Text))).ToArray();
        _json = tables.Take(50).Select(t => (t.FileStem + ".json", Corpus.Render(t.Table, CorpusFormat.Json))).ToArray();
    }

    [Benchmark(OperationsPerInvoke = 50)]
    public int ReadTransferText() => ReadAll(_transferText);

    [Benchmark(OperationsPerInvoke = 50)]
    public int ReadProjectText() => ReadAll(_projectText);

    [Benchmark(OperationsPerInvoke = 50)]
    public int ReadCanonicalJson() => ReadAll(_json);

    [Benchmark(OperationsPerInvoke = 50)]
    public int WriteCanonicalJson()
    {
        var n = 0;
        foreach (var t in _tables) n += CanonicalJson.SerializeDocuments([t]).Length;
        return n;
    }

    private static int ReadAll((string Name, byte[] Bytes)[] files)
    {
        var n = 0;
        foreach (var (name, bytes) in files) n += DocumentReaders.Read(name, new MemoryStream(bytes)).Documents.Count;
        return n;
    }
}

/// <summary>xlsx read and write per table, when the writers branch has landed (otherwise the setup says so and stops).</summary>
[Config(typeof(BenchConfig))]
public class XlsxBenchmarks
{
    private (string Name, byte[] Bytes)[] _xlsx = [];
    private SelfEvaluationTable[] _tables = [];
    private List<Jixiao.Documents.Xlsx.Grid>[] _grids = [];

    [GlobalSetup]
    public void Setup()
    {
        if (Corpus.XlsxUnavailable() is { } why) throw new NotSupportedException($"xlsx 写入器尚未合并：{why}");
        var tables = Inputs.Tables(50);
        _tables = tables.Select(t => t.Table).ToArray();
        _xlsx = tables.Select(t => (t.FileStem + ".xlsx", Corpus.Render(t.Table, CorpusFormat.Xlsx))).ToArray();
        _grids = _xlsx.Select(x => Jixiao.Documents.Xlsx.XlsxGridLoader.Load(x.Name, new MemoryStream(x.Bytes))).ToArray();
    }

    [Benchmark(OperationsPerInvoke = 50)]
    public int ReadXlsx()
    {
        var n = 0;
        foreach (var (name, bytes) in _xlsx) n += DocumentReaders.Read(name, new MemoryStream(bytes)).Documents.Count;
        return n;
    }

    /// <summary>The package alone: <see cref="Jixiao.Documents.Xlsx.XlsxWorkbook"/> with the guard's checks, no tables built.</summary>
    [Benchmark(OperationsPerInvoke = 50)]
    public int LoadXlsxCells()
    {
        var n = 0;
        foreach (var (name, bytes) in _xlsx)
            foreach (var sheet in Jixiao.Documents.Xlsx.XlsxWorkbook.Open(name, new MemoryStream(bytes)).Sheets) n += sheet.Rows.Count;
        return n;
    }

    /// <summary>The self-evaluation tables built from the grids already loaded (<see cref="Jixiao.Documents.Xlsx.GridTableReader"/> alone).</summary>
    [Benchmark(OperationsPerInvoke = 50)]
    public int TablesFromGrids()
    {
        var n = 0;
        foreach (var grids in _grids)
            foreach (var g in grids) n += Jixiao.Documents.Xlsx.GridTableReader.Read(g, []).Count;
        return n;
    }

    [Benchmark(OperationsPerInvoke = 50)]
    public int WriteXlsxAndDocx()
    {
        var n = 0;
        foreach (var t in _tables)
        {
            n += Corpus.Render(t, CorpusFormat.Xlsx).Length;
            n += Jixiao.Documents.Export.DocumentExporter.Export(t, Jixiao.Documents.Export.ExportFormat.Docx).Content.Length;
        }
        return n;
    }
}
