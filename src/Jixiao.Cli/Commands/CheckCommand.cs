using System.CommandLine;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Channels;
using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Rules;
using Jixiao.Documents.Reading;

namespace Jixiao.Cli.Commands;

/// <summary>
/// `jixiao check FILE|DIR... [--json] [--coverage]`: the findings; exit 0 without errors, 1 with errors, 2 when
/// input cannot be read.
/// </summary>
/// <remarks>
/// Streams: files are read and checked in parallel (one file per core), at most <see cref="Window"/> per core
/// in flight, and their results are written in input order (file names in ordinal order within a folder)
/// through a reorder buffer, then dropped. The sections of the output that must come first but are known
/// only at the end (the summary line; the "documents" array before "findings") are collected in
/// <see cref="SpillBuffer"/>s, in memory up to 4 MB each and in temporary files beyond, so memory stays
/// bounded by the window however large the folder, and the output is byte for byte what a non-streaming run
/// prints.
///
/// An unreadable file named on the command line stops the run as before: one line on stderr, nothing on
/// stdout, exit 2. An unreadable file found inside a folder is reported and skipped: one line on stderr, a
/// READ-UNREADABLE error in the 【文件】 section (and in "findings" with an empty document), the rest of the
/// folder is checked and printed, and the exit code is 2.
/// </remarks>
public static class CheckCommand
{
    /// <summary>Files in flight (queued, being checked, or waiting in the reorder buffer) per worker.</summary>
    public const int Window = 8;

    public static Command Build(CliOutput output)
    {
        var files = CommonOptions.Files();
        var json = CommonOptions.Json();
        var rules = CommonOptions.RuleSet();
        var coverage = new Option<bool>("--coverage") { Description = "列出每个文档各项检查的执行情况（通过 / 未通过 / 未执行及原因）" };
        var timeout = CommonOptions.Timeout();
        var cmd = new Command("check", "检查文档中的每个数字与说明，输出问题清单（文件夹按文件名顺序流式处理，并行使用全部 CPU 核）") { files, json, rules, coverage, timeout };
        cmd.SetAction(parse =>
        {
            var ruleSet = CommonOptions.ResolveRuleSet(parse.GetValue(rules)!, output);
            if (ruleSet is null) return 2;
            if (!CommonOptions.TryTimeLimit(parse, timeout, output, out var limit)) return 2;
            return Run(parse.GetValue(files)!, ruleSet, parse.GetValue(json), parse.GetValue(coverage), output, timeLimit: limit);
        });
        return cmd;
    }

    /// <summary>One input file and whether it was named on the command line (true) or found in a folder.</summary>
    private readonly record struct Input(long Index, string Path, bool Named);

    /// <summary>What checking one file produced; dropped as soon as it is written.</summary>
    private sealed class Outcome
    {
        public required Input Input { get; init; }
        public ReadResult? Read { get; init; }
        public CheckReport? Report { get; init; }
        /// <summary>The reader's message when the file cannot be read.</summary>
        public string? Unreadable { get; init; }
    }

