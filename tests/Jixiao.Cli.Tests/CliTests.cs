using System.Text.Json;
using Jixiao.Cli;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests;

public class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Check_json_prints_one_object_with_documents_and_findings()
    {
        var (code, output, err) = Run("check", RepoPaths.Seed("000"), "--json");
        Assert.Equal(1, code);
        Assert.Equal("", err);
        using var json = JsonDocument.Parse(output);
        var docs = json.RootElement.GetProperty("documents");
        Assert.Equal(13, docs.GetArrayLength());
        var kinds = docs.EnumerateArray().Select(d => d.GetProperty("kind").GetString()).ToList();
        Assert.Equal(1, kinds.Count(k => k == "cover-letter"));
        Assert.Equal(3, kinds.Count(k => k == "self-evaluation-report"));
        Assert.Equal(9, kinds.Count(k => k == "transfer-self-evaluation"));
        var f = json.RootElement.GetProperty("findings").EnumerateArray().First(x => x.GetProperty("rule").GetString() == "RPT-SUM");
        foreach (var key in new[] { "rule", "severity", "document", "location", "message", "stated", "expected" })
            Assert.True(f.TryGetProperty(key, out _), key);
        Assert.Equal("error", f.GetProperty("severity").GetString());
        Assert.Equal("909.21万元", f.GetProperty("expected").GetString());
    }

    [Fact]
    public void Check_exits_zero_without_errors()
    {
        var (code, output, _) = Run("check", RepoPaths.Seed("002"));
        Assert.Equal(0, code);
        Assert.Contains("错误 0 条", output);
        Assert.Contains("【绩效自评报告】", output);
    }

    [Fact]
    public void Unreadable_input_exits_two_with_one_line_on_stderr()
    {
        var (code, output, err) = Run("check", "/no/such/file.txt", "--json");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains("文件不存在", err);
        Assert.DoesNotContain("   at ", err);

        var garbage = Path.Combine(Path.GetTempPath(), $"jixiao-garbage-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(garbage, [0x00, 0x01, 0x02, 0xFF, 0xFE, 0x10, 0x00, 0x00]);
        try
        {
            var r = Run("check", garbage);
            Assert.Equal(2, r.Code);
            Assert.Contains(Path.GetFileName(garbage), r.Err);
        }
        finally { File.Delete(garbage); }
    }

    [Fact]
    public void Readable_file_without_documents_exits_two_with_one_chinese_line()
    {
        var file = Path.Combine(Path.GetTempPath(), $"jixiao-note-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, "会议纪要\n今天讨论了明年的工作。\n");
        try
        {
            // Issue 8: inputs with nothing of ours (another template, a note) are refused by import and check alike;
            // among real files such a file stays a READ-NO-DOCUMENT finding.
            foreach (var verb in new[] { "import", "check" })
            {
                var (code, output, err) = Run(verb, file, "--json");
                Assert.Equal(2, code);
                Assert.Equal("", output);
                Assert.Single(err.Trim().Split('\n'));
                Assert.Contains("没有找到可识别的", err);
            }
            var (checkCode, checkOutput, _) = Run("check", file, RepoPaths.Seed("002"), "--json");
            Assert.NotEqual(2, checkCode);
            Assert.Contains("READ-NO-DOCUMENT", checkOutput);
            var (code2, output2, _) = Run("import", file, RepoPaths.Seed("002"), "--json");
            Assert.Equal(0, code2);
            Assert.Contains("\"documents\"", output2);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void Score_shows_the_engine_beside_the_stated_score()
    {
        var (code, output, _) = Run("score", RepoPaths.Seed("004"), "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var scores = json.RootElement.GetProperty("scores").EnumerateArray().ToList();
        Assert.Equal(11, scores.Count);
        var kb = scores.Single(s => s.GetProperty("title").GetString() == "2022年企保工作经费");
        Assert.Equal(100m, kb.GetProperty("stated").GetProperty("total").GetDecimal());
        Assert.Equal(93.6m, kb.GetProperty("engine").GetProperty("total").GetDecimal());
        Assert.Equal("优", kb.GetProperty("engine").GetProperty("grade").GetString());
    }

    [Fact]
    public void Score_with_another_rule_set_uses_its_bands()
    {
        var (code, output, _) = Run("score", RepoPaths.Seed("004"), "--rules", "hb-20-40-40", "--json");
        Assert.Equal(0, code);
        Assert.Contains("\"ruleSet\": \"hb-20-40-40\"", output);
        var bad = Run("score", RepoPaths.Seed("004"), "--rules", "no-such-set");
        Assert.Equal(2, bad.Code);
        Assert.Contains("未知的规则集", bad.Err);
    }

    [Fact]
    public void Import_prints_canonical_json_that_reads_back()
    {
        var (code, output, _) = Run("import", RepoPaths.Seed("001"));
        Assert.Equal(0, code);
        var env = Jixiao.Core.Serialization.CanonicalJson.DeserializeDocuments(output);
        Assert.Equal(4, env.Documents.Count);
        Assert.Equal("jixiao/1", env.Schema);
    }

    [Fact]
    public void A_folder_expands_to_its_files()
    {
        var (code, output, _) = Run("check", RepoPaths.Seeds, "--json");
        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(13 + 4 + 1 + 11, json.RootElement.GetProperty("documents").EnumerateArray().Count(d => d.GetProperty("kind").GetString() != "final-accounts"));
    }
}

public class ExportCliTests
{
    [Fact]
    public void Export_writes_official_xlsx_that_reads_back_with_the_same_findings()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"jixiao-export-{Guid.NewGuid():N}");
        try
        {
            var o = new StringWriter();
            var e = new StringWriter();
            var code = CliApp.Run(["export", RepoPaths.Seed("001"), "--to", "xlsx", "--out", dir], o, e);
            Assert.Equal(0, code);
            var files = Directory.GetFiles(dir, "*.xlsx");
            Assert.Equal(3, files.Length);
            var rural = files.Single(f => f.Contains("城乡居民"));
            var again = new StringWriter();
            Assert.Equal(1, CliApp.Run(["check", rural, "--json"], again, new StringWriter()));
            Assert.Contains("\"SE-FUND-SUM-A\"", again.ToString());
            Assert.Contains("97,774,803.73", again.ToString());
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Export_rejects_an_unknown_format()
    {
        var e = new StringWriter();
        var code = CliApp.Run(["export", RepoPaths.Seed("001"), "--to", "odt"], new StringWriter(), e);
        Assert.NotEqual(0, code);
    }
}
