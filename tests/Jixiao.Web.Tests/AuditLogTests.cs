using System.Data.Common;
using Jixiao.Data;
using Jixiao.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>
/// The audit log in the database itself: UPDATE, DELETE (and TRUNCATE on PostgreSQL) refused by triggers, inserts
/// still allowed; concurrent appends from separate contexts (as from two app instances) never fork the chain.
/// </summary>
public abstract class AuditLogTests<TFactory>(TFactory app) where TFactory : JixiaoFactory
{
    protected TFactory App { get; } = app;

    private async Task<long> CountAsync()
    {
        _ = App.Services; // the app is up and has migrated its database
        await using var db = App.OpenSeparateDb();
        return await db.AuditEntries.LongCountAsync();
    }

    [DbFact]
    public async Task Update_and_delete_by_raw_sql_fail_with_the_triggers_message_and_inserts_still_work()
    {
        await App.ApiClientAsync("zlt-jyzx-tianbao"); // an api-key-create entry at least
        await using var db = App.OpenSeparateDb();
        var first = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).FirstAsync();
        var before = await db.AuditEntries.LongCountAsync();

        string[] forbidden =
        [
            "UPDATE audit_log SET \"UserName\" = 'mallory' WHERE \"Id\" = " + first.Id,
            "UPDATE audit_log SET \"Hash\" = \"Hash\"",
            "DELETE FROM audit_log WHERE \"Id\" = " + first.Id,
            "DELETE FROM audit_log",
            .. db is PgJixiaoDb ? new[] { "TRUNCATE audit_log" } : [],
        ];
        foreach (var sql in forbidden)
        {
            var e = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(sql));
            Assert.Contains(AuditLogProtection.Message, e.Message);
        }

        Assert.Equal(before, await db.AuditEntries.LongCountAsync());
        var unchanged = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == first.Id);
        Assert.Equal((first.UserName, first.Hash), (unchanged.UserName, unchanged.Hash));

        // Appending still works, and the chain stays intact.
        await new AuditLog(db).AppendAndSaveAsync(null, "test", "audit", null, null, new { n = 1 });
        Assert.Equal(before + 1, await db.AuditEntries.LongCountAsync());
        var chain = await AuditChain.VerifyAsync(db);
        Assert.Null(chain.FirstBroken);
        Assert.Equal(before + 1, chain.Entries);
    }

    /// <summary>Two contexts, each with its own connection (as two app instances on one database), append 200 entries each at once.</summary>
    [DbFact]
    public async Task Concurrent_appends_from_two_contexts_do_not_fork_the_chain()
    {
        const int PerWriter = 200;
        var before = await CountAsync();
        using var start = new SemaphoreSlim(0, 2);

        async Task Writer(string name)
        {
            await using var db = App.OpenSeparateDb();
            var audit = new AuditLog(db);
            await start.WaitAsync();
            for (var i = 0; i < PerWriter; i++)
                await audit.AppendAndSaveAsync(null, "test", "audit", $"{name}-{i}", null, new { writer = name, i });
        }

        var writers = new[] { Task.Run(() => Writer("a")), Task.Run(() => Writer("b")) };
        start.Release(2);
        await Task.WhenAll(writers);

        await using var check = App.OpenSeparateDb();
        var chain = await AuditChain.VerifyAsync(check);
        Assert.True(chain.FirstBroken is null, chain.Reason);
        Assert.Equal(before + 2 * PerWriter, chain.Entries);
        // No two entries name the same predecessor: a single line, no fork.
        var previous = await check.AuditEntries.Select(a => a.PreviousHash).ToListAsync();
        Assert.Equal(previous.Count, previous.Distinct().Count());
        // Both writers' entries are in it, interleaved or not.
        Assert.Equal(PerWriter, await check.AuditEntries.CountAsync(a => a.EntityId!.StartsWith("a-")));
        Assert.Equal(PerWriter, await check.AuditEntries.CountAsync(a => a.EntityId!.StartsWith("b-")));
    }
}

public sealed class SqliteAuditLogTests(SqliteFactory app) : AuditLogTests<SqliteFactory>(app), IClassFixture<SqliteFactory>;

public sealed class PostgresAuditLogTests(PostgresFactory app) : AuditLogTests<PostgresFactory>(app), IClassFixture<PostgresFactory>;
