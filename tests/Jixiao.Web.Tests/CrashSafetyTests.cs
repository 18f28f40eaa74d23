using System.Net;
using Jixiao.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jixiao.Web.Tests;

/// <summary>
/// Kills a real server process with SIGKILL in the middle of a bulk import and checks that the database is
/// consistent (every import complete or absent, audit chain intact) and that the import can simply be run again.
/// </summary>
public abstract class CrashSafetyTests
{
    protected abstract (string? Db, Func<JixiaoDb> Open) Database(string dataDir);

    [DbFact]
    public async Task Sigkill_during_a_bulk_import_leaves_a_consistent_database_and_the_import_reruns()
    {
        var dataDir = Directory.CreateTempSubdirectory("jixiao-crash-").FullName;
        try
        {
            var (db, open) = Database(dataDir);
            var seed = await File.ReadAllBytesAsync(Path.Combine(JixiaoFactory.SeedDir, "001_9e81b93be66c6a64.txt"));
            int completed;
            using (var server = await ServerProcess.StartAsync(dataDir, db))
            {
                var client = await server.LoginAsync("zlt-sbzx-tianbao");
                var ok = 0;
                using var stop = new CancellationTokenSource();
                var workers = Enumerable.Range(0, 6).Select(async _ =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        try
                        {
                            using var form = new MultipartFormDataContent { { new ByteArrayContent(seed), "file", "001.txt" } };
                            var r = await client.PostAsync("/api/v1/imports", form, stop.Token);
                            if (r.StatusCode == HttpStatusCode.Created) Interlocked.Increment(ref ok);
                        }
                        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException) { }
                    }
                }).ToList();
                var deadline = DateTime.UtcNow.AddMinutes(3);
                while (Volatile.Read(ref ok) < 4 && DateTime.UtcNow < deadline) await Task.Delay(50);
                server.Kill(); // SIGKILL while the other workers' imports are in flight
                completed = Volatile.Read(ref ok);
                await stop.CancelAsync();
                await Task.WhenAll(workers);
            }
            Assert.True(completed >= 4, $"崩溃前只完成了 {completed} 次导入");
            var imports = await AssertConsistentAsync(open);
            Assert.True(imports >= completed, $"确认成功的 {completed} 次导入只剩 {imports} 次");

            // Restart on the same database: it comes up, and the same import runs again.
            using (var server = await ServerProcess.StartAsync(dataDir, db))
            {
                var client = await server.LoginAsync("zlt-sbzx-tianbao");
                using var form = new MultipartFormDataContent { { new ByteArrayContent(seed), "file", "001.txt" } };
                (await client.PostAsync("/api/v1/imports", form)).ShouldBe(HttpStatusCode.Created);
            }
            Assert.Equal(imports + 1, await AssertConsistentAsync(open));
        }
        finally
        {
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Every import is whole: its documents, versions, findings and audit line all there, or none of them.</summary>
    private static async Task<int> AssertConsistentAsync(Func<JixiaoDb> open)
    {
        await using var db = open();
        var imports = await db.Imports.AsNoTracking().ToListAsync();
        foreach (var i in imports)
        {
            var docs = await db.Documents.AsNoTracking().Where(d => d.ImportRecordId == i.Id).ToListAsync();
            Assert.Equal(i.DocumentCount, docs.Count);
            foreach (var d in docs)
            {
                var versions = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == d.Id).ToListAsync();
                Assert.Equal(d.Revision, versions.Max(v => v.Number));
                Assert.Equal(d.ContentHash, versions.Single(v => v.Number == d.Revision).ContentHash);
            }
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "import" && a.EntityId == i.Id.ToString()), $"导入 {i.Id} 没有审计记录");
        }
        Assert.Equal(imports.Count, await db.AuditEntries.CountAsync(a => a.Action == "import"));
        Assert.False(await db.Documents.AnyAsync(d => d.ImportRecordId != null && !db.Imports.Any(i => i.Id == d.ImportRecordId)));
        Assert.False(await db.Documents.AnyAsync(d => !db.DocumentVersions.Any(v => v.DocumentId == d.Id)));
        var chain = await AuditChain.VerifyAsync(db);
        Assert.True(chain.FirstBroken is null, chain.Reason);
        return imports.Count;
    }
}

public sealed class SqliteCrashSafetyTests : CrashSafetyTests
{
    protected override (string?, Func<JixiaoDb>) Database(string dataDir)
    {
        var cs = $"Data Source={Path.Combine(dataDir, "jixiao.db")};Pooling=False";
        return (null, () => new SqliteJixiaoDb(new DbContextOptionsBuilder<SqliteJixiaoDb>().UseSqlite(cs).Options));
    }
}

public sealed class PostgresCrashSafetyTests : CrashSafetyTests, IDisposable
{
    private string? _database;

    protected override (string?, Func<JixiaoDb>) Database(string dataDir)
    {
        var server = PgSettings.ConnectionString ?? throw new InvalidOperationException("未设置 JIXIAO_TEST_PG。");
        _database = "jixiao_crash_" + Guid.NewGuid().ToString("N")[..12];
        using (var conn = new NpgsqlConnection(server))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_database}\" ENCODING 'UTF8' TEMPLATE template0", conn);
            cmd.ExecuteNonQuery();
        }
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString;
        return (cs, () => new PgJixiaoDb(new DbContextOptionsBuilder<PgJixiaoDb>().UseNpgsql(cs).Options));
    }

    public void Dispose()
    {
        if (_database is not null) PgSettings.DropDatabase(_database);
    }
}
