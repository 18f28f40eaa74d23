using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Jixiao.Core.Serialization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// The authorization matrix (issue 8 §1): every endpoint and page of the app's own route table, tried by every
/// role against documents in and out of its scope — own unit, sibling unit, parent department, another city of
/// the same province, another province — and anonymously. The expected answers come from the table below (the
/// rules as the organisation states them), not from <c>AccessScopeService</c>, so a scoping bug shows up here.
/// An endpoint the matrix does not know fails the test: whoever adds one says here who may call it.
/// </summary>
public sealed partial class RouteTableTests
{
    private enum Target { Own, Sibling, Parent, OtherCity, OtherProvince }

    private static readonly Dictionary<Target, string> Units = new()
    {
        [Target.Own] = "扎兰屯市社会保险事业服务中心",
        [Target.Sibling] = "扎兰屯市就业服务中心",
        [Target.Parent] = "扎兰屯市人力资源和社会保障局",
        [Target.OtherCity] = "呼和浩特市人力资源和社会保障局",
        [Target.OtherProvince] = "汾阳市社会保险中心",
    };

    /// <param name="Files">Whose returns this actor files and submits (填报 of the unit; not the administrator: 管理员也不能代报).</param>
    /// <param name="Reviews">The units this actor is the 上级审核单位 of (return, approve, forward): a 审核 role the units below its own, a
    /// 财政 role the units of its region under no department; nobody their own unit, the administrator none (docs/workflow.md).</param>
    private sealed record Actor(string Name, string? User, Target[] Sees, Target[] Edits, Target[] Files, Target[] Reviews)
    {
        public override string ToString() => Name;
    }

    private static readonly Target[] All = Enum.GetValues<Target>();

    /// <summary>Who sees and edits what (docs/web.md, 角色和数据范围). "Own" is 扎兰屯市社会保险事业服务中心.</summary>
    private static readonly Actor[] Actors =
    [
        new("匿名", null, [], [], [], []),
        new("填报（本单位）", "zlt-sbzx-tianbao", [Target.Own], [Target.Own], [Target.Own], []),
        new("填报（外省）", "fy-sbzx-tianbao", [Target.OtherProvince], [Target.OtherProvince], [Target.OtherProvince], []),
        new("审核（上级主管部门）", "zlt-rsj-shenhe", [Target.Own, Target.Sibling, Target.Parent], [], [], [Target.Own, Target.Sibling]),
        new("财政（县）", "zlt-czj-caizheng", [Target.Own, Target.Sibling, Target.Parent], [], [], [Target.Parent]),
        new("财政（自治区）", "nmg-czt-caizheng", [Target.Own, Target.Sibling, Target.Parent, Target.OtherCity], [], [], []),
        new("审核（外市）", "hhht-rsj-shenhe", [Target.OtherCity], [], [], []),
        new("管理员", "admin", All, All, [], []),
    ];

    /// <summary>Who may take each workflow step on a document of the target (docs/workflow.md, 谁可以做什么).</summary>
    private static bool MaySubmit(Actor a, Target x) => a.Files.Contains(x);

    private static bool MayReview(Actor a, Target x) => a.Reviews.Contains(x);

    private static bool MayPublish(Actor a, Target x) => a.Edits.Contains(x) || a.Reviews.Contains(x);

    private sealed class World
    {
        public required Dictionary<Target, Guid> Documents { get; init; }
        /// <summary>A second document per target for the workflow transitions.</summary>
        public required Dictionary<Target, Guid> Workflow { get; init; }
        public required Dictionary<Target, int> Organisations { get; init; }
        /// <summary>A declared goal table per target (year 2019, fund "{Marker}目标{target}").</summary>
        public Dictionary<Target, int> Goals { get; } = [];
        public required string Marker { get; init; }
        public Dictionary<string, HttpClient> Api { get; } = [];
        public Dictionary<string, HttpClient> Web { get; } = [];
    }

