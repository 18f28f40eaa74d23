using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Serialization;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>The web system's integration tests; each runs on SQLite and on PostgreSQL.</summary>
public abstract class WebTests<TFactory>(TFactory app) where TFactory : JixiaoFactory
{
    protected TFactory App { get; } = app;

    private const string ZltUnit = "扎兰屯市社会保险事业服务中心";
    private const string ZltSibling = "扎兰屯市就业服务中心";
    private const string FyUnit = "汾阳市社会保险中心";

    // ---------- authentication ----------

    [DbFact]
    public async Task Anonymous_api_requests_get_401_problem_details_in_chinese()
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var url in new[] { "/api/v1/documents", $"/api/v1/documents/{Guid.NewGuid()}", $"/api/v1/documents/{Guid.NewGuid()}/findings", $"/api/v1/documents/{Guid.NewGuid()}/export?format=json", "/api/v1/organisations" })
        {
            var r = await client.GetAsync(url);
            r.ShouldBe(HttpStatusCode.Unauthorized);
            var problem = JsonNode.Parse(await r.BodyAsync())!;
            Assert.Equal("未登录", (string?)problem["title"]);
        }
        var post = await client.PostAsync("/api/v1/imports", new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "a.txt" } });
        post.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [DbFact]
    public async Task Anonymous_pages_redirect_to_login()
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false });
        var r = await client.GetAsync("/documents");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Contains("/login", r.Headers.Location!.ToString());
        var login = await client.GetAsync("/login");
        login.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("登录", await login.BodyAsync());
    }

    [DbFact]
    public async Task Login_form_signs_in_and_the_list_page_shows_the_users_documents()
    {
        await App.StoreAsync(ZltUnit, JixiaoFactory.Table("登录测试资金", 2023, ZltUnit));
        var (client, response) = await App.LoginAsync("zlt-sbzx-tianbao", JixiaoFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/documents", response.Headers.Location!.ToString());
        var page = await client.GetAsync("/documents");
        page.ShouldBe(HttpStatusCode.OK);
        var html = await page.BodyAsync();
        Assert.True(html.Contains("登录测试资金"), html);
        Assert.Contains("文档列表", html);
        // the cookie also works for the API
        var api = await client.GetAsync("/api/v1/documents");
        api.ShouldBe(HttpStatusCode.OK);
    }

    [DbFact]
    public async Task Wrong_passwords_lock_the_account()
    {
        var (_, r) = await App.LoginAsync("fy-rsj-shenhe", "wrong-password-1");
        Assert.Contains("error=invalid", r.Headers.Location!.ToString());
        await App.LoginAsync("fy-rsj-shenhe", "wrong-password-2");
        await App.LoginAsync("fy-rsj-shenhe", "wrong-password-3");
        var (_, locked) = await App.LoginAsync("fy-rsj-shenhe", JixiaoFactory.Password);
        Assert.Contains("error=locked", locked.Headers.Location!.ToString());
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "login-failed"));
    }

    [DbFact]
    public async Task Api_keys_work_as_bearer_and_header_and_stop_working_when_revoked()
    {
        var bearer = await App.ApiClientAsync("zlt-czj-caizheng", bearer: true);
        (await bearer.GetAsync("/api/v1/documents")).ShouldBe(HttpStatusCode.OK);
        var header = await App.ApiClientAsync("zlt-czj-caizheng");
        (await header.GetAsync("/api/v1/documents")).ShouldBe(HttpStatusCode.OK);
        var bad = App.CreateClient();
        bad.DefaultRequestHeaders.Add("X-Api-Key", "jx_not-a-key");
        (await bad.GetAsync("/api/v1/documents")).ShouldBe(HttpStatusCode.Unauthorized);

        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
        foreach (var k in db.ApiKeys) k.RevokedAt = DateTime.UtcNow;
        await db.SaveChangesAsync();
        (await header.GetAsync("/api/v1/documents")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    // ---------- scoping ----------

    [DbFact]
    public async Task Each_role_sees_exactly_its_scope_and_other_organisations_get_404()
    {
        var id = await App.StoreAsync(ZltUnit, JixiaoFactory.Table("范围测试资金", 2023, ZltUnit));
        var url = $"/api/v1/documents/{id}";
        var expectations = new Dictionary<string, HttpStatusCode>
        {
            ["zlt-sbzx-tianbao"] = HttpStatusCode.OK,        // own unit
            ["zlt-jyzx-tianbao"] = HttpStatusCode.NotFound,  // sibling unit
            ["zlt-rsj-shenhe"] = HttpStatusCode.OK,          // parent department
            ["zlt-czj-caizheng"] = HttpStatusCode.OK,        // finance bureau of the county
            ["nmg-czt-caizheng"] = HttpStatusCode.OK,        // finance department of the province
            ["hhht-czj-caizheng"] = HttpStatusCode.NotFound, // another city
            ["hhht-rsj-shenhe"] = HttpStatusCode.NotFound,   // another department
            ["fy-sbzx-tianbao"] = HttpStatusCode.NotFound,   // another province
            ["admin"] = HttpStatusCode.OK,
        };
        foreach (var (user, expected) in expectations)
        {
            var client = await App.ApiClientAsync(user);
            foreach (var path in new[] { url, url + "/findings", url + "/export?format=json" })
            {
                var r = await client.GetAsync(path);
                Assert.True(r.StatusCode == expected, $"{user} GET {path}: 期望 {expected}，实际 {r.StatusCode}");
            }
            var list = await client.GetFromJsonAsync<JsonObject>("/api/v1/documents?q=范围测试资金");
            Assert.True(((int)list!["total"]! == 1) == (expected == HttpStatusCode.OK), $"{user} 的列表范围不对");
        }
    }

    [DbFact]
    public async Task Writing_another_organisations_document_is_404_and_a_reviewer_gets_403()
    {
        var id = await App.StoreAsync(ZltUnit, JixiaoFactory.Table("写入范围测试", 2023, ZltUnit));
        var body = new { revision = 1, content = JsonNode.Parse(CanonicalJson.Serialize<Jixiao.Core.Model.Document>(JixiaoFactory.Table("写入范围测试", 2023, ZltUnit))) };
        var sibling = await App.ApiClientAsync("zlt-jyzx-tianbao");
        (await sibling.PutAsJsonAsync($"/api/v1/documents/{id}", body)).ShouldBe(HttpStatusCode.NotFound);
        var reviewer = await App.ApiClientAsync("zlt-rsj-shenhe");
        var r = await reviewer.PutAsJsonAsync($"/api/v1/documents/{id}", body);
        r.ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal("没有权限", (string?)JsonNode.Parse(await r.BodyAsync())!["title"]);
        // importing into another organisation
        var content = new MultipartFormDataContent
        {
            { new ByteArrayContent("x"u8.ToArray()), "file", "a.txt" },
            { new StringContent((await App.OrganisationIdAsync(FyUnit)).ToString(System.Globalization.CultureInfo.InvariantCulture)), "organisationId" },
        };
        (await sibling.PostAsync("/api/v1/imports", content)).ShouldBe(HttpStatusCode.NotFound);
    }

    // ---------- list and filters ----------

    [DbFact]
    public async Task List_filters_by_year_region_unit_kind_status_and_errors_with_counts()
    {
        await App.StoreAsync(FyUnit, JixiaoFactory.Table("筛选资金甲", 2021, FyUnit), DocumentStatus.Draft, errors: 2);
        await App.StoreAsync(FyUnit, JixiaoFactory.Table("筛选资金乙", 2022, FyUnit), DocumentStatus.Approved);
        await App.StoreAsync(ZltSibling, JixiaoFactory.Table("筛选资金丙", 2022, ZltSibling), DocumentStatus.Draft, errors: 1);
        var admin = await App.ApiClientAsync("admin");

        async Task<JsonObject> List(string query) => (await admin.GetFromJsonAsync<JsonObject>("/api/v1/documents?q=筛选资金&" + query))!;

        Assert.Equal(3, (int)(await List(""))["total"]!);
        Assert.Equal(2, (int)(await List("year=2022"))["total"]!);
        Assert.Equal(2, (int)(await List("hasErrors=true"))["total"]!);
        Assert.Equal(3, (int)(await List("hasErrors=true"))["errors"]!);
        Assert.Equal(1, (int)(await List("status=approved"))["total"]!);
        Assert.Equal(3, (int)(await List("kind=transfer-self-evaluation"))["total"]!);
        Assert.Equal(0, (int)(await List("kind=final-accounts"))["total"]!);
        Assert.Equal(2, (int)(await List("unit=汾阳"))["total"]!);

        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
            var shanxi = await db.Regions.SingleAsync(r => r.Name == "山西省");
            var hulunbuir = await db.Regions.SingleAsync(r => r.Name == "呼伦贝尔市");
            Assert.Equal(2, (int)(await List($"region={shanxi.Id}"))["total"]!);
            Assert.Equal(1, (int)(await List($"region={hulunbuir.Id}"))["total"]!);
        }
        var byStatus = (await List(""))["byStatus"]!.AsObject();
        Assert.Equal(2, (int)byStatus["draft"]!);
        Assert.Equal(1, (int)byStatus["approved"]!);

        (await admin.GetAsync("/api/v1/documents?kind=nonsense")).ShouldBe(HttpStatusCode.BadRequest);

        // the list page shows the same filters and counts
        var (web, _) = await App.LoginAsync("admin", JixiaoFactory.Password);
        var html = await web.GetStringAsync("/documents?q=筛选资金&year=2022");
        Assert.Contains("筛选资金乙", html);
        Assert.DoesNotContain("筛选资金甲", html);
        Assert.Contains("data-testid=\"count-total\">2<", html);
    }

    [DbFact]
    public async Task List_pages_in_one_order_without_gaps_and_its_totals_follow_every_write()
    {
        // Titles in an order unlike their insertion order, two years, two organisations.
        var stored = new List<Guid>();
        foreach (var (fund, year, unit) in new[] { ("翻页资金戊", 2023, FyUnit), ("翻页资金甲", 2024, ZltSibling), ("翻页资金丁", 2024, FyUnit), ("翻页资金乙", 2023, ZltSibling), ("翻页资金丙", 2024, FyUnit), ("翻页资金己", 2024, ZltSibling), ("翻页资金庚", 2023, FyUnit) })
            stored.Add(await App.StoreAsync(unit, JixiaoFactory.Table(fund, year, unit), DocumentStatus.Draft, errors: year == 2024 ? 1 : 0));
        var admin = await App.ApiClientAsync("admin");
        async Task<JsonObject> List(string query) => (await admin.GetFromJsonAsync<JsonObject>("/api/v1/documents?q=翻页资金&" + query))!;

        var seen = new List<JsonNode>();
        for (var page = 1; page <= 3; page++)
        {
            var body = await List($"pageSize=3&page={page}");
            Assert.Equal(7, (int)body["total"]!);
            seen.AddRange(body["items"]!.AsArray().Select(i => i!));
        }
        Assert.Equal(stored.Order(), seen.Select(i => Guid.Parse((string)i["id"]!)).Order());
        // year newest first, then organisation, then title
        var keys = seen.Select(i => ((int)i["year"]!, (int)i["organisationId"]!, (string)i["title"]!)).ToList();
        var expected = keys.OrderByDescending(k => k.Item1).ThenBy(k => k.Item2).ThenBy(k => k.Item3, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, keys);
        Assert.All(seen, i => Assert.Null(i["content"]));
        Assert.Empty((await List("pageSize=3&page=4"))["items"]!.AsArray());
        Assert.Equal(4, (int)(await List(""))["withErrors"]!);

        // A new document, a status change and an edit made through the services show at once in the totals.
        await App.StoreAsync(FyUnit, JixiaoFactory.Table("翻页资金辛", 2022, FyUnit), DocumentStatus.Draft, errors: 3);
        var after = await List("");
        Assert.Equal(8, (int)after["total"]!);
        Assert.Equal(5, (int)after["withErrors"]!);
        Assert.Equal(7, (int)after["errors"]!);
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
            var doc = await db.Documents.SingleAsync(d => d.Id == stored[0]);
            doc.Status = DocumentStatus.Approved;
            await db.SaveChangesAsync();
        }
        Assert.Equal(1, (int)(await List(""))["byStatus"]!["approved"]!);
        Assert.Equal(1, (int)(await List("status=approved"))["total"]!);

        // Totals are per scope: the same query by a unit's filler counts only its own organisation's documents.
        var filler = await App.ApiClientAsync("fy-sbzx-tianbao");
        var own = (await filler.GetFromJsonAsync<JsonObject>("/api/v1/documents?q=翻页资金"))!;
        Assert.Equal(5, (int)own["total"]!);
        Assert.Equal(8, (int)(await List(""))["total"]!);
    }

    // ---------- concurrency ----------

    [DbFact]
    public async Task Put_with_a_stale_revision_gets_409_with_the_submitted_content_echoed()
    {
        var id = await App.StoreAsync(ZltUnit, JixiaoFactory.Table("并发测试资金", 2023, ZltUnit));
        var client = await App.ApiClientAsync("zlt-sbzx-tianbao");
        var got = await client.GetAsync($"/api/v1/documents/{id}");
        got.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("\"1\"", got.Headers.ETag!.Tag);

        // Someone else saves revision 2 meanwhile (written directly so the test needs no engine).
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
            var doc = await db.Documents.SingleAsync(d => d.Id == id);
            doc.Revision = 2;
            doc.UpdatedBy = "zlt-sbzx-tianbao";
            await db.SaveChangesAsync();
        }

        var mine = JixiaoFactory.Table("并发测试资金（我的修改）", 2023, ZltUnit);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/documents/{id}")
        {
            Content = JsonContent.Create(new { content = JsonNode.Parse(CanonicalJson.Serialize<Jixiao.Core.Model.Document>(mine)) }),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var r = await client.SendAsync(request);
        r.ShouldBe(HttpStatusCode.Conflict);
        var problem = JsonNode.Parse(await r.BodyAsync())!;
        Assert.Equal("文档已被他人修改", (string?)problem["title"]);
        Assert.Equal(2, (int)problem["currentRevision"]!);
        Assert.Equal("并发测试资金（我的修改）", (string?)problem["submitted"]!["fundName"]);
        Assert.Equal("并发测试资金", (string?)problem["current"]!["fundName"]);

        // body revision works the same way
        var r2 = await client.PutAsJsonAsync($"/api/v1/documents/{id}", new { revision = 1, content = JsonNode.Parse(CanonicalJson.Serialize<Jixiao.Core.Model.Document>(mine)) });
        r2.ShouldBe(HttpStatusCode.Conflict);
        // no token at all: 428
        var r3 = await client.PutAsJsonAsync($"/api/v1/documents/{id}", new { content = JsonNode.Parse(CanonicalJson.Serialize<Jixiao.Core.Model.Document>(mine)) });
        r3.ShouldBe(HttpStatusCode.PreconditionRequired);

        using var check = App.Services.CreateScope();
        var stored = await check.ServiceProvider.GetRequiredService<JixiaoDb>().Documents.SingleAsync(d => d.Id == id);
        Assert.Equal("并发测试资金", stored.FundName);
    }

    /// <summary>Waits on the check engine (Engine.Check): a successful PUT re-checks the new version.</summary>
    [DbFact]
    public async Task Put_with_the_current_revision_saves_a_new_version_and_audits_the_change()
    {
        var id = await App.StoreAsync(ZltUnit, JixiaoFactory.Table("保存测试资金", 2023, ZltUnit));
        var client = await App.ApiClientAsync("zlt-sbzx-tianbao");
        var edited = JixiaoFactory.Table("保存测试资金", 2023, ZltUnit, a: 200m, b: 150m);
        var r = await client.PutAsJsonAsync($"/api/v1/documents/{id}", new { revision = 1, content = JsonNode.Parse(CanonicalJson.Serialize<Jixiao.Core.Model.Document>(edited)) });
        r.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("\"2\"", r.Headers.ETag!.Tag);
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
        Assert.Equal(2, await db.DocumentVersions.CountAsync(v => v.DocumentId == id));
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "update" && a.EntityId == id.ToString());
        Assert.Contains("beforeHash", audit.DetailsJson);
        Assert.Contains("$.funds[0].budget", audit.DetailsJson);
    }

    // ---------- export and audit ----------

    [DbFact]
    public async Task Export_json_is_canonical_and_every_download_is_audited()
    {
        var table = JixiaoFactory.Table("导出测试资金", 2023, ZltUnit);
        var id = await App.StoreAsync(ZltUnit, table);
        var client = await App.ApiClientAsync("zlt-rsj-shenhe");
        var r = await client.GetAsync($"/api/v1/documents/{id}/export?format=json");
        r.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/json", r.Content.Headers.ContentType!.MediaType);
        Assert.Contains(".json", r.Content.Headers.ContentDisposition!.FileNameStar ?? r.Content.Headers.ContentDisposition.FileName);
        var envelope = CanonicalJson.DeserializeDocuments(await r.BodyAsync());
        var doc = Assert.IsType<Jixiao.Core.Model.TransferSelfEvaluation>(Assert.Single(envelope.Documents));
        Assert.Equal("导出测试资金", doc.FundName);
        Assert.Equal(96.21m, doc.Funds[0].Execution.Value);

        (await client.GetAsync($"/api/v1/documents/{id}/export?format=odt")).ShouldBe(HttpStatusCode.BadRequest);

        using var scope = App.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<JixiaoDb>();
        var entry = await db.AuditEntries.Where(a => a.Action == "download" && a.EntityId == id.ToString()).SingleAsync();
        Assert.Equal("zlt-rsj-shenhe", entry.UserName);
        Assert.Contains("\"format\":\"json\"", entry.DetailsJson);
        Assert.Null(await sp.GetRequiredService<AuditLog>().VerifyAsync());
    }

    [DbFact]
    public async Task The_audit_chain_detects_a_changed_entry()
    {
        var client = await App.ApiClientAsync("admin");
        var id = await App.StoreAsync(FyUnit, JixiaoFactory.Table("审计测试资金", 2023, FyUnit));
        (await client.GetAsync($"/api/v1/documents/{id}/export?format=json")).ShouldBe(HttpStatusCode.OK);
        using var scope = App.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<JixiaoDb>();
        Assert.Null(await sp.GetRequiredService<AuditLog>().VerifyAsync());
        var entry = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).FirstAsync();
        const string Update = "UPDATE audit_log SET \"DetailsJson\" = {0} WHERE \"Id\" = {1}";
        await JixiaoFactory.TamperWithAuditLogAsync(db, Update, "{\"tampered\":true}", entry.Id);
        Assert.Equal(entry.Id, await sp.GetRequiredService<AuditLog>().VerifyAsync());
        await JixiaoFactory.TamperWithAuditLogAsync(db, Update, entry.DetailsJson, entry.Id);
        Assert.Null(await sp.GetRequiredService<AuditLog>().VerifyAsync());
    }

    // ---------- import ----------

    /// <summary>Waits on the readers (DocumentReaders.Read) and the check engine (Engine.Check).</summary>
    [DbFact]
    public async Task Importing_a_seed_file_returns_201_with_documents_and_findings_and_is_audited()
    {
        var client = await App.ApiClientAsync("zlt-sbzx-tianbao");
        var result = await client.ImportSeedAsync("001_9e81b93be66c6a64.txt");
        var documents = result["documents"]!.AsArray();
        Assert.True(documents.Count >= 3, "001 有三张自评表和一份报告");
        Assert.Contains(documents, d => (string?)d!["document"]!["kind"] == "transfer-self-evaluation");
        Assert.True(documents.Sum(d => d!["findings"]!.AsArray().Count) > 0, "001 的表格有错误（万元表头下的元金额、#DIV/0!），必须有检查结果");
        Assert.Contains(documents.SelectMany(d => d!["findings"]!.AsArray()), f => (string?)f!["severity"] == "error");

        var first = (string)documents[0]!["document"]!["id"]!;
        var findings = await client.GetFromJsonAsync<JsonArray>($"/api/v1/documents/{first}/findings");
        Assert.Equal(documents[0]!["findings"]!.AsArray().Count, findings!.Count);

        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "import" && a.UserName == "zlt-sbzx-tianbao"));
        Assert.True(await db.Imports.AnyAsync(i => i.FileName == "001_9e81b93be66c6a64.txt"));
    }

    [DbFact]
    public async Task An_edited_table_is_checked_beside_the_report_it_was_imported_with()
    {
        // Seed 001: a 万元 heading over amounts in 元, confirmed by the report's 万元 figures — an error at import.
        var client = await App.ApiClientAsync("zlt-sbzx-tianbao");
        var imported = (await client.ImportSeedAsync("001_9e81b93be66c6a64.txt"))["documents"]!.AsArray()
            .First(d => (string?)d!["document"]!["kind"] == "transfer-self-evaluation" && d["findings"]!.AsArray().Any(f => (string?)f!["rule"] == "SE-FUND-UNIT"))!;
        Assert.Equal("error", (string?)imported["findings"]!.AsArray().First(f => (string?)f!["rule"] == "SE-FUND-UNIT")!["severity"]);
        var id = (string)imported["document"]!["id"]!;

        // An edit of something else (the 说明) keeps the report beside the table: still an error, not a mere warning.
        var current = JsonNode.Parse(await client.GetStringAsync($"/api/v1/documents/{id}"))!;
        var content = current["content"]!.DeepClone();
        content["remarks"] = "无";
        var body = new JsonObject { ["revision"] = (int)current["revision"]!, ["content"] = content };
        (await client.PutAsync($"/api/v1/documents/{id}", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).ShouldBe(HttpStatusCode.OK);
        var findings = await client.GetFromJsonAsync<JsonArray>($"/api/v1/documents/{id}/findings");
        Assert.Equal("error", (string?)findings!.First(f => (string?)f!["rule"] == "SE-FUND-UNIT")!["severity"]);
    }

    [DbFact]
    public async Task An_unreadable_upload_gets_422_in_chinese_and_writes_nothing()
    {
        var client = await App.ApiClientAsync("fy-sbzx-tianbao");
        using var garbage = new MultipartFormDataContent { { new ByteArrayContent([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x13, 0x37]), "file", "损坏的表格.xlsx" } };
        var r = await client.PostAsync("/api/v1/imports", garbage);
        r.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = JsonNode.Parse(await r.BodyAsync())!;
        Assert.Equal("无法读取文件", (string?)problem["title"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));

        using var wrongType = new MultipartFormDataContent { { new ByteArrayContent("MZ"u8.ToArray()), "file", "程序.exe" } };
        var r2 = await client.PostAsync("/api/v1/imports", wrongType);
        r2.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("不支持的文件类型", await r2.BodyAsync());

        using var empty = new MultipartFormDataContent();
        empty.Add(new StringContent("1"), "organisationId");
        (await client.PostAsync("/api/v1/imports", empty)).ShouldBe(HttpStatusCode.BadRequest);

        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
        var orgId = await App.OrganisationIdAsync(FyUnit);
        Assert.False(await db.Imports.AnyAsync(i => i.OrganisationId == orgId && i.FileName == "损坏的表格.xlsx"));
    }

    // ---------- the rest of the surface ----------

    [DbFact]
    public async Task OpenApi_document_and_reference_page_are_served()
    {
        var client = App.CreateClient();
        var json = await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        var paths = json!["paths"]!.AsObject();
        foreach (var p in new[] { "/api/v1/documents", "/api/v1/documents/{id}", "/api/v1/documents/{id}/findings", "/api/v1/documents/{id}/export", "/api/v1/imports" })
            Assert.True(paths.ContainsKey(p), $"OpenAPI 缺少 {p}");
        (await client.GetAsync("/scalar/v1")).ShouldBe(HttpStatusCode.OK);
    }

    [DbFact]
    public async Task Responses_carry_security_headers()
    {
        var r = await App.CreateClient().GetAsync("/login");
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", r.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", r.Headers.GetValues("Content-Security-Policy").Single());
    }

    [DbFact]
    public async Task Demo_organisations_and_users_exist_with_roles()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
        var fenyang = await db.Organisations.Include(o => o.Region).ThenInclude(r => r!.Parent).ThenInclude(r => r!.Parent).SingleAsync(o => o.Name == FyUnit);
        Assert.Equal("汾阳市", fenyang.Region!.Name);
        Assert.Equal(RegionLevel.County, fenyang.Region.Level);
        Assert.Equal("吕梁市", fenyang.Region.Parent!.Name);
        Assert.Equal("山西省", fenyang.Region.Parent.Parent!.Name);
        var zlt = await db.Organisations.Include(o => o.Parent).SingleAsync(o => o.Name == ZltUnit);
        Assert.Equal("扎兰屯市人力资源和社会保障局", zlt.Parent!.Name);
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByNameAsync("admin"))!, Roles.Admin));
        Assert.True(await users.IsInRoleAsync((await users.FindByNameAsync("zlt-rsj-shenhe"))!, Roles.Reviewer));
    }

    [DbFact]
    public async Task Pages_render_for_a_logged_in_user()
    {
        var id = await App.StoreAsync(ZltUnit, JixiaoFactory.Table("页面测试资金", 2023, ZltUnit));
        var (client, _) = await App.LoginAsync("zlt-sbzx-tianbao", JixiaoFactory.Password);
        var response = await client.GetAsync($"/documents/{id}");
        response.ShouldBe(HttpStatusCode.OK); // on failure, shows what the server answered
        var view = await response.BodyAsync();
        Assert.Contains("页面测试资金", view);
        Assert.Contains("资金投入情况", view);
        Assert.Contains("96.21%", view); // the system's own B/A beside the stated rate
        foreach (var page in new[] { "/import", "/new", "/settings", $"/documents/{id}/edit" })
            (await client.GetAsync(page)).ShouldBe(HttpStatusCode.OK);
        var other = await App.StoreAsync(FyUnit, JixiaoFactory.Table("别人的资金", 2023, FyUnit));
        var hidden = await client.GetStringAsync($"/documents/{other}");
        Assert.DoesNotContain("别人的资金", hidden);
        Assert.Contains("未找到", hidden);
    }
}

