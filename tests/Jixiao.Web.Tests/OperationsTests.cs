extern alias cli;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using cli::Jixiao.Cli;
using Jixiao.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>`jixiao db backup/restore` and `jixiao audit verify` against the app's real database (SQLite and PostgreSQL).</summary>
public abstract class OperationsTests<TFactory>(TFactory app) where TFactory : JixiaoFactory
{
    private const string Unit = "扎兰屯市就业服务中心";

    private static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>Everything that must come back: every document's revision and hash, every version, every audit hash.</summary>
    private async Task<string> SnapshotAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
        var sb = new StringBuilder();
        foreach (var d in await db.Documents.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.Revision, d.ContentHash, d.Status }).ToListAsync())
            sb.AppendLine($"{d.Id} {d.Revision} {d.ContentHash} {d.Status}");
        foreach (var v in await db.DocumentVersions.AsNoTracking().OrderBy(v => v.Id).Select(v => new { v.Id, v.DocumentId, v.Number, v.ContentHash }).ToListAsync())
            sb.AppendLine($"v {v.Id} {v.DocumentId} {v.Number} {v.ContentHash}");
        foreach (var a in await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Hash }).ToListAsync())
            sb.AppendLine($"a {a.Id} {a.Hash}");
        sb.AppendLine($"users {await db.Users.CountAsync()} findings {await db.Findings.CountAsync()} imports {await db.Imports.CountAsync()}");
        return sb.ToString();
    }

    [DbFact]
    public async Task Backup_then_restore_brings_back_exactly_what_was_backed_up()
    {
        var client = await app.ApiClientAsync("zlt-jyzx-tianbao");
        var id = await app.StoreAsync(Unit, JixiaoFactory.Table("备份测试资金", 2023, Unit));
        await EditAsync(client, id, 300m);
        var before = await SnapshotAsync();
        var file = Path.Combine(app.DataDir, "backup", "jixiao.backup");
        var (code, output, err) = Cli("db", "backup", file, "--db", app.ToolConnectionString);
        Assert.True(code == 0, err);
        Assert.Contains("哈希链完好", output);

        // Changes after the backup: a new document, another edit.
        await app.StoreAsync(Unit, JixiaoFactory.Table("备份之后的资金", 2023, Unit));
        await EditAsync(client, id, 400m);
        Assert.NotEqual(before, await SnapshotAsync());

        (code, output, err) = Cli("db", "restore", file, "--db", app.ToolConnectionString);
        Assert.True(code == 0, err + output);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(0, Cli("audit", "verify", "--db", app.ToolConnectionString).Code);
        // The restored audit log is still append-only in the database.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
            var e = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log"));
            Assert.Contains(AuditLogProtection.Message, e.Message);
        }
        // The app goes on working on the restored database.
        (await client.GetAsync($"/api/v1/documents/{id}")).ShouldBe(HttpStatusCode.OK);
    }

    [DbFact]
    public async Task Restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing()
    {
        var before = await SnapshotAsync();
        var junk = Path.Combine(app.DataDir, "junk.backup");
        await File.WriteAllTextAsync(junk, "这不是备份");
        var (code, _, err) = Cli("db", "restore", junk, "--db", app.ToolConnectionString);
        Assert.Equal(2, code);
        Assert.Contains("不是 Jixiao 的备份文件", err);
        Assert.Equal(before, await SnapshotAsync());
    }

    [DbFact]
    public async Task Audit_verify_finds_an_edited_or_deleted_entry()
    {
        await app.StoreAsync(Unit, JixiaoFactory.Table("审计校验资金", 2023, Unit));
        var client = await app.ApiClientAsync("zlt-jyzx-tianbao");
        (await client.GetAsync("/api/v1/documents")).ShouldBe(HttpStatusCode.OK);
        var (ok, okOut, _) = Cli("audit", "verify", "--db", app.ToolConnectionString);
        Assert.Equal(0, ok);
        Assert.Contains("审计日志完好", okOut);

        var file = Path.Combine(app.DataDir, "before-tamper.backup");
        Assert.Equal(0, Cli("db", "backup", file, "--db", app.ToolConnectionString).Code);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
            var first = await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            await JixiaoFactory.TamperWithAuditLogAsync(db, "UPDATE audit_log SET \"UserName\" = 'mallory' WHERE \"Id\" = {0}", first);
        }
        var (broken, brokenOut, _) = Cli("audit", "verify", "--db", app.ToolConnectionString);
        Assert.Equal(1, broken);
        Assert.Contains("被修改", brokenOut);
        // Restoring the backup mends it.
        Assert.Equal(0, Cli("db", "restore", file, "--db", app.ToolConnectionString).Code);
        Assert.Equal(0, Cli("audit", "verify", "--db", app.ToolConnectionString).Code);
    }

    private static async Task EditAsync(HttpClient client, Guid id, decimal budget)
    {
        var current = JsonNode.Parse(await client.GetStringAsync($"/api/v1/documents/{id}"))!;
        var content = current["content"]!.DeepClone();
        content["funds"]![0]!["budget"] = new JsonObject { ["text"] = budget.ToString(System.Globalization.CultureInfo.InvariantCulture), ["value"] = budget };
        var body = new JsonObject { ["revision"] = (int)current["revision"]!, ["content"] = content };
        var r = await client.PutAsync($"/api/v1/documents/{id}", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        r.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class SqliteOperationsTests(SqliteFactory app) : OperationsTests<SqliteFactory>(app), IClassFixture<SqliteFactory>;

public sealed class PostgresOperationsTests(PostgresFactory app) : OperationsTests<PostgresFactory>(app), IClassFixture<PostgresFactory>;
