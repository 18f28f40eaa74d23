using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Jixiao.Bench.Generator;
using Jixiao.Cli;
using Jixiao.Cli.Commands;
using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Rules;

namespace Jixiao.Bench.Tests;

/// <summary>`jixiao check DIR` streams: its output must be what the whole-corpus, in-memory report prints.</summary>
public sealed class StreamingCheckTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "jixiao-stream-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N"));

    public StreamingCheckTests()
    {
        Corpus.Write(_dir, new GeneratorOptions { Seed = 99 }, 0, 40, [CorpusFormat.Json, CorpusFormat.Text], 2);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>The report as the command printed it before streaming: everything loaded, checked, then written.</summary>
    private static (string Human, string Json) InMemory(string dir, bool coverage)
    {
        var loaded = Inputs.Load([dir], new CliOutput(TextWriter.Null, TextWriter.Null))!;
        var report = new CheckReport();
        foreach (var file in loaded.Files)
        {
            var r = Engine.Check(file.Documents, RuleSet.Default);
            report.Findings.AddRange(file.Findings);
            report.Findings.AddRange(r.Findings);
            foreach (var (k, v) in r.Coverage) report.Coverage[k] = v;
            foreach (var (k, v) in r.Scores) report.Scores[k] = v;
        }
        var human = new StringWriter();
        HumanReport.WriteFindings(human, loaded, report, coverage);
        var obj = new Dictionary<string, object?>
        {
            ["documents"] = loaded.Documents.Select(d => new Dictionary<string, object?> { ["id"] = d.Id, ["kind"] = d.Kind.JsonName(), ["title"] = d.Title, ["year"] = d.Year, ["unit"] = d.Unit }).ToList(),
            ["findings"] = report.Findings.Select(f => new Dictionary<string, object?>
            {
                ["rule"] = f.Rule,
                ["severity"] = f.Severity.ToString().ToLowerInvariant(),
                ["document"] = f.DocumentId,
                ["location"] = f.Location,
                ["message"] = f.Message,
                ["stated"] = f.Stated,
                ["expected"] = f.Expected,
                ["line"] = f.At?.Line,
            }).ToList(),
        };
        if (coverage)
            obj["coverage"] = report.Coverage.ToDictionary(p => p.Key, p => p.Value.Select(c => new Dictionary<string, object?>
            {
                ["rule"] = c.Rule,
                ["status"] = c.Status switch { CoverageStatus.Passed => "passed", CoverageStatus.Failed => "failed", _ => "not-run" },
                ["checked"] = c.Checked,
                ["failed"] = c.Failed,
                ["reason"] = c.Reason,
            }).ToList());
        var json = JsonSerializer.Serialize(obj, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + Environment.NewLine;
        return (human.ToString(), json);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Streamed_output_equals_the_in_memory_report(bool coverage)
    {
        var (human, json) = InMemory(_dir, coverage);
        var args = coverage ? new[] { "--coverage" } : [];
        var h = Cli(["check", _dir, .. args]);
        var j = Cli(["check", "--json", _dir, .. args]);
        Assert.Equal(human, h.Out);
        Assert.Equal(json, j.Out);
        Assert.Equal(1, h.Code); // the generated corpus has defects with errors
        Assert.Equal("", h.Err);
        using var doc = JsonDocument.Parse(j.Out); // exactly one JSON object
        Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
    }

    [Fact]
    public void Output_does_not_depend_on_the_number_of_workers()
    {
        foreach (var json in new[] { false, true })
        {
            var one = new StringWriter();
            var many = new StringWriter();
            var c1 = CheckCommand.Run([_dir], RuleSet.Default, json, true, new CliOutput(one, TextWriter.Null), workers: 1);
            var c2 = CheckCommand.Run([_dir], RuleSet.Default, json, true, new CliOutput(many, TextWriter.Null), workers: 7);
            Assert.Equal(c1, c2);
            Assert.Equal(one.ToString(), many.ToString());
        }
    }

    [Fact]
    public void An_unreadable_file_in_a_folder_is_reported_and_skipped_with_exit_2()
    {
        File.WriteAllText(Path.Combine(_dir, "0000005-broken.xlsx"), "not a spreadsheet");
        var h = Cli("check", _dir);
        Assert.Equal(2, h.Code);
        Assert.Contains("READ-UNREADABLE", h.Out);
        Assert.Contains("0000039-", h.Out); // files after the broken one were still checked
        Assert.Single(h.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var j = Cli("check", "--json", _dir);
        Assert.Equal(2, j.Code);
        using var doc = JsonDocument.Parse(j.Out);
        Assert.Contains(doc.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "READ-UNREADABLE" && f.GetProperty("document").GetString() == "");
    }

    [Fact]
    public void An_unreadable_file_named_on_the_command_line_stops_with_exit_2_and_prints_nothing()
    {
        var bad = Path.Combine(_dir, "named.xlsx");
        File.WriteAllText(bad, "not a spreadsheet");
        var first = Directory.GetFiles(_dir, "*.json").Order(StringComparer.Ordinal).First();
        var r = Cli("check", first, bad);
        Assert.Equal(2, r.Code);
        Assert.Equal("", r.Out);
        Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("jixiao：无法读取", r.Err);
    }

    [Fact]
    public void A_spill_buffer_gives_back_what_was_written_across_the_memory_threshold()
    {
        var text = string.Concat(Enumerable.Range(0, 300_000).Select(i => $"第{i}行：绩效自评表 ✓\n"));
        using var buffer = new SpillBuffer();
        using (var w = new StreamWriter(buffer, new UTF8Encoding(false), 1000, leaveOpen: true)) w.Write(text);
        Assert.True(buffer.Spilled);
        var back = new StringWriter();
        buffer.CopyTo(back, from: 3, trimEnd: 1); // "第" is three bytes; drop the last "\n"
        Assert.Equal(text[1..^1], back.ToString());
    }
}
