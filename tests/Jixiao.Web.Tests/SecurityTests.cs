using System.Net;
using Jixiao.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>Security headers, antiforgery, password policy, lockout and the health endpoint, as a client sees them.</summary>
public sealed class SecurityTests(SqliteFactory app) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task Pages_and_api_answers_carry_the_security_headers()
    {
        var anon = app.CreateClient(new() { AllowAutoRedirect = false });
        var api = await app.ApiClientAsync("zlt-sbzx-tianbao");
        foreach (var r in new[] { await anon.GetAsync("/login"), await api.GetAsync("/api/v1/documents"), await anon.GetAsync("/api/v1/documents"), await anon.GetAsync("/health") })
        {
            Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", r.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", r.Headers.GetValues("Referrer-Policy").Single());
            var csp = r.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", csp);
            Assert.Contains("object-src 'none'", csp);
        }
        Assert.Equal("no-store", (await api.GetAsync("/api/v1/documents")).Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_auth_cookie_is_httponly_and_samesite_strict()
    {
        var (_, login) = await app.LoginAsync("zlt-sbzx-tianbao", JixiaoFactory.Password);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("jixiao.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_login_post_without_the_antiforgery_token_is_refused()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var r = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "admin",
            ["password"] = JixiaoFactory.Password,
            ["returnUrl"] = "/documents",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.DoesNotContain(r.Headers.TryGetValues("Set-Cookie", out var c) ? c : [], v => v.StartsWith("jixiao.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_login_redirect_never_leaves_the_site()
    {
        var (_, r) = await app.LoginAsync("zlt-jyzx-tianbao", JixiaoFactory.Password);
        Assert.StartsWith("/", r.Headers.Location!.ToString());
        foreach (var evil in new[] { "https://evil.example/", "//evil.example/", "/\\evil.example/" })
        {
            var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
            var page = await client.GetStringAsync("/login");
            var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            var post = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["userName"] = "zlt-jyzx-tianbao",
                ["password"] = JixiaoFactory.Password,
                ["returnUrl"] = evil,
            }));
            Assert.Equal("/", post.Headers.Location?.ToString());
        }
    }

    [Fact]
    public async Task Weak_passwords_are_refused_with_chinese_reasons()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var weak in new[] { "short1A", "alllowercase123", "ALLUPPERCASE123", "NoDigitsHereAtAll" })
        {
            var result = await users.CreateAsync(new AppUser { UserName = "weak-" + Guid.NewGuid().ToString("N")[..6], DisplayName = "弱密码" }, weak);
            Assert.False(result.Succeeded, weak);
            Assert.All(result.Errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Description));
        }
        Assert.True((await users.CreateAsync(new AppUser { UserName = "strong-" + Guid.NewGuid().ToString("N")[..6], DisplayName = "强密码" }, "Strong12345x")).Succeeded);
    }

    [Fact]
    public async Task A_locked_account_cannot_use_its_api_key_either()
    {
        var client = await app.ApiClientAsync("hhht-rsj-shenhe");
        (await client.GetAsync("/api/v1/documents")).StatusCode.Equals(HttpStatusCode.OK);
        for (var i = 0; i < 3; i++) await app.LoginAsync("hhht-rsj-shenhe", "WrongPassword1");
        var (_, locked) = await app.LoginAsync("hhht-rsj-shenhe", JixiaoFactory.Password);
        Assert.Contains("error=locked", locked.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/documents")).StatusCode);
    }

    [Fact]
    public async Task Health_is_anonymous_reports_the_database_and_reveals_nothing()
    {
        var r = await app.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("Healthy", await r.Content.ReadAsStringAsync());
    }
}
