using System.Security.Cryptography;
using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Serialization;
using Jixiao.Core.Workflow;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Services;

/// <summary>A justification of one error finding, as the filler writes it on submitting.</summary>
public sealed record JustificationInput(string Rule, string Location, string Text);

/// <summary>A reviewer's comment on returning a submission, optionally at a field (JSON path) of the document.</summary>
public sealed record CommentInput(string Text, string? Path = null);

public abstract record WorkflowResult
{
    public sealed record Done(StoredDocument Document, WorkflowEvent Event) : WorkflowResult;
    public sealed record NotFound : WorkflowResult;
    public sealed record Forbidden(string Reason) : WorkflowResult;
    /// <summary>The transition does not apply to the document's status (or it changed meanwhile).</summary>
    public sealed record Conflict(string Reason) : WorkflowResult;
    /// <summary>Errors without a written justification.</summary>
    public sealed record NeedsJustification(IReadOnlyList<FindingRecord> Missing) : WorkflowResult;
    public sealed record Invalid(string Reason) : WorkflowResult;
}

/// <summary>One version as the workflow sees it: number, hash, why, and whether it was ever submitted (frozen).</summary>
public sealed record VersionInfo(int Number, string ContentHash, string Reason, string CreatedBy, DateTime CreatedAt, bool Submitted, int Errors, int Warnings);

/// <summary>
/// The submission and review workflow: draft → submitted → returned | approved → forwarded, and publishing.
/// Who may do what comes from <see cref="AccessScope"/> only: the owning unit (CanEdit) submits; the reviewer
/// above (CanReview) returns, approves and forwards. Every transition writes a <see cref="WorkflowEvent"/> and an
/// audit entry in the same transaction; the document's revision is the concurrency token, so a transition never
/// acts on a version it did not see.
/// </summary>
public sealed class WorkflowService(JixiaoDb db, AuditLog audit)
{
    public static string ActionName(string action) => action switch
    {
        "submit" => "报送",
        "return" => "退回",
        "approve" => "审核通过",
        "forward" => "转报财政",
        "publish" => "公开",
        "unpublish" => "取消公开",
        _ => action,
    };

    private async Task<StoredDocument?> LoadAsync(AccessScope scope, Guid id, CancellationToken ct) =>
        await scope.Documents(db).Include(d => d.Organisation).FirstOrDefaultAsync(d => d.Id == id, ct);

    private async Task<List<FindingRecord>> ErrorsAsync(StoredDocument doc, CancellationToken ct)
    {
        var version = await db.DocumentVersions.Where(v => v.DocumentId == doc.Id && v.Number == doc.Revision).Select(v => v.Id).FirstOrDefaultAsync(ct);
        return await db.Findings.AsNoTracking().Where(f => f.DocumentVersionId == version && f.Severity == Severity.Error).OrderBy(f => f.Id).ToListAsync(ct);
    }

    public Task<List<FindingJustification>> JustificationsAsync(Guid documentId, CancellationToken ct = default) =>
        db.Justifications.AsNoTracking().Where(j => j.DocumentId == documentId).OrderBy(j => j.Id).ToListAsync(ct);

    /// <summary>The current version's errors that have no written justification.</summary>
    public async Task<List<FindingRecord>> UnjustifiedErrorsAsync(StoredDocument doc, CancellationToken ct = default)
    {
        var errors = await ErrorsAsync(doc, ct);
        if (errors.Count == 0) return errors;
        var given = await db.Justifications.AsNoTracking().Where(j => j.DocumentId == doc.Id).ToListAsync(ct);
        return errors.Where(e => !given.Any(j => j.Rule == e.Rule && j.Location == e.Location && !string.IsNullOrWhiteSpace(j.Text))).ToList();
    }

