using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>Issue 6: every workflow transition, the forbidden ones, aggregation, tasks, publishing; on SQLite and PostgreSQL.</summary>
public abstract class WorkflowTests<TFactory>(TFactory app) where TFactory : JixiaoFactory
{
    protected TFactory App { get; } = app;

    private const string ZltUnit = "扎兰屯市社会保险事业服务中心";
    private const string ZltSibling = "扎兰屯市就业服务中心";
    private const string HhhtDept = "呼和浩特市人力资源和社会保障局";

    private static async Task<JsonNode> Json(HttpResponseMessage r) => JsonNode.Parse(await r.Content.ReadAsStringAsync())!;

    private static HttpContent Body(object o) => JsonContent.Create(o);

    /// <summary>Submits, justifying whatever errors the engine found in the current version.</summary>
    private static async Task<HttpResponseMessage> SubmitJustifyingAsync(HttpClient client, string url)
    {
        var state = await client.GetFromJsonAsync<JsonObject>(url + "/workflow");
        var justifications = state!["unjustifiedErrors"]!.AsArray().Select(f => new { rule = (string)f!["rule"]!, location = (string)f["location"]!, text = "已核实。" }).ToList();
        return await client.PostAsync(url + "/submit", Body(new { justifications }));
    }

    private async Task<int> RegionIdAsync(string name)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<JixiaoDb>().Regions.Where(r => r.Name == name).Select(r => r.Id).SingleAsync();
    }

    private async Task<int> AuditCountAsync(string action, Guid id)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
        var key = id.ToString();
        return await db.AuditEntries.CountAsync(a => a.Action == action && a.EntityId == key);
    }

    [DbFact]
    public async Task Submit_return_fix_resubmit_approve_forward_with_every_forbidden_move_refused()
    {
        var id = await App.StoreAsync(ZltUnit, JixiaoFactory.Table("流程测试资金", 2023, ZltUnit));
        var unit = await App.ApiClientAsync("zlt-sbzx-tianbao");
        var sibling = await App.ApiClientAsync("zlt-jyzx-tianbao");
        var reviewer = await App.ApiClientAsync("zlt-rsj-shenhe");
        var finance = await App.ApiClientAsync("zlt-czj-caizheng");
        var otherReviewer = await App.ApiClientAsync("fy-rsj-shenhe");
        var otherCity = await App.ApiClientAsync("hhht-rsj-shenhe");
        var url = $"/api/v1/documents/{id}";

        // Only the reviewer above acts on a draft? Nobody: it is not submitted.
        (await reviewer.PostAsync(url + "/approve", null)).ShouldBe(HttpStatusCode.Conflict);
        // Only the owning unit submits.
        (await sibling.PostAsync(url + "/submit", null)).ShouldBe(HttpStatusCode.NotFound);
        (await reviewer.PostAsync(url + "/submit", null)).ShouldBe(HttpStatusCode.Forbidden);
        var submitted = await unit.PostAsync(url + "/submit", null);
        submitted.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("submitted", (string?)(await Json(submitted))["status"]);
        (await unit.PostAsync(url + "/submit", null)).ShouldBe(HttpStatusCode.Conflict);

        // The submitted version is frozen: editing it is refused and writes nothing.
        var doc = await unit.GetFromJsonAsync<JsonObject>(url);
        var put = await unit.PutAsJsonAsync(url, new { revision = (int)doc!["revision"]!, content = doc["content"] });
        put.ShouldBe(HttpStatusCode.Forbidden);

        // A unit approving its own submission; a finance bureau that is not the reviewer above; reviewers outside the subtree.
        (await unit.PostAsync(url + "/approve", null)).ShouldBe(HttpStatusCode.Forbidden);
        (await finance.PostAsync(url + "/approve", null)).ShouldBe(HttpStatusCode.Forbidden);
        (await otherReviewer.PostAsync(url + "/approve", null)).ShouldBe(HttpStatusCode.NotFound);
        (await otherCity.PostAsync(url + "/return", Body(new { comment = "x" }))).ShouldBe(HttpStatusCode.NotFound);
        (await reviewer.PostAsync(url + "/forward", null)).ShouldBe(HttpStatusCode.Conflict); // not approved yet

        // Return needs a comment; with one at a cell it keeps the path, the label and the cell.
        (await reviewer.PostAsync(url + "/return", Body(new { }))).ShouldBe(HttpStatusCode.UnprocessableEntity);
        var returned = await reviewer.PostAsync(url + "/return", Body(new { comment = "执行数与决算不符", comments = new[] { new { text = "请按决算数填写全年执行数", path = "$.funds[0].execution" } } }));
        returned.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("returned", (string?)(await Json(returned))["status"]);
        var state = await reviewer.GetFromJsonAsync<JsonObject>(url + "/workflow");
        var cellComment = state!["comments"]!.AsArray().Single(c => (string?)c!["path"] == "$.funds[0].execution")!;
        Assert.Equal("资金投入情况 › 年度资金总额 › 全年执行数（B）", (string?)cellComment["label"]);
        Assert.Equal(1, (int)cellComment["revision"]!);

        // The unit fixes the figure (a new version; version 1 stays as it was) and resubmits.
        doc = await unit.GetFromJsonAsync<JsonObject>(url);
        var content = doc!["content"]!.AsObject();
        content["funds"]![0]!["execution"] = JsonNode.Parse("""{"text":"98.5","value":98.5}""");
        content["funds"]![0]!["rate"] = JsonNode.Parse("""{"text":"98.50%","value":98.50}""");
        (await unit.PutAsJsonAsync(url, new { revision = 1, content })).ShouldBe(HttpStatusCode.OK);
        (await SubmitJustifyingAsync(unit, url)).ShouldBe(HttpStatusCode.OK);

        // The reviewer sees the field-level diff between the submissions, in Chinese.
        var diff = await reviewer.GetFromJsonAsync<JsonObject>(url + "/diff");
        Assert.Equal(1, (int)diff!["from"]!);
        Assert.Equal(2, (int)diff["to"]!);
        var change = diff["changes"]!.AsArray().Single(c => (string?)c!["path"] == "$.funds[0].execution")!;
        Assert.Equal("资金投入情况 › 年度资金总额 › 全年执行数（B）", (string?)change["label"]);
        Assert.Equal("96.21", (string?)change["before"]);
        Assert.Equal("98.5", (string?)change["after"]);

        var versions = await reviewer.GetFromJsonAsync<JsonArray>(url + "/versions");
        Assert.Equal(2, versions!.Count);
        Assert.All(versions, v => Assert.True((bool)v!["submitted"]!));
        Assert.NotEqual((string?)versions[0]!["contentHash"], (string?)versions[1]!["contentHash"]);

        var approved = await reviewer.PostAsync(url + "/approve", Body(new { comment = "同意" }));
        approved.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("approved", (string?)(await Json(approved))["status"]);
        (await unit.PostAsync(url + "/forward", null)).ShouldBe(HttpStatusCode.Forbidden);
        var forwarded = await reviewer.PostAsync(url + "/forward", null);
        forwarded.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("forwarded", (string?)(await Json(forwarded))["status"]);

        // Every transition is in the workflow history and the audit log.
        state = await unit.GetFromJsonAsync<JsonObject>(url + "/workflow");
        Assert.Equal(["submit", "return", "submit", "approve", "forward"], state!["events"]!.AsArray().Select(e => (string)e!["action"]!));
        foreach (var action in new[] { "submit", "return", "approve", "forward" })
            Assert.True(await AuditCountAsync(action, id) >= 1, action);
        Assert.Equal(2, await AuditCountAsync("submit", id));
    }

    [DbFact]
    public async Task A_submission_with_errors_needs_a_written_justification_per_error()
    {
        var unit = await App.ApiClientAsync("zlt-jyzx-tianbao");
        var path = Path.Combine(JixiaoFactory.SeedDir, "001_9e81b93be66c6a64.txt");
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(path)), "file", "001.txt" } };
        var imported = await Json(await unit.PostAsync("/api/v1/imports", upload));
        var withErrors = imported["documents"]!.AsArray().First(d => (int)d!["document"]!["errorCount"]! > 0)!;
        var id = (string)withErrors["document"]!["id"]!;
        var errors = withErrors["findings"]!.AsArray().Where(f => (string?)f!["severity"] == "error").ToList();

        var refused = await unit.PostAsync($"/api/v1/documents/{id}/submit", null);
        refused.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(errors.Count, (await Json(refused))["unjustified"]!.AsArray().Count);

        // Justifying all but one is not enough.
        var some = errors.Skip(1).Select(f => new { rule = (string)f!["rule"]!, location = (string)f["location"]!, text = "已核实，原表如此。" }).ToList();
        (await unit.PostAsync($"/api/v1/documents/{id}/submit", Body(new { justifications = some }))).ShouldBe(HttpStatusCode.UnprocessableEntity);
        var all = errors.Select(f => new { rule = (string)f!["rule"]!, location = (string)f["location"]!, text = "已核实，原表如此。" }).ToList();
        (await unit.PostAsync($"/api/v1/documents/{id}/submit", Body(new { justifications = all }))).ShouldBe(HttpStatusCode.OK);
        var state = await unit.GetFromJsonAsync<JsonObject>($"/api/v1/documents/{id}/workflow");
        Assert.Equal(errors.Count, state!["justifications"]!.AsArray().Count);
        Assert.Empty(state["unjustifiedErrors"]!.AsArray());
    }

    [DbFact]
    public async Task A_departments_own_submission_is_reviewed_by_the_finance_bureau_of_its_region()
    {
        var id = await App.StoreAsync(HhhtDept, JixiaoFactory.Table("部门本级流程资金", 2023, HhhtDept));
        var filler = await App.ApiClientAsync("hhht-rsj-tianbao");
        var ownReviewer = await App.ApiClientAsync("hhht-rsj-shenhe");
        var province = await App.ApiClientAsync("nmg-czt-caizheng");
        var city = await App.ApiClientAsync("hhht-czj-caizheng");
        (await filler.PostAsync($"/api/v1/documents/{id}/submit", null)).ShouldBe(HttpStatusCode.OK);
        var self = await ownReviewer.PostAsync($"/api/v1/documents/{id}/approve", null);
        self.ShouldBe(HttpStatusCode.Forbidden);
        Assert.Contains("本单位", (string?)(await Json(self))["detail"]);
        (await province.PostAsync($"/api/v1/documents/{id}/approve", null)).ShouldBe(HttpStatusCode.Forbidden);
        (await city.PostAsync($"/api/v1/documents/{id}/approve", null)).ShouldBe(HttpStatusCode.OK);
    }

    [DbFact]
    public async Task Published_documents_are_public_and_drafts_never_are()
    {
        var draft = await App.StoreAsync(ZltSibling, JixiaoFactory.Table("公开测试草稿资金", 2023, ZltSibling));
        var id = await App.StoreAsync(ZltSibling, JixiaoFactory.Table("公开测试资金", 2023, ZltSibling));
        var unit = await App.ApiClientAsync("zlt-jyzx-tianbao");
        var reviewer = await App.ApiClientAsync("zlt-rsj-shenhe");
        (await unit.PostAsync($"/api/v1/documents/{draft}/publish", null)).ShouldBe(HttpStatusCode.Conflict);
        (await unit.PostAsync($"/api/v1/documents/{id}/submit", null)).ShouldBe(HttpStatusCode.OK);
        (await unit.PostAsync($"/api/v1/documents/{id}/publish", null)).ShouldBe(HttpStatusCode.Conflict);
        (await reviewer.PostAsync($"/api/v1/documents/{id}/approve", null)).ShouldBe(HttpStatusCode.OK);

        // Approved, not yet public: on the due list with 20 days to go.
        var due = await unit.GetFromJsonAsync<JsonArray>("/api/v1/publishing/due");
        var entry = due!.Single(d => (string?)d!["id"] == id.ToString())!;
        Assert.False((bool)entry["overdue"]!);
        Assert.Equal(20, (int)entry["daysLeft"]!);

        (await unit.PostAsync($"/api/v1/documents/{id}/publish", null)).ShouldBe(HttpStatusCode.OK);
        var state = await unit.GetFromJsonAsync<JsonObject>($"/api/v1/documents/{id}/workflow");
        var publicUrl = (string)state!["publicUrl"]!;

        var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });
        var page = await anonymous.GetAsync(publicUrl);
        page.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("公开测试资金", await page.BodyAsync());
        var list = await anonymous.GetStringAsync("/public?q=公开测试");
        Assert.Contains("公开测试资金", list);
        Assert.DoesNotContain("公开测试草稿资金", list);
        (await anonymous.GetAsync(publicUrl + "/download?format=json")).ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync(publicUrl + "/download?format=xlsx")).ShouldBe(HttpStatusCode.OK);
        // Neither the draft's id nor a guessed slug leads anywhere; the API stays closed.
        Assert.Contains("没有这个公开文档", await anonymous.GetStringAsync($"/public/{draft}"));
        (await anonymous.GetAsync($"/public/{draft}/download?format=json")).ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"/api/v1/documents/{draft}")).ShouldBe(HttpStatusCode.Unauthorized);

        (await unit.PostAsync($"/api/v1/documents/{id}/unpublish", null)).ShouldBe(HttpStatusCode.OK);
        Assert.Contains("没有这个公开文档", await anonymous.GetStringAsync(publicUrl));
        Assert.True(await AuditCountAsync("publish", id) == 1 && await AuditCountAsync("unpublish", id) == 1);
    }

    [DbFact]
    public async Task Aggregation_sums_the_departments_units_and_stays_in_scope()
    {
        await App.StoreAsync(ZltUnit, JixiaoFactory.Table("汇总测试资金", 2022, ZltUnit, a: 100m, b: 80m));
        await App.StoreAsync(ZltSibling, JixiaoFactory.Table("汇总测试资金", 2022, ZltSibling, a: 300m, b: 240.5m));
        var dept = await App.OrganisationIdAsync("扎兰屯市人力资源和社会保障局");
        var reviewer = await App.ApiClientAsync("zlt-rsj-shenhe");
        var r = await reviewer.GetAsync($"/api/v1/aggregations?organisation={dept}&year=2022&fund=汇总测试资金");
        r.ShouldBe(HttpStatusCode.OK);
        var agg = await Json(r);
        var total = agg["funds"]![0]!;
        Assert.Equal(400m, (decimal)total["budget"]!);
        Assert.Equal(320.5m, (decimal)total["execution"]!);
        Assert.Equal(80.13m, (decimal)total["rate"]!);
        Assert.Equal(2, total["budgetBy"]!.AsArray().Count);
        Assert.Equal("transfer-self-evaluation", (string?)agg["table"]!["kind"]);
        // A unit cannot ask for its department's sum, only for its own; another department's reviewer sees nothing.
        var unit = await App.ApiClientAsync("zlt-sbzx-tianbao");
        (await unit.GetAsync($"/api/v1/aggregations?organisation={dept}&year=2022&fund=汇总测试资金")).ShouldBe(HttpStatusCode.NotFound);
        var ownId = await App.OrganisationIdAsync(ZltUnit);
        var own = await Json(await unit.GetAsync($"/api/v1/aggregations?organisation={ownId}&year=2022&fund=汇总测试资金"));
        Assert.Equal(100m, (decimal)own["funds"]![0]!["budget"]!);
        // By region: the county's finance bureau sees both units.
        var finance = await App.ApiClientAsync("zlt-czj-caizheng");
        var regionId = await RegionIdAsync("扎兰屯市");
        var byRegion = await Json(await finance.GetAsync($"/api/v1/aggregations?region={regionId}&year=2022&fund=汇总测试资金"));
        Assert.Equal(400m, (decimal)byRegion["funds"]![0]!["budget"]!);
        var outsider = await App.ApiClientAsync("fy-rsj-shenhe");
        (await outsider.GetAsync($"/api/v1/aggregations?organisation={dept}&year=2022&fund=汇总测试资金")).ShouldBe(HttpStatusCode.NotFound);
    }

    [DbFact]
    public async Task Tasks_list_overdue_units_and_monitoring_lights_follow_the_entries()
    {
        var reviewer = await App.ApiClientAsync("zlt-rsj-shenhe");
        var unitId = await App.OrganisationIdAsync(ZltUnit);
        var siblingId = await App.OrganisationIdAsync(ZltSibling);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var created = await reviewer.PostAsync("/api/v1/tasks", Body(new { title = "任务测试", year = 2019, fundName = "任务测试资金", deadline = yesterday, organisations = new[] { unitId, siblingId } }));
        created.ShouldBe(HttpStatusCode.Created);
        var task = await Json(created);
        Assert.Equal(2, (int)task["overdue"]!);
        // A filler may not issue tasks; nobody issues to organisations outside their scope.
        var filler = await App.ApiClientAsync("zlt-sbzx-tianbao");
        (await filler.PostAsync("/api/v1/tasks", Body(new { title = "x", year = 2019, deadline = yesterday, organisations = new[] { siblingId } }))).ShouldBe(HttpStatusCode.Forbidden);
        var fy = await App.OrganisationIdAsync("汾阳市社会保险中心");
        (await reviewer.PostAsync("/api/v1/tasks", Body(new { title = "x", year = 2019, deadline = yesterday, organisations = new[] { fy } }))).ShouldBe(HttpStatusCode.Forbidden);

        // The unit submits late: no longer "overdue", but "late".
        var id = await App.StoreAsync(ZltUnit, JixiaoFactory.Table("任务测试资金", 2019, ZltUnit));
        (await filler.PostAsync($"/api/v1/documents/{id}/submit", null)).ShouldBe(HttpStatusCode.OK);
        var tasks = await reviewer.GetFromJsonAsync<JsonArray>("/api/v1/tasks?year=2019");
        var rows = tasks!.Single()!["rows"]!.AsArray();
        var mine = rows.Single(r => (int)r!["organisationId"]! == unitId)!;
        Assert.False((bool)mine["overdue"]!);
        Assert.True((bool)mine["late"]!);
        Assert.True((bool)rows.Single(r => (int)r!["organisationId"]! == siblingId)!["overdue"]!);

        // 双监控: June, 35% spent → pace 70 → yellow.
        var light = await filler.PostAsync("/api/v1/monitoring", Body(new { organisationId = unitId, year = 2019, month = 6, fundName = "任务测试资金", budget = 100m, executed = 35m }));
        light.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("yellow", (string?)(await Json(light))["light"]);
        (await filler.PostAsync("/api/v1/monitoring", Body(new { organisationId = siblingId, year = 2019, month = 6, fundName = "x", budget = 1m, executed = 1m }))).ShouldBe(HttpStatusCode.Forbidden);
        var dashboard = await reviewer.GetFromJsonAsync<JsonObject>("/api/v1/dashboard?year=2019");
        Assert.Equal("yellow", (string?)dashboard!["monitoring"]!.AsArray().Single()!["result"]!["light"]);
    }

    [DbFact]
    public async Task Results_use_lists_low_execution_and_the_bundle_holds_the_batch()
    {
        var id = await App.StoreAsync(ZltUnit, JixiaoFactory.Table("结果应用测试资金", 2018, ZltUnit, a: 100m, b: 50m));
        var reviewer = await App.ApiClientAsync("zlt-rsj-shenhe");
        var results = await reviewer.GetFromJsonAsync<JsonObject>("/api/v1/results-use?year=2018");
        var candidate = results!["candidates"]!.AsArray().Single(c => (string?)c!["documentId"] == id.ToString())!;
        Assert.Contains(candidate["reasons"]!.AsArray(), r => (string?)r!["reason"] == "low-execution");
        Assert.NotEmpty(results["credibility"]!["regions"]!.AsArray());

        var filler = await App.ApiClientAsync("zlt-sbzx-tianbao");
        (await filler.PostAsync($"/api/v1/documents/{id}/submit", null)).ShouldBe(HttpStatusCode.OK);
        var unitId = await App.OrganisationIdAsync(ZltUnit);
        var zip = await reviewer.GetAsync($"/api/v1/bundles?organisation={unitId}&year=2018&format=zip");
        zip.ShouldBe(HttpStatusCode.OK);
        using var archive = new System.IO.Compression.ZipArchive(await zip.Content.ReadAsStreamAsync());
        Assert.Contains(archive.Entries, e => e.Name.StartsWith("00-", StringComparison.Ordinal) && e.Name.EndsWith(".docx", StringComparison.Ordinal));
        Assert.Contains(archive.Entries, e => e.Name.EndsWith(".xlsx", StringComparison.Ordinal));
        var fy = await App.OrganisationIdAsync("汾阳市社会保险中心");
        (await reviewer.GetAsync($"/api/v1/bundles?organisation={fy}&year=2018")).ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteWorkflowTests(SqliteFactory app) : WorkflowTests<SqliteFactory>(app), IClassFixture<SqliteFactory>;

public sealed class PostgresWorkflowTests(PostgresFactory app) : WorkflowTests<PostgresFactory>(app), IClassFixture<PostgresFactory>;
