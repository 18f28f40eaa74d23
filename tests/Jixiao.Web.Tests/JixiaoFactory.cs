using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Web.Auth;
using Jixiao.Web.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Jixiao.Web.Tests;

/// <summary>The app on a fresh database: a SQLite file in a temp folder, or a new PostgreSQL database.</summary>
public abstract class JixiaoFactory : WebApplicationFactory<Program>
{
    public const string Password = "Test1234abcd";

    public string DataDir { get; } = Directory.CreateTempSubdirectory("jixiao-web-tests-").FullName;

    /// <summary>The seeds folder of the repository.</summary>
    public static string SeedDir
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var c = Path.Combine(dir.FullName, "testdata", "seeds");
                if (Directory.Exists(c)) return c;
            }
            throw new DirectoryNotFoundException("找不到 testdata/seeds。");
        }
    }

    protected abstract string? ConnectionString { get; }

    /// <summary>The connection string for tools run beside the app (the CLI's db and audit commands).</summary>
    public string ToolConnectionString => ConnectionString ?? $"Data Source={Path.Combine(DataDir, "jixiao.db")}";

    /// <summary>A context of its own on the app's database (its own connection), as a second app instance would have.</summary>
    public JixiaoDb OpenSeparateDb() => ConnectionString is { } cs
        ? new PgJixiaoDb(new DbContextOptionsBuilder<PgJixiaoDb>().UseNpgsql(cs).Options)
        : new SqliteJixiaoDb(new DbContextOptionsBuilder<SqliteJixiaoDb>().UseSqlite(ToolConnectionString).Options);

    /// <summary>
    /// Runs <paramref name="sql"/> against the audit log as its owner could: with the append-only triggers
    /// dropped (SQLite) or disabled (PostgreSQL) for that one transaction — for the tests that show the hash chain
    /// catching what such a person changes.
    /// </summary>
    public static async Task TamperWithAuditLogAsync(JixiaoDb db, string sql, params object[] args)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        var pg = db is PgJixiaoDb;
        if (pg) await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_log DISABLE TRIGGER USER");
        else foreach (var drop in AuditLogProtection.SqliteDrop) await db.Database.ExecuteSqlRawAsync(drop);
        await db.Database.ExecuteSqlRawAsync(sql, args);
        if (pg) await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_log ENABLE TRIGGER USER");
        else foreach (var create in AuditLogProtection.SqliteCreate) await db.Database.ExecuteSqlRawAsync(create);
        await tx.CommitAsync();
    }

    /// <summary>Import the seeds on start (the demo data as a new user gets it).</summary>
    protected virtual bool ImportSeeds => false;

    protected virtual long MaxUploadBytes => 20L * 1024 * 1024;

    /// <summary>Jixiao:ReadTimeLimitSeconds (null: the app's default).</summary>
    protected virtual double? ReadTimeLimitSeconds => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("data", DataDir);
        if (ConnectionString is { } cs) builder.UseSetting("db", cs);
        builder.UseSetting("Jixiao:AdminPassword", Password);
        builder.UseSetting("Jixiao:SeedPath", ImportSeeds ? SeedDir : Path.Combine(DataDir, "no-seeds"));
        builder.UseSetting("Jixiao:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Jixiao:Lockout:MaxFailedAttempts", "3");
        if (ReadTimeLimitSeconds is { } limit) builder.UseSetting("Jixiao:ReadTimeLimitSeconds", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    public T Service<T>(Action<T>? _ = null) where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public async Task<int> OrganisationIdAsync(string name)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    /// <summary>A client that authenticates with a fresh API key of <paramref name="userName"/>.</summary>
    public async Task<HttpClient> ApiClientAsync(string userName, bool bearer = false)
    {
        using var scope = Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<JixiaoDb>();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        var who = (await sp.GetRequiredService<AccessScopeService>().ForUserIdAsync(user.Id))!;
        var (_, secret) = await sp.GetRequiredService<ApiKeyService>().CreateAsync(who, user.Id, "测试");
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (bearer) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        else client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        return client;
    }

    /// <summary>Logs in through the login form (antiforgery token and all) and returns the cookie-carrying client.</summary>
    public async Task<(HttpClient Client, HttpResponseMessage Response)> LoginAsync(string userName, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/login");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = "/documents",
        }));
        return (client, response);
    }

    /// <summary>Stores a document directly (as the import would after reading), with no findings: for scope and filter tests that need no reader.</summary>
    public async Task<Guid> StoreAsync(string organisation, SelfEvaluationTable content, DocumentStatus status = DocumentStatus.Draft, int errors = 0)
    {
        using var scope = Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<JixiaoDb>();
        var orgId = await OrganisationIdAsync(organisation);
        var admin = await db.Users.SingleAsync(u => u.UserName == "admin");
        var who = (await sp.GetRequiredService<AccessScopeService>().ForUserIdAsync(admin.Id))!;
        var stored = sp.GetRequiredService<DocumentService>().Add(who, orgId, content, [], [], "测试");
        stored.Status = status;
        stored.ErrorCount = errors;
        stored.HasErrors = errors > 0;
        await db.SaveChangesAsync();
        return stored.Id;
    }

    public static TransferSelfEvaluation Table(string fund, int year, string unit, decimal a = 100m, decimal b = 96.21m) => new()
    {
        Title = $"{unit}{fund}{year}年度绩效自评表",
        FundName = fund,
        Year = year,
        ImplementingUnit = unit,
        Unit = unit,
        DeclaredUnit = Jixiao.Core.Money.MoneyUnit.WanYuan,
        Funds =
        [
            new FundRow { Label = "年度资金总额", Source = FundSourceKind.Total, Budget = Figure.Of(a), Execution = Figure.Of(b), Rate = Figure.Parse("96.21%") },
        ],
    };
}