    /// <summary>How the matrix exercises one endpoint and what it expects: "METHOD route" → check.</summary>
    private static readonly Dictionary<string, Func<RouteTableTests, World, Actor, Target, Task>> Rules = new()
    {
        ["GET /api/v1/documents/"] = (t, w, a, _) => t.ListAsync(w, a),
        ["GET /api/v1/documents/{id:guid}"] = (t, w, a, x) => t.ReadAsync(w, a, x, $"/api/v1/documents/{w.Documents[x]}"),
        ["GET /api/v1/documents/{id:guid}/findings"] = (t, w, a, x) => t.ReadAsync(w, a, x, $"/api/v1/documents/{w.Documents[x]}/findings"),
        ["GET /api/v1/documents/{id:guid}/export"] = (t, w, a, x) => t.ReadAsync(w, a, x, $"/api/v1/documents/{w.Documents[x]}/export?format=json"),
        ["PUT /api/v1/documents/{id:guid}"] = (t, w, a, x) => t.PutAsync(w, a, x),
        ["POST /api/v1/imports"] = (t, w, a, x) => t.ImportAsync(w, a, x),
        ["GET /api/v1/organisations"] = (t, w, a, _) => t.OrganisationsAsync(w, a),
        ["GET /"] = (t, w, a, _) => t.PageAsync(w, a, "/", a.User is null ? null : "文档"),
        ["GET /documents"] = (t, w, a, _) => t.PageAsync(w, a, "/documents", a.User is null ? null : "文档"),
        ["GET /documents/{Id:guid}"] = (t, w, a, x) => t.DocumentPageAsync(w, a, x),
        ["GET /documents/{Id:guid}/edit"] = (t, w, a, x) => t.EditorPageAsync(w, a, x, $"/documents/{w.Documents[x]}/edit"),
        ["GET /edit"] = (t, w, a, x) => t.EditorPageAsync(w, a, x, $"/edit?org={w.Organisations[x]}"),
        ["GET /import"] = (t, w, a, _) => t.PageAsync(w, a, "/import", "导入"),
        ["GET /new"] = (t, w, a, _) => t.PageAsync(w, a, "/new", "新建"),
        ["GET /settings"] = (t, w, a, _) => t.PageAsync(w, a, "/settings", "API 密钥"),
        ["GET /forbidden"] = (t, w, a, _) => t.PageAsync(w, a, "/forbidden", null),
        ["GET /audit"] = (t, w, a, _) => t.AdminPageAsync(w, a, "/audit"),
        ["POST /account/logout"] = (t, w, a, _) => t.LogoutAsync(w, a),
        // Public by design (see Public above); their behaviour is tested elsewhere.
        ["GET /login"] = (_, _, _, _) => Task.CompletedTask,
        ["POST /account/login"] = (_, _, _, _) => Task.CompletedTask,
        ["GET /Error"] = (_, _, _, _) => Task.CompletedTask,
        ["GET /not-found"] = (_, _, _, _) => Task.CompletedTask,
        ["GET /health"] = (t, w, a, _) => t.HealthAsync(w, a),
        // Workflow (issue 6): transitions on a separate set of documents so they do not freeze the ones above.
        // Anonymous 401; out of scope 404 and never the document; in scope without the right for this step 403 whatever
        // the state (the role is checked first); with the right, the answer depends on the state the other rows left
        // the document in (2xx, 409 状态不符, 422) — those transitions themselves are WorkflowTests' business.
        ["POST /api/v1/documents/{id:guid}/submit"] = (t, w, a, x) => t.ScopedAsync(w, a, x, HttpMethod.Post, "/api/v1/documents/{0}/submit", MaySubmit),
        ["POST /api/v1/documents/{id:guid}/return"] = (t, w, a, x) => t.ScopedAsync(w, a, x, HttpMethod.Post, "/api/v1/documents/{0}/return", MayReview),
        ["POST /api/v1/documents/{id:guid}/approve"] = (t, w, a, x) => t.ScopedAsync(w, a, x, HttpMethod.Post, "/api/v1/documents/{0}/approve", MayReview),
        ["POST /api/v1/documents/{id:guid}/forward"] = (t, w, a, x) => t.ScopedAsync(w, a, x, HttpMethod.Post, "/api/v1/documents/{0}/forward", MayReview),
        ["POST /api/v1/documents/{id:guid}/publish"] = (t, w, a, x) => t.ScopedAsync(w, a, x, HttpMethod.Post, "/api/v1/documents/{0}/publish", MayPublish),
        ["POST /api/v1/documents/{id:guid}/unpublish"] = (t, w, a, x) => t.ScopedAsync(w, a, x, HttpMethod.Post, "/api/v1/documents/{0}/unpublish", MayPublish),
        ["GET /api/v1/documents/{id:guid}/versions"] = (t, w, a, x) => t.ReadAsync(w, a, x, $"/api/v1/documents/{w.Documents[x]}/versions"),
        ["GET /api/v1/documents/{id:guid}/workflow"] = (t, w, a, x) => t.ReadAsync(w, a, x, $"/api/v1/documents/{w.Documents[x]}/workflow"),
        // Goals (绩效目标表): read as the documents are; declared, imported and started only by the unit's filler (and admin).
        ["GET /api/v1/goals/"] = (t, w, a, _) => t.GoalListAsync(w, a),
        ["GET /api/v1/goals/{id:int}"] = (t, w, a, x) => t.ReadAsync(w, a, x, $"/api/v1/goals/{w.Goals[x]}"),
        ["POST /api/v1/goals/"] = (t, w, a, x) => t.DeclareGoalAsync(w, a, x),
        ["POST /api/v1/goals/imports"] = (t, w, a, x) => t.ImportGoalAsync(w, a, x),
        ["POST /api/v1/goals/{id:int}/start"] = (t, w, a, x) => t.StartGoalAsync(w, a, x),
        ["GET /api/v1/documents/{id:guid}/adjustments"] = (t, w, a, x) => t.ReadAsync(w, a, x, $"/api/v1/documents/{w.Documents[x]}/adjustments"),
        ["POST /api/v1/monitoring/imports"] = (t, w, a, x) => t.MonitoringImportAsync(w, a, x),
        ["GET /api/v1/documents/{id:guid}/diff"] = (t, w, a, x) => t.ReadAsync(w, a, x, $"/api/v1/documents/{w.Documents[x]}/diff?from=1&to=1"),
        // Scoped summaries: anonymous 401; signed in, never another scope's document title, never 5xx.
        ["GET /api/v1/aggregations"] = (t, w, a, _) => t.SummaryAsync(w, a, "/api/v1/aggregations?year=2023"),
        ["GET /api/v1/dashboard"] = (t, w, a, _) => t.SummaryAsync(w, a, "/api/v1/dashboard?year=2023"),
        ["GET /api/v1/results-use"] = (t, w, a, _) => t.SummaryAsync(w, a, "/api/v1/results-use?year=2023"),
        ["GET /api/v1/tasks"] = (t, w, a, _) => t.SummaryAsync(w, a, "/api/v1/tasks"),
        ["POST /api/v1/tasks"] = (t, w, a, _) => t.SummaryAsync(w, a, "/api/v1/tasks", HttpMethod.Post),
        ["GET /api/v1/monitoring"] = (t, w, a, _) => t.SummaryAsync(w, a, "/api/v1/monitoring?year=2023"),
        ["POST /api/v1/monitoring"] = (t, w, a, _) => t.SummaryAsync(w, a, "/api/v1/monitoring", HttpMethod.Post),
        ["GET /api/v1/publishing/due"] = (t, w, a, _) => t.SummaryAsync(w, a, "/api/v1/publishing/due"),
        ["GET /api/v1/bundles"] = (t, w, a, _) => t.SummaryAsync(w, a, "/api/v1/bundles?year=2023"),
        ["GET /aggregations"] = (t, w, a, _) => t.SummaryAsync(w, a, "/aggregations", page: true),
        ["GET /dashboard"] = (t, w, a, _) => t.SummaryAsync(w, a, "/dashboard", page: true),
        ["GET /publishing"] = (t, w, a, _) => t.SummaryAsync(w, a, "/publishing", page: true),
        ["GET /results"] = (t, w, a, _) => t.SummaryAsync(w, a, "/results", page: true),
        ["GET /tasks"] = (t, w, a, _) => t.SummaryAsync(w, a, "/tasks", page: true),
        ["GET /goals"] = (t, w, a, _) => t.SummaryAsync(w, a, "/goals", page: true),
        // The public site: anyone, but only what was published (nothing of the matrix's drafts).
        ["GET /public"] = (t, w, a, _) => t.PublicAsync(w, a, "/public"),
        ["GET /public/{Slug}"] = (t, w, a, x) => t.PublicAsync(w, a, $"/public/{w.Documents[x]}"),
        ["GET /public/{slug}/download"] = (t, w, a, x) => t.PublicAsync(w, a, $"/public/{w.Documents[x]}/download?format=json"),
        // The static-file fallback of the build's web assets: no file outside wwwroot, nothing for a path that is not a file.
        ["GET /{**path:file}"] = (t, w, a, _) => t.StaticFallbackAsync(w, a, HttpMethod.Get),
        ["HEAD /{**path:file}"] = (t, w, a, _) => t.StaticFallbackAsync(w, a, HttpMethod.Head),
    };

