using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Serialization;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Documents.Export;
using Jixiao.Documents.Reading;
using Jixiao.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Api;

/// <summary>The REST API under /api/v1. Every endpoint needs an authenticated user; every read goes through <see cref="AccessScope"/>.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapJixiaoApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().DisableAntiforgery().WithTags("Jixiao");

        var docs = api.MapGroup("/documents").WithTags("文档");
        docs.MapGet("/", ListDocuments).WithName("ListDocuments").WithSummary("文档列表（可按年度、地区、单位、类型、状态、是否有错误筛选）");
        docs.MapGet("/{id:guid}", GetDocument).WithName("GetDocument").WithSummary("一个文档及其规范 JSON 内容");
        docs.MapPut("/{id:guid}", PutDocument).WithName("UpdateDocument").WithSummary("保存新版本（需要并发令牌：If-Match 或 revision）");
        docs.MapGet("/{id:guid}/findings", GetFindings).WithName("GetDocumentFindings").WithSummary("当前版本的检查结果");
        docs.MapGet("/{id:guid}/export", Export).WithName("ExportDocument").WithSummary("下载 xlsx / docx / pdf / json");

        api.MapPost("/imports", Import).WithName("Import").WithTags("导入").WithSummary("上传文件（.xlsx/.pdf/.txt/.json），读取、检查并保存其中的文档")
            .Accepts<IFormFile>("multipart/form-data");

        api.MapGet("/organisations", Organisations).WithName("ListOrganisations").WithTags("组织").WithSummary("当前用户可见的单位");
        return app;
    }

    internal static async Task<Results<Ok<DocumentListDto>, ProblemHttpResult>> ListDocuments(
        ClaimsPrincipal user, AccessScopeService scopes, DocumentService documents,
        int? year, int? region, int? organisation, string? unit, string? kind, string? status, bool? hasErrors, string? q,
        int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        DocumentKind? k = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            k = DocumentKinds.FromJsonName(kind);
            if (k is null) return Problems.BadRequest($"未知的文档类型“{kind}”。");
        }
        DocumentStatus? s = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<DocumentStatus>(status, ignoreCase: true, out var parsed)) return Problems.BadRequest($"未知的状态“{status}”（draft、submitted、returned、approved、forwarded）。");
            s = parsed;
        }
        var result = await documents.ListAsync(scope, new DocumentFilter
        {
            Year = year,
            RegionId = region,
            OrganisationId = organisation,
            Unit = unit,
            Kind = k,
            Status = s,
            HasErrors = hasErrors,
            Q = q,
            Page = page,
            PageSize = pageSize,
        }, ct);
        return TypedResults.Ok(new DocumentListDto(
            result.Counts.Total, result.Counts.WithErrors, result.Counts.Errors, result.Counts.Warnings,
            result.Counts.ByStatus.ToDictionary(p => p.Key.ToString().ToLowerInvariant(), p => p.Value),
            result.Counts.ByKind.ToDictionary(p => p.Key.JsonName(), p => p.Value),
            result.Page, result.PageSize, result.Items.Select(DocumentSummaryDto.From).ToList()));
    }

    internal static async Task<Results<Ok<DocumentDto>, ProblemHttpResult>> GetDocument(
        Guid id, HttpContext http, AccessScopeService scopes, DocumentService documents, CancellationToken ct)
    {
        if (await scopes.ForAsync(http.User, ct) is not { } scope) return Problems.Unauthorized();
        var doc = await documents.GetAsync(scope, id, ct);
        if (doc is null) return Problems.NotFound();
        http.Response.Headers.ETag = ETag(doc.Revision);
        return TypedResults.Ok(DocumentDto.WithContent(doc));
    }

    internal static async Task<Results<Ok<List<FindingDto>>, ProblemHttpResult>> GetFindings(
        Guid id, ClaimsPrincipal user, AccessScopeService scopes, DocumentService documents, string? severity, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        var doc = await documents.GetAsync(scope, id, ct);
        if (doc is null) return Problems.NotFound();
        var findings = (await documents.FindingsAsync(doc, ct)).Select(DocumentService.ToFinding);
        if (!string.IsNullOrWhiteSpace(severity))
        {
            if (!Enum.TryParse<Severity>(severity, true, out var sev)) return Problems.BadRequest($"未知的严重程度“{severity}”（error、warning、info）。");
            findings = findings.Where(f => f.Severity == sev);
        }
        return TypedResults.Ok(findings.Select(FindingDto.From).ToList());
    }

    internal static async Task<Results<Ok<DocumentDto>, ProblemHttpResult>> PutDocument(
        Guid id, [FromBody] DocumentUpdateDto body, HttpContext http, AccessScopeService scopes, DocumentService documents, CancellationToken ct)
    {
        if (await scopes.ForAsync(http.User, ct) is not { } scope) return Problems.Unauthorized();
        int? expected = body.Revision;
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (!string.IsNullOrWhiteSpace(ifMatch))
        {
            var t = ifMatch.Trim();
            if (t.StartsWith("W/", StringComparison.Ordinal)) t = t[2..];
            if (!int.TryParse(t.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var r))
                return Problems.BadRequest($"If-Match 的值“{ifMatch}”不是本系统发出的 ETag。");
            if (expected is { } e && e != r) return Problems.BadRequest("If-Match 与请求体中的 revision 不一致。");
            expected = r;
        }
        if (expected is null)
            return TypedResults.Problem(title: "缺少并发令牌", detail: "请在 If-Match 头或请求体的 revision 字段中给出您所修改的版本号（GET 返回的 ETag / revision），以免覆盖他人的修改。", statusCode: StatusCodes.Status428PreconditionRequired);
        if (body.Content.ValueKind != JsonValueKind.Object) return Problems.Unprocessable("内容无效", "content 必须是一个文档对象（规范 JSON，含 kind 字段）。");
        Document? content;
        try
        {
            content = CanonicalJson.Deserialize<Document>(body.Content.GetRawText());
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return Problems.Unprocessable("内容无效", "content 不是有效的 Jixiao 文档：" + e.Message);
        }
        if (content is null) return Problems.Unprocessable("内容无效", "content 为空。");
        var result = await documents.UpdateAsync(scope, id, content, expected.Value, ct);
        switch (result)
        {
            case SaveResult.Saved saved:
                var doc = await documents.GetAsync(scope, saved.Document.Id, ct);
                http.Response.Headers.ETag = ETag(doc!.Revision);
                return TypedResults.Ok(DocumentDto.WithContent(doc));
            case SaveResult.NotFound:
                return Problems.NotFound();
            case SaveResult.Forbidden f:
                return Problems.Forbidden(f.Reason);
            case SaveResult.Invalid i:
                return Problems.Unprocessable("内容无效", i.Reason);
            case SaveResult.Conflict c:
                using (var current = JsonDocument.Parse(c.Current.ContentJson))
                {
                    return TypedResults.Problem(title: "文档已被他人修改", detail: c.Reason + "请合并后基于最新版本重新提交；您提交的内容附在 submitted 中，没有丢失。",
                        statusCode: StatusCodes.Status409Conflict,
                        extensions: new Dictionary<string, object?>
                        {
                            ["currentRevision"] = c.Current.Revision,
                            ["currentUpdatedBy"] = c.Current.UpdatedBy,
                            ["current"] = current.RootElement.Clone(),
                            ["submittedRevision"] = expected.Value,
                            ["submitted"] = body.Content,
                        });
                }
            default:
                throw new InvalidOperationException();
        }
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(
        Guid id, string? format, ClaimsPrincipal user, AccessScopeService scopes, DocumentService documents, AuditLog audit, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        var fmt = (format ?? "json").Trim().ToLowerInvariant();
        ExportFormat? ef = fmt switch { "xlsx" => ExportFormat.Xlsx, "docx" => ExportFormat.Docx, "pdf" => ExportFormat.Pdf, "json" => ExportFormat.Json, _ => null };
        if (ef is null) return Problems.BadRequest($"不支持的导出格式“{format}”，可选 xlsx、docx、pdf、json。");
        var doc = await documents.GetAsync(scope, id, ct);
        if (doc is null) return Problems.NotFound();
        var file = await ExportService.ExportAsync(documents, doc, ef.Value, ct);
        await audit.AppendAndSaveAsync(scope, "download", "document", doc.Id.ToString(), doc.OrganisationId,
            new { title = doc.Title, format = fmt, revision = doc.Revision, hash = doc.ContentHash, file = file.FileName, size = file.Content.Length }, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    internal static async Task<Results<Created<ImportResultDto>, ProblemHttpResult>> Import(
        HttpContext http, ClaimsPrincipal user, AccessScopeService scopes, ImportService importer, DocumentService documents, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        var (upload, problem) = await Uploads.ReadAsync(http, importer.MaxBytes, ct);
        if (problem is not null) return problem;
        var (organisationId, badOrg) = upload!.Int("organisationId", "单位编号");
        if (badOrg is not null) return badOrg;
        var org = organisationId ?? scope.OrganisationId;
        if (org is null) return Problems.BadRequest("请用 organisationId 指定文档所属单位。");
        if (!scope.CanSee(org.Value)) return Problems.NotFound("单位不存在，或您无权访问。");
        if (!scope.CanEdit(org.Value)) return Problems.Forbidden("您没有为该单位导入文档的权限（需要本单位的填报角色）。");
        var bytes = upload.Content;
        ImportPreview preview;
        try
        {
            preview = importer.Preview(upload.FileName, bytes, ct);
        }
        catch (UnreadableFileException e)
        {
            return Problems.Unprocessable(Problems.UnreadableTitle(e), e.Message);
        }
        var outcome = await importer.SaveAsync(scope, org.Value, preview, ct);
        var items = new List<ImportedDocumentDto>();
        foreach (var (stored, findings) in outcome.Documents)
        {
            var fresh = await documents.GetAsync(scope, stored.Id, ct);
            items.Add(new ImportedDocumentDto(DocumentSummaryDto.From(fresh!), findings.Select(f => FindingDto.From(DocumentService.ToFinding(f))).ToList()));
        }
        var dto = new ImportResultDto(outcome.Record.Id, outcome.Record.FileName, outcome.Record.FileHash, outcome.Record.Size, items, outcome.LooseFindings.Select(FindingDto.From).ToList());
        return TypedResults.Created($"/api/v1/documents?import={outcome.Record.Id}", dto);
    }

    internal static async Task<Results<Ok<List<OrganisationDto>>, ProblemHttpResult>> Organisations(ClaimsPrincipal user, AccessScopeService scopes, JixiaoDb db, CancellationToken ct)
    {
        if (await scopes.ForAsync(user, ct) is not { } scope) return Problems.Unauthorized();
        var orgs = await scope.Organisations(db).Include(o => o.Region).AsNoTracking().OrderBy(o => o.Id).ToListAsync(ct);
        return TypedResults.Ok(orgs.Select(o => new OrganisationDto(o.Id, o.Name, o.Kind.ToString().ToLowerInvariant(), o.Kind.ChineseName(), o.RegionId, o.Region?.Name ?? "", o.ParentId)).ToList());
    }

    private static string ETag(int revision) => "\"" + revision.ToString(CultureInfo.InvariantCulture) + "\"";
}

/// <summary>Exports a stored document: JSON in canonical form here, the official layouts through <see cref="DocumentExporter"/>.</summary>
public static class ExportService
{
    public static async Task<ExportedFile> ExportAsync(DocumentService documents, StoredDocument doc, ExportFormat format, CancellationToken ct)
    {
        var content = DocumentService.Content(doc);
        var baseName = SafeFileName(string.IsNullOrWhiteSpace(doc.Title) ? doc.Id.ToString() : doc.Title);
        if (format == ExportFormat.Json)
            return new ExportedFile(baseName + ".json", "application/json; charset=utf-8", Encoding.UTF8.GetBytes(CanonicalJson.SerializeDocuments([content])));
        var report = new CheckReport();
        report.Findings.AddRange((await documents.FindingsAsync(doc, ct)).Select(DocumentService.ToFinding).Select(f => f with { DocumentId = content.Id }));
        report.Coverage[content.Id] = await documents.CoverageAsync(doc, ct);
        var file = DocumentExporter.Export(content, format, report);
        return file;
    }

    public static string SafeFileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var s = new string(name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim();
        return s.Length > 80 ? s[..80] : s;
    }
}
