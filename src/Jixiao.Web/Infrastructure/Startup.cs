using System.Security.Cryptography;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Documents.Reading;
using Jixiao.Web.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Infrastructure;

/// <summary>
/// On start, before the server listens: applies the migrations, then (first start) creates the roles, the
/// administrator and the demo organisations and users, and imports the seed documents not yet imported.
/// </summary>
public sealed class Startup(IServiceProvider services, IOptions<JixiaoOptions> options, IConfiguration config, ILogger<Startup> log) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<JixiaoDb>();
        await db.Database.MigrateAsync(ct);

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var r in Roles.All)
            if (!await roles.RoleExistsAsync(r)) await roles.CreateAsync(new IdentityRole(r));

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync("admin") is null)
        {
            var (password, generated) = Password();
            var created = new List<string>();
            await CreateUserAsync(users, "admin", "系统管理员", null, password, [Roles.Admin]);
            created.Add("admin（管理员）");
            if (options.Value.Demo) created.AddRange(await CreateDemoAsync(db, users, password, ct));
            Console.WriteLine();
            Console.WriteLine("========================================================");
            Console.WriteLine("Jixiao 首次启动：已创建以下账户");
            foreach (var c in created) Console.WriteLine("  " + c);
            Console.WriteLine(generated
                ? $"  密码（随机生成，只显示这一次）：{password}"
                : "  密码：环境变量 JIXIAO_ADMIN_PASSWORD 的值");
            Console.WriteLine("========================================================");
            Console.WriteLine();
        }
        if (options.Value.Demo) await ImportSeedsAsync(sp, db, ct);
    }

    private (string Password, bool Generated) Password()
    {
        var given = options.Value.AdminPassword ?? config["JIXIAO_ADMIN_PASSWORD"] ?? Environment.GetEnvironmentVariable("JIXIAO_ADMIN_PASSWORD");
        if (!string.IsNullOrWhiteSpace(given)) return (given, false);
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var chars = Enumerable.Range(0, 14).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]);
        return ("Jx" + new string(chars.ToArray()) + "7q", true);
    }

    private static async Task CreateUserAsync(UserManager<AppUser> users, string name, string display, int? orgId, string password, string[] roles)
    {
        var user = new AppUser { UserName = name, DisplayName = display, OrganisationId = orgId, EmailConfirmed = true, LockoutEnabled = true };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"无法创建用户 {name}：" + string.Join("；", result.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(user, roles);
    }

    /// <summary>The demo tree: the seeds' real places.</summary>
    internal static readonly DemoOrg[] DemoOrgs =
    [
        new("nmg-czt", "内蒙古自治区财政厅", OrganisationKind.FinanceBureau, ["内蒙古自治区"], null, [Roles.Finance]),
        new("hhht-czj", "呼和浩特市财政局", OrganisationKind.FinanceBureau, ["内蒙古自治区", "呼和浩特市"], null, [Roles.Finance]),
        new("hhht-rsj", "呼和浩特市人力资源和社会保障局", OrganisationKind.Department, ["内蒙古自治区", "呼和浩特市"], null, [Roles.Filler, Roles.Reviewer], "000"),
        new("zlt-czj", "扎兰屯市财政局", OrganisationKind.FinanceBureau, ["内蒙古自治区", "呼伦贝尔市", "扎兰屯市"], null, [Roles.Finance]),
        new("zlt-rsj", "扎兰屯市人力资源和社会保障局", OrganisationKind.Department, ["内蒙古自治区", "呼伦贝尔市", "扎兰屯市"], null, [Roles.Reviewer]),
        new("zlt-sbzx", "扎兰屯市社会保险事业服务中心", OrganisationKind.Unit, ["内蒙古自治区", "呼伦贝尔市", "扎兰屯市"], "zlt-rsj", [Roles.Filler], "001"),
        new("zlt-jyzx", "扎兰屯市就业服务中心", OrganisationKind.Unit, ["内蒙古自治区", "呼伦贝尔市", "扎兰屯市"], "zlt-rsj", [Roles.Filler], "002"),
        new("fy-czj", "汾阳市财政局", OrganisationKind.FinanceBureau, ["山西省", "吕梁市", "汾阳市"], null, [Roles.Finance]),
        new("fy-rsj", "汾阳市人力资源和社会保障局", OrganisationKind.Department, ["山西省", "吕梁市", "汾阳市"], null, [Roles.Reviewer]),
        new("fy-sbzx", "汾阳市社会保险中心", OrganisationKind.Unit, ["山西省", "吕梁市", "汾阳市"], "fy-rsj", [Roles.Filler], "004"),
    ];

    internal sealed record DemoOrg(string Code, string Name, OrganisationKind Kind, string[] RegionPath, string? ParentCode, string[] Roles, string? SeedPrefix = null);

    private static readonly Dictionary<string, (string Code, RegionLevel Level)> RegionInfo = new()
    {
        ["中华人民共和国"] = ("100000", RegionLevel.National),
        ["内蒙古自治区"] = ("150000", RegionLevel.Province),
        ["呼和浩特市"] = ("150100", RegionLevel.City),
        ["呼伦贝尔市"] = ("150700", RegionLevel.City),
        ["扎兰屯市"] = ("150783", RegionLevel.County),
        ["山西省"] = ("140000", RegionLevel.Province),
        ["吕梁市"] = ("141100", RegionLevel.City),
        ["汾阳市"] = ("141182", RegionLevel.County),
    };

    private static async Task<List<string>> CreateDemoAsync(JixiaoDb db, UserManager<AppUser> users, string password, CancellationToken ct)
    {
        var created = new List<string>();
        var nation = await RegionAsync(db, "中华人民共和国", null, ct);
        var orgs = new Dictionary<string, Organisation>();
        foreach (var d in DemoOrgs)
        {
            var region = nation;
            foreach (var name in d.RegionPath) region = await RegionAsync(db, name, region, ct);
            var org = await db.Organisations.FirstOrDefaultAsync(o => o.Name == d.Name, ct);
            if (org is null)
            {
                org = new Organisation { Name = d.Name, Code = d.Code, Kind = d.Kind, RegionId = region.Id, ParentId = d.ParentCode is null ? null : orgs[d.ParentCode].Id };
                db.Organisations.Add(org);
                await db.SaveChangesAsync(ct);
            }
            orgs[d.Code] = org;
            foreach (var role in d.Roles)
            {
                var userName = $"{d.Code}-{RoleSuffix(role)}";
                if (await users.FindByNameAsync(userName) is not null) continue;
                await CreateUserAsync(users, userName, $"{d.Name}（{role}）", org.Id, password, [role]);
                created.Add($"{userName}（{d.Name}，{role}）");
            }
        }
        return created;
    }

    internal static string RoleSuffix(string role) => role switch
    {
        Roles.Filler => "tianbao",
        Roles.Reviewer => "shenhe",
        Roles.Finance => "caizheng",
        _ => "admin",
    };

    private static async Task<Region> RegionAsync(JixiaoDb db, string name, Region? parent, CancellationToken ct)
    {
        var parentId = parent?.Id;
        var region = await db.Regions.FirstOrDefaultAsync(r => r.Name == name && r.ParentId == parentId, ct);
        if (region is not null) return region;
        var info = RegionInfo[name];
        region = new Region { Name = name, Code = info.Code, Level = info.Level, ParentId = parentId };
        db.Regions.Add(region);
        await db.SaveChangesAsync(ct);
        return region;
    }

    /// <summary>Imports each seed file into its organisation unless it was imported before (same organisation, same file hash).</summary>
    private async Task ImportSeedsAsync(IServiceProvider sp, JixiaoDb db, CancellationToken ct)
    {
        var folder = SeedFolder();
        if (folder is null)
        {
            log.LogInformation("未找到种子文件目录（testdata/seeds），跳过演示数据导入。");
            return;
        }
        var scopes = sp.GetRequiredService<AccessScopeService>();
        var admin = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == "admin", ct);
        var adminScope = (await scopes.ForUserIdAsync(admin.Id, ct))!;
        var importer = sp.GetRequiredService<ImportService>();
        foreach (var d in DemoOrgs.Where(d => d.SeedPrefix is not null))
        {
            var org = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Name == d.Name, ct);
            if (org is null) continue;
            foreach (var file in Directory.GetFiles(folder, d.SeedPrefix + "_*.txt").Order(StringComparer.Ordinal))
            {
                var bytes = await File.ReadAllBytesAsync(file, ct);
                var hash = Hashing.Sha256Hex(bytes);
                if (await db.Imports.AnyAsync(i => i.OrganisationId == org.Id && i.FileHash == hash, ct)) continue;
                try
                {
                    var preview = importer.Preview(Path.GetFileName(file), bytes);
                    var outcome = await importer.SaveAsync(adminScope, org.Id, preview, ct);
                    log.LogInformation("已导入演示文件 {File} 到 {Org}：{Count} 个文档，{Findings} 条检查结果。", Path.GetFileName(file), org.Name, outcome.Documents.Count, outcome.Record.FindingCount);
                }
                catch (Exception e) when (e is UnreadableFileException or NotSupportedException or NotImplementedException or FormatException)
                {
                    db.ChangeTracker.Clear();
                    log.LogWarning("演示文件 {File} 未能导入（下次启动时重试）：{Message}", Path.GetFileName(file), e.Message);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A fault in a reader or a check must not keep the server from starting.
                    db.ChangeTracker.Clear();
                    log.LogError(e, "演示文件 {File} 导入时出错（下次启动时重试）", Path.GetFileName(file));
                }
            }
        }
    }

    private string? SeedFolder()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.SeedPath))
            return Directory.Exists(options.Value.SeedPath) ? Path.GetFullPath(options.Value.SeedPath) : null;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "testdata", "seeds");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