    /// <summary>Rules whose answer does not depend on the target document: tried once per actor.</summary>
    private static readonly HashSet<string> TargetFree =
        ["GET /api/v1/documents/", "GET /api/v1/organisations", "GET /api/v1/goals/", "GET /api/v1/aggregations", "GET /api/v1/dashboard", "GET /api/v1/results-use", "GET /api/v1/tasks", "POST /api/v1/tasks",
         "GET /api/v1/monitoring", "POST /api/v1/monitoring", "GET /api/v1/publishing/due", "GET /api/v1/bundles", "GET /aggregations", "GET /dashboard", "GET /publishing", "GET /results", "GET /tasks", "GET /goals", "GET /public", "GET /{**path:file}", "HEAD /{**path:file}", "GET /", "GET /documents", "GET /import", "GET /new", "GET /settings", "GET /forbidden", "GET /audit", "POST /account/logout", "GET /login", "POST /account/login", "GET /Error", "GET /not-found", "GET /health"];

    [Fact]
    public async Task Every_endpoint_answers_every_role_in_and_out_of_scope_as_the_matrix_says()
    {
        var world = await BuildWorldAsync();
        var unknown = new List<string>();
        var failures = new List<string>();
        var tried = 0;
        foreach (var (key, e) in Endpoints())
        {
            if (!Rules.TryGetValue(key, out var rule))
            {
                unknown.Add(key);
                failures.AddRange(await ProbeUnknownAsync(world, key, e));
                continue;
            }
            foreach (var actor in Actors)
                foreach (var target in TargetFree.Contains(key) ? [Target.Own] : All)
                {
                    tried++;
                    try { await rule(this, world, actor, target); }
                    catch (Exception ex) when (ex is Xunit.Sdk.XunitException or HttpRequestException)
                    {
                        failures.Add($"{key}｜{actor}｜{target}：{ex.Message}");
                    }
                }
        }
        Assert.True(tried > 300, $"只试了 {tried} 种组合");
        Assert.True(failures.Count == 0, "权限矩阵不符：\n" + string.Join("\n", failures.Take(40)));
        Assert.True(unknown.Count == 0, "这些端点没有写进权限矩阵（AuthorizationMatrixTests.Rules），请说明谁可以调用它们：" + string.Join("、", unknown));
    }