public sealed class SqliteWebTests(SqliteFactory app) : WebTests<SqliteFactory>(app), IClassFixture<SqliteFactory>;

public sealed class PostgresWebTests(PostgresFactory app) : WebTests<PostgresFactory>(app), IClassFixture<PostgresFactory>;

/// <summary>
/// Every endpoint of the app's route table needs an authenticated user unless it is on the short list of
/// public ones; a new endpoint without a policy fails here (issue 8 §1 builds the full role matrix on this).
/// </summary>
public sealed partial class RouteTableTests(SqliteFactory app) : IClassFixture<SqliteFactory>
{
    private static readonly string[] Public =
    [
        "/login", "/account/login", "/Error", "/not-found", "/health", "/openapi/{documentName}.json", "/scalar/{documentName?}", "/scalar/{**rest}",
        // The public site (issue 6 §7): published documents only, read-only.
        "/public", "/public/{Slug}", "/public/{slug}/download",
    ];

    [Fact]
    public async Task Every_endpoint_requires_authentication_unless_it_is_meant_to_be_public()
    {
        _ = app.CreateClient();
        var sources = app.Services.GetServices<Microsoft.AspNetCore.Routing.EndpointDataSource>();
        var endpoints = sources.SelectMany(s => s.Endpoints).OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var anonymous = new List<string>();
        foreach (var e in endpoints)
        {
            var route = "/" + e.RoutePattern.RawText?.TrimStart('/');
            if (e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null) continue;
            if (Public.Contains(route) || route.StartsWith("/scalar/", StringComparison.Ordinal) || IsStaticAsset(e, route)) continue;
            anonymous.Add(route);
        }
        Assert.True(anonymous.Count == 0, "这些端点允许匿名访问但不在公开清单中：" + string.Join("、", anonymous.Distinct()));

        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var e in endpoints.Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true))
        {
            var method = e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";
            var url = e.RoutePattern.RawText!.Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            var r = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
            Assert.True(r.StatusCode == HttpStatusCode.Unauthorized, $"匿名 {method} {url} 应为 401，实际 {(int)r.StatusCode}");
        }
    }

    private static bool IsStaticAsset(Microsoft.AspNetCore.Routing.RouteEndpoint e, string route) =>
        e.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal)) || route.StartsWith("/_framework/", StringComparison.Ordinal) || route.StartsWith("/_content/", StringComparison.Ordinal);
}
