using System.Net;
using System.Text.Json.Nodes;
using Jixiao.Data;
using Jixiao.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>A SQLite app whose upload limit is configured down to 1 MB.</summary>
public sealed class SmallUploadFactory : JixiaoFactory
{
    protected override string? ConnectionString => null;
    protected override long MaxUploadBytes => 1024 * 1024;
}

/// <summary>A SQLite app whose read time limit (Jixiao:ReadTimeLimitSeconds) is 0: every read stops at its first check.</summary>
public sealed class NoReadTimeFactory : JixiaoFactory
{
    protected override string? ConnectionString => null;
    protected override double? ReadTimeLimitSeconds => 0;
}

/// <summary>The upload API on hostile files: 4xx with a Chinese ProblemDetails, nothing written, the server still answering.</summary>
public sealed class HostileUploadTests(SqliteFactory app) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task Every_hostile_file_gets_a_4xx_in_chinese_and_nothing_is_written()
    {
        var client = await app.ApiClientAsync("fy-sbzx-tianbao");
        var before = await CountsAsync();
        var failures = new List<string>();
        foreach (var h in HostileFiles.All())
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(h.Bytes), "file", h.FileName } };
            var r = await client.PostAsync("/api/v1/imports", form);
            var body = await r.Content.ReadAsStringAsync();
            var code = (int)r.StatusCode;
            if (code is < 400 or >= 500) { failures.Add($"{h.Case}：{code} {body}"); continue; }
            var problem = JsonNode.Parse(body)!;
            var detail = (string?)problem["detail"] ?? "";
            if (!System.Text.RegularExpressions.Regex.IsMatch(detail, @"\p{IsCJKUnifiedIdeographs}") || detail.Contains("   at ", StringComparison.Ordinal) || detail.Contains("Exception", StringComparison.Ordinal))
                failures.Add($"{h.Case}：说明不清楚：{detail}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await CountsAsync());
        // Still serving.
        (await client.GetAsync("/api/v1/documents")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Gbk_text_mislabelled_as_utf8_is_imported_correctly()
    {
        var client = await app.ApiClientAsync("zlt-jyzx-tianbao");
        var utf8 = await File.ReadAllTextAsync(Path.Combine(JixiaoFactory.SeedDir, "002_d30d215e9d69c8d2.txt"));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(HostileFiles.GbkLabelledUtf8(utf8)), "file", "002-gbk.txt" } };
        var r = await client.PostAsync("/api/v1/imports", form);
        r.ShouldBe(HttpStatusCode.Created);
        Assert.Contains("就业", await r.Content.ReadAsStringAsync());
    }

    private async Task<(int, int, int, int)> CountsAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
        return (await db.Imports.CountAsync(), await db.Documents.CountAsync(), await db.DocumentVersions.CountAsync(),
            await db.AuditEntries.CountAsync(a => a.Action != "api-key-create"));
    }
}

/// <summary>The upload limit is configuration (Jixiao:MaxUploadBytes): over it, 413 before the file is read.</summary>
public sealed class UploadLimitTests(SmallUploadFactory app) : IClassFixture<SmallUploadFactory>
{
    [Fact]
    public async Task Uploads_over_the_configured_limit_get_413_in_chinese()
    {
        var client = await app.ApiClientAsync("fy-sbzx-tianbao");
        using var big = new MultipartFormDataContent { { new StreamContent(new HostileFiles.GeneratedText(200L * 1024 * 1024)), "file", "巨大.txt" } };
        var r = await client.PostAsync("/api/v1/imports", big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        var problem = JsonNode.Parse(await r.Content.ReadAsStringAsync())!;
        Assert.Contains("大", (string?)problem["title"] + (string?)problem["detail"]);

        using var ok = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(JixiaoFactory.SeedDir, "004_a282273b1331087d.txt"))), "file", "004.txt" } };
        (await client.PostAsync("/api/v1/imports", ok)).ShouldBe(HttpStatusCode.Created);
    }
}

/// <summary>
/// The wall-clock limit on reading an upload is configuration and is enforced inside the readers: under a limit of
/// 0 a real, well-formed file of each kind (text, xlsx) is stopped, answered 422 in Chinese, and nothing is written.
/// </summary>
public sealed class ReadTimeLimitUploadTests(NoReadTimeFactory app) : IClassFixture<NoReadTimeFactory>
{
    [Fact]
    public async Task A_read_over_the_time_limit_gets_422_in_chinese_and_nothing_is_written()
    {
        var client = await app.ApiClientAsync("fy-sbzx-tianbao");
        var before = await CountsAsync();
        var files = new (string Name, byte[] Bytes)[]
        {
            ("004.txt", await File.ReadAllBytesAsync(Path.Combine(JixiaoFactory.SeedDir, "004_a282273b1331087d.txt"))),
            ("small.xlsx", HostileFiles.MinimalXlsx([["项目支出绩效自评表"], ["年度资金总额", "100", "96.21"]])),
        };
        foreach (var (name, bytes) in files)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
            var r = await client.PostAsync("/api/v1/imports", form);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
            var problem = JsonNode.Parse(await r.Content.ReadAsStringAsync())!;
            Assert.Equal("文件解析超时", (string?)problem["title"]);
            Assert.StartsWith($"{name}：文件解析超过 0 秒，已停止：", (string?)problem["detail"]);
        }
        Assert.Equal(before, await CountsAsync());
        (await client.GetAsync("/api/v1/documents")).ShouldBe(HttpStatusCode.OK);
    }

    private async Task<(int, int, int, int)> CountsAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
        return (await db.Imports.CountAsync(), await db.Documents.CountAsync(), await db.DocumentVersions.CountAsync(),
            await db.AuditEntries.CountAsync(a => a.Action != "api-key-create"));
    }
}