    /// <summary>Every routable endpoint, as "METHOD pattern" (pages: GET), without static files and the API reference.</summary>
    private List<(string Key, RouteEndpoint Endpoint)> Endpoints()
    {
        _ = app.CreateClient();
        var list = new List<(string, RouteEndpoint)>();
        foreach (var e in app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var route = "/" + e.RoutePattern.RawText?.TrimStart('/');
            if (IsStaticAsset(e, route) || route.StartsWith("/scalar", StringComparison.Ordinal) || route.StartsWith("/openapi/", StringComparison.Ordinal) || route.StartsWith("/_blazor", StringComparison.Ordinal)) continue;
            var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            // A page takes GET and its forms POST (antiforgery-checked, tested separately).
            var isPage = e.Metadata.Any(m => m.GetType().Name == "ComponentTypeMetadata");
            foreach (var m in isPage ? ["GET"] : methods)
                list.Add(($"{m} {route}", e));
        }
        return list.DistinctBy(x => x.Item1).ToList();
    }

    private async Task<World> BuildWorldAsync()
    {
        var marker = "矩阵" + Guid.NewGuid().ToString("N")[..6];
        var docs = new Dictionary<Target, Guid>();
        var flow = new Dictionary<Target, Guid>();
        var orgs = new Dictionary<Target, int>();
        foreach (var (t, unit) in Units)
        {
            docs[t] = await app.StoreAsync(unit, JixiaoFactory.Table($"{marker}{t}", 2023, unit));
            flow[t] = await app.StoreAsync(unit, JixiaoFactory.Table($"{marker}流程{t}", 2021, unit));
            orgs[t] = await app.OrganisationIdAsync(unit);
        }
        var w = new World { Documents = docs, Workflow = flow, Organisations = orgs, Marker = marker };
        foreach (var a in Actors)
        {
            if (a.User is null)
            {
                w.Api[a.Name] = app.CreateClient(new() { AllowAutoRedirect = false });
                w.Web[a.Name] = app.CreateClient(new() { AllowAutoRedirect = false });
                continue;
            }
            w.Api[a.Name] = await app.ApiClientAsync(a.User);
            var (client, login) = await app.LoginAsync(a.User, JixiaoFactory.Password);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            w.Web[a.Name] = client;
        }
        foreach (var t in All)
        {
            var declared = await w.Api["管理员"].PostAsJsonAsync("/api/v1/goals", GoalBody(w, t, $"{marker}目标{t}"));
            Expect(declared, HttpStatusCode.Created, "申报绩效目标");
            w.Goals[t] = (int)(await declared.Content.ReadFromJsonAsync<JsonArray>())![0]!["id"]!;
        }
        return w;
    }

