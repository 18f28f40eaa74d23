using System.Diagnostics;
using System.Security.Claims;
using Jixiao.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jixiao.Web.Infrastructure;

/// <summary>Structured logs (JSON lines when Jixiao:LogFormat=json) and one log event per request.</summary>
public static class Observability
{
    public static void AddJixiaoLogging(this WebApplicationBuilder builder)
    {
        if (!string.Equals(builder.Configuration["Jixiao:LogFormat"], "json", StringComparison.OrdinalIgnoreCase)) return;
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        });
    }

    /// <summary>Method, path (no query: it may hold search words), status, milliseconds, user — as fields, not just text.</summary>
    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Jixiao.Requests");
        return app.Use(async (context, next) =>
        {
            var clock = Stopwatch.StartNew();
            try
            {
                await next();
            }
            finally
            {
                var path = context.Request.Path.Value ?? "";
                if (!path.StartsWith("/_", StringComparison.Ordinal) && !path.StartsWith("/lib/", StringComparison.Ordinal))
                    log.LogInformation("HTTP {Method} {Path} → {Status}，{ElapsedMs} ms，用户 {User}，请求 {TraceId}",
                        context.Request.Method, path, context.Response.StatusCode, clock.ElapsedMilliseconds,
                        context.User.FindFirstValue(ClaimTypes.Name) ?? "-", context.TraceIdentifier);
            }
        });
    }
}

/// <summary>/health answers Unhealthy (503) when the database cannot be reached.</summary>
public sealed class DatabaseHealthCheck(JixiaoDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("数据库不可用");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("数据库不可用");
        }
    }
}
