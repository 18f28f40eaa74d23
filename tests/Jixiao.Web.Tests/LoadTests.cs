using Jixiao.Load;
using Npgsql;

namespace Jixiao.Web.Tests;

/// <summary>
/// The short version of bench/load.sh: 20 users for 20 seconds of mixed reads, edits and imports against a real
/// server process on PostgreSQL. Zero errors (no 5xx, no 409 on a user's own document, no timeouts). The 100-user,
/// 5-minute run and its memory figures are the script's (docs/security.md).
/// </summary>
public sealed class PostgresLoadTests : IDisposable
{
    private string? _database;

    [DbFact]
    public async Task Twenty_users_for_twenty_seconds_get_no_errors()
    {
        var server = PgSettings.ConnectionString ?? throw new InvalidOperationException("未设置 JIXIAO_TEST_PG。");
        _database = "jixiao_load_" + Guid.NewGuid().ToString("N")[..12];
        using (var conn = new NpgsqlConnection(server))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_database}\" ENCODING 'UTF8' TEMPLATE template0", conn);
            cmd.ExecuteNonQuery();
        }
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString;
        var dataDir = Directory.CreateTempSubdirectory("jixiao-load-").FullName;
        try
        {
            using var process = await ServerProcess.StartAsync(dataDir, cs);
            var seed = await File.ReadAllBytesAsync(Path.Combine(JixiaoFactory.SeedDir, "001_9e81b93be66c6a64.txt"));
            var run = new LoadRun(process.BaseAddress, ["zlt-sbzx-tianbao", "zlt-jyzx-tianbao", "fy-sbzx-tianbao", "hhht-rsj-tianbao"], JixiaoFactory.Password, seed, "001.txt");
            var result = await run.RunAsync(20, TimeSpan.FromSeconds(20));
            Assert.True(result.Errors == 0, result.Describe() + "\n" + string.Join("\n", result.FirstErrors));
            Assert.True(result.ByKind.GetValueOrDefault("edit") > 0 && result.ByKind.GetValueOrDefault("import") > 20 && result.ByKind.GetValueOrDefault("list") > 0, result.Describe());
        }
        finally
        {
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }

    public void Dispose()
    {
        if (_database is not null) PgSettings.DropDatabase(_database);
    }
}
