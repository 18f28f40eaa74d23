using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jixiao.Web.Services;

/// <summary>
/// What the document list computes over every visible document — its totals (份数, 有错误份数, 错误/警告条数, by
/// status and kind) and its order (the ids of all matching documents, in list order) — per scope and filter, kept
/// until any document is written. Counting and ordering 100,000 documents on every page request is what made the
/// list slow; both only change when a document is saved, so they are computed once per change, and any page is then
/// a slice of the cached order (no OFFSET walk over the index) plus one query for its 50 rows.
/// <see cref="DocumentWritesInterceptor"/> moves <see cref="Generation"/> on every save that touches a document;
/// an entry computed under an older generation is never served. <see cref="MaxAge"/> bounds how long a figure can
/// lag a write made outside this process (another server on the same database, a restore). Memory is bounded by
/// <see cref="MaxWeight"/> (ids and totals held); past it the cache starts again empty.
/// </summary>
public sealed class DocumentListCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    /// <summary>At most this many ids (16 bytes each) held over all cached orders, plus one per cached total.</summary>
    public const long MaxWeight = 4_000_000;

    private sealed record Entry(long Generation, long At, object Value, long Weight);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;
    private long _weight;

    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Called when documents change: every cached total and order becomes stale.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Clear();
    }

    private void Clear()
    {
        _entries.Clear();
        Interlocked.Exchange(ref _weight, 0);
    }

    public Task<DocumentCounts> CountsAsync(string key, Func<Task<DocumentCounts>> compute) =>
        GetOrComputeAsync("counts|" + key, compute, _ => 1);

    public Task<Guid[]> OrderAsync(string key, Func<Task<Guid[]>> compute) =>
        GetOrComputeAsync("order|" + key, compute, ids => ids.Length + 1);

    private async Task<T> GetOrComputeAsync<T>(string key, Func<Task<T>> compute, Func<T, long> weigh) where T : class
    {
        var now = Environment.TickCount64;
        if (_entries.TryGetValue(key, out var e) && e.Generation == Generation && now - e.At < (long)MaxAge.TotalMilliseconds)
            return (T)e.Value;
        // Read the generation before computing: a write committed meanwhile leaves the entry stale, not wrong.
        var generation = Generation;
        var value = await compute();
        var weight = weigh(value);
        if (Interlocked.Add(ref _weight, weight) > MaxWeight)
        {
            Clear();
            Interlocked.Add(ref _weight, weight);
        }
        _entries[key] = new Entry(generation, now, value, weight);
        return value;
    }
}

/// <summary>Invalidates <see cref="DocumentListCache"/> whenever a save adds, changes or deletes a document row.</summary>
public sealed class DocumentWritesInterceptor(DocumentListCache cache) : SaveChangesInterceptor
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