    private static void Expect(HttpResponseMessage r, HttpStatusCode code, string what)
    {
        if (r.StatusCode != code)
            throw new Xunit.Sdk.XunitException($"{what}：期望 {(int)code}，实际 {(int)r.StatusCode}");
    }

    private async Task ListAsync(World w, Actor a)
    {
        var r = await w.Api[a.Name].GetAsync($"/api/v1/documents?q={Uri.EscapeDataString(w.Marker)}&year=2023&pageSize=500");
        if (a.User is null) { Expect(r, HttpStatusCode.Unauthorized, "列表"); return; }
        Expect(r, HttpStatusCode.OK, "列表");
        var json = JsonNode.Parse(await r.Content.ReadAsStringAsync())!;
        var seen = json["items"]!.AsArray().Select(i => (string)i!["title"]!)
            .Select(title => All.Single(t => title.Contains($"{w.Marker}{t}2023", StringComparison.Ordinal)).ToString()).Order().ToList();
        var expected = a.Sees.Select(t => t.ToString()).Order().ToList();
        if (!seen.SequenceEqual(expected)) throw new Xunit.Sdk.XunitException($"列表：看到 {string.Join(",", seen)}，应为 {string.Join(",", expected)}");
        if ((int)json["total"]! != expected.Count) throw new Xunit.Sdk.XunitException("列表计数泄露了范围外的文档");
    }

    private async Task ReadAsync(World w, Actor a, Target x, string url)
    {
        var r = await w.Api[a.Name].GetAsync(url);
        Expect(r, a.User is null ? HttpStatusCode.Unauthorized : a.Sees.Contains(x) ? HttpStatusCode.OK : HttpStatusCode.NotFound, url);
        if (r.StatusCode == HttpStatusCode.NotFound && (await r.Content.ReadAsStringAsync()).Contains(w.Marker, StringComparison.Ordinal))
            throw new Xunit.Sdk.XunitException("404 的回答里出现了文档内容");
    }