    /// <summary>
    /// Submits (freezes) the current version. <paramref name="resolved"/> are the ids of reviewers' comments the unit
    /// marks as dealt with in this submission; comments of other documents are ignored.
    /// </summary>
    public async Task<WorkflowResult> SubmitAsync(AccessScope scope, Guid id, IReadOnlyList<JustificationInput>? justifications, CancellationToken ct = default, IReadOnlyList<long>? resolved = null)
    {
        var doc = await LoadAsync(scope, id, ct);
        if (doc is null) return new WorkflowResult.NotFound();
        if (!scope.EditableOrganisationIds.Contains(doc.OrganisationId))
            return new WorkflowResult.Forbidden("只有本单位的填报人员可以报送。");
        if (doc.Status is not (DocumentStatus.Draft or DocumentStatus.Returned))
            return new WorkflowResult.Conflict($"文档状态为“{doc.Status.ChineseName()}”，只有草稿或被退回的文档可以报送。");
        var now = DateTime.UtcNow;
        var errors = await ErrorsAsync(doc, ct);
        foreach (var j in justifications ?? [])
        {
            if (string.IsNullOrWhiteSpace(j.Text)) continue;
            if (!errors.Any(e => e.Rule == j.Rule && e.Location == j.Location)) continue;
            var existing = await db.Justifications.FirstOrDefaultAsync(x => x.DocumentId == doc.Id && x.Rule == j.Rule && x.Location == j.Location, ct);
            if (existing is null)
                db.Justifications.Add(new FindingJustification { DocumentId = doc.Id, Rule = j.Rule, Location = j.Location, Text = j.Text.Trim(), By = scope.UserName, At = now });
            else
            {
                existing.Text = j.Text.Trim();
                existing.By = scope.UserName;
                existing.At = now;
            }
        }
        var given = db.Justifications.Local.Where(x => x.DocumentId == doc.Id).Concat(await db.Justifications.AsNoTracking().Where(x => x.DocumentId == doc.Id).ToListAsync(ct)).ToList();
        var missing = errors.Where(e => !given.Any(j => j.Rule == e.Rule && j.Location == e.Location && !string.IsNullOrWhiteSpace(j.Text))).ToList();
        if (missing.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new WorkflowResult.NeedsJustification(missing);
        }
        doc.SubmittedAt = now;
        doc.SubmittedRevision = doc.Revision;
        var ids = (resolved ?? []).Distinct().ToList();
        var marked = ids.Count == 0 ? [] : await db.ReviewComments.Where(c => c.DocumentId == doc.Id && c.ResolvedAt == null && ids.Contains(c.Id)).ToListAsync(ct);
        foreach (var c in marked)
        {
            c.ResolvedBy = scope.UserName;
            c.ResolvedAt = now;
        }
        return await TransitionAsync(scope, doc, "submit", DocumentStatus.Submitted, null, [], new { justified = errors.Count, resolvedComments = marked.Select(c => c.Id) }, ct);
    }

    public async Task<WorkflowResult> ReturnAsync(AccessScope scope, Guid id, string? comment, IReadOnlyList<CommentInput>? comments, CancellationToken ct = default)
    {
        var doc = await LoadAsync(scope, id, ct);
        if (doc is null) return new WorkflowResult.NotFound();
        if (ReviewCheck(scope, doc, DocumentStatus.Submitted, "退回") is { } refused) return refused;
        var list = (comments ?? []).Where(c => !string.IsNullOrWhiteSpace(c.Text)).ToList();
        if (string.IsNullOrWhiteSpace(comment) && list.Count == 0)
            return new WorkflowResult.Invalid("退回时请写明意见（可以针对某个单元格）。");
        return await TransitionAsync(scope, doc, "return", DocumentStatus.Returned, comment, list, new { comments = list.Count }, ct);
    }

    public async Task<WorkflowResult> ApproveAsync(AccessScope scope, Guid id, string? comment, CancellationToken ct = default)
    {
        var doc = await LoadAsync(scope, id, ct);
        if (doc is null) return new WorkflowResult.NotFound();
        if (ReviewCheck(scope, doc, DocumentStatus.Submitted, "审核") is { } refused) return refused;
        if (await UnjustifiedErrorsAsync(doc, ct) is { Count: > 0 } missing) return new WorkflowResult.NeedsJustification(missing);
        doc.ApprovedAt = DateTime.UtcNow;
        doc.ApprovedBy = scope.UserName;
        return await TransitionAsync(scope, doc, "approve", DocumentStatus.Approved, comment, [], new { }, ct);
    }

    public async Task<WorkflowResult> ForwardAsync(AccessScope scope, Guid id, string? comment, CancellationToken ct = default)
    {
        var doc = await LoadAsync(scope, id, ct);
        if (doc is null) return new WorkflowResult.NotFound();
        if (ReviewCheck(scope, doc, DocumentStatus.Approved, "转报") is { } refused) return refused;
        if (await UnjustifiedErrorsAsync(doc, ct) is { Count: > 0 } missing) return new WorkflowResult.NeedsJustification(missing);
        doc.ForwardedAt = DateTime.UtcNow;
        return await TransitionAsync(scope, doc, "forward", DocumentStatus.Forwarded, comment, [], new { }, ct);
    }

    private static WorkflowResult? ReviewCheck(AccessScope scope, StoredDocument doc, DocumentStatus expected, string verb)
    {
        if (!scope.CanReview(doc.OrganisationId))
            return new WorkflowResult.Forbidden(doc.OrganisationId == scope.OrganisationId
                ? $"不能{verb}本单位报送的文档，应由上级审核。"
                : $"您不是该单位的上级审核单位，不能{verb}。");
        if (doc.Status != expected)
            return new WorkflowResult.Conflict($"文档状态为“{doc.Status.ChineseName()}”，不能{verb}（需要“{expected.ChineseName()}”）。");
        return null;
    }

