using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jixiao.Web.Services;

/// <summary>
/// The list's totals (份数, 有错误份数, 错误/警告条数, by status and kind) per scope and filter, kept until any
/// document is written. Counting every visible document on every page request is what made the list slow at
/// 100,000 documents; the totals only change when a document is saved, so they are computed once per change.
/// <see cref="DocumentWritesInterceptor"/> moves <see cref="Generation"/> on every save that touches a document;
/// an entry computed under an older generation is never served. <see cref="MaxAge"/> bounds how long a figure can
/// lag a write made outside this process (another server on the same database, a restore).
/// </summary>
public sealed class DocumentCountsCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 10_000;

    private sealed record Entry(long Generation, long At, DocumentCounts Counts);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Called when documents change: every cached total becomes stale.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    public async Task<DocumentCounts> GetOrComputeAsync(string key, Func<Task<DocumentCounts>> compute)
    {
        var now = Environment.TickCount64;
        if (_entries.TryGetValue(key, out var e) && e.Generation == Generation && now - e.At < (long)MaxAge.TotalMilliseconds)
            return e.Counts;
        // Read the generation before counting: a write committed while counting leaves the entry stale, not wrong.
        var generation = Generation;
        var counts = await compute();
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[key] = new Entry(generation, now, counts);
        return counts;
    }
}

/// <summary>Invalidates <see cref="DocumentCountsCache"/> whenever a save adds, changes or deletes a document row.</summary>
public sealed class DocumentWritesInterceptor(DocumentCountsCache cache) : SaveChangesInterceptor
{
    private static bool TouchesDocuments(DbContext? context) =>
        context is not null && context.ChangeTracker.Entries<StoredDocument>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);

    // Before the save (a reader that starts now must not cache the old figures as current) and after it (a reader
    // that counted while the save was running must not keep what it read).
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Before(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Before(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        After(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        After(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => After(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        After(eventData.Context);
        return Task.CompletedTask;
    }

    private void Before(DbContext? context)
    {
        if (!TouchesDocuments(context)) return;
        _pending.AddOrUpdate(context!, this);
        cache.Invalidate();
    }

    private void After(DbContext? context)
    {
        if (context is not null && _pending.Remove(context)) cache.Invalidate();
    }
}
