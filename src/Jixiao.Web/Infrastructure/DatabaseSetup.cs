using Jixiao.Data;
using Jixiao.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Infrastructure;

/// <summary>Chooses the provider: PostgreSQL when a connection string is given, else SQLite under the data folder.</summary>
public static class DatabaseSetup
{
    public sealed record Choice(bool IsPostgres, string ConnectionString, string Description);

    /// <summary>--db, then ConnectionStrings:Jixiao, then JIXIAO_DB; a "Data Source=" string stays SQLite.</summary>
    public static Choice Choose(IConfiguration config, string dataDir)
    {
        var given = FirstNonEmpty(config["db"], config.GetConnectionString("Jixiao"), config["JIXIAO_DB"], Environment.GetEnvironmentVariable("JIXIAO_DB"));
        if (given is not null)
        {
            if (given.TrimStart().StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase))
                return new Choice(false, given, "SQLite（" + given + "）");
            return new Choice(true, given, "PostgreSQL");
        }
        Directory.CreateDirectory(dataDir);
        var file = Path.GetFullPath(Path.Combine(dataDir, "jixiao.db"));
        return new Choice(false, $"Data Source={file}", "SQLite（" + file + "）");
    }

    public static IServiceCollection AddJixiaoDb(this IServiceCollection services, Choice choice)
    {
        // Every context reports its document writes, so the list's cached totals and order never outlive a change.
        services.AddSingleton<DocumentListCache>();
        services.AddSingleton<DocumentWritesInterceptor>();
        if (choice.IsPostgres)
        {
            services.AddDbContext<PgJixiaoDb>((sp, o) => o.UseNpgsql(choice.ConnectionString).AddInterceptors(sp.GetRequiredService<DocumentWritesInterceptor>()));
            services.AddScoped<JixiaoDb>(sp => sp.GetRequiredService<PgJixiaoDb>());
        }
        else
        {
            services.AddDbContext<SqliteJixiaoDb>((sp, o) => o.UseSqlite(choice.ConnectionString).AddInterceptors(sp.GetRequiredService<DocumentWritesInterceptor>()));
            services.AddScoped<JixiaoDb>(sp => sp.GetRequiredService<SqliteJixiaoDb>());
        }
        return services;
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