public sealed class SqliteFactory : JixiaoFactory
{
    protected override string? ConnectionString => null;
}

/// <summary>A fresh database on the PostgreSQL server named by JIXIAO_TEST_PG, dropped afterwards.</summary>
public sealed class PostgresFactory : JixiaoFactory
{
    private readonly string? _connection;
    private readonly string? _database;

    public PostgresFactory()
    {
        var server = PgSettings.ConnectionString;
        if (server is null)
        {
            if (PgSettings.IsCi) throw new InvalidOperationException("CI 下必须设置环境变量 JIXIAO_TEST_PG（PostgreSQL 连接字符串，例如 Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres），PostgreSQL 测试不能跳过。");
            return;
        }
        _database = "jixiao_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var conn = new NpgsqlConnection(server))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_database}\" ENCODING 'UTF8' TEMPLATE template0", conn);
            cmd.ExecuteNonQuery();
        }
        _connection = new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString;
    }

    protected override string? ConnectionString => _connection ?? throw new InvalidOperationException("未设置 JIXIAO_TEST_PG。");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _database is not null) PgSettings.DropDatabase(_database);
    }
}

public static class HttpExtensions
{
    public static async Task<string> BodyAsync(this HttpResponseMessage r) => await r.Content.ReadAsStringAsync();

    /// <summary>Uploads a seed document (under its own file name) to <c>POST /api/v1/imports</c>; the answer must be 201, and is returned.</summary>
    public static async Task<System.Text.Json.Nodes.JsonNode> ImportSeedAsync(this HttpClient client, string seedFile)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(JixiaoFactory.SeedDir, seedFile));
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", seedFile } };
        var r = await client.PostAsync("/api/v1/imports", upload);
        r.ShouldBe(HttpStatusCode.Created);
        return System.Text.Json.Nodes.JsonNode.Parse(await r.BodyAsync())!;
    }

    public static void ShouldBe(this HttpResponseMessage r, HttpStatusCode code)
    {
        if (r.StatusCode != code)
            Assert.Fail($"期望 {(int)code} {code}，实际 {(int)r.StatusCode} {r.StatusCode}：{r.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
    }
}