    private async Task PutAsync(World w, Actor a, Target x)
    {
        var id = w.Documents[x];
        var admin = w.Api["管理员"];
        var current = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/documents/{id}"))!;
        var body = new JsonObject { ["revision"] = (int)current["revision"]!, ["content"] = current["content"]!.DeepClone() };
        var r = await w.Api[a.Name].PutAsync($"/api/v1/documents/{id}", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var expected = a.User is null ? HttpStatusCode.Unauthorized
            : a.Edits.Contains(x) ? HttpStatusCode.OK
            : a.Sees.Contains(x) ? HttpStatusCode.Forbidden
            : HttpStatusCode.NotFound;
        Expect(r, expected, "PUT");
    }

    private async Task ImportAsync(World w, Actor a, Target x)
    {
        var table = JixiaoFactory.Table($"{w.Marker}导入{x}", 2022, Units[x]);
        var json = CanonicalJson.SerializeDocuments([table]);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "file", "矩阵.json" },
            { new StringContent(w.Organisations[x].ToString(System.Globalization.CultureInfo.InvariantCulture)), "organisationId" },
        };
        var r = await w.Api[a.Name].PostAsync("/api/v1/imports", form);
        var expected = a.User is null ? HttpStatusCode.Unauthorized
            : a.Edits.Contains(x) ? HttpStatusCode.Created
            : a.Sees.Contains(x) ? HttpStatusCode.Forbidden
            : HttpStatusCode.NotFound;
        Expect(r, expected, "导入");
    }

    /// <summary>Which targets' execution figures each reviewer may record (the reviewer above; docs/workflow.md §1).</summary>
    private static readonly Dictionary<string, Target[]> Reviews = new()
    {
        ["审核（上级主管部门）"] = [Target.Own, Target.Sibling],
        ["财政（县）"] = [Target.Parent],
    };

    private static object GoalBody(World w, Target x, string fund) => new
    {
        organisationId = w.Organisations[x],
        year = 2019,
        fundName = fund,
        overallGoal = "矩阵测试目标",
        budget = 100m,
        indicators = new[] { new { level1 = "产出指标", level2 = "数量指标", name = "矩阵测试人数", target = "≥10人" } },
    };

    private static HttpStatusCode ByEditing(Actor a, Target x, HttpStatusCode ok) =>
        a.User is null ? HttpStatusCode.Unauthorized : a.Edits.Contains(x) ? ok : a.Sees.Contains(x) ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;

    private async Task GoalListAsync(World w, Actor a)
    {
        var r = await w.Api[a.Name].GetAsync("/api/v1/goals?year=2019");
        if (a.User is null) { Expect(r, HttpStatusCode.Unauthorized, "目标列表"); return; }
        Expect(r, HttpStatusCode.OK, "目标列表");
        var funds = (await r.Content.ReadFromJsonAsync<JsonArray>())!.Select(g => (string)g!["fundName"]!).ToHashSet();
        foreach (var t in All)
            if (funds.Contains($"{w.Marker}目标{t}") != a.Sees.Contains(t))
                throw new Xunit.Sdk.XunitException($"目标列表：{t} {(a.Sees.Contains(t) ? "应出现" : "不应出现")}");
    }

    private async Task DeclareGoalAsync(World w, Actor a, Target x)
    {
        var r = await w.Api[a.Name].PostAsJsonAsync("/api/v1/goals", GoalBody(w, x, $"{w.Marker}申报{x}"));
        Expect(r, ByEditing(a, x, HttpStatusCode.Created), "申报绩效目标");
    }

    private async Task ImportGoalAsync(World w, Actor a, Target x)
    {
        var goal = JixiaoFactory.Table($"{w.Marker}导入目标{x}", 2019, Units[x]);
        foreach (var f in goal.Funds) { f.Execution = Core.Model.Figure.Blank(); f.Rate = Core.Model.Figure.Blank(); }
        goal.Indicators.Add(new Core.Model.IndicatorRow { Level1Label = "产出指标", Level2Label = "数量指标", Name = "矩阵测试人数", Target = "≥10人" });
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(CanonicalJson.SerializeDocuments([goal]))), "file", "目标.json" },
            { new StringContent(w.Organisations[x].ToString(System.Globalization.CultureInfo.InvariantCulture)), "organisationId" },
        };
        var r = await w.Api[a.Name].PostAsync("/api/v1/goals/imports", form);
        Expect(r, ByEditing(a, x, HttpStatusCode.Created), "导入绩效目标");
    }

    private async Task StartGoalAsync(World w, Actor a, Target x)
    {
        var r = await w.Api[a.Name].PostAsync($"/api/v1/goals/{w.Goals[x]}/start", null);
        var expected = ByEditing(a, x, HttpStatusCode.Created);
        // Once started (by the filler or the admin, whoever came first), starting again is a conflict.
        if (expected == HttpStatusCode.Created && r.StatusCode == HttpStatusCode.Conflict) return;
        Expect(r, expected, "从绩效目标表新建");
    }

    private async Task MonitoringImportAsync(World w, Actor a, Target x)
    {
        var csv = $"单位,资金名称,月份,预算数（万元）,累计执行数（万元）\n{Units[x]},{w.Marker}监控,6,100,50\n";
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "监控.csv" },
            { new StringContent("2019"), "year" },
        };
        var r = await w.Api[a.Name].PostAsync("/api/v1/monitoring/imports", form);
        var may = a.Edits.Contains(x) || Reviews.GetValueOrDefault(a.Name, []).Contains(x);
        Expect(r, a.User is null ? HttpStatusCode.Unauthorized : may ? HttpStatusCode.OK : HttpStatusCode.UnprocessableEntity, "导入月度执行数");
        if (!a.Sees.Contains(x) && (await r.Content.ReadAsStringAsync()).Contains(w.Marker + "目标", StringComparison.Ordinal))
            throw new Xunit.Sdk.XunitException("导入月度执行数：回答泄露了范围外的内容");
    }

    private async Task OrganisationsAsync(World w, Actor a)
    {
        var r = await w.Api[a.Name].GetAsync("/api/v1/organisations");
        if (a.User is null) { Expect(r, HttpStatusCode.Unauthorized, "单位"); return; }
        Expect(r, HttpStatusCode.OK, "单位");
        var ids = (await r.Content.ReadFromJsonAsync<JsonArray>())!.Select(o => (int)o!["id"]!).ToHashSet();
        foreach (var t in All)
            if (ids.Contains(w.Organisations[t]) != a.Sees.Contains(t))
                throw new Xunit.Sdk.XunitException($"单位列表：{t} {(ids.Contains(w.Organisations[t]) ? "不应出现" : "应出现")}");
    }

    private async Task PageAsync(World w, Actor a, string url, string? mustContain)
    {
        var r = await w.Web[a.Name].GetAsync(url);
        if (a.User is null)
        {
            Expect(r, HttpStatusCode.Redirect, url);
            if (r.Headers.Location?.ToString().Contains("/login", StringComparison.Ordinal) != true) throw new Xunit.Sdk.XunitException($"{url}：匿名应跳转到登录页");
            return;
        }
        Expect(r, HttpStatusCode.OK, url);
        if (mustContain is not null && !(await r.Content.ReadAsStringAsync()).Contains(mustContain, StringComparison.Ordinal))
            throw new Xunit.Sdk.XunitException($"{url}：页面没有“{mustContain}”");
    }

    private async Task DocumentPageAsync(World w, Actor a, Target x)
    {
        var url = $"/documents/{w.Documents[x]}";
        if (a.User is null) { await PageAsync(w, a, url, null); return; }
        var r = await w.Web[a.Name].GetAsync(url);
        var html = await r.Content.ReadAsStringAsync();
        var shows = html.Contains($"{w.Marker}{x}", StringComparison.Ordinal);
        if (shows != a.Sees.Contains(x)) throw new Xunit.Sdk.XunitException($"{url}：{(shows ? "显示了无权查看的文档" : "没有显示应能查看的文档")}");
    }

    private async Task EditorPageAsync(World w, Actor a, Target x, string url)
    {
        if (a.User is null) { await PageAsync(w, a, url, null); return; }
        var r = await w.Web[a.Name].GetAsync(url);
        Expect(r, HttpStatusCode.OK, url);
        var html = await r.Content.ReadAsStringAsync();
        var editor = html.Contains("data-testid=\"editor-bar\"", StringComparison.Ordinal);
        if (editor != a.Edits.Contains(x)) throw new Xunit.Sdk.XunitException($"{url}：{(editor ? "打开了无权修改的编辑器" : "应能打开编辑器")}");
        if (!a.Sees.Contains(x) && html.Contains($"{w.Marker}{x}", StringComparison.Ordinal)) throw new Xunit.Sdk.XunitException($"{url}：泄露了文档标题");
    }

    private async Task AdminPageAsync(World w, Actor a, string url)
    {
        var r = await w.Web[a.Name].GetAsync(url);
        if (a.User is null) { await PageAsync(w, a, url, null); return; }
        var html = await r.Content.ReadAsStringAsync();
        var isAdmin = a.User == "admin";
        if (isAdmin) { Expect(r, HttpStatusCode.OK, url); return; }
        var denied = r.StatusCode is HttpStatusCode.Forbidden || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.ToString().Contains("forbidden", StringComparison.OrdinalIgnoreCase) == true)
            || html.Contains("没有访问此页面的权限", StringComparison.Ordinal);
        if (!denied || html.Contains("哈希链", StringComparison.Ordinal)) throw new Xunit.Sdk.XunitException($"{url}：非管理员不应看到审计日志（{(int)r.StatusCode}）");
    }

    private async Task LogoutAsync(World w, Actor a)
    {
        // Logging out ends the cookie session: done last for each actor would break later checks, so a fresh client is used.
        if (a.User is null)
        {
            var anon = await w.Web[a.Name].PostAsync("/account/logout", null);
            if (anon.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest))
                throw new Xunit.Sdk.XunitException($"匿名退出：{(int)anon.StatusCode}");
            return;
        }
        var (client, _) = await app.LoginAsync(a.User, JixiaoFactory.Password);
        var r = await client.PostAsync("/account/logout", null);
        if (r.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.BadRequest)) throw new Xunit.Sdk.XunitException($"退出：{(int)r.StatusCode}");
    }

    private async Task HealthAsync(World w, Actor a)
    {
        var r = await w.Api[a.Name].GetAsync("/health");
        Expect(r, HttpStatusCode.OK, "/health");
        var body = await r.Content.ReadAsStringAsync();
        if (body.Contains(w.Marker, StringComparison.Ordinal) || body.Contains("Host=", StringComparison.Ordinal)) throw new Xunit.Sdk.XunitException("/health 泄露了内容");
    }

    /// <param name="may">Whether the actor has the right for this step on the target's document (seeing it is not enough).</param>
    private async Task ScopedAsync(World w, Actor a, Target x, HttpMethod method, string template, Func<Actor, Target, bool> may)
    {
        var id = w.Workflow[x];
        var req = new HttpRequestMessage(method, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, id));
        if (method == HttpMethod.Post) req.Content = new StringContent("{\"comment\":\"矩阵测试\",\"reason\":\"矩阵测试\"}", Encoding.UTF8, "application/json");
        var r = await w.Api[a.Name].SendAsync(req);
        var body = await r.Content.ReadAsStringAsync();
        if (a.User is null) { Expect(r, HttpStatusCode.Unauthorized, req.RequestUri!.ToString()); return; }
        if ((int)r.StatusCode >= 500) throw new Xunit.Sdk.XunitException($"{req.RequestUri}：{(int)r.StatusCode}");
        if (!a.Sees.Contains(x))
        {
            Expect(r, HttpStatusCode.NotFound, req.RequestUri!.ToString());
            if (body.Contains(w.Marker, StringComparison.Ordinal)) throw new Xunit.Sdk.XunitException($"{req.RequestUri}：回答泄露了文档");
            return;
        }
        if (!may(a, x)) { Expect(r, HttpStatusCode.Forbidden, req.RequestUri!.ToString()); return; }
        if (r.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity))
            throw new Xunit.Sdk.XunitException($"{req.RequestUri}：有权操作时应为 200、409（状态不符）或 422，实际 {(int)r.StatusCode}：{body}");
    }

    private async Task SummaryAsync(World w, Actor a, string url, HttpMethod? method = null, bool page = false)
    {
        var req = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        if (req.Method == HttpMethod.Post) req.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        var r = await (page ? w.Web : w.Api)[a.Name].SendAsync(req);
        if (a.User is null)
        {
            if (page) { if (r.StatusCode != HttpStatusCode.Redirect) throw new Xunit.Sdk.XunitException($"{url}：匿名应跳转登录，实际 {(int)r.StatusCode}"); }
            else Expect(r, HttpStatusCode.Unauthorized, url);
            return;
        }
        if ((int)r.StatusCode >= 500) throw new Xunit.Sdk.XunitException($"{url}：{(int)r.StatusCode}");
        var body = await r.Content.ReadAsStringAsync();
        foreach (var t in All.Where(t => !a.Sees.Contains(t)))
            if (body.Contains($"{w.Marker}{t}", StringComparison.Ordinal) || body.Contains($"{w.Marker}流程{t}", StringComparison.Ordinal))
                throw new Xunit.Sdk.XunitException($"{url}：泄露了范围外的文档 {t}");
    }

    private async Task PublicAsync(World w, Actor a, string url)
    {
        var r = await w.Web[a.Name].GetAsync(url);
        if ((int)r.StatusCode >= 500) throw new Xunit.Sdk.XunitException($"{url}：{(int)r.StatusCode}");
        if ((await r.Content.ReadAsStringAsync()).Contains(w.Marker, StringComparison.Ordinal))
            throw new Xunit.Sdk.XunitException($"{url}：公开网站出现了未公开的草稿");
    }

    private async Task StaticFallbackAsync(World w, Actor a, HttpMethod method)
    {
        foreach (var path in new[] { "/appsettings.json", "/Jixiao.Web.dll", "/..%2f..%2fetc%2fpasswd.txt", "/keys/key.xml", "/jixiao.db.txt" })
        {
            var r = await w.Web[a.Name].SendAsync(new HttpRequestMessage(method, path));
            if (r.StatusCode == HttpStatusCode.OK) throw new Xunit.Sdk.XunitException($"{method} {path}：不应返回 200");
        }
        var css = await w.Web[a.Name].SendAsync(new HttpRequestMessage(method, "/app.css"));
        if (css.StatusCode != HttpStatusCode.OK) throw new Xunit.Sdk.XunitException($"/app.css：{(int)css.StatusCode}");
    }

    /// <summary>An endpoint nobody described: at least, another province's filler must not get a 2xx or a 5xx on our document.</summary>
    private async Task<List<string>> ProbeUnknownAsync(World w, string key, RouteEndpoint e)
    {
        var failures = new List<string>();
        var method = key[..key.IndexOf(' ')];
        var url = System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText ?? "/", @"\{[^}]+\}", w.Documents[Target.Own].ToString());
        if (!url.StartsWith('/')) url = "/" + url;
        foreach (var who in new[] { "填报（外省）", "匿名" })
        {
            var client = url.StartsWith("/api/", StringComparison.Ordinal) ? w.Api[who] : w.Web[who];
            var req = new HttpRequestMessage(new HttpMethod(method), url);
            if (method is "POST" or "PUT" or "PATCH") req.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            var r = await client.SendAsync(req);
            var html = await r.Content.ReadAsStringAsync();
            if ((int)r.StatusCode >= 500 || ((int)r.StatusCode < 300 && html.Contains($"{w.Marker}{Target.Own}", StringComparison.Ordinal)))
                failures.Add($"{key}｜{who}：{(int)r.StatusCode}，泄露或出错");
        }
        return failures;
    }
}
