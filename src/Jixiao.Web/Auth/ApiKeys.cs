using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Web.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Auth;

/// <summary>Creates and revokes API keys. Only the SHA-256 of a key is stored; the key itself is shown once.</summary>
public sealed class ApiKeyService(JixiaoDb db, AuditLog audit)
{
    public const string KeyPrefix = "jx_";

    public async Task<(ApiKey Key, string Secret)> CreateAsync(AccessScope by, string userId, string name, CancellationToken ct = default)
    {
        var secret = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey { UserId = userId, Name = string.IsNullOrWhiteSpace(name) ? "脚本" : name.Trim(), Prefix = secret[..10], Hash = Hashing.Sha256Hex(secret) };
        db.ApiKeys.Add(key);
        await audit.AppendAndSaveAsync(by, "api-key-create", "api-key", null, null, new { user = userId, name = key.Name, prefix = key.Prefix }, ct);
        return (key, secret);
    }

    public async Task<bool> RevokeAsync(AccessScope by, int keyId, CancellationToken ct = default)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && (by.IsAdmin || k.UserId == by.UserId), ct);
        if (key is null || key.RevokedAt is not null) return false;
        key.RevokedAt = DateTime.UtcNow;
        await audit.AppendAndSaveAsync(by, "api-key-revoke", "api-key", key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, new { user = key.UserId, prefix = key.Prefix }, ct);
        return true;
    }

    public Task<List<ApiKey>> ListAsync(string userId, CancellationToken ct = default) =>
        db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId).OrderByDescending(k => k.CreatedAt).ToListAsync(ct);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Authenticates `Authorization: Bearer jx_…` or `X-Api-Key: jx_…`.</summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public static string? KeyFrom(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var k) && !string.IsNullOrWhiteSpace(k)) return k.ToString().Trim();
        var auth = request.Headers.Authorization.ToString();
        if (auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return auth["Bearer ".Length..].Trim();
        return null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = KeyFrom(Request);
        if (key is null) return AuthenticateResult.NoResult();
        var db = Context.RequestServices.GetRequiredService<JixiaoDb>();
        var hash = Hashing.Sha256Hex(key);
        var row = await db.ApiKeys.Include(k => k.User).FirstOrDefaultAsync(k => k.Hash == hash);
        if (row?.User is null || row.RevokedAt is not null) return AuthenticateResult.Fail("API 密钥无效或已撤销。");
        if (row.User.LockoutEnd is { } end && end > DateTimeOffset.UtcNow) return AuthenticateResult.Fail("账户已锁定。");
        if (row.LastUsedAt is null || row.LastUsedAt < DateTime.UtcNow.AddMinutes(-5))
        {
            row.LastUsedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        }
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == row.UserId select r.Name!).ToListAsync();
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, row.UserId), new(ClaimTypes.Name, row.User.UserName ?? "") };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}