    /// <param name="timeLimit">--timeout: a wall-clock limit on reading each file; null: none.</param>
    public static int Run(IReadOnlyList<string> paths, RuleSet ruleSet, bool json, bool withCoverage, CliOutput output, int? workers = null, TimeSpan? timeLimit = null)
    {
        var inputs = Expand(paths);
        var threads = Math.Max(1, workers ?? Environment.ProcessorCount);
        using var sink = json ? (Sink)new JsonSink(withCoverage) : new HumanSink(withCoverage);
        using var progress = CheckProgress.Start(inputs.Count, output);
        using var cancel = new CancellationTokenSource();
        var window = new SemaphoreSlim(threads * Window);
        var work = Channel.CreateBounded<Input>(new BoundedChannelOptions(threads * Window) { SingleWriter = true });
        var results = Channel.CreateUnbounded<Outcome>(new UnboundedChannelOptions { SingleReader = true });

        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var input in inputs)
                {
                    await window.WaitAsync(cancel.Token).ConfigureAwait(false);
                    await work.Writer.WriteAsync(input, cancel.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                work.Writer.Complete();
            }
        });
        var consumers = Enumerable.Range(0, threads).Select(_ => Task.Run(async () =>
        {
            await foreach (var input in work.Reader.ReadAllAsync(cancel.Token).ConfigureAwait(false))
                await results.Writer.WriteAsync(Check(input, ruleSet, timeLimit), cancel.Token).ConfigureAwait(false);
        })).ToArray();
        var allDone = Task.WhenAll(consumers).ContinueWith(t => results.Writer.Complete(t.Exception?.InnerException), TaskScheduler.Default);

        // The writer: this thread, in input order.
        var pending = new Dictionary<long, Outcome>();
        long next = 0;
        var unreadableInFolder = false;
        var documents = 0;
        var names = new List<string>();
        try
        {
            foreach (var outcome in Drain(results.Reader))
            {
                pending[outcome.Input.Index] = outcome;
                while (pending.Remove(next, out var o))
                {
                    next++;
                    window.Release();
                    if (o.Unreadable is { } message)
                    {
                        output.Error.WriteLine($"jixiao：无法读取 {message}");
                        if (o.Input.Named)
                        {
                            cancel.Cancel();
                            return 2;
                        }
                        unreadableInFolder = true;
                        sink.Unreadable(o.Input.Path, message);
                    }
                    else
                    {
                        sink.Add(o.Read!, o.Report!);
                        documents += o.Read!.Documents.Count;
                        if (names.Count < 3) names.Add(Path.GetFileName(o.Input.Path));
                    }
                    progress.Advance();
                }
            }
        }
        finally
        {
            cancel.Cancel();
            try
            {
                Task.WaitAll([producer, allDone, .. consumers]);
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException or TaskCanceledException))
            {
            }
        }
        progress.Finish();
        if (documents == 0 && !unreadableInFolder)
        {
            // Issue 8: inputs with nothing of ours (another template, a note) are refused as a whole; beside real
            // documents such a file stays a READ-NO-DOCUMENT finding.
            output.Error.WriteLine($"jixiao：无法读取 {string.Join("、", names)}：没有找到可识别的绩效自评表、自评报告、函或决算公开表（可能是其他表样的表格）。");
            return 2;
        }
        sink.WriteTo(output.Out);
        if (unreadableInFolder) return 2;
        return sink.HasErrors ? 1 : 0;
    }

    private static IEnumerable<Outcome> Drain(ChannelReader<Outcome> reader)
    {
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            while (reader.TryRead(out var o))
                yield return o;
        reader.Completion.GetAwaiter().GetResult(); // rethrows a worker's exception
    }

    private static Outcome Check(Input input, RuleSet ruleSet, TimeSpan? timeLimit)
    {
        ReadResult read;
        try
        {
            read = DocumentReaders.ReadFile(input.Path, timeLimit);
        }
        catch (UnreadableFileException e)
        {
            return new Outcome { Input = input, Unreadable = e.Message };
        }
        return new Outcome { Input = input, Read = read, Report = Engine.Check(read.Documents, ruleSet) };
    }

    /// <summary>Files named, and folders expanded to the files inside them (recursively, ordinal name order, no dot files).</summary>
    private static List<Input> Expand(IEnumerable<string> paths)
    {
        var list = new List<Input>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                foreach (var f in Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    if (!Path.GetFileName(f).StartsWith('.')) list.Add(new Input(list.Count, f, false));
            }
            else list.Add(new Input(list.Count, p, true));
        }
        return list;
    }

    // ------------------------------------------------------------------ output

    /// <summary>Receives each file's results in order and writes the whole output at the end.</summary>
    private abstract class Sink : IDisposable
    {
        protected long Files;
        protected long Documents;
        protected long Errors;
        protected long Warnings;
        protected long Infos;

        public bool HasErrors => Errors > 0;

        public abstract void Add(ReadResult read, CheckReport report);

        /// <summary>A file inside a folder that cannot be read: reported as a file-level error.</summary>
        public abstract void Unreadable(string path, string message);

        public abstract void WriteTo(TextWriter w);

        public abstract void Dispose();

        protected void Count(Finding f)
        {
            if (f.Severity == Severity.Error) Errors++;
            else if (f.Severity == Severity.Warning) Warnings++;
            else Infos++;
        }

        protected static Finding UnreadableFinding(string path, string message) => new()
        {
            Rule = "READ-UNREADABLE",
            Severity = Severity.Error,
            DocumentId = "",
            Location = path,
            Message = $"无法读取 {message}",
        };
    }

    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The Chinese report: summary line, 【文件】 findings, then one block per document.</summary>
    private sealed class HumanSink : Sink
    {
        private readonly bool _withCoverage;
        private readonly SpillBuffer _fileLevel = new();
        private readonly SpillBuffer _documents = new();
        private readonly StreamWriter _fileLevelWriter;
        private readonly StreamWriter _documentsWriter;
        private long _fileLevelCount;

        public HumanSink(bool withCoverage)
        {
            _withCoverage = withCoverage;
            _fileLevelWriter = new StreamWriter(_fileLevel, Utf8, 1 << 16);
            _documentsWriter = new StreamWriter(_documents, Utf8, 1 << 16);
        }

        public override void Add(ReadResult read, CheckReport report)
        {
            Files++;
            Documents += read.Documents.Count;
            var all = new List<Finding>(read.Findings.Count + report.Findings.Count);
            all.AddRange(read.Findings);
            all.AddRange(report.Findings);
            foreach (var f in all)
            {
                Count(f);
                if (f.DocumentId.Length > 0) continue;
                HumanReport.WriteFinding(_fileLevelWriter, f);
                _fileLevelCount++;
            }
            foreach (var doc in read.Documents)
            {
                report.Scores.TryGetValue(doc.Id, out var score);
                report.Coverage.TryGetValue(doc.Id, out var coverage);
                HumanReport.WriteDocument(_documentsWriter, doc, all.Where(f => f.DocumentId == doc.Id), score, _withCoverage ? coverage : null);
            }
        }

        public override void Unreadable(string path, string message)
        {
            var f = UnreadableFinding(path, message);
            Count(f);
            HumanReport.WriteFinding(_fileLevelWriter, f);
            _fileLevelCount++;
        }

        public override void WriteTo(TextWriter w)
        {
            _fileLevelWriter.Flush();
            _documentsWriter.Flush();
            HumanReport.WriteSummary(w, Files, Documents, Errors, Warnings, Infos);
            if (_fileLevelCount > 0)
            {
                HumanReport.WriteFileHeading(w);
                _fileLevel.CopyTo(w);
            }
            _documents.CopyTo(w);
        }

        public override void Dispose()
        {
            _fileLevelWriter.Dispose();
            _documentsWriter.Dispose();
        }
    }

    /// <summary>
    /// One JSON object {"documents": [...], "findings": [...], "coverage": {...}}, indented and escaped exactly as
    /// <see cref="JsonSerializer"/> wrote it before: each section is written by its own <see cref="Utf8JsonWriter"/>
    /// (wrapped in an object so the indentation depth is the same) and the sections are joined at the end.
    /// </summary>
    private sealed class JsonSink : Sink
    {
        private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        private readonly bool _withCoverage;
        private readonly SpillBuffer _documents = new();
        private readonly SpillBuffer _findings = new();
        private readonly SpillBuffer _coverage = new();
        private readonly Utf8JsonWriter _d;
        private readonly Utf8JsonWriter _f;
        private readonly Utf8JsonWriter _c;

        public JsonSink(bool withCoverage)
        {
            _withCoverage = withCoverage;
            _d = new Utf8JsonWriter(_documents, Options);
            _f = new Utf8JsonWriter(_findings, Options);
            _c = new Utf8JsonWriter(_coverage, Options);
            _d.WriteStartObject();
            _d.WriteStartArray("documents");
            _f.WriteStartObject();
            _f.WriteStartArray("findings");
            _c.WriteStartObject();
            _c.WriteStartObject("coverage");
        }

        public override void Add(ReadResult read, CheckReport report)
        {
            Files++;
            Documents += read.Documents.Count;
            foreach (var d in read.Documents)
            {
                _d.WriteStartObject();
                _d.WriteString("id", d.Id);
                _d.WriteString("kind", d.Kind.JsonName());
                _d.WriteString("title", d.Title);
                WriteNumber(_d, "year", d.Year);
                _d.WriteString("unit", d.Unit);
                _d.WriteEndObject();
            }
            foreach (var f in read.Findings) WriteFinding(f);
            foreach (var f in report.Findings) WriteFinding(f);
            if (_withCoverage)
            {
                foreach (var (id, entries) in report.Coverage)
                {
                    _c.WriteStartArray(id);
                    foreach (var e in entries)
                    {
                        _c.WriteStartObject();
                        _c.WriteString("rule", e.Rule);
                        _c.WriteString("status", e.Status switch { CoverageStatus.Passed => "passed", CoverageStatus.Failed => "failed", _ => "not-run" });
                        _c.WriteNumber("checked", e.Checked);
                        _c.WriteNumber("failed", e.Failed);
                        _c.WriteString("reason", e.Reason);
                        _c.WriteEndObject();
                    }
                    _c.WriteEndArray();
                }
                _c.Flush();
            }
            _d.Flush();
            _f.Flush();
        }

        public override void Unreadable(string path, string message) => WriteFinding(UnreadableFinding(path, message));

        private void WriteFinding(Finding f)
        {
            Count(f);
            _f.WriteStartObject();
            _f.WriteString("rule", f.Rule);
            _f.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
            _f.WriteString("document", f.DocumentId);
            _f.WriteString("location", f.Location);
            _f.WriteString("message", f.Message);
            _f.WriteString("stated", f.Stated);
            _f.WriteString("expected", f.Expected);
            WriteNumber(_f, "line", f.At?.Line);
            _f.WriteEndObject();
        }

        private static void WriteNumber(Utf8JsonWriter w, string name, int? value)
        {
            if (value is { } v) w.WriteNumber(name, v);
            else w.WriteNull(name);
        }

        public override void WriteTo(TextWriter w)
        {
            _d.WriteEndArray();
            _d.WriteEndObject();
            _f.WriteEndArray();
            _f.WriteEndObject();
            _c.WriteEndObject();
            _c.WriteEndObject();
            _d.Flush();
            _f.Flush();
            _c.Flush();
            // Each section reads "{" NL "  \"name\": …" NL "}": keep what lies between the braces.
            var nl = Environment.NewLine.Length;
            w.Write('{');
            _documents.CopyTo(w, 1, nl + 1);
            w.Write(',');
            _findings.CopyTo(w, 1, nl + 1);
            if (_withCoverage)
            {
                w.Write(',');
                _coverage.CopyTo(w, 1, nl + 1);
            }
            w.Write(Environment.NewLine);
            w.WriteLine('}');
        }

        public override void Dispose()
        {
            _d.Dispose();
            _f.Dispose();
            _c.Dispose();
            _documents.Dispose();
            _findings.Dispose();
            _coverage.Dispose();
        }
    }
}
