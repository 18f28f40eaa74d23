using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Aggregation;
using Jixiao.Core.Model;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Web.Services;
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
        var imported = await unit.ImportSeedAsync("001_9e81b93be66c6a64.txt");
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
    public async Task A_regions_aggregation_is_byte_for_byte_the_aggregate_of_its_tables_read_in_full()
    {
        // The seeds of the region imported into their units (seed 000: five 就业补助资金 tables of one department),
        // and two more tables: one unit twice, one table of another fund.
        var admin = await App.ApiClientAsync("admin");
        foreach (var (seed, unit) in new[] { ("000", HhhtDept), ("001", ZltUnit), ("002", ZltSibling) })
        {
            var file = Directory.GetFiles(JixiaoFactory.SeedDir, seed + "_*.txt").Single();
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(await File.ReadAllBytesAsync(file)), "file", Path.GetFileName(file) },
                { new StringContent((await App.OrganisationIdAsync(unit)).ToString(System.Globalization.CultureInfo.InvariantCulture)), "organisationId" },
            };
            (await admin.PostAsync("/api/v1/imports", form)).ShouldBe(HttpStatusCode.Created);
        }
        await App.StoreAsync(ZltSibling, JixiaoFactory.Table("就业补助资金", 2023, ZltSibling, a: 120m, b: 100m));
        await App.StoreAsync(ZltSibling, JixiaoFactory.Table("就业补助资金", 2023, ZltSibling, a: 80m, b: 79.5m));
        await App.StoreAsync(ZltUnit, JixiaoFactory.Table("汇总对照资金", 2023, ZltUnit));
        var finance = await App.ApiClientAsync("nmg-czt-caizheng");
        var region = await RegionIdAsync("内蒙古自治区");
        foreach (var fund in new[] { "就业补助资金", null })
        {
            var r = await finance.GetAsync($"/api/v1/aggregations?region={region}" + (fund is null ? "" : "&fund=" + Uri.EscapeDataString(fund)));
            r.ShouldBe(HttpStatusCode.OK);
            var body = await r.Content.ReadAsByteArrayAsync();
            var order = JsonNode.Parse(body)!["contributors"]!.AsArray().Select(c => Guid.Parse((string)c!["documentId"]!)).ToList();

            // What the answer must be: every self-evaluation table of the region and its cities and counties (the
            // finance bureau sees them all), read as whole entities with their organisation and parsed in full,
            // aggregated in the answer's order and checked — the answer streamed must be exactly these bytes.
            using var scope = App.Services.CreateScope();
            var sp = scope.ServiceProvider;
            var regions = await sp.GetRequiredService<DocumentService>().RegionSubtreeAsync(region);
            var stored = await sp.GetRequiredService<JixiaoDb>().Documents.AsNoTracking().Include(d => d.Organisation)
                .Where(d => (d.Kind == DocumentKind.TransferSelfEvaluation || d.Kind == DocumentKind.ProjectSelfEvaluation || d.Kind == DocumentKind.DepartmentSelfEvaluation)
                    && regions.Contains(d.Organisation!.RegionId))
                .ToListAsync();
            var tables = stored.Select(d => (Stored: d, Table: (SelfEvaluationTable)DocumentService.Content(d)))
                .Where(x => SelfEvaluationAggregator.MatchesFund(x.Table, fund)).ToDictionary(x => x.Stored.Id);
            Assert.True(tables.Count >= (fund is null ? 10 : 5), $"{tables.Count} tables");
            Assert.Equal(tables.Keys.Order(), order.Order());
            // In the 汇总's order — unit name, title, id — whatever order the database returned the rows in.
            var byUnitAndTitle = Comparer<StoredDocument>.Create((x, y) => AnalyticsService.InputOrder(x.Organisation!.Name, x.Title, x.Id, y.Organisation!.Name, y.Title, y.Id));
            Assert.Equal(tables.Values.Select(x => x.Stored).Order(byUnitAndTitle).Select(d => d.Id), order);
            var inputs = order.Select(id => tables[id]).Select(x => new AggregationInput(x.Table,
                x.Table.ImplementingUnit is { Length: > 0 } u ? $"{x.Stored.Organisation!.Name}（{u}）" : x.Stored.Organisation!.Name, x.Stored.Id.ToString())).ToList();
            Assert.Contains(inputs.GroupBy(i => i.Contributor), g => g.Count() >= 2);
            var result = SelfEvaluationAggregator.Aggregate(inputs, new AggregationOptions { Region = "内蒙古自治区", Fund = fund });
            var expected = AggregationJson.ToUtf8(result, sp.GetRequiredService<CheckService>().Check(result.Table).Findings);
            Assert.True(expected.AsSpan().SequenceEqual(body), $"fund “{fund}”: {body.Length} bytes, expected {expected.Length}; first difference at byte {expected.AsSpan().CommonPrefixLength(body)}");
        }
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
    public async Task The_dashboard_sums_tables_written_in_yuan_under_a_wan_yuan_heading_in_yuan()
    {
        // Seed 001 heads its three tables 万元 but writes 元 (519,020,227.74 in all), which its report's 万元 figures
        // confirm (SE-FUND-UNIT, an error): the dashboard must show 51,902.02 万元, not 5 亿 "万元".
        var admin = await App.ApiClientAsync("admin");
        var file = Directory.GetFiles(JixiaoFactory.SeedDir, "001_*.txt").Single();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(file)), "file", Path.GetFileName(file) },
            { new StringContent((await App.OrganisationIdAsync(ZltUnit)).ToString(System.Globalization.CultureInfo.InvariantCulture)), "organisationId" },
        };
        (await admin.PostAsync("/api/v1/imports", form)).ShouldBe(HttpStatusCode.Created);
        var reviewer = await App.ApiClientAsync("zlt-rsj-shenhe");
        var dashboard = await reviewer.GetFromJsonAsync<JsonObject>("/api/v1/dashboard?year=2024");
        var budgets = dashboard!["executionByRegion"]!.AsArray().Select(r => (decimal)r!["budget"]!).ToList();
        // At least the seed's 51,902.02 万元 (other tests may import it too), and nowhere hundreds of millions of 万元.
        Assert.Contains(budgets, b => b >= 51_902.02m);
        Assert.All(budgets, b => Assert.True(b < 1_000_000m, $"{b} 万元"));
        // The findings by rule count the current versions' findings: the seed's three tables each have SE-FUND-UNIT.
        Assert.True((int)dashboard["findingsByRule"]!.AsArray().Single(r => (string?)r!["name"] == "SE-FUND-UNIT")!["count"]! >= 3);
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

    private static string GoalFile => Path.Combine(JixiaoFactory.SeedDir, "..", "goals", "就业补助资金绩效目标表.txt");

    private static MultipartFormDataContent Upload(byte[] bytes, string name, params (string Key, string Value)[] fields)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        return form;
    }

    [DbFact]
    public async Task Goals_imported_from_a_GBK_file_carry_into_the_year_end_table_and_a_changed_target_shows_as_adjusted()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var unit = await App.ApiClientAsync("zlt-sbzx-tianbao");
        var reviewer = await App.ApiClientAsync("zlt-rsj-shenhe");
        var sibling = await App.ApiClientAsync("zlt-jyzx-tianbao");
        var unitId = (await App.OrganisationIdAsync(ZltUnit)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        // A self-evaluation (it has actuals) is not a goal table: refused, nothing written.
        var seed = await File.ReadAllBytesAsync(Path.Combine(JixiaoFactory.SeedDir, "001_9e81b93be66c6a64.txt"));
        var refused = await unit.PostAsync("/api/v1/goals/imports", Upload(seed, "001.txt", ("organisationId", unitId)));
        refused.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("不是年初的绩效目标表", await refused.BodyAsync());
        Assert.Empty((await unit.GetFromJsonAsync<JsonArray>("/api/v1/goals?year=2024"))!);

        // The goal table, saved as GBK (GB18030) the way Excel's "text" export writes it.
        var gbk = System.Text.Encoding.GetEncoding("GB18030").GetBytes(await File.ReadAllTextAsync(GoalFile));
        (await reviewer.PostAsync("/api/v1/goals/imports", Upload(gbk, "目标表.txt", ("organisationId", unitId)))).ShouldBe(HttpStatusCode.Forbidden);
        var imported = await unit.PostAsync("/api/v1/goals/imports", Upload(gbk, "目标表.txt", ("organisationId", unitId)));
        imported.ShouldBe(HttpStatusCode.Created);
        var goal = (await Json(imported)).AsArray().Single()!;
        Assert.Equal("就业补助资金", (string?)goal["fundName"]);
        Assert.Equal(2024, (int)goal["year"]!);
        Assert.Equal(5, (int)goal["indicators"]!);
        var goalId = (int)goal["id"]!;
        (await reviewer.GetAsync($"/api/v1/goals/{goalId}")).ShouldBe(HttpStatusCode.OK);
        (await sibling.GetAsync($"/api/v1/goals/{goalId}")).ShouldBe(HttpStatusCode.NotFound);

        // Starting the year-end table carries the targets, the goal text and the budget.
        (await sibling.PostAsync($"/api/v1/goals/{goalId}/start", null)).ShouldBe(HttpStatusCode.NotFound);
        var started = await unit.PostAsync($"/api/v1/goals/{goalId}/start", null);
        started.ShouldBe(HttpStatusCode.Created);
        var doc = await Json(started);
        var id = (string)doc["id"]!;
        var content = doc["content"]!.AsObject();
        Assert.Equal("就业补助资金转移支付绩效自评表", (string?)content["title"]);
        Assert.Equal(50000.00m, (decimal)content["funds"]![0]!["budget"]!["value"]!);
        Assert.StartsWith("目标1：资金按规定用于职业培训补贴", (string?)content["overallGoal"]);
        var indicators = content["indicators"]!.AsArray();
        Assert.Equal(["≥3.2万人", "≥0.2万人", "≥90%", "≤5.5%", "≥85%"], indicators.Select(i => (string)i!["target"]!));
        Assert.All(indicators, i => Assert.Null(i!["adjustedTarget"]));
        (await unit.PostAsync($"/api/v1/goals/{goalId}/start", null)).ShouldBe(HttpStatusCode.Conflict);
        (await unit.PostAsync("/api/v1/goals/imports", Upload(gbk, "目标表.txt", ("organisationId", unitId)))).ShouldBe(HttpStatusCode.Conflict);

        // The unit overwrites a declared target (and forges who did it): the declared value stays, the new one is 调整后指标, stamped by the server.
        indicators[0]!["target"] = "≥3.0万人";
        indicators[1]!["adjustment"] = JsonNode.Parse("""{"by":"伪造的人","at":"2020-01-01T00:00:00Z"}""");
        (await unit.PutAsJsonAsync($"/api/v1/documents/{id}", new { revision = (int)doc["revision"]!, content })).ShouldBe(HttpStatusCode.OK);
        var saved = await unit.GetFromJsonAsync<JsonObject>($"/api/v1/documents/{id}");
        var first = saved!["content"]!["indicators"]![0]!;
        Assert.Equal("≥3.2万人", (string?)first["target"]);
        Assert.Equal("≥3.0万人", (string?)first["adjustedTarget"]);
        Assert.Equal("zlt-sbzx-tianbao", (string?)first["adjustment"]!["by"]);
        Assert.True(DateTime.UtcNow - (DateTime)first["adjustment"]!["at"]! < TimeSpan.FromMinutes(5));
        Assert.Null(saved["content"]!["indicators"]![1]!["adjustment"]);
        var findings = await unit.GetFromJsonAsync<JsonArray>($"/api/v1/documents/{id}/findings");
        var flagged = findings!.Single(f => (string?)f!["rule"] == "SE-IND-ADJUST-REASON")!;
        Assert.Contains("城镇新增就业人数", (string?)flagged["message"]);

        // With a reason: the rule is satisfied, and the history keeps both changes with who, when and why.
        var contentV2 = saved["content"]!.AsObject();
        contentV2["indicators"]![0]!["adjustment"] = JsonNode.Parse("""{"reason":"经财政部门批准调减"}""");
        (await unit.PutAsJsonAsync($"/api/v1/documents/{id}", new { revision = (int)saved["revision"]!, content = contentV2 })).ShouldBe(HttpStatusCode.OK);
        findings = await unit.GetFromJsonAsync<JsonArray>($"/api/v1/documents/{id}/findings");
        Assert.DoesNotContain(findings!, f => (string?)f!["rule"] == "SE-IND-ADJUST-REASON");
        var history = await reviewer.GetFromJsonAsync<JsonArray>($"/api/v1/documents/{id}/adjustments");
        Assert.Equal(2, history!.Count);
        Assert.All(history, h => Assert.Equal("≥3.2万人", (string?)h!["declaredTarget"]));
        Assert.Null((string?)history[0]!["reason"]);
        Assert.Equal("经财政部门批准调减", (string?)history[1]!["reason"]);
        Assert.Equal([2, 3], history.Select(h => (int)h!["revision"]!));

        // The diff and the exported xlsx show the change.
        var diff = await reviewer.GetFromJsonAsync<JsonObject>($"/api/v1/documents/{id}/diff?from=1&to=3");
        var labels = diff!["changes"]!.AsArray().Select(c => (string)c!["label"]!).ToList();
        Assert.Contains("绩效指标 › 城镇新增就业人数 › 调整后指标", labels);
        Assert.Contains("绩效指标 › 城镇新增就业人数 › 调整理由", labels);
        var xlsx = await unit.GetByteArrayAsync($"/api/v1/documents/{id}/export?format=xlsx");
        var cells = Jixiao.Documents.Xlsx.XlsxGridLoader.Load("自评表.xlsx", new MemoryStream(xlsx))
            .SelectMany(g => Enumerable.Range(0, g.RowCount).SelectMany(r => Enumerable.Range(0, g.ColumnCount(r)).Select(c => g.Text(r, c)))).ToList();
        Assert.Contains(cells, c => c.Contains("调整后指标：“城镇新增就业人数”由年初指标值“≥3.2万人”调整为“≥3.0万人”，理由：经财政部门批准调减（zlt-sbzx-tianbao，", StringComparison.Ordinal));
        Assert.True(await AuditCountAsync("goal-start", Guid.Parse(id)) == 1);
    }

    [DbFact]
    public async Task Goals_entered_in_the_API_are_checked_and_redeclared_until_started()
    {
        var unit = await App.ApiClientAsync("zlt-jyzx-tianbao");
        var org = await App.OrganisationIdAsync(ZltSibling);
        var body = new
        {
            organisationId = org,
            year = 2025,
            fundName = "录入目标测试资金",
            template = "project",
            overallGoal = "完成培训 500 人次",
            budget = 120000m,
            indicators = new[] { new { level1 = "产出指标", level2 = "数量指标", name = "培训人次", target = "≥500人次" }, new { level1 = "效益指标", level2 = "社会效益指标", name = "就业率", target = "" } },
        };
        var invalid = await unit.PostAsJsonAsync("/api/v1/goals", body);
        invalid.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("指标“就业率”没有年初指标值", await invalid.BodyAsync());
        var ok = await unit.PostAsJsonAsync("/api/v1/goals", body with { indicators = [body.indicators[0]] });
        ok.ShouldBe(HttpStatusCode.Created);
        var goal = (await Json(ok))[0]!;
        Assert.Equal("project-self-evaluation", (string?)goal["content"]!["kind"]);
        var started = await Json(await unit.PostAsync($"/api/v1/goals/{(int)goal["id"]!}/start", null));
        var total = started["content"]!["funds"]![0]!;
        Assert.Equal(120000m, (decimal)total["initialBudget"]!["value"]!);
        Assert.Equal(120000m, (decimal)total["budget"]!["value"]!);
        Assert.Equal("≥500人次", (string?)started["content"]!["indicators"]![0]!["target"]);
    }

    [DbFact]
    public async Task Monthly_executions_import_from_a_GBK_CSV_in_yuan_and_a_wrong_row_writes_nothing()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var filler = await App.ApiClientAsync("zlt-sbzx-tianbao");
        var reviewer = await App.ApiClientAsync("zlt-rsj-shenhe");
        // Columns in another order, amounts in 元 (header), GBK.
        var csv = "月份,资金名称,累计执行数（元）,单位,预算数（元）\n"
            + $"6,导入监控资金,\"350,000.00\",{ZltUnit},1000000\n"
            + $"2017年9月,导入监控资金,900000,{ZltUnit},1000000\n";
        var gbk = System.Text.Encoding.GetEncoding("GB18030").GetBytes(csv);
        (await filler.PostAsync("/api/v1/monitoring/imports", Upload(gbk, "执行.csv"))).ShouldBe(HttpStatusCode.BadRequest); // no year
        var r = await filler.PostAsync("/api/v1/monitoring/imports", Upload(gbk, "执行.csv", ("year", "2017")));
        r.ShouldBe(HttpStatusCode.OK);
        var result = await Json(r);
        Assert.Equal("元", (string?)result["moneyUnit"]);
        var rows = result["written"]!.AsArray();
        Assert.Equal(35m, (decimal)rows[0]!["executed"]!);
        Assert.Equal(100m, (decimal)rows[0]!["budget"]!);
        Assert.Equal("yellow", (string?)rows[0]!["result"]!["light"]);
        Assert.Equal(9, (int)rows[1]!["month"]!);
        Assert.Equal("green", (string?)rows[1]!["result"]!["light"]);

        // `|`-separated text with a unit line; one good row, three wrong ones: every problem with its row, nothing written.
        var text = "单位：万元\n|资金名称|单位|月份|预算数|累计执行数|\n"
            + $"|导入监控资金|{ZltUnit}|10|100|95|\n"
            + $"|导入监控资金|{ZltUnit}|13|100|95|\n"
            + $"|导入监控资金|{ZltSibling}|11|100|95|\n"
            + "|导入监控资金|汾阳市社会保险中心|11|100|-5|\n";
        var bad = await filler.PostAsync("/api/v1/monitoring/imports", Upload(System.Text.Encoding.UTF8.GetBytes(text), "执行.txt", ("year", "2017")));
        bad.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var errors = (await Json(bad))["errors"]!.AsArray().Select(e => (string)e!).ToList();
        Assert.Equal(3, errors.Count);
        Assert.StartsWith("第 4 行：月份“13”无法识别", errors[0]);
        Assert.StartsWith("第 5 行：单位“扎兰屯市就业服务中心”不存在，或不在您可见的范围内", errors[1]);
        Assert.StartsWith("第 6 行：累计执行数“-5”是负数", errors[2]);
        var monitoring = await reviewer.GetFromJsonAsync<JsonArray>("/api/v1/monitoring?year=2017");
        var mine = monitoring!.Where(m => (string?)m!["fund"] == "导入监控资金").ToList();
        Assert.Single(mine);
        Assert.Equal(9, (int)mine[0]!["month"]!);
    }

    [DbFact]
    public async Task The_bundle_as_one_PDF_holds_the_cover_letter_then_every_table_in_the_annex_order()
    {
        await App.StoreAsync(ZltUnit, JixiaoFactory.Table("甲报送资金", 2016, ZltUnit, a: 123.45m, b: 100.00m), DocumentStatus.Submitted);
        await App.StoreAsync(ZltUnit, JixiaoFactory.Table("乙报送资金", 2016, ZltUnit, a: 678.91m, b: 600.00m), DocumentStatus.Approved);
        await App.StoreAsync(ZltUnit, JixiaoFactory.Table("丙草稿资金", 2016, ZltUnit));
        var reviewer = await App.ApiClientAsync("zlt-rsj-shenhe");
        var unitId = await App.OrganisationIdAsync(ZltUnit);
        var r = await reviewer.GetAsync($"/api/v1/bundles?organisation={unitId}&year=2016&format=pdf");
        r.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/pdf", r.Content.Headers.ContentType?.MediaType);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await r.Content.ReadAsByteArrayAsync());
        var pages = pdf.GetPages().Select(p => Core.Model.Text.Compact(p.Text)).ToList();
        // Page 1 is the cover letter; its annex list names the two submitted tables, 甲 before 乙, and not the draft.
        Assert.Contains("附件", pages[0]);
        var annexA = pages[0].IndexOf("甲报送资金", StringComparison.Ordinal);
        var annexB = pages[0].IndexOf("乙报送资金", StringComparison.Ordinal);
        Assert.True(annexA >= 0 && annexB > annexA, pages[0]);
        Assert.DoesNotContain(pages, p => p.Contains("丙草稿资金", StringComparison.Ordinal));
        // Then each table, in that order, with its figures.
        var pageA = pages.FindIndex(1, p => p.Contains("甲报送资金", StringComparison.Ordinal));
        var pageB = pages.FindIndex(1, p => p.Contains("乙报送资金", StringComparison.Ordinal));
        Assert.True(pageA >= 1 && pageB > pageA, $"甲在第 {pageA + 1} 页，乙在第 {pageB + 1} 页");
        Assert.Contains("123.45", pages[pageA]);
        Assert.Contains("678.91", pages[pageB]);
        Assert.Contains("600.00", pages[pageB]);
    }
}

public sealed class SqliteWorkflowTests(SqliteFactory app) : WorkflowTests<SqliteFactory>(app), IClassFixture<SqliteFactory>;

public sealed class PostgresWorkflowTests(PostgresFactory app) : WorkflowTests<PostgresFactory>(app), IClassFixture<PostgresFactory>;
