using System.Security.Claims;
using System.Text.Json;
using Jixiao.Core.Model;
using Jixiao.Core.Serialization;
using Jixiao.Data.Entities;
using Jixiao.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Api;

/// <summary>A declared 绩效目标表: its unit, year, fund and task, the year-end table started from it, and its content (canonical JSON).</summary>
public sealed record GoalDto(int Id, int OrganisationId, string Organisation, int Year, string FundName, int? TaskId, string? Task, Guid? DocumentId,
    string DeclaredBy, DateTime DeclaredAt, int Indicators, JsonElement Content)
{
    public static GoalDto From(PerformanceGoal g)
    {
        using var json = JsonDocument.Parse(g.ContentJson);
        var table = GoalService.Content(g);
        return new GoalDto(g.Id, g.OrganisationId, g.Organisation?.Name ?? "", g.Year, g.FundName, g.TaskId, g.Task?.Title, g.DocumentId,
            g.DeclaredBy, DateTime.SpecifyKind(g.DeclaredAt, DateTimeKind.Utc), table.Indicators.Count, json.RootElement.Clone());
    }
}

/// <summary>One recorded change of a declared target: 年初指标值, 调整后指标, the reason, who and when, in which version.</summary>
public sealed record AdjustmentDto(string Indicator, string? DeclaredTarget, string? AdjustedTarget, string? Reason, int Revision, string By, DateTime At);

/// <summary>绩效目标表 endpoints (issue 6, item 1): declare (entered or imported), list, and start the year-end table.</summary>
public static class GoalApi
{
    public static IEndpointRouteBuilder MapGoalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().DisableAntiforgery();
        var goals = api.MapGroup("/goals").WithTags("绩效目标");
        goals.MapGet("/", List).WithName("ListGoals").WithSummary("可见单位的绩效目标表（可按年度、单位筛选）");
        goals.MapGet("/{id:int}", Get).WithName("GetGoal").WithSummary("一张绩效目标表及其内容");
        goals.MapPost("/", Declare).WithName("DeclareGoal").WithSummary("申报绩效目标（本单位填报人员；同一单位、年度、资金再次申报时覆盖，已新建自评表后不能再申报）");
        goals.MapPost("/imports", Import).WithName("ImportGoals").WithSummary("从文件导入绩效目标表（.xlsx/.txt/.json，与自评表同一表样、没有实际完成值）：全部导入或全部不导入")
            .Accepts<IFormFile>("multipart/form-data");
        goals.MapPost("/{id:int}/start", Start).WithName("StartFromGoal").WithSummary("从绩效目标表新建年终自评表：年初指标值、总体目标和预算带入");
        api.MapGet("/documents/{id:guid}/adjustments", Adjustments).WithName("ListAdjustments").WithTags("绩效目标").WithSummary("调整后指标的修改记录（年初指标值、调整后指标、理由、调整人、时间）");
        return app;
    }

    private static ProblemHttpResult Refused(GoalResult r) => r switch
    {
        GoalResult.NotFound n => Problems.NotFound(n.Reason),
        GoalResult.Forbidden f => Problems.Forbidden(f.Reason),
        GoalResult.Conflict c => TypedResults.Problem(title: "状态不符", detail: c.Reason, statusCode: StatusCodes.Status409Conflict),
        GoalResult.Invalid i => TypedResults.Problem(title: "绩效目标表无效，未保存", detail: string.Join(" ", i.Reasons), statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["errors"] = i.Reasons }),
        _ => throw new InvalidOperationException(),
    };

    internal static async Task<Results<Ok<List<GoalDto>>, ProblemHttpResult>> List(int? year, int? organisation, ClaimsPrincipal user, AccessScopeService scopes, GoalService goals, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        return TypedResults.Ok((await goals.ListAsync(scope, year, organisation, ct)).Select(GoalDto.From).ToList());
    }

    internal static async Task<Results<Ok<GoalDto>, ProblemHttpResult>> Get(int id, ClaimsPrincipal user, AccessScopeService scopes, GoalService goals, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        return await goals.GetAsync(scope, id, ct) is { } g ? TypedResults.Ok(GoalDto.From(g)) : Problems.NotFound("绩效目标表不存在，或您无权访问。");
    }

    internal static async Task<Results<Created<List<GoalDto>>, ProblemHttpResult>> Declare(GoalBody body, ClaimsPrincipal user, AccessScopeService scopes, GoalService goals, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        return await Saved(await goals.DeclareAsync(scope, body, ct), scope, goals, ct);
    }

    internal static async Task<Results<Created<List<GoalDto>>, ProblemHttpResult>> Import(HttpContext http, AccessScopeService scopes, GoalService goals, ImportService importer, CancellationToken ct)
    {
        if (await scopes.ForAsync(http.User, ct) is not { } scope) return Problems.Unauthorized();
        var (upload, problem) = await Uploads.ReadAsync(http, importer.MaxBytes, ct);
        if (problem is not null) return problem;
        var (organisation, badOrg) = upload!.Int("organisationId", "单位编号");
        if (badOrg is not null) return badOrg;
        var (task, badTask) = upload.Int("taskId", "自评任务编号");
        if (badTask is not null) return badTask;
        var org = organisation ?? scope.OrganisationId;
        if (org is null) return Problems.BadRequest("请用 organisationId 指定申报单位。");
        return await Saved(await goals.ImportAsync(scope, org.Value, task, upload.FileName, upload.Content, ct), scope, goals, ct);
    }

    private static async Task<Results<Created<List<GoalDto>>, ProblemHttpResult>> Saved(GoalResult r, AccessScope scope, GoalService goals, CancellationToken ct)
    {
        if (r is not GoalResult.Done done) return Refused(r);
        var list = new List<GoalDto>();
        foreach (var g in done.Goals) list.Add(GoalDto.From((await goals.GetAsync(scope, g.Id, ct))!));
        return TypedResults.Created("/api/v1/goals", list);
    }

    internal static async Task<Results<Created<DocumentDto>, ProblemHttpResult>> Start(int id, ClaimsPrincipal user, AccessScopeService scopes, GoalService goals, DocumentService documents, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        var r = await goals.StartAsync(scope, id, ct);
        if (r is not GoalResult.Started started) return Refused(r);
        var doc = await documents.GetAsync(scope, started.Document.Id, ct);
        return TypedResults.Created($"/api/v1/documents/{doc!.Id}", DocumentDto.WithContent(doc));
    }

    internal static async Task<Results<Ok<List<AdjustmentDto>>, ProblemHttpResult>> Adjustments(Guid id, ClaimsPrincipal user, AccessScopeService scopes, DocumentService documents, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        if (await documents.GetAsync(scope, id, ct) is not { } doc) return Problems.NotFound();
        var list = await documents.AdjustmentsAsync(doc.Id, ct);
        return TypedResults.Ok(list.Select(a => new AdjustmentDto(a.Indicator, a.DeclaredTarget, a.AdjustedTarget, a.Reason, a.VersionNumber, a.By, DateTime.SpecifyKind(a.At, DateTimeKind.Utc))).ToList());
    }
}
