using System.Text.Json;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Services;

/// <summary>
/// The append-only audit log with a hash chain: each entry's hash covers the previous hash and its own
/// fields. Entries are added to the caller's unit of work, so an audit line and the change it records are
/// saved in one transaction.
/// The chain must not fork when several app instances share one database: reading the previous hash and
/// inserting the new entry happen in one transaction that holds the database's writer lock for the chain —
/// on PostgreSQL a transaction-scoped advisory lock (<c>pg_advisory_xact_lock</c>), released at commit; on
/// SQLite the transaction itself (BEGIN IMMEDIATE: one writer per database file at a time). The unique index
/// on <c>PreviousHash</c> would refuse a fork even if this were bypassed; the triggers of
/// <see cref="AuditLogProtection"/> refuse any UPDATE or DELETE.
/// </summary>
public sealed class AuditLog(JixiaoDb db)
{
    /// <summary>The advisory-lock key of the audit chain on PostgreSQL ("JXAUDIT" in ASCII).</summary>
    public const long ChainLockKey = 0x4A58_4155_4449_54;

    /// <summary>
    /// Within one process, writers queue here rather than in SQLite's busy-retry loop. Not needed for
    /// correctness on either provider (the database lock is), and not used on PostgreSQL, so that two contexts in
    /// one process meet at the database's lock exactly as two app instances do.
    /// </summary>
    private static readonly SemaphoreSlim SqliteGate = new(1, 1);

    public static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private bool IsPostgres => db is PgJixiaoDb;

    /// <summary>Adds an entry and saves it (with whatever else is pending on the context).</summary>
    public async Task AppendAndSaveAsync(AccessScope? who, string action, string entityType, string? entityId, int? organisationId, object details, CancellationToken ct = default)
    {
        var gate = IsPostgres ? null : SqliteGate;
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await using (own)
            {
                if (IsPostgres)
                    await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [ChainLockKey], ct);
                var previous = await db.AuditEntries.OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(ct) ?? "";
                var entry = new AuditEntry
                {
                    At = TruncateToMilliseconds(DateTime.UtcNow),
                    UserId = who?.UserId,
                    UserName = who?.UserName ?? "系统",
                    Action = action,
                    EntityType = entityType,
                    EntityId = entityId,
                    OrganisationId = organisationId,
                    DetailsJson = JsonSerializer.Serialize(details, DetailsJson),
                    PreviousHash = previous,
                };
                entry.Hash = ComputeHash(entry);
                db.AuditEntries.Add(entry);
                await db.SaveChangesAsync(ct);
                if (own is not null) await own.CommitAsync(ct);
            }
        }
        finally
        {
            gate?.Release();
        }
    }

    public static string ComputeHash(AuditEntry e) => AuditChain.ComputeHash(e);

    private static DateTime TruncateToMilliseconds(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    /// <summary>Walks the chain; returns the id of the first broken entry, or null when intact.</summary>
    public async Task<long?> VerifyAsync(CancellationToken ct = default) => (await AuditChain.VerifyAsync(db, ct)).FirstBroken;
}
