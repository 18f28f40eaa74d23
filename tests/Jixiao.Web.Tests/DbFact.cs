using Xunit.Abstractions;
using Xunit.Sdk;

namespace Jixiao.Web.Tests;

/// <summary>
/// A fact that runs against the database of its test class. In a class whose name contains "Postgres" it
/// needs JIXIAO_TEST_PG: without it the test is skipped on a developer's machine and FAILS under CI (CI=true).
/// </summary>
[XunitTestCaseDiscoverer("Jixiao.Web.Tests.DbFactDiscoverer", "Jixiao.Web.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DbFactAttribute : FactAttribute;

public sealed class DbFactDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = options.MethodDisplayOrDefault();
        var displayOptions = options.MethodDisplayOptionsOrDefault();
        if (testMethod.TestClass.Class.Name.Contains("Postgres", StringComparison.Ordinal) && PgSettings.ConnectionString is null && !PgSettings.IsCi)
            return [new XunitSkippedDataRowTestCase(sink, display, displayOptions, testMethod, "未设置环境变量 JIXIAO_TEST_PG（例如 Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres），跳过 PostgreSQL 测试。")];
        return [new XunitTestCase(sink, display, displayOptions, testMethod)];
    }
}

public static class PgSettings
{
    public static string? ConnectionString => Environment.GetEnvironmentVariable("JIXIAO_TEST_PG") is { Length: > 0 } s ? s : null;
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Drops a test's own database on the server named by JIXIAO_TEST_PG. Only that database's connection pool is
    /// cleared: <c>NpgsqlConnection.ClearAllPools()</c> also deletes the pools of the other test classes, which run
    /// in parallel, while they open connections (a web test then got a 500 now and then, on PostgreSQL only).
    /// </summary>
    public static void DropDatabase(string database)
    {
        if (ConnectionString is not { } server) return;
        using (var own = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString))
            Npgsql.NpgsqlConnection.ClearPool(own);
        using var conn = new Npgsql.NpgsqlConnection(server);
        conn.Open();
        using var cmd = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
        cmd.ExecuteNonQuery();
    }
}
