using Jixiao.Data;
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
        if (choice.IsPostgres)
        {
            services.AddDbContext<PgJixiaoDb>(o => o.UseNpgsql(choice.ConnectionString));
            services.AddScoped<JixiaoDb>(sp => sp.GetRequiredService<PgJixiaoDb>());
        }
        else
        {
            services.AddDbContext<SqliteJixiaoDb>(o => o.UseSqlite(choice.ConnectionString));
            services.AddScoped<JixiaoDb>(sp => sp.GetRequiredService<SqliteJixiaoDb>());
        }
        return services;
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