    /// <summary>Publishes the frozen approved version on the public site (or takes it down). The owning unit or its reviewer decides.</summary>
    public async Task<WorkflowResult> PublishAsync(AccessScope scope, Guid id, bool publish, CancellationToken ct = default)
    {
        var doc = await LoadAsync(scope, id, ct);
        if (doc is null) return new WorkflowResult.NotFound();
        if (!scope.CanEdit(doc.OrganisationId) && !scope.CanReview(doc.OrganisationId))
            return new WorkflowResult.Forbidden("只有本单位或其上级审核单位可以决定是否公开。");
        if (publish && doc.Status is not (DocumentStatus.Approved or DocumentStatus.Forwarded))
            return new WorkflowResult.Conflict($"文档状态为“{doc.Status.ChineseName()}”，只有审核通过的文档可以公开。");
        if (publish)
        {
            doc.PublishedAt = DateTime.UtcNow;
            doc.PublishedRevision = doc.Revision;
            doc.PublicSlug ??= NewSlug();
        }
        else
        {
            doc.PublishedAt = null;
            doc.PublishedRevision = null;
        }
        var ev = new WorkflowEvent
        {
            DocumentId = doc.Id,
            Action = publish ? "publish" : "unpublish",
            FromStatus = doc.Status,
            ToStatus = doc.Status,
            VersionNumber = doc.Revision,
            ContentHash = doc.ContentHash,
            By = scope.UserName,
            ByOrganisationId = scope.OrganisationId,
            At = DateTime.UtcNow,
        };
        db.WorkflowEvents.Add(ev);
        return await SaveAsync(scope, doc, ev, new { slug = doc.PublicSlug }, ct);
    }

    /// <summary>A permanent link: 12 lower-case base-32 characters, never reused.</summary>
    private static string NewSlug()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        return string.Create(12, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        });
    }

    private async Task<WorkflowResult> TransitionAsync(AccessScope scope, StoredDocument doc, string action, DocumentStatus to, string? comment, IReadOnlyList<CommentInput> comments, object details, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var ev = new WorkflowEvent
        {
            DocumentId = doc.Id,
            Action = action,
            FromStatus = doc.Status,
            ToStatus = to,
            VersionNumber = doc.Revision,
            ContentHash = doc.ContentHash,
            By = scope.UserName,
            ByOrganisationId = scope.OrganisationId,
            At = now,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        };
        db.WorkflowEvents.Add(ev);
        if (comments.Count > 0)
        {
            var content = DocumentService.Content(doc);
            var fields = DocumentFields.Of(content);
            foreach (var c in comments)
            {
                var field = c.Path is null ? null : fields.FirstOrDefault(f => f.Path == c.Path);
                db.ReviewComments.Add(new ReviewComment
                {
                    DocumentId = doc.Id,
                    VersionNumber = doc.Revision,
                    Text = c.Text.Trim(),
                    Path = field?.Path ?? (string.IsNullOrWhiteSpace(c.Path) ? null : c.Path),
                    Label = field?.Label,
                    AtJson = field?.At is null ? null : CanonicalJson.Serialize(field.At),
                    By = scope.UserName,
                    At = now,
                });
            }
        }
        doc.Status = to;
        return await SaveAsync(scope, doc, ev, details, ct);
    }

    private async Task<WorkflowResult> SaveAsync(AccessScope scope, StoredDocument doc, WorkflowEvent ev, object details, CancellationToken ct)
    {
        try
        {
            await audit.AppendAndSaveAsync(scope, ev.Action, "document", doc.Id.ToString(), doc.OrganisationId, new
            {
                title = doc.Title,
                action = ActionName(ev.Action),
                from = ev.FromStatus.ToString().ToLowerInvariant(),
                to = ev.ToStatus.ToString().ToLowerInvariant(),
                revision = ev.VersionNumber,
                hash = ev.ContentHash,
                comment = ev.Comment,
                details,
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new WorkflowResult.Conflict("文档在此期间已被修改，请刷新后重试。");
        }
        if (ev.Id != 0)
        {
            foreach (var c in db.ReviewComments.Local.Where(c => c.DocumentId == doc.Id && c.WorkflowEventId is null && c.At == ev.At)) c.WorkflowEventId = ev.Id;
            await db.SaveChangesAsync(ct);
        }
        return new WorkflowResult.Done(doc, ev);
    }

    public Task<List<WorkflowEvent>> EventsAsync(Guid documentId, CancellationToken ct = default) =>
        db.WorkflowEvents.AsNoTracking().Where(e => e.DocumentId == documentId).OrderBy(e => e.Id).ToListAsync(ct);

    public Task<List<ReviewComment>> CommentsAsync(Guid documentId, CancellationToken ct = default) =>
        db.ReviewComments.AsNoTracking().Where(c => c.DocumentId == documentId).OrderByDescending(c => c.Id).ToListAsync(ct);

    public async Task<List<VersionInfo>> VersionsAsync(StoredDocument doc, CancellationToken ct = default)
    {
        var submitted = await db.WorkflowEvents.AsNoTracking().Where(e => e.DocumentId == doc.Id && e.Action == "submit").Select(e => e.VersionNumber).ToListAsync(ct);
        var versions = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == doc.Id).OrderByDescending(v => v.Number)
            .Select(v => new
            {
                v.Number,
                v.ContentHash,
                v.Reason,
                v.CreatedBy,
                v.CreatedAt,
                Errors = v.Findings.Count(f => f.Severity == Severity.Error),
                Warnings = v.Findings.Count(f => f.Severity == Severity.Warning),
            }).ToListAsync(ct);
        return versions.Select(v => new VersionInfo(v.Number, v.ContentHash, v.Reason, v.CreatedBy, v.CreatedAt, submitted.Contains(v.Number), v.Errors, v.Warnings)).ToList();
    }

    /// <summary>Field-level differences between two versions (default: the last submitted version before the current one, and the current one).</summary>
    public async Task<(int From, int To, List<FieldChange> Changes)?> DiffAsync(StoredDocument doc, int? from, int? to, CancellationToken ct = default)
    {
        var toNumber = to ?? doc.Revision;
        int fromNumber;
        if (from is { } f) fromNumber = f;
        else
        {
            var submitted = await db.WorkflowEvents.AsNoTracking().Where(e => e.DocumentId == doc.Id && e.Action == "submit" && e.VersionNumber < toNumber)
                .OrderByDescending(e => e.VersionNumber).Select(e => (int?)e.VersionNumber).FirstOrDefaultAsync(ct);
            fromNumber = submitted ?? toNumber - 1;
        }
        var pair = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == doc.Id && (v.Number == fromNumber || v.Number == toNumber))
            .Select(v => new { v.Number, v.ContentJson }).ToListAsync(ct);
        var a = pair.FirstOrDefault(p => p.Number == fromNumber);
        var b = pair.FirstOrDefault(p => p.Number == toNumber);
        if (a is null || b is null) return null;
        var before = CanonicalJson.Deserialize<Document>(a.ContentJson)!;
        var after = CanonicalJson.Deserialize<Document>(b.ContentJson)!;
        return (fromNumber, toNumber, DocumentDiff.Diff(before, after));
    }
}

