using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Jixiao.E2E.Tests;

/// <summary>
/// Issue 6 end to end in Chromium: a unit submits (justifying its errors), the reviewer returns it with a comment
/// at a cell, the unit fixes the figure and resubmits, the reviewer sees the diff, approves and forwards, the
/// dashboard counts change, the document is published and an anonymous visitor finds it — and no draft.
/// </summary>
public sealed class WorkflowE2ETests(LiveApp app, Browser browser) : IClassFixture<LiveApp>, IClassFixture<Browser>
{
    private static string Images => Path.Combine(LiveApp.RepoRoot, "docs", "images");
    private const string Fund = "城乡居民基本养老保险补助资金";

    private async Task<IPage> PageAsync(string? user)
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        if (user is null) return page;
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", LiveApp.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    private static async Task<int> KpiAsync(IPage page, string status)
    {
        await page.GotoAsync("/dashboard");
        return int.Parse(await page.GetByTestId("kpi-" + status).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Submit_return_fix_resubmit_approve_forward_publish_and_find_it_anonymously()
    {
        Directory.CreateDirectory(Images);
        var unit = await PageAsync("zlt-sbzx-tianbao");
        var reviewer = await PageAsync("zlt-rsj-shenhe");
        var forwardedBefore = await KpiAsync(reviewer, "已转报财政");

        // The unit opens its seed table (imported as demo data) and submits it, justifying each error.
        await unit.GotoAsync("/documents?q=" + Uri.EscapeDataString(Fund));
        await unit.Locator("[data-testid=document-row] a").First.ClickAsync();
        await unit.WaitForURLAsync(new Regex("/documents/[0-9a-f-]{36}$"));
        var docUrl = new Uri(unit.Url).AbsolutePath;
        await Assertions.Expect(unit.GetByTestId("submit-form")).ToBeVisibleAsync();
        await Assertions.Expect(unit.GetByTestId("justification").First).ToBeVisibleAsync();
        var justifications = unit.GetByTestId("justification");
        var n = await justifications.CountAsync();
        Assert.True(n > 0, "种子 001 的城乡居民表有错误，报送前必须逐条说明");
        for (var i = 0; i < n; i++) await justifications.Nth(i).FillAsync("已与原始报表核对，按原表报送。");
        await unit.GetByTestId("workflow").ScreenshotAsync(new() { Path = Path.Combine(Images, "workflow-submit.png") });
        await unit.GetByTestId("submit-button").ClickAsync();
        await Assertions.Expect(unit.GetByTestId("workflow-done")).ToContainTextAsync("已报送");

        // The reviewer returns it with a comment at the total budget cell.
        await reviewer.GotoAsync(docUrl);
        await reviewer.GetByTestId("return-comment").FillAsync("年度资金总额与各来源之和不符，请核对后重新报送。");
        await reviewer.GetByTestId("return-cell").SelectOptionAsync(new SelectOptionValue { Label = "资金投入情况 › 年度资金总额 › 全年预算数（A）" });
        await reviewer.GetByTestId("return-cell-text").FillAsync("应为 97,774,803.73");
        await reviewer.GetByTestId("workflow").ScreenshotAsync(new() { Path = Path.Combine(Images, "workflow-return.png") });
        await reviewer.GetByTestId("return-button").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("workflow-done")).ToContainTextAsync("已退回");

        // The unit sees the comment at the cell, fixes the figure in the editor and resubmits.
        await unit.GotoAsync(docUrl);
        await Assertions.Expect(unit.GetByTestId("review-comments")).ToContainTextAsync("资金投入情况 › 年度资金总额 › 全年预算数（A）");
        var commented = unit.Locator("[data-testid=fund-row][data-row='年度资金总额'] td[data-col=Budget] [data-testid=cell-comment]");
        await Assertions.Expect(commented).ToContainTextAsync("应为 97,774,803.73");
        await unit.GetByTestId("official-table").ScreenshotAsync(new() { Path = Path.Combine(Images, "workflow-comment-at-cell.png") });
        await unit.GetByTestId("edit-link").ClickAsync();
        await unit.WaitForSelectorAsync("[data-testid=editor-bar][data-ready=true]");
        var cell = unit.Locator("[data-testid=fund-row][data-row='年度资金总额'] td[data-col=Budget]");
        await cell.Locator("input").FillAsync("97,774,803.73");
        await Assertions.Expect(cell.Locator("[data-rule=SE-FUND-SUM-A]")).ToHaveCountAsync(0);
        await unit.GetByTestId("save").ClickAsync();
        await Assertions.Expect(unit.GetByTestId("saved")).ToContainTextAsync("第 2 版");
        await unit.GotoAsync(docUrl);
        var left = unit.GetByTestId("justification");
        for (var i = 0; i < await left.CountAsync(); i++) await left.Nth(i).FillAsync("已核对。");
        var resolve = unit.GetByTestId("resolve-comment");
        for (var i = 0; i < await resolve.CountAsync(); i++) await resolve.Nth(i).CheckAsync();
        await unit.GetByTestId("submit-button").ClickAsync();
        await Assertions.Expect(unit.GetByTestId("workflow-done")).ToContainTextAsync("已报送");
        await Assertions.Expect(unit.GetByTestId("comment-resolved").First).ToContainTextAsync("已处理");

        // The reviewer sees what changed since the last submission, approves and forwards.
        await reviewer.GotoAsync(docUrl);
        var diff = reviewer.GetByTestId("diff");
        await Assertions.Expect(diff).ToContainTextAsync("资金投入情况 › 年度资金总额 › 全年预算数（A）");
        await Assertions.Expect(diff).ToContainTextAsync("97,774,803.73");
        await reviewer.GetByTestId("workflow").ScreenshotAsync(new() { Path = Path.Combine(Images, "workflow-diff.png") });
        await reviewer.GetByTestId("approve-button").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("workflow-done")).ToContainTextAsync("已审核通过");
        await reviewer.GetByTestId("forward-button").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("workflow-done")).ToContainTextAsync("已转报财政");
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(Images, "workflow-forwarded.png"), FullPage = false });

        // The dashboard counts change.
        Assert.Equal(forwardedBefore + 1, await KpiAsync(reviewer, "已转报财政"));
        await reviewer.Locator("[data-testid=chart-region][data-chart-ready=true]").WaitForAsync();
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(Images, "dashboard.png"), FullPage = true });

        // The unit publishes it; an anonymous visitor finds it by search, and finds no draft.
        await unit.GotoAsync(docUrl);
        await unit.GetByTestId("publish-button").ClickAsync();
        await Assertions.Expect(unit.GetByTestId("public-link")).ToBeVisibleAsync();
        var visitor = await PageAsync(null);
        await visitor.GotoAsync("/public");
        await visitor.GetByTestId("public-search").FillAsync(Fund);
        await visitor.GetByTestId("public-search-button").ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("public-list")).ToContainTextAsync(Fund);
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(Images, "public-list.png") });
        await visitor.GetByTestId("public-list").Locator("a").First.ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("public-title")).ToContainTextAsync(Fund);
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(Images, "public-document.png"), FullPage = true });
        // Every other demo document is a draft: the whole public list is this one document.
        await visitor.GotoAsync("/public");
        await Assertions.Expect(visitor.Locator("[data-testid=public-list] tbody tr")).ToHaveCountAsync(1);
        await visitor.GotoAsync("/public?q=" + Uri.EscapeDataString("就业"));
        await Assertions.Expect(visitor.GetByTestId("public-empty")).ToBeVisibleAsync();
        await visitor.GotoAsync(docUrl);
        await visitor.WaitForURLAsync(new Regex("/login"));
    }

    [Fact]
    public async Task Goals_imported_at_the_start_of_the_year_carry_into_the_table_and_a_changed_target_shows_as_adjusted()
    {
        Directory.CreateDirectory(Images);
        var unit = await PageAsync("zlt-jyzx-tianbao");
        await unit.GotoAsync("/goals");
        await unit.GetByTestId("goal-file").SetInputFilesAsync(Path.Combine(LiveApp.RepoRoot, "testdata", "goals", "就业补助资金绩效目标表.txt"));
        await unit.GetByTestId("goal-import-button").ClickAsync();
        var row = unit.Locator("[data-testid=goal][data-fund='就业补助资金']");
        await Assertions.Expect(row).ToContainTextAsync("50000.00");
        await unit.ScreenshotAsync(new() { Path = Path.Combine(Images, "goals.png"), FullPage = true });

        // The year-end table starts from the goals: the declared targets are there, read-only; a change goes to 调整后指标.
        await row.GetByTestId("goal-start").ClickAsync();
        await unit.WaitForSelectorAsync("[data-testid=editor-bar][data-ready=true]");
        var indicator = unit.Locator("[data-testid=indicator-row][data-row='城镇新增就业人数']");
        await Assertions.Expect(indicator.Locator("td[data-col=Target]")).ToContainTextAsync("≥3.2万人");
        await Assertions.Expect(indicator.Locator("td[data-col=Target] input")).ToHaveCountAsync(0);
        await indicator.GetByTestId("AdjustedTarget:城镇新增就业人数").FillAsync("≥3.0万人");
        await Assertions.Expect(indicator.Locator("[data-rule=SE-IND-ADJUST-REASON]")).ToHaveCountAsync(1);
        await indicator.GetByTestId("AdjustmentReason:城镇新增就业人数").FillAsync("受经济形势影响，经财政部门批准调减");
        await Assertions.Expect(indicator.Locator("[data-rule=SE-IND-ADJUST-REASON]")).ToHaveCountAsync(0);
        await unit.GetByTestId("save").ClickAsync();
        await Assertions.Expect(unit.GetByTestId("saved")).ToContainTextAsync("第 2 版");
        await Assertions.Expect(indicator.GetByTestId("adjustment")).ToContainTextAsync("zlt-jyzx-tianbao");
        await unit.GetByTestId("indicator-block").ScreenshotAsync(new() { Path = Path.Combine(Images, "goals-editor.png") });

        // The document view shows the original, the adjusted value, the reason, who and when.
        var docUrl = new Uri(unit.Url).AbsolutePath.Replace("/edit", "", StringComparison.Ordinal);
        await unit.GotoAsync(docUrl);
        var note = unit.Locator("[data-testid=indicator-row][data-row='城镇新增就业人数'] [data-testid=adjustment]");
        await Assertions.Expect(note).ToContainTextAsync("≥3.2万人");
        await Assertions.Expect(note).ToContainTextAsync("≥3.0万人");
        await Assertions.Expect(note).ToContainTextAsync("理由：受经济形势影响，经财政部门批准调减");
        await Assertions.Expect(note).ToContainTextAsync("zlt-jyzx-tianbao");
        await unit.GetByTestId("indicator-block").ScreenshotAsync(new() { Path = Path.Combine(Images, "goals-adjusted.png") });
    }

    [Fact]
    public async Task Monthly_executions_are_imported_from_a_file_on_the_dashboard_and_a_wrong_file_writes_nothing()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var dir = Directory.CreateTempSubdirectory("jixiao-e2e-monitoring-").FullName;
        var good = Path.Combine(dir, "执行进度.csv");
        var bad = Path.Combine(dir, "有误.csv");
        await File.WriteAllBytesAsync(good, System.Text.Encoding.GetEncoding("GB18030").GetBytes(
            "资金名称,月份,单位,预算数（元）,累计执行数（元）\n页面导入监控资金,6,扎兰屯市社会保险事业服务中心,2000000,400000\n"));
        await File.WriteAllTextAsync(bad, "资金名称,月份,单位,预算数,累计执行数\n页面导入有误资金,6,扎兰屯市社会保险事业服务中心,100,\n");
        var unit = await PageAsync("zlt-sbzx-tianbao");
        await unit.GotoAsync("/dashboard?year=2024");
        await unit.GetByTestId("monitoring-file").SetInputFilesAsync(bad);
        await unit.GetByTestId("monitoring-import-button").ClickAsync();
        await Assertions.Expect(unit.GetByTestId("monitoring-import-errors")).ToContainTextAsync("第 2 行：没有填写累计执行数");
        await unit.GetByTestId("monitoring-file").SetInputFilesAsync(good);
        await unit.GetByTestId("monitoring-import-button").ClickAsync();
        // 20% spent by June (pace 40%): red.
        var row = unit.Locator("[data-testid=monitoring] tr", new() { HasText = "页面导入监控资金" });
        await Assertions.Expect(row).ToContainTextAsync("200.00");
        await Assertions.Expect(row).ToContainTextAsync("40.00");
        await Assertions.Expect(row).ToContainTextAsync("红");
        await Assertions.Expect(unit.Locator("[data-testid=monitoring]")).Not.ToContainTextAsync("页面导入有误资金");
        Directory.Delete(dir, true);
    }
}
