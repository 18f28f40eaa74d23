using System.Diagnostics;
using System.Globalization;
using Jixiao.Bench.Generator;
using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Rules;
using Jixiao.Documents.Export;
using Jixiao.Documents.Reading;

namespace Jixiao.Benchmarks;

/// <summary>
/// The whole-corpus measurements bench/run.sh prints (single runs, not BenchmarkDotNet statistics):
/// check + score of N generated tables, reading a folder of xlsx, writing xlsx + docx.
/// </summary>
public static class Throughput
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// Generates N tables in batches (generation not timed), checks and scores each batch on all cores (timed),
    /// then drops the batch: memory stays bounded by the batch, as in the streaming CLI.
    /// </summary>
    public static int CheckAndScore(long tables, int seed, int batch, int threads)
    {
        var generator = new TableGenerator(new GeneratorOptions { Seed = seed });
        var rules = RuleSet.Default;
        var buffer = new SelfEvaluationTable[batch];
        var checkTime = new Stopwatch();
        var genTime = new Stopwatch();
        var wall = Stopwatch.StartNew();
        long indicators = 0, errors = 0, warnings = 0, infos = 0, scored = 0;
        long peakHeap = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        // Warm up (JIT, rule-set load, tiering) on tables outside the measured range.
        for (var i = 0; i < 200; i++)
        {
            var w = generator.Generate(-1 - i).Table;
            Engine.CheckOne(w, [w], rules);
        }
        var gcBefore = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        for (long start = 0; start < tables; start += batch)
        {
            var n = (int)Math.Min(batch, tables - start);
            genTime.Start();
            Parallel.For(0, n, parallel, k => buffer[k] = generator.Generate(start + k).Table);
            genTime.Stop();
            checkTime.Start();
            Parallel.For(0, n, parallel,
                () => (Ind: 0L, E: 0L, W: 0L, I: 0L, S: 0L),
                (k, _, acc) =>
                {
                    var t = buffer[k];
                    var (findings, _, score) = Engine.CheckOne(t, [t], rules);
                    acc.Ind += t.Indicators.Count;
                    foreach (var f in findings)
                    {
                        if (f.Severity == Severity.Error) acc.E++;
                        else if (f.Severity == Severity.Warning) acc.W++;
                        else acc.I++;
                    }
                    if (score is not null) acc.S++;
                    return acc;
                },
                acc =>
                {
                    Interlocked.Add(ref indicators, acc.Ind);
                    Interlocked.Add(ref errors, acc.E);
                    Interlocked.Add(ref warnings, acc.W);
                    Interlocked.Add(ref infos, acc.I);
                    Interlocked.Add(ref scored, acc.S);
                });
            checkTime.Stop();
            peakHeap = Math.Max(peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
        }
        wall.Stop();
        var gcs = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2) - gcBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        using var self = Process.GetCurrentProcess();
        var s = checkTime.Elapsed.TotalSeconds;
        Console.WriteLine($"tables            {tables:N0} ({scored:N0} scored project tables)");
        Console.WriteLine($"indicators        {indicators:N0}");
        Console.WriteLine($"findings          {errors:N0} errors, {warnings:N0} warnings, {infos:N0} info");
        Console.WriteLine($"check+score       {s.ToString("0.000", Inv)} s on {threads} threads  →  {(tables / s).ToString("N0", Inv)} tables/s, {(indicators / s).ToString("N0", Inv)} indicators/s");
        Console.WriteLine($"per table         {(s * 1e6 * threads / tables).ToString("0.0", Inv)} µs of CPU");
        Console.WriteLine($"generation        {genTime.Elapsed.TotalSeconds.ToString("0.000", Inv)} s (not counted)");
        Console.WriteLine($"wall (gen+check)  {wall.Elapsed.TotalSeconds.ToString("0.000", Inv)} s");
        Console.WriteLine($"allocated         {allocated / 1024.0 / 1024.0:N0} MB in total ({(double)allocated / tables / 1024.0:N1} KB per table, generation included), {gcs} GCs");
        Console.WriteLine($"peak GC heap      {peakHeap / 1024.0 / 1024.0:N0} MB (batches of {batch:N0} tables)");
        Console.WriteLine($"peak working set  {self.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB");
        return 0;
    }

    /// <summary>Reads every .xlsx file of a folder with Jixiao's reader, one after another, and prints the time.</summary>
    public static int ReadXlsx(string dir)
    {
        var files = Directory.GetFiles(dir, "*.xlsx").Order(StringComparer.Ordinal).ToArray();
        // Warm up with full passes over the same files (BENCH_XLSX_WARMUP_PASSES, default 3), as the Node script does:
        // the JIT's tiers (tier 0, then PGO-instrumented, then optimised) take thousands of calls and a background
        // thread that a loaded machine starves; a short warm-up times unoptimised code, not the reader.
        var passes = int.TryParse(Environment.GetEnvironmentVariable("BENCH_XLSX_WARMUP_PASSES"), out var p) ? p : 3;
        for (var i = 0; i < passes; i++)
            foreach (var f in files) DocumentReaders.ReadFile(f);
        var sw = Stopwatch.StartNew();
        long docs = 0, rows = 0;
        foreach (var f in files)
        {
            var r = DocumentReaders.ReadFile(f);
            docs += r.Documents.Count;
            rows += r.Documents.OfType<SelfEvaluationTable>().Sum(t => t.Indicators.Count + t.Funds.Count);
        }
        sw.Stop();
        Console.WriteLine($"jixiao  files={files.Length} documents={docs} rows={rows} seconds={sw.Elapsed.TotalSeconds.ToString("0.000", Inv)}");
        return 0;
    }

    /// <summary>Writes xlsx and docx for N generated tables (one thread) and prints the time per table.</summary>
    public static int Write(long tables, int seed, string? outDir)
    {
        var generator = new TableGenerator(new GeneratorOptions { Seed = seed });
        var probe = generator.Generate(0).Table;
        try
        {
            DocumentExporter.Export(probe, ExportFormat.Xlsx);
            DocumentExporter.Export(probe, ExportFormat.Docx);
        }
        catch (Exception e) when (e is NotSupportedException or NotImplementedException)
        {
            Console.WriteLine($"SKIP: 本版本还不能导出 xlsx/docx（{e.Message}）。");
            return 3;
        }
        var list = Enumerable.Range(0, (int)tables).Select(i => generator.Generate(i).Table).ToList();
        for (var i = 0; i < 20; i++)
        {
            DocumentExporter.Export(list[i % list.Count], ExportFormat.Xlsx);
            DocumentExporter.Export(list[i % list.Count], ExportFormat.Docx);
        }
        if (outDir is not null) Directory.CreateDirectory(outDir);
        long bytes = 0;
        var sw = Stopwatch.StartNew();
        var max = 0.0;
        foreach (var t in list)
        {
            var one = Stopwatch.StartNew();
            var x = DocumentExporter.Export(t, ExportFormat.Xlsx);
            var d = DocumentExporter.Export(t, ExportFormat.Docx);
            max = Math.Max(max, one.Elapsed.TotalMilliseconds);
            bytes += x.Content.Length + d.Content.Length;
            if (outDir is not null)
            {
                File.WriteAllBytes(Path.Combine(outDir, t.Id + ".xlsx"), x.Content);
                File.WriteAllBytes(Path.Combine(outDir, t.Id + ".docx"), d.Content);
            }
        }
        sw.Stop();
        Console.WriteLine($"tables            {tables:N0} (xlsx + docx each, one thread)");
        Console.WriteLine($"total             {sw.Elapsed.TotalSeconds.ToString("0.000", Inv)} s, {bytes / 1024.0 / 1024.0:N1} MB written");
        Console.WriteLine($"per table         {(sw.Elapsed.TotalMilliseconds / tables).ToString("0.00", Inv)} ms mean, {max.ToString("0.00", Inv)} ms max");
        return 0;
    }
}
