using Jixiao.Cli;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests;

/// <summary>The CLI on hostile files: exit 2, one Chinese line on stderr, nothing on stdout, no stack trace.</summary>
public class HostileCliTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var h in HostileFiles.All()) data.Add(h.Case);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_exits_two_with_one_chinese_line(string name)
    {
        var h = HostileFiles.Get(name);
        var dir = Directory.CreateTempSubdirectory("jixiao-hostile-");
        try
        {
            var path = Path.Combine(dir.FullName, h.FileName);
            File.WriteAllBytes(path, h.Bytes);
            // Files that read but hold no document of ours (another template, a PDF saying "Hello") are refused
            // like the unreadable ones: exit 2 and one line.
            foreach (var verb in new[] { "check", "import" })
            {
                var o = new StringWriter();
                var e = new StringWriter();
                var code = CliApp.Run([verb, path, "--json"], o, e);
                Assert.Equal(2, code);
                Assert.Equal("", o.ToString());
                var lines = e.ToString().Trim().Split('\n');
                Assert.Single(lines);
                Assert.StartsWith("jixiao：", lines[0]);
                Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", lines[0]);
                Assert.DoesNotContain("   at ", lines[0]);
                Assert.DoesNotContain("Exception", lines[0]);
            }
            Assert.Equal([path], Directory.GetFiles(dir.FullName));
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void Two_hundred_megabytes_of_text_is_refused_by_size()
    {
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-huge-{Guid.NewGuid():N}.txt");
        try
        {
            using (var f = File.Create(path)) f.SetLength(200L * 1024 * 1024);
            var e = new StringWriter();
            Assert.Equal(2, CliApp.Run(["check", path], new StringWriter(), e));
            Assert.Contains("文件过大", e.ToString());
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_file_of_another_template_among_real_ones_stays_a_finding()
    {
        // The seeds folder holds a README.md: one unrecognised file next to real ones is an info finding, not an error.
        var o = new StringWriter();
        var code = CliApp.Run(["check", RepoPaths.Seeds, "--json"], o, new StringWriter());
        Assert.Equal(1, code);
        Assert.Contains("READ-NO-DOCUMENT", o.ToString());
    }

    /// <summary>--timeout: each verb that reads stops a file at the limit (0: at the first check) with exit 2 and one Chinese line.</summary>
    [Theory]
    [InlineData("import")]
    [InlineData("check")]
    [InlineData("score")]
    public void Timeout_zero_stops_the_read_with_exit_two(string verb)
    {
        var seed = RepoPaths.Seed("004");
        var o = new StringWriter();
        var e = new StringWriter();
        Assert.Equal(2, CliApp.Run([verb, seed, "--timeout", "0"], o, e));
        Assert.Equal("", o.ToString());
        var line = Assert.Single(e.ToString().Trim().Split('\n'));
        Assert.StartsWith("jixiao：", line);
        Assert.Contains($"{Path.GetFileName(seed)}：文件解析超过 0 秒，已停止：", line);
    }

    [Fact]
    public void A_generous_timeout_changes_nothing_and_a_negative_one_is_refused()
    {
        var seed = RepoPaths.Seed("004");
        var plain = new StringWriter();
        Assert.Equal(0, CliApp.Run(["import", seed], plain, new StringWriter()));
        var limited = new StringWriter();
        Assert.Equal(0, CliApp.Run(["import", seed, "--timeout", "600"], limited, new StringWriter()));
        Assert.Equal(plain.ToString(), limited.ToString());

        var e = new StringWriter();
        Assert.Equal(2, CliApp.Run(["import", seed, "--timeout", "-1"], new StringWriter(), e));
        Assert.Contains("--timeout", e.ToString());
    }
}
