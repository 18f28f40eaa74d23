using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Jixiao.E2E.Tests;

/// <summary>The app on a real socket (Kestrel on a free port), SQLite in a temp folder, the seeds imported as demo data.</summary>
public sealed class LiveApp : WebApplicationFactory<Program>
{
    public const string Password = "E2eTest1234x";
    private readonly string _data = Directory.CreateTempSubdirectory("jixiao-e2e-").FullName;

    public LiveApp()
    {
        UseKestrel(0);
        StartServer();
    }

    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');

    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx"))) return dir.FullName;
            throw new DirectoryNotFoundException("找不到仓库根目录（Jixiao.slnx）。");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("data", _data);
        builder.UseSetting("Jixiao:AdminPassword", Password);
        builder.UseSetting("Jixiao:SeedPath", Path.Combine(RepoRoot, "testdata", "seeds"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try { Directory.Delete(_data, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}

/// <summary>One browser for the class: Debian's Chromium (JIXIAO_CHROMIUM, default /usr/bin/chromium); nothing is downloaded.</summary>
public sealed class Browser : IAsyncLifetime
{
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable("JIXIAO_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";
        if (!File.Exists(path)) throw new FileNotFoundException($"找不到 Chromium：{path}（apt-get install -y chromium，或设置 JIXIAO_CHROMIUM）。");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Chromium = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Chromium.CloseAsync();
        Playwright.Dispose();
    }
}

public sealed class E2ETests(LiveApp app, Browser browser) : IClassFixture<LiveApp>, IClassFixture<Browser>
{
    private const string Seed = "001_9e81b93be66c6a64.txt";
    private static string Images => Path.Combine(LiveApp.RepoRoot, "docs", "images");

    private async Task<IPage> LoginAsync(string user)
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "zh-CN",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", LiveApp.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Interactive pages set data-ready once the circuit is live.</summary>
    private static Task WaitInteractiveAsync(IPage page, string testId) =>
        page.WaitForSelectorAsync($"[data-testid={testId}][data-ready=true]");

    [Fact]
    public async Task A_unit_imports_a_seed_sees_findings_at_the_cells_fixes_one_and_downloads_the_xlsx()
    {
        Directory.CreateDirectory(Images);
        var page = await LoginAsync("zlt-sbzx-tianbao");
        await Assertions.Expect(page.GetByTestId("document-list")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Images, "web-list.png"), FullPage = false });

        // import: upload → preview with findings → save
        await page.GotoAsync("/import");
        await WaitInteractiveAsync(page, "import-form");
        await page.SetInputFilesAsync("input[type=file]", Path.Combine(LiveApp.RepoRoot, "testdata", "seeds", Seed));
        await Assertions.Expect(page.GetByTestId("preview-list")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("cell-finding").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Images, "web-import.png") });
        await page.GetByTestId("import-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-done")).ToBeVisibleAsync();

        // the 城乡居民 table: its 年度资金总额 budget breaks the sum rule
        await page.GetByTestId("imported-link").Filter(new() { HasText = "城乡居民基本养老保险补助资金" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/documents/[0-9a-f-]{36}$"));
        var totalRow = page.Locator("[data-testid=fund-row][data-row='年度资金总额']");
        var budgetCell = totalRow.Locator("td[data-col=Budget]");
        await Assertions.Expect(budgetCell.Locator("[data-rule=SE-FUND-SUM-A]")).ToBeVisibleAsync();
        await Assertions.Expect(budgetCell).ToHaveClassAsync(new Regex("jx-cell-error"));
        await Assertions.Expect(budgetCell).ToContainTextAsync("97,774,803.73");
        await Assertions.Expect(totalRow.GetByTestId("computed-rate")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Images, "web-document.png"), FullPage = true });

        // edit: correct the total and watch the finding clear as the user types
        await page.GetByTestId("edit-link").ClickAsync();
        await WaitInteractiveAsync(page, "editor-bar");
        var editRow = page.Locator("[data-testid=fund-row][data-row='年度资金总额']");
        var editCell = editRow.Locator("td[data-col=Budget]");
        await Assertions.Expect(editCell.Locator("[data-rule=SE-FUND-SUM-A]")).ToBeVisibleAsync();
        var input = editCell.Locator("input");
        await input.FillAsync("97,774,803.73");
        await Assertions.Expect(editCell.Locator("[data-rule=SE-FUND-SUM-A]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Images, "web-editor.png") });
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToContainTextAsync("第 2 版");

        // the saved version no longer has the finding
        await page.GotoAsync(page.Url.Replace("/edit", "", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=fund-row][data-row='年度资金总额'] td[data-col=Budget] [data-rule=SE-FUND-SUM-A]")).ToHaveCountAsync(0);

        // the xlsx download (DocumentExporter)
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");
        await download.SaveAsAsync(saved);
        var bytes = await File.ReadAllBytesAsync(saved);
        Assert.True(bytes.Length > 1000 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', "下载的 xlsx 不是 zip 文件");
        File.Delete(saved);
    }

    [Fact]
    public async Task A_sibling_unit_cannot_open_the_document()
    {
        var owner = await LoginAsync("zlt-sbzx-tianbao");
        await owner.Locator("[data-testid=document-row] a").First.ClickAsync();
        var url = owner.Url;
        var other = await LoginAsync("zlt-jyzx-tianbao");
        await other.GotoAsync(url);
        await Assertions.Expect(other.Locator("h1")).ToHaveTextAsync("未找到");
    }
}