/// <summary>The fields of a document a reviewer can comment on: JSON path, readable label and source cell.</summary>
public sealed record DocumentField(string Path, string Label, Core.Provenance.SourceRef? At);

public static class DocumentFields
{
    public static List<DocumentField> Of(Document doc)
    {
        var list = new List<DocumentField>();
        if (doc is not SelfEvaluationTable t) return list;
        for (var i = 0; i < t.Funds.Count; i++)
        {
            var f = t.Funds[i];
            var row = Text.Compact(f.Label);
            list.Add(new($"$.funds[{i}].budget", $"资金投入情况 › {row} › 全年预算数（A）", f.Budget.At ?? f.At));
            list.Add(new($"$.funds[{i}].execution", $"资金投入情况 › {row} › 全年执行数（B）", f.Execution.At ?? f.At));
            list.Add(new($"$.funds[{i}].rate", $"资金投入情况 › {row} › 预算执行率", f.Rate.At ?? f.At));
        }
        for (var i = 0; i < t.Management.Count; i++)
            list.Add(new($"$.management[{i}].description", $"资金管理情况 › {t.Management[i].Aspect}", t.Management[i].At));
        list.Add(new("$.overallGoal", "总体目标", t.GoalsAt));
        list.Add(new("$.overallActual", "全年实际完成情况", t.GoalsAt));
        for (var i = 0; i < t.Indicators.Count; i++)
        {
            var r = t.Indicators[i];
            list.Add(new($"$.indicators[{i}].target", $"绩效指标 › {r.Name} › 指标值", r.At));
            if (!string.IsNullOrWhiteSpace(r.AdjustedTarget)) list.Add(new($"$.indicators[{i}].adjustedTarget", $"绩效指标 › {r.Name} › 调整后指标", r.At));
            list.Add(new($"$.indicators[{i}].actual", $"绩效指标 › {r.Name} › 全年实际完成值", r.At));
            list.Add(new($"$.indicators[{i}].deviationReason", $"绩效指标 › {r.Name} › 未完成原因和改进措施", r.At));
        }
        list.Add(new("$.remarks", "说明", t.RemarksAt));
        return list;
    }
}
