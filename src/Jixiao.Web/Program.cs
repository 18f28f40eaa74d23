using System.Threading.RateLimiting;
using Jixiao.Data.Entities;
using Jixiao.Web.Api;
using Jixiao.Web.Auth;
using Jixiao.Web.Components;
using Jixiao.Web.Infrastructure;
using Jixiao.Web.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
// Serve the static assets of the build output also outside Development (`dotnet run` in Production, tests);
// a published app has its own manifest and ignores this.
builder.WebHost.UseStaticWebAssets();
builder.AddJixiaoLogging();

// --data DIR and --db CONNSTRING on the command line; "Jixiao:…" in appsettings.json or JIXIAO__… variables.
builder.Services.Configure<JixiaoOptions>(builder.Configuration.GetSection("Jixiao"));
var jixiao = builder.Configuration.GetSection("Jixiao").Get<JixiaoOptions>() ?? new JixiaoOptions();
var dataDir = Path.GetFullPath(builder.Configuration["data"] ?? jixiao.DataDir);
builder.Services.PostConfigure<JixiaoOptions>(o => o.DataDir = dataDir);
var database = DatabaseSetup.Choose(builder.Configuration, dataDir);
builder.Services.AddJixiaoDb(database);
Directory.CreateDirectory(dataDir);
builder.Services.AddDataProtection().SetApplicationName("Jixiao").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDir, "keys")));

// Identity: password policy and lockout.
builder.Services.AddIdentity<AppUser, IdentityRole>(o =>
    {
        o.Password.RequiredLength = 10;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = jixiao.Lockout.MaxFailedAttempts;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(jixiao.Lockout.Minutes);
        o.User.RequireUniqueEmail = false;
    })
    .AddEntityFrameworkStores<Jixiao.Data.JixiaoDb>()
    .AddDefaultTokenProviders()
    .AddErrorDescriber<ChineseIdentityErrors>();

// Cookies for the UI, API keys for scripts; one policy scheme picks by the request.
const string Smart = "Jixiao";
builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = Smart;
        o.DefaultAuthenticateScheme = Smart;
        o.DefaultChallengeScheme = Smart;
        o.DefaultForbidScheme = Smart;
    })
    .AddPolicyScheme(Smart, "Cookie 或 API 密钥", o => o.ForwardDefaultSelector = ctx =>
        ApiKeyHandler.KeyFrom(ctx.Request) is not null ? ApiKeyHandler.SchemeName : IdentityConstants.ApplicationScheme)
    .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
builder.Services.ConfigureApplicationCookie(o =>
{
    o.Cookie.Name = "jixiao.auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    o.LoginPath = "/login";
    o.AccessDeniedPath = "/forbidden";
    o.ExpireTimeSpan = TimeSpan.FromHours(8);
    o.SlidingExpiration = true;
    o.Events.OnRedirectToLogin = ctx =>
    {
        if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    };
    o.Events.OnRedirectToAccessDenied = ctx =>
    {
        if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    };
});
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
    .AddPolicy("admin", p => p.RequireRole(Roles.Admin));
builder.Services.AddCascadingAuthenticationState();

// Uploads: the configured limit, on the form reader and on Kestrel.
builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = jixiao.MaxUploadBytes + 64 * 1024);
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = jixiao.MaxUploadBytes + 1024 * 1024);

builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "Jixiao 绩效自评 API";
    doc.Info.Description = "绩效自评与部门决算公开：导入、检查、编辑、导出。认证：浏览器 Cookie，或 `Authorization: Bearer <API 密钥>` / `X-Api-Key: <API 密钥>`。";
    return Task.CompletedTask;
}));
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.AddPolicy("login", ctx => RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "?",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) }));
});

builder.Services.AddScoped<AccessScopeService>();
builder.Services.AddScoped<AuditLog>();
builder.Services.AddScoped<DocumentService>();
builder.Services.AddScoped<ImportService>();
builder.Services.AddScoped<ApiKeyService>();
builder.Services.AddScoped<WorkflowService>();
builder.Services.AddScoped<AnalyticsService>();
builder.Services.AddScoped<TaskService>();
builder.Services.AddScoped<GoalService>();
builder.Services.AddScoped<PublicService>();
builder.Services.AddSingleton<CheckService>();
builder.Services.AddHostedService<Startup>();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

// Chinese text as is in the HTML (not as &#x…; entities).
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddRazorComponents().AddInteractiveServerComponents(o => o.DetailedErrors = builder.Environment.IsDevelopment());
builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 256 * 1024);

var app = builder.Build();
app.Logger.LogInformation("数据库：{Db}；数据目录：{Dir}", database.Description, dataDir);

app.UseRequestLog();
app.UseExceptionHandler();
app.UseStatusCodePages(async ctx =>
{
    var http = ctx.HttpContext;
    if (http.Request.Path.StartsWithSegments("/api") && http.Response.StatusCode is 401 or 403 && !http.Response.HasStarted)
    {
        var (title, detail) = http.Response.StatusCode == 401
            ? ("未登录", "请先登录，或在 Authorization: Bearer / X-Api-Key 中提供有效的 API 密钥。")
            : ("没有权限", "您没有执行此操作的权限。");
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = http.Response.StatusCode, Title = title, Detail = detail },
        });
    }
});
app.UseSecurityHeaders();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference(o => o.WithTitle("Jixiao API")).AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapAccount();
app.MapJixiaoApi();
app.MapWorkflowApi();
app.MapGoalApi();
app.MapPublicApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>Entry point; public for WebApplicationFactory.</summary>
public partial class Program;
