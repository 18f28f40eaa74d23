using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

/// <summary>
/// The audit log's hash chain, in one place for the web app (which appends) and the CLI (`jixiao audit verify`):
/// each entry's hash is SHA-256 over the previous entry's hash and this entry's fields.
/// </summary>
public static class AuditChain
{
    public static string ComputeHash(AuditEntry e) => Sha256Hex(string.Join('\u001f',
        e.PreviousHash,
        e.At.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture),
        e.UserId ?? "", e.UserName, e.Action, e.EntityType, e.EntityId ?? "",
        e.OrganisationId?.ToString(CultureInfo.InvariantCulture) ?? "", e.DetailsJson));

    public sealed record Result(long Entries, long? FirstBroken, string? Head, string? Reason);

    /// <summary>Walks the chain in id order; stops at the first entry whose link or hash does not match.</summary>
    public static async Task<Result> VerifyAsync(JixiaoDb db, CancellationToken ct = default)
    {
        var previous = "";
        long n = 0;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            n++;
            if (e.PreviousHash != previous)
                return new Result(n, e.Id, previous, $"第 {e.Id} 条记录的“上一条哈希”与上一条记录不符（记录被删除、插入或重排）。");
            if (ComputeHash(e) != e.Hash)
                return new Result(n, e.Id, previous, $"第 {e.Id} 条记录的内容与其哈希不符（记录被修改）。");
            previous = e.Hash;
        }
        return new Result(n, null, previous.Length == 0 ? null : previous, null);
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
