using System.CommandLine;
using Jixiao.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Cli.Commands;

/// <summary>Which database the data commands work on: the same choice as `jixiao serve` (--db, JIXIAO_DB, else the SQLite file under --data).</summary>
public sealed record DatabaseTarget(bool IsPostgres, string ConnectionString, string Description)
{
    public static Option<string?> DbOption() => new("--db") { Description = "数据库连接字符串：PostgreSQL（Host=…;Database=…），或 Data Source=文件 的 SQLite；默认取环境变量 JIXIAO_DB，再默认为 --data 下的 jixiao.db" };

    public static Option<string> DataOption() => new("--data") { Description = "数据目录（SQLite 文件 jixiao.db 所在处）", DefaultValueFactory = _ => "./data" };

    public static DatabaseTarget Choose(string? db, string dataDir)
    {
        var given = !string.IsNullOrWhiteSpace(db) ? db : Environment.GetEnvironmentVariable("JIXIAO_DB");
        if (!string.IsNullOrWhiteSpace(given))
            return given.TrimStart().StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase)
                ? new DatabaseTarget(false, given, "SQLite（" + given + "）")
                : new DatabaseTarget(true, given, "PostgreSQL");
        var file = Path.GetFullPath(Path.Combine(dataDir, "jixiao.db"));
        return new DatabaseTarget(false, $"Data Source={file}", "SQLite（" + file + "）");
    }

    /// <summary>The SQLite file of a "Data Source=…" connection string.</summary>
    public string SqliteFile => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;

    public JixiaoDb Open() => IsPostgres
        ? new PgJixiaoDb(new DbContextOptionsBuilder<PgJixiaoDb>().UseNpgsql(ConnectionString).Options)
        : new SqliteJixiaoDb(new DbContextOptionsBuilder<SqliteJixiaoDb>().UseSqlite(ConnectionString).Options);
}
