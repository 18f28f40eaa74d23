using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Jixiao.Core.Aggregation;
using Jixiao.Core.Model;
using Jixiao.Core.Workflow;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Documents.Export;
using Jixiao.Documents.Monitoring;
using Jixiao.Documents.Reading;
using Jixiao.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Api;

/// <summary>The body of a transition: justifications and the ids of comments dealt with (submit), a comment and comments at cells (return), a comment (approve, forward).</summary>
public sealed record TransitionBody(string? Comment, List<CommentInput>? Comments, List<JustificationInput>? Justifications, List<long>? Resolved = null);
public sealed record WorkflowEventDto(string Action, string ActionName, string From, string To, int Revision, string ContentHash, string By, DateTime At, string? Comment);
public sealed record ReviewCommentDto(long Id, int Revision, string Text, string? Path, string? Label, string By, DateTime At, string? ResolvedBy, DateTime? ResolvedAt);
public sealed record WorkflowStateDto(DocumentSummaryDto Document, int? SubmittedRevision, DateTime? SubmittedAt, DateTime? ApprovedAt, DateTime? ForwardedAt, string? PublicUrl,
    bool CanSubmit, bool CanReview, List<WorkflowEventDto> Events, List<ReviewCommentDto> Comments, List<JustificationDto> Justifications, List<FindingDto> UnjustifiedErrors);
public sealed record JustificationDto(string Rule, string Location, string Text, string By, DateTime At);
public sealed record DiffDto(int From, int To, List<FieldChange> Changes);
public sealed record TaskBody(string Title, int Year, string? FundName, DateOnly Deadline, string? Notes, List<int> Organisations);
public sealed record MonitoringBody(int OrganisationId, int Year, int Month, string FundName, decimal Budget, decimal Executed);
/// <summary>One row written by a monitoring import (amounts in 万元) with its light.</summary>
public sealed record MonitoringImportRow(int Row, int OrganisationId, string Organisation, string FundName, int Month, decimal Budget, decimal Executed, MonitoringResult Result);

/// <summary>The workflow, aggregation, dashboard, results-use, task, monitoring, publishing and bundle endpoints (issue 6).</summary>
public static class WorkflowApi
{
    public static IEndpointRouteBuilder MapWorkflowApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().DisableAntiforgery();
        var docs = api.MapGroup("/documents").WithTags("审核流程");
        MapTransition(docs, "submit", "SubmitDocument", "报送：冻结当前版本（有错误的须逐条说明理由）");
        MapTransition(docs, "return", "ReturnDocument", "退回（附意见，可指向单元格）");
        MapTransition(docs, "approve", "ApproveDocument", "审核通过");
        MapTransition(docs, "forward", "ForwardDocument", "转报财政");
        docs.MapPost("/{id:guid}/publish", (Guid id, ClaimsPrincipal user, AccessScopeService scopes, WorkflowService wf, DocumentService ds, CancellationToken ct) => Publish(id, true, user, scopes, wf, ds, ct))
            .WithName("PublishDocument").WithTags("公开").WithSummary("公开到公开网站（审核通过的文档）");
        docs.MapPost("/{id:guid}/unpublish", (Guid id, ClaimsPrincipal user, AccessScopeService scopes, WorkflowService wf, DocumentService ds, CancellationToken ct) => Publish(id, false, user, scopes, wf, ds, ct))
            .WithName("UnpublishDocument").WithTags("公开").WithSummary("取消公开");
        docs.MapGet("/{id:guid}/versions", Versions).WithName("ListDocumentVersions").WithSummary("全部版本（不可变，报送过的版本标明）");
        docs.MapGet("/{id:guid}/diff", Diff).WithName("DiffDocumentVersions").WithSummary("两个版本之间逐字段的差异（中文标签）");
        docs.MapGet("/{id:guid}/workflow", State).WithName("GetDocumentWorkflow").WithSummary("流程状态、历史、退回意见和错误说明");

