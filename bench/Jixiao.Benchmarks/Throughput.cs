using System.Diagnostics;
using System.Globalization;
using Jixiao.Bench.Generator;
using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Rules;
using Jixiao.Documents.Export;
using Jixiao.Documents.FinalAccounts;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Xlsx;

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
    /// then drops the batch: memory stays bounded by the batch, as in the streaming CLI. After each batch is generated
    /// a full collection (not timed, counted with the generator) moves the fresh tables out of the young generation,
    /// so the timed part pays only for the engine's own allocations, not for promoting the generator's. Besides the
    /// wall time, the process CPU time spent in the timed part (all threads, GC included) is printed: on a shared
    /// machine it moves much less with the load than the wall time.
    /// </summary>
    public static int CheckAndScore(long tables, int seed, int batch, int threads, long warmup)
    {
        var generator = new TableGenerator(new GeneratorOptions { Seed = seed });
        var rules = RuleSet.Default;
        var buffer = new SelfEvaluationTable[batch];
        var checkTime = new Stopwatch();
        var checkCpu = TimeSpan.Zero;
        var gcPause = TimeSpan.Zero;
        var tailCollect = TimeSpan.Zero;
        using var me = Process.GetCurrentProcess();
        var genTime = new Stopwatch();
        var wall = Stopwatch.StartNew();
        long indicators = 0, errors = 0, warnings = 0, infos = 0, scored = 0;
        long peakHeap = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        // Warm up on tables outside the measured range (negative indices), on the same threads as the measured part:
        // the JIT compiles every method first unoptimised, then instrumented, then optimised with the profile (tiered
        // PGO), which takes thousands of calls per method and a background thread that a loaded machine starves. The
        // figure asked for is the engine's steady speed (a finance bureau's server or a long `jixiao check DIR` run is
        // warm), so the warm-up runs until it is reached; its own time is printed as the cold figure.
        var cold = Stopwatch.StartNew();
        var warmTables = new SelfEvaluationTable[Math.Min(batch, 4096)];
        long warmed = 0;
        for (var pass = 0; warmed < warmup; pass++)
        {
            var n = (int)Math.Min(warmTables.Length, warmup - warmed);
            var offset = warmed;
            Parallel.For(0, n, parallel, k => warmTables[k] = generator.Generate(-1 - offset - k).Table);
            Parallel.For(0, n, parallel, k => Engine.CheckOne(warmTables[k], [warmTables[k]], rules));
            warmed += n;
        }
        cold.Stop();
        var gcBefore = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
        long engineAllocated = 0;
        for (long start = 0; start < tables; start += batch)
        {
            var n = (int)Math.Min(batch, tables - start);
            genTime.Start();
            Parallel.For(0, n, parallel, k => buffer[k] = generator.Generate(start + k).Table);
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
            genTime.Stop();
            me.Refresh();
            var cpuBefore = me.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var pauseBefore = GC.GetTotalPauseDuration();
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
            // The engine's garbage of this batch is collected inside the timed part: otherwise, with a gen-0 budget
            // larger than a batch's allocations, the untimed full collection after the next batch's generation would
            // collect it and the engine's GC cost would leave the figure.
            var tail = Stopwatch.StartNew();
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
            tailCollect += tail.Elapsed;
            checkTime.Stop();
            me.Refresh();
            checkCpu += me.TotalProcessorTime - cpuBefore;
            gcPause += GC.GetTotalPauseDuration() - pauseBefore;
            engineAllocated += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            peakHeap = Math.Max(peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
        }
        wall.Stop();
        var gcs = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2) - gcBefore;
        using var self = Process.GetCurrentProcess();
        var s = checkTime.Elapsed.TotalSeconds;
        Console.WriteLine($"tables            {tables:N0} ({scored:N0} scored project tables)");
        Console.WriteLine($"indicators        {indicators:N0}");
        Console.WriteLine($"findings          {errors:N0} errors, {warnings:N0} warnings, {infos:N0} info");
        Console.WriteLine($"check+score       {s.ToString("0.000", Inv)} s on {threads} threads  →  {(tables / s).ToString("N0", Inv)} tables/s, {(indicators / s).ToString("N0", Inv)} indicators/s");
        Console.WriteLine($"per table         {(s * 1e6 * threads / tables).ToString("0.0", Inv)} µs of thread time (wall × threads)");
        Console.WriteLine($"engine CPU        {checkCpu.TotalSeconds.ToString("0.000", Inv)} s of process CPU time in check+score (all threads, GC included) → {(checkCpu.TotalMilliseconds * 1e3 / tables).ToString("0.0", Inv)} µs per table; on {threads} idle cores ≥ {(checkCpu.TotalSeconds / threads).ToString("0.000", Inv)} s");
        Console.WriteLine($"warm-up           {warmup:N0} other tables first, generated and checked in {cold.Elapsed.TotalSeconds.ToString("0.000", Inv)} s (not counted; the cold start)");
        Console.WriteLine($"generation        {genTime.Elapsed.TotalSeconds.ToString("0.000", Inv)} s (not counted)");
        Console.WriteLine($"wall (gen+check)  {wall.Elapsed.TotalSeconds.ToString("0.000", Inv)} s");
        Console.WriteLine($"allocated         {engineAllocated / 1024.0 / 1024.0:N0} MB by the engine ({(double)engineAllocated / tables / 1024.0:N1} KB per table, generation not included), {gcs} GCs in all, the engine's GC pauses {gcPause.TotalSeconds.ToString("0.000", Inv)} s, of which {tailCollect.TotalSeconds.ToString("0.000", Inv)} s collecting each batch's last garbage");
        Console.WriteLine($"peak GC heap      {peakHeap / 1024.0 / 1024.0:N0} MB (batches of {batch:N0} tables)");
        Console.WriteLine($"peak working set  {self.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB");
        return 0;
    }

    /// <summary>Reads every .xlsx file of a folder with Jixiao's reader, one after another, and prints the time.</summary>
    public static int ReadXlsx(string dir)
    {
        var files = Directory.GetFiles(dir, "*.xlsx").Order(StringComparer.Ordinal).ToArray();
        // Warm up with full passes over the same files (BENCH_XLSX_WARMUP_PASSES, default 5), as the Node script does:
        // the JIT's tiers (tier 0, then PGO-instrumented, then optimised) take thousands of calls and a background
        // thread that a loaded machine starves; a short warm-up times unoptimised code, not the reader.
        var passes = int.TryParse(Environment.GetEnvironmentVariable("BENCH_XLSX_WARMUP_PASSES"), out var p) ? p : 5;
        for (var i = 0; i < passes; i++)
            foreach (var f in files) DocumentReaders.ReadFile(f);
        using var me = Process.GetCurrentProcess();
        var cpu = me.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        long docs = 0, rows = 0;
        foreach (var f in files)
        {
            var r = DocumentReaders.ReadFile(f);
            docs += r.Documents.Count;
            rows += r.Documents.OfType<SelfEvaluationTable>().Sum(t => t.Indicators.Count + t.Funds.Count);
        }
        sw.Stop();
        me.Refresh();
        // cpu: the process's CPU time in the timed pass (all threads: JIT, GC), which a loaded machine changes much less than the wall time.
        Console.WriteLine($"jixiao  files={files.Length} documents={docs} rows={rows} cpu={(me.TotalProcessorTime - cpu).TotalSeconds.ToString("0.000", Inv)} seconds={sw.Elapsed.TotalSeconds.ToString("0.000", Inv)}");
        return 0;
    }

    /// <summary>
    /// Where the time of <see cref="ReadXlsx"/> goes: each stage of reading the folder's files (bytes in memory),
    /// run alone over the whole set, after the same warm-up: CPU time of the process and bytes allocated per file.
    /// </summary>
    public static int ReadXlsxStages(string dir, int rounds)
    {
        var files = Directory.GetFiles(dir, "*.xlsx").Order(StringComparer.Ordinal).Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToArray();
        var workbooks = files.Select(f => XlsxWorkbook.Open(f.Name, new MemoryStream(f.Bytes))).ToArray();
        var grids = workbooks.Select(w => XlsxGridLoader.ToGrids(w)).ToArray();
        var stages = new (string Name, Action<int> Run)[]
        {
            ("XlsxWorkbook.Open (zip, guard, parts, cells)", i => XlsxWorkbook.Open(files[i].Name, new MemoryStream(files[i].Bytes))),
            ("XlsxGridLoader.ToGrids", i => XlsxGridLoader.ToGrids(workbooks[i])),
            ("GridTableReader.Read (tables from the grids)", i => { foreach (var g in grids[i]) GridTableReader.Read(g, []); }),
            ("XlsxDocumentReader (grids + tables + narrative)", i => XlsxDocumentReader.Read(workbooks[i])),
            ("FinalAccountsXlsxReader on the workbook", i => FinalAccountsXlsxReader.Read(workbooks[i])),
            ("DocumentReaders.Read, everything", i => DocumentReaders.Read(files[i].Name, new MemoryStream(files[i].Bytes))),
        };
        var passes = int.TryParse(Environment.GetEnvironmentVariable("BENCH_XLSX_WARMUP_PASSES"), out var p) ? p : 5;
        foreach (var (_, run) in stages)
            for (var k = 0; k < passes; k++)
                for (var i = 0; i < files.Length; i++) run(i);
        using var me = Process.GetCurrentProcess();
        Console.WriteLine($"{files.Length} files, {rounds} rounds per stage, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        foreach (var (name, run) in stages)
        {
            var best = double.MaxValue;
            long allocated = 0;
            var gcs = 0;
            var paused = TimeSpan.Zero;
            for (var k = 0; k < rounds; k++)
            {
                me.Refresh();
                var cpu = me.TotalProcessorTime;
                var before = GC.GetAllocatedBytesForCurrentThread();
                var gcBefore = GC.CollectionCount(0);
                var pausedBefore = GC.GetTotalPauseDuration();
                for (var i = 0; i < files.Length; i++) run(i);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                gcs = GC.CollectionCount(0) - gcBefore;
                paused = GC.GetTotalPauseDuration() - pausedBefore;
                me.Refresh();
                best = Math.Min(best, (me.TotalProcessorTime - cpu).TotalMilliseconds);
            }
            Console.WriteLine($"{name,-50} {(best / files.Length).ToString("0.000", Inv)} ms CPU/file (best of {rounds})  {(allocated / 1024.0 / files.Length).ToString("0.0", Inv)} KB/file  last round: {gcs} GCs, {(paused.TotalMilliseconds / files.Length).ToString("0.000", Inv)} ms paused/file");
        }
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
