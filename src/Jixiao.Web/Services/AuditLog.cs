using System.Text.Json;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Services;

/// <summary>
/// The append-only audit log with a hash chain: each entry's hash covers the previous hash and its own
/// fields. Entries are added to the caller's unit of work, so an audit line and the change it records are
/// saved in one transaction.
/// </summary>
public sealed class AuditLog(JixiaoDb db)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Adds an entry and saves it (with whatever else is pending on the context).</summary>
    public async Task AppendAndSaveAsync(AccessScope? who, string action, string entityType, string? entityId, int? organisationId, object details, CancellationToken ct = default)
    {
        await Gate.WaitAsync(ct);
        try
        {
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
        }
        finally
        {
            Gate.Release();
        }
    }

    public static string ComputeHash(AuditEntry e) => AuditChain.ComputeHash(e);

    private static DateTime TruncateToMilliseconds(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    /// <summary>Walks the chain; returns the id of the first broken entry, or null when intact.</summary>
    public async Task<long?> VerifyAsync(CancellationToken ct = default) => (await AuditChain.VerifyAsync(db, ct)).FirstBroken;
}