        api.MapGet("/aggregations", Aggregations).WithName("Aggregate").WithTags("汇总").WithSummary("某地区或主管部门某年度某资金的汇总（可下钻到单位）；kind=final-accounts 为部门决算汇总");
        api.MapGet("/dashboard", DashboardData).WithName("Dashboard").WithTags("看板").WithSummary("看板数据");
        api.MapGet("/results-use", ResultsUseData).WithName("ResultsUse").WithTags("结果应用").WithSummary("下年度预算审核关注项目和预算可信度（PEFA PI-1/PI-2）");
        api.MapGet("/tasks", Tasks).WithName("ListTasks").WithTags("自评任务").WithSummary("自评任务及各单位报送进度（含逾期名单）");
        api.MapPost("/tasks", CreateTask).WithName("CreateTask").WithTags("自评任务").WithSummary("下达自评任务（财政部门或主管部门）");
        api.MapGet("/monitoring", Monitoring).WithName("ListMonitoring").WithTags("双监控").WithSummary("执行进度红黄绿灯");
        api.MapPost("/monitoring", AddMonitoring).WithName("AddMonitoring").WithTags("双监控").WithSummary("录入某月累计执行数");
        api.MapPost("/monitoring/imports", ImportMonitoring).WithName("ImportMonitoring").WithTags("双监控").WithSummary("从文件导入月度执行数（CSV / xlsx / 竖线或制表符分隔文本；单位、资金名称、月份、预算数、累计执行数）")
            .Accepts<IFormFile>("multipart/form-data");
        api.MapGet("/publishing/due", DueDisclosures).WithName("DisclosuresDue").WithTags("公开").WithSummary("应公开和逾期未公开的文档（审核后 20 日内）");
        api.MapGet("/bundles", Bundle).WithName("Bundle").WithTags("报送材料").WithSummary("主管部门一批材料：报送函及附件，zip 或一个 PDF");
        return app;
    }

    private static void MapTransition(RouteGroupBuilder docs, string action, string name, string summary) =>
        docs.MapPost("/{id:guid}/" + action, (Guid id, TransitionBody? body, ClaimsPrincipal user, AccessScopeService scopes, WorkflowService wf, DocumentService ds, CancellationToken ct) =>
            Transition(action, id, body, user, scopes, wf, ds, ct)).WithName(name).WithSummary(summary);

    private static ProblemHttpResult? Refused(WorkflowResult r) => r switch
    {
        WorkflowResult.NotFound => Problems.NotFound(),
        WorkflowResult.Forbidden f => Problems.Forbidden(f.Reason),
        WorkflowResult.Conflict c => TypedResults.Problem(title: "状态不符", detail: c.Reason, statusCode: StatusCodes.Status409Conflict),
        WorkflowResult.Invalid i => Problems.Unprocessable("请求无效", i.Reason),
        WorkflowResult.NeedsJustification n => TypedResults.Problem(title: "需要说明错误", detail: $"当前版本有 {n.Missing.Count} 个错误没有书面说明，请逐条说明后再报送。",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["unjustified"] = n.Missing.Select(f => new { f.Rule, f.Location, f.Message }).ToList() }),
        _ => null,
    };

    private static async Task<Results<Ok<DocumentSummaryDto>, ProblemHttpResult>> Done(WorkflowResult r, AccessScope scope, DocumentService ds, CancellationToken ct)
    {
        if (Refused(r) is { } p) return p;
        var doc = await ds.GetAsync(scope, ((WorkflowResult.Done)r).Document.Id, ct);
        return TypedResults.Ok(DocumentSummaryDto.From(doc!));
    }

    /// <summary>The one handler of the four transitions: who may make which, and what each needs, is the workflow service's.</summary>
    internal static async Task<Results<Ok<DocumentSummaryDto>, ProblemHttpResult>> Transition(string action, Guid id, TransitionBody? body, ClaimsPrincipal user, AccessScopeService scopes, WorkflowService wf, DocumentService ds, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        var result = action switch
        {
            "submit" => await wf.SubmitAsync(scope, id, body?.Justifications, ct, body?.Resolved),
            "return" => await wf.ReturnAsync(scope, id, body?.Comment, body?.Comments, ct),
            "approve" => await wf.ApproveAsync(scope, id, body?.Comment, ct),
            "forward" => await wf.ForwardAsync(scope, id, body?.Comment, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
        return await Done(result, scope, ds, ct);
    }

    internal static async Task<Results<Ok<DocumentSummaryDto>, ProblemHttpResult>> Publish(Guid id, bool publish, ClaimsPrincipal user, AccessScopeService scopes, WorkflowService wf, DocumentService ds, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        return await Done(await wf.PublishAsync(scope, id, publish, ct), scope, ds, ct);
    }

    internal static async Task<Results<Ok<List<VersionInfo>>, ProblemHttpResult>> Versions(Guid id, ClaimsPrincipal user, AccessScopeService scopes, WorkflowService wf, DocumentService ds, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        if (await ds.GetAsync(scope, id, ct) is not { } doc) return Problems.NotFound();
        return TypedResults.Ok(await wf.VersionsAsync(doc, ct));
    }

    internal static async Task<Results<Ok<DiffDto>, ProblemHttpResult>> Diff(Guid id, int? from, int? to, ClaimsPrincipal user, AccessScopeService scopes, WorkflowService wf, DocumentService ds, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        if (await ds.GetAsync(scope, id, ct) is not { } doc) return Problems.NotFound();
        var diff = await wf.DiffAsync(doc, from, to, ct);
        if (diff is null) return Problems.NotFound("没有这个版本。");
        return TypedResults.Ok(new DiffDto(diff.Value.From, diff.Value.To, diff.Value.Changes));
    }

    internal static async Task<Results<Ok<WorkflowStateDto>, ProblemHttpResult>> State(Guid id, HttpContext http, AccessScopeService scopes, WorkflowService wf, DocumentService ds, CancellationToken ct)
    {
        if (await scopes.ForAsync(http.User, ct) is not { } scope) return Problems.Unauthorized();
        if (await ds.GetAsync(scope, id, ct) is not { } doc) return Problems.NotFound();
        var events = await wf.EventsAsync(doc.Id, ct);
        var comments = await wf.CommentsAsync(doc.Id, ct);
        var justifications = await wf.JustificationsAsync(doc.Id, ct);
        var unjustified = await wf.UnjustifiedErrorsAsync(doc, ct);
        return TypedResults.Ok(new WorkflowStateDto(DocumentSummaryDto.From(doc), doc.SubmittedRevision, Utc(doc.SubmittedAt), Utc(doc.ApprovedAt), Utc(doc.ForwardedAt),
            doc.PublishedAt is not null && doc.PublicSlug is not null ? $"/public/{doc.PublicSlug}" : null,
            scope.EditableOrganisationIds.Contains(doc.OrganisationId) && doc.Status is DocumentStatus.Draft or DocumentStatus.Returned,
            scope.CanReview(doc.OrganisationId),
            events.Select(e => new WorkflowEventDto(e.Action, WorkflowService.ActionName(e.Action), e.FromStatus.ToString().ToLowerInvariant(), e.ToStatus.ToString().ToLowerInvariant(), e.VersionNumber, e.ContentHash, e.By, Utc(e.At)!.Value, e.Comment)).ToList(),
            comments.Select(c => new ReviewCommentDto(c.Id, c.VersionNumber, c.Text, c.Path, c.Label, c.By, Utc(c.At)!.Value, c.ResolvedBy, Utc(c.ResolvedAt))).ToList(),
            justifications.Select(j => new JustificationDto(j.Rule, j.Location, j.Text, j.By, Utc(j.At)!.Value)).ToList(),
            unjustified.Select(f => FindingDto.From(DocumentService.ToFinding(f))).ToList()));
    }

    private static DateTime? Utc(DateTime? t) => t is { } x ? DateTime.SpecifyKind(x, DateTimeKind.Utc) : null;

    internal static async Task<Results<ContentHttpResult, AggregationAnswer, ProblemHttpResult>> Aggregations(int? region, int? organisation, int? year, string? fund, string? kind,
        ClaimsPrincipal user, AccessScopeService scopes, AnalyticsService analytics, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        if (region is null && organisation is null) return Problems.BadRequest("请用 region（地区 id）或 organisation（主管部门 id）指定汇总范围。");
        if (organisation is { } o && !scope.CanSee(o)) return Problems.NotFound("单位不存在，或您无权访问。");
        if (kind == "final-accounts")
        {
            var fa = await analytics.AggregateFinalAccountsAsync(scope, region, organisation, year, ct);
            if (fa is null) return Problems.NotFound("该范围内没有您可见的部门决算。");
            return TypedResults.Content(AggregationJson.ToJson(fa).ToJsonString(AggregationJson.Options), "application/json; charset=utf-8");
        }
        var result = await analytics.AggregateAsync(scope, region, organisation, year, fund, ct);
        if (result is null) return Problems.NotFound("该范围内没有您可见的" + (string.IsNullOrWhiteSpace(fund) ? "" : $"“{fund}”") + "绩效自评表。");
        // A region's 汇总 runs to tens of MB: written to the response as it is serialised, not built in memory first.
        return new AggregationAnswer(result.Value.Result, result.Value.Report.Findings);
    }

    internal static async Task<Results<Ok<Dashboard>, ProblemHttpResult>> DashboardData(int? year, ClaimsPrincipal user, AccessScopeService scopes, AnalyticsService analytics, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        return TypedResults.Ok(await analytics.DashboardAsync(scope, year, ct));
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> ResultsUseData(int? year, ClaimsPrincipal user, AccessScopeService scopes, AnalyticsService analytics, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        var candidates = await analytics.ReviewCandidatesAsync(scope, year, ct);
        var (departments, regions) = await analytics.CredibilityAsync(scope, ct);
        var o = new JsonObject
        {
            ["candidates"] = System.Text.Json.JsonSerializer.SerializeToNode(candidates, AggregationJson.Options),
            ["credibility"] = new JsonObject
            {
                ["departments"] = System.Text.Json.JsonSerializer.SerializeToNode(departments, AggregationJson.Options),
                ["regions"] = System.Text.Json.JsonSerializer.SerializeToNode(regions, AggregationJson.Options),
            },
        };
        return TypedResults.Content(o.ToJsonString(AggregationJson.Options), "application/json; charset=utf-8");
    }

    internal static async Task<Results<Ok<List<TaskProgress>>, ProblemHttpResult>> Tasks(int? year, ClaimsPrincipal user, AccessScopeService scopes, AnalyticsService analytics, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        return TypedResults.Ok(await analytics.TaskProgressAsync(scope, year, ct));
    }

    internal static async Task<Results<Created<TaskProgress>, ProblemHttpResult>> CreateTask(TaskBody body, ClaimsPrincipal user, AccessScopeService scopes, TaskService tasks, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        var r = await tasks.CreateAsync(scope, body, ct);
        return r.Error is { } e ? (r.Forbidden ? Problems.Forbidden(e) : Problems.BadRequest(e)) : TypedResults.Created($"/api/v1/tasks?year={body.Year}", r.Progress!);
    }

    internal static async Task<Results<Ok<List<MonitoringRow>>, ProblemHttpResult>> Monitoring(int? year, ClaimsPrincipal user, AccessScopeService scopes, AnalyticsService analytics, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        return TypedResults.Ok(await analytics.MonitoringAsync(scope, year, ct));
    }

    internal static async Task<Results<Ok<MonitoringResult>, ProblemHttpResult>> AddMonitoring(MonitoringBody body, ClaimsPrincipal user, AccessScopeService scopes, TaskService tasks, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        var r = await tasks.RecordExecutionAsync(scope, body, ct);
        return r.Error is { } e ? (r.Forbidden ? Problems.Forbidden(e) : Problems.BadRequest(e)) : TypedResults.Ok(r.Result!);
    }

    internal static async Task<Results<Ok<TaskService.ExecutionImport>, ProblemHttpResult>> ImportMonitoring(HttpContext http, AccessScopeService scopes, TaskService tasks, ImportService importer, CancellationToken ct)
    {
        if (await scopes.ForAsync(http.User, ct) is not { } scope) return Problems.Unauthorized();
        var (upload, problem) = await Uploads.ReadAsync(http, importer.MaxBytes, ct);
        if (problem is not null) return problem;
        var (year, badYear) = upload!.Int("year", "年度");
        if (badYear is not null) return badYear;
        if (year is null) return Problems.BadRequest("请用 year 指定导入的年度。");
        TaskService.ExecutionImport result;
        try
        {
            result = await tasks.ImportExecutionsAsync(scope, year.Value, upload.FileName, upload.Content, ct);
        }
        catch (UnreadableFileException e)
        {
            return Problems.Unprocessable(Problems.UnreadableTitle(e), e.Message);
        }
        if (result.Errors.Count > 0)
            return TypedResults.Problem(title: "导入失败，未写入任何数据", detail: $"{result.Errors.Count} 处问题，请改正后重新导入：" + string.Join(" ", result.Errors.Take(5)),
                statusCode: StatusCodes.Status422UnprocessableEntity, extensions: new Dictionary<string, object?> { ["errors"] = result.Errors });
        return TypedResults.Ok(result);
    }

    internal static async Task<Results<Ok<List<DueDisclosure>>, ProblemHttpResult>> DueDisclosures(ClaimsPrincipal user, AccessScopeService scopes, AnalyticsService analytics, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        return TypedResults.Ok(await analytics.DisclosuresDueAsync(scope, ct));
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Bundle(int organisation, int? year, string? format, ClaimsPrincipal user, AccessScopeService scopes, AnalyticsService analytics, JixiaoDb db, AuditLog audit, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        if (!scope.CanSee(organisation)) return Problems.NotFound("单位不存在，或您无权访问。");
        var org = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == organisation, ct);
        var batch = await analytics.BatchAsync(scope, organisation, year, ct);
        if (batch.Count == 0) return Problems.NotFound("该单位没有已报送的材料（草稿和被退回的文档不进入报送材料）。");
        var fmt = (format ?? "zip").ToLowerInvariant();
        var stem = ExportService.SafeFileName($"{org.Name}{year}年度绩效自评报送材料");
        byte[] bytes;
        try
        {
            bytes = fmt switch
            {
                "pdf" => AnalyticsService.BundlePdf(batch, org.Name),
                "zip" => AnalyticsService.BundleZip(batch, org.Name, withPdf: PdfConverter.IsAvailable),
                _ => [],
            };
        }
        catch (PdfConversionException e)
        {
            return TypedResults.Problem(title: "无法生成 PDF", detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        if (bytes.Length == 0) return Problems.BadRequest($"不支持的格式“{format}”，可选 zip、pdf。");
        await audit.AppendAndSaveAsync(scope, "download", "bundle", organisation.ToString(CultureInfo.InvariantCulture), organisation, new { year, format = fmt, documents = batch.Count, size = bytes.Length }, ct);
        return fmt == "pdf"
            ? TypedResults.File(bytes, DocumentExporter.PdfType, stem + ".pdf")
            : TypedResults.File(bytes, DocumentExporter.ZipType, stem + ".zip");
    }
}

/// <summary>Tasks and monthly execution entries: who may issue and record them, through <see cref="AccessScope"/>.</summary>
public sealed class TaskService(JixiaoDb db, AuditLog audit, AnalyticsService analytics)
{
    public sealed record Outcome(TaskProgress? Progress, string? Error, bool Forbidden = false);
    public sealed record ExecutionOutcome(MonitoringResult? Result, string? Error, bool Forbidden = false);

    /// <summary>A finance bureau (for its region) or a department's reviewer (for its units) issues a task to organisations it can see.</summary>
    public async Task<Outcome> CreateAsync(AccessScope scope, TaskBody body, CancellationToken ct = default)
    {
        if (scope.OrganisationId is not { } issuer || !(scope.Roles.Contains(Roles.Finance) || scope.Roles.Contains(Roles.Reviewer)))
            return new Outcome(null, "只有财政部门或主管部门可以下达自评任务。", true);
        if (string.IsNullOrWhiteSpace(body.Title)) return new Outcome(null, "请填写任务名称。");
        if (body.Organisations is not { Count: > 0 }) return new Outcome(null, "请选择下达到的单位。");
        if (body.Organisations.Any(o => !scope.CanSee(o) || o == issuer)) return new Outcome(null, "只能向本部门所属单位或本地区的单位下达任务。", true);
        var task = new EvaluationTask
        {
            Title = body.Title.Trim(),
            Year = body.Year,
            FundName = string.IsNullOrWhiteSpace(body.FundName) ? null : body.FundName.Trim(),
            Deadline = body.Deadline,
            Notes = body.Notes,
            IssuerOrganisationId = issuer,
            CreatedBy = scope.UserName,
            CreatedAt = DateTime.UtcNow,
            Assignments = body.Organisations.Distinct().Select(o => new TaskAssignment { OrganisationId = o }).ToList(),
        };
        db.Tasks.Add(task);
        await audit.AppendAndSaveAsync(scope, "task-create", "task", null, issuer, new { task.Title, task.Year, task.FundName, deadline = task.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), organisations = body.Organisations }, ct);
        var progress = (await analytics.TaskProgressAsync(scope, body.Year, ct)).First(t => t.TaskId == task.Id);
        return new Outcome(progress, null);
    }

    /// <summary>The longest fund name a monthly execution keeps (its column's length).</summary>
    private const int MaxFundName = 300;

    /// <summary>Who may record a unit's execution figures: its filler, or its reviewer above.</summary>
    private static bool MayRecordExecution(AccessScope scope, int organisation) => scope.CanEdit(organisation) || scope.CanReview(organisation);

    /// <summary>The unit's filler (or its reviewer) records a month's cumulative execution of a fund.</summary>
    public async Task<ExecutionOutcome> RecordExecutionAsync(AccessScope scope, MonitoringBody body, CancellationToken ct = default)
    {
        if (!MayRecordExecution(scope, body.OrganisationId))
            return new ExecutionOutcome(null, "只能录入本单位或所属单位的执行数。", true);
        if (body.Month is < 1 or > 12) return new ExecutionOutcome(null, "月份应在 1 到 12 之间。");
        if (string.IsNullOrWhiteSpace(body.FundName)) return new ExecutionOutcome(null, "请填写资金名称。");
        if (body.FundName.Trim().Length > MaxFundName) return new ExecutionOutcome(null, $"资金名称超过 {MaxFundName} 个字。");
        if (body.Budget < 0 || body.Executed < 0) return new ExecutionOutcome(null, "金额不能为负数。");
        var fund = body.FundName.Trim();
        await UpsertAsync(scope, body.OrganisationId, body.Year, body.Month, fund, body.Budget, body.Executed, DateTime.UtcNow, ct);
        await audit.AppendAndSaveAsync(scope, "monitoring", "monthly-execution", null, body.OrganisationId, new { body.Year, body.Month, fund, body.Budget, body.Executed }, ct);
        return new ExecutionOutcome(ExecutionMonitoring.Assess(body.Month, body.Budget, body.Executed), null);
    }

    private async Task UpsertAsync(AccessScope scope, int organisation, int year, int month, string fund, decimal budget, decimal executed, DateTime now, CancellationToken ct)
    {
        var row = db.MonthlyExecutions.Local.FirstOrDefault(m => m.OrganisationId == organisation && m.Year == year && m.FundName == fund && m.Month == month)
            ?? await db.MonthlyExecutions.FirstOrDefaultAsync(m => m.OrganisationId == organisation && m.Year == year && m.FundName == fund && m.Month == month, ct);
        if (row is null) db.MonthlyExecutions.Add(row = new MonthlyExecution { OrganisationId = organisation, Year = year, Month = month, FundName = fund });
        row.Budget = budget;
        row.Executed = executed;
        row.EnteredBy = scope.UserName;
        row.EnteredAt = now;
    }

    /// <summary>The outcome of a file of monthly executions: the rows written, or every problem (with row numbers) and nothing written.</summary>
    public sealed record ExecutionImport(int Rows, string MoneyUnit, bool MoneyUnitStated, List<string> Errors, List<MonitoringImportRow> Written);

    /// <summary>
    /// Imports a file of monthly executions (双监控) in one transaction: every row is checked — readable, a unit the
    /// user may record for, the year asked — and when any row is wrong nothing is written.
    /// </summary>
    public async Task<ExecutionImport> ImportExecutionsAsync(AccessScope scope, int year, string fileName, byte[] content, CancellationToken ct = default)
    {
        var sheet = MonthlyExecutionReader.Read(fileName, content);
        var errors = sheet.Errors.ToList();
        var orgs = await scope.Organisations(db).AsNoTracking().Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var resolved = new List<(MonthlyExecutionLine Line, int Organisation)>();
        foreach (var line in sheet.Lines)
        {
            var org = orgs.FirstOrDefault(o => Core.Model.Text.Compact(o.Name) == Core.Model.Text.Compact(line.Unit));
            if (org is null) errors.Add($"第 {line.Row} 行：单位“{line.Unit}”不存在，或不在您可见的范围内。");
            else if (!MayRecordExecution(scope, org.Id)) errors.Add($"第 {line.Row} 行：您不能录入“{line.Unit}”的执行数（只能录入本单位或所属单位的）。");
            else if (line.Year is { } y && y != year) errors.Add($"第 {line.Row} 行：月份写的是 {y} 年，导入的是 {year} 年。");
            else if (line.Fund.Trim().Length > MaxFundName) errors.Add($"第 {line.Row} 行：资金名称超过 {MaxFundName} 个字。");
            else resolved.Add((line, org.Id));
        }
        if (errors.Count > 0) return new ExecutionImport(sheet.Lines.Count, sheet.MoneyUnit, sheet.MoneyUnitStated, errors.OrderBy(RowOf).ToList(), []);
        var now = DateTime.UtcNow;
        foreach (var (line, org) in resolved)
            await UpsertAsync(scope, org, year, line.Month, line.Fund.Trim(), line.Budget, line.Executed, now, ct);
        await audit.AppendAndSaveAsync(scope, "monitoring-import", "monthly-execution", null, scope.OrganisationId, new
        {
            file = fileName,
            fileHash = Hashing.Sha256Hex(content),
            year,
            unit = sheet.MoneyUnit,
            rows = resolved.Select(r => new { r.Line.Row, organisation = r.Organisation, fund = r.Line.Fund, r.Line.Month, r.Line.Budget, r.Line.Executed }),
        }, ct);
        var written = resolved.Select(r => new MonitoringImportRow(r.Line.Row, r.Organisation, r.Line.Unit, r.Line.Fund.Trim(), r.Line.Month, r.Line.Budget, r.Line.Executed,
            ExecutionMonitoring.Assess(r.Line.Month, r.Line.Budget, r.Line.Executed))).ToList();
        return new ExecutionImport(sheet.Lines.Count, sheet.MoneyUnit, sheet.MoneyUnitStated, [], written);
    }

    private static int RowOf(string error) =>
        error.StartsWith("第 ", StringComparison.Ordinal) && int.TryParse(error[2..].Split(' ', '、')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}

/// <summary>The anonymous, read-only public site's downloads: only published documents, only their published version.</summary>
public static class PublicApi
{
    public static IEndpointRouteBuilder MapPublicApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/public/{slug}/download", Download).AllowAnonymous().DisableAntiforgery().WithName("PublicDownload").WithTags("公开").WithSummary("下载公开文档（pdf、xlsx、json、fdp）");
        return app;
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(string slug, string? format, PublicService pub, CancellationToken ct)
    {
        var published = await pub.FindAsync(slug, ct);
        if (published is null) return TypedResults.Problem(title: "未找到", detail: "没有这个公开文档。", statusCode: StatusCodes.Status404NotFound);
        var (doc, content) = published.Value;
        var fmt = (format ?? "json").ToLowerInvariant();
        try
        {
            ExportedFile file = fmt switch
            {
                "json" => new ExportedFile(ExportService.SafeFileName(doc.Title) + ".json", "application/json; charset=utf-8", Encoding.UTF8.GetBytes(Core.Serialization.CanonicalJson.SerializeDocuments([content]))),
                "xlsx" => DocumentExporter.Export(content, ExportFormat.Xlsx),
                "pdf" => DocumentExporter.Export(content, ExportFormat.Pdf),
                "fdp" => DocumentExporter.Export(content, ExportFormat.DataPackage),
                "csv" => DocumentExporter.Export(content, ExportFormat.Csv),
                _ => throw new NotSupportedException($"不支持的格式“{format}”，可选 pdf、xlsx、json、fdp、csv。"),
            };
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }
        catch (NotSupportedException e)
        {
            return TypedResults.Problem(title: "无法下载", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (PdfConversionException e)
        {
            return TypedResults.Problem(title: "无法生成 PDF", detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

/// <summary>What the public site may show: documents with a publication, at their published version — nothing else.</summary>
public sealed class PublicService(JixiaoDb db)
{
    public sealed record Entry(string Slug, string Title, DocumentKind Kind, int? Year, string Organisation, string Region, string? Fund, DateTime PublishedAt);

    public async Task<List<Entry>> SearchAsync(int? region, int? year, string? fund, string? q, CancellationToken ct = default)
    {
        var query = db.Documents.AsNoTracking().Include(d => d.Organisation).ThenInclude(o => o!.Region)
            .Where(d => d.PublishedAt != null && d.PublicSlug != null && d.PublishedRevision != null);
        if (year is { } y) query = query.Where(d => d.Year == y);
        if (region is { } r)
        {
            var all = await db.Regions.AsNoTracking().Select(x => new { x.Id, x.ParentId }).ToListAsync(ct);
            var ids = new List<int>();
            var stack = new Stack<int>([r]);
            while (stack.Count > 0)
            {
                var id = stack.Pop();
                if (ids.Contains(id)) continue;
                ids.Add(id);
                foreach (var c in all.Where(x => x.ParentId == id)) stack.Push(c.Id);
            }
            query = query.Where(d => ids.Contains(d.Organisation!.RegionId));
        }
        if (!string.IsNullOrWhiteSpace(fund)) query = query.Where(d => d.FundName != null && d.FundName.Contains(fund.Trim()));
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(d => d.Title.Contains(q.Trim()) || d.Organisation!.Name.Contains(q.Trim()));
        var list = await query.OrderByDescending(d => d.Year).ThenBy(d => d.Title).Take(500).ToListAsync(ct);
        return list.Select(d => new Entry(d.PublicSlug!, d.Title, d.Kind, d.Year, d.Organisation?.Name ?? "", d.Organisation?.Region?.Name ?? "", d.FundName, d.PublishedAt!.Value)).ToList();
    }

    public Task<List<Region>> RegionsAsync(CancellationToken ct = default) => db.Regions.AsNoTracking().OrderBy(r => r.Level).ThenBy(r => r.Id).ToListAsync(ct);

    /// <summary>The published document and its content at the published version; null when the slug is unknown or unpublished.</summary>
    public async Task<(StoredDocument Document, Document Content)?> FindAsync(string slug, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(slug) || slug.Length > 40) return null;
        var doc = await db.Documents.AsNoTracking().Include(d => d.Organisation).ThenInclude(o => o!.Region)
            .FirstOrDefaultAsync(d => d.PublicSlug == slug && d.PublishedAt != null && d.PublishedRevision != null, ct);
        if (doc is null) return null;
        var json = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == doc.Id && v.Number == doc.PublishedRevision).Select(v => v.ContentJson).FirstOrDefaultAsync(ct);
        if (json is null) return null;
        return (doc, Core.Serialization.CanonicalJson.Deserialize<Document>(json)!);
    }
}
