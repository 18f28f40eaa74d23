using Jixiao.Data.Entities;
using Jixiao.Web.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Jixiao.Web.Auth;

/// <summary>Form posts for logging in and out (antiforgery-checked; login failures count towards lockout).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", async ([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
            SignInManager<AppUser> signIn, AuditLog audit, AccessScopeService scopes) =>
        {
            var target = SafeReturn(returnUrl);
            if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
                return Results.Redirect($"/login?error=empty&returnUrl={Uri.EscapeDataString(target)}");
            var result = await signIn.PasswordSignInAsync(userName.Trim(), password, isPersistent: false, lockoutOnFailure: true);
            var user = await signIn.UserManager.FindByNameAsync(userName.Trim());
            var scope = user is null ? null : await scopes.ForUserIdAsync(user.Id);
            if (result.Succeeded)
            {
                await audit.AppendAndSaveAsync(scope, "login", "user", user?.Id, user?.OrganisationId, new { userName });
                return Results.LocalRedirect(target);
            }
            await audit.AppendAndSaveAsync(scope, result.IsLockedOut ? "login-locked" : "login-failed", "user", user?.Id, user?.OrganisationId, new { userName });
            var code = result.IsLockedOut ? "locked" : "invalid";
            return Results.Redirect($"/login?error={code}&returnUrl={Uri.EscapeDataString(target)}");
        }).AllowAnonymous();

        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).RequireAuthorization();
        return app;
    }

    private static string SafeReturn(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
