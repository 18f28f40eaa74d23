using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Serialization;
using Jixiao.Core.Workflow;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Services;

public sealed record DocumentFilter
{
    public int? Year { get; init; }
    public int? RegionId { get; init; }
    public int? OrganisationId { get; init; }
    /// <summary>Part of the unit name written in the document or of the owning organisation's name.</summary>
    public string? Unit { get; init; }
    public DocumentKind? Kind { get; init; }
    public DocumentStatus? Status { get; init; }
    public bool? HasErrors { get; init; }
    /// <summary>Part of the title or fund name.</summary>
    public string? Q { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

public sealed record DocumentCounts(int Total, int WithErrors, int Errors, int Warnings, IReadOnlyDictionary<DocumentStatus, int> ByStatus, IReadOnlyDictionary<DocumentKind, int> ByKind);

/// <summary>A row of the document list: the columns the list shows, never the content.</summary>
public sealed record DocumentListItem(
    Guid Id, int OrganisationId, string Organisation, string? Region, DocumentKind Kind, string Title, int? Year, string? Unit, string? FundName,
    DocumentStatus Status, bool HasErrors, int ErrorCount, int WarningCount, int Revision, string ContentHash, string? SourceFileName,
    DateTime UpdatedAt, string UpdatedBy)
{
    /// <summary>The row of a loaded document (its organisation and region included when loaded).</summary>
    public static DocumentListItem Of(StoredDocument d) => new(
        d.Id, d.OrganisationId, d.Organisation?.Name ?? "", d.Organisation?.Region?.Name, d.Kind, d.Title, d.Year, d.Unit, d.FundName,
        d.Status, d.HasErrors, d.ErrorCount, d.WarningCount, d.Revision, d.ContentHash, d.SourceFileName, d.UpdatedAt, d.UpdatedBy);
}

public sealed record DocumentPage(DocumentCounts Counts, IReadOnlyList<DocumentListItem> Items, int Page, int PageSize);

public abstract record SaveResult
{
    public sealed record Saved(StoredDocument Document, IReadOnlyList<FindingRecord> Findings) : SaveResult;
    public sealed record NotFound : SaveResult;
    public sealed record Forbidden(string Reason) : SaveResult;
    public sealed record Conflict(StoredDocument Current, string Reason) : SaveResult;
    public sealed record Invalid(string Reason) : SaveResult;
}

/// <summary>Reads and writes stored documents. Every read is scoped by <see cref="AccessScope"/>; every write makes a new immutable version and an audit entry in the same transaction.</summary>
public sealed class DocumentService(JixiaoDb db, CheckService checks, AuditLog audit, DocumentListCache listCache)
{
    /// <summary>
    /// One page of the visible documents matching <paramref name="f"/>, in the order year (newest first),
    /// organisation, title, id. The totals and the order come from <see cref="DocumentListCache"/> (one grouped query
    /// and one id-only scan of the ordering index after a change, not per request); a page is a slice of that order,
    /// and only its rows' listed columns are read — never the content JSON.
    /// </summary>
    public async Task<DocumentPage> ListAsync(AccessScope scope, DocumentFilter f, CancellationToken ct = default)
    {
        var q = await FilterAsync(scope, f, ct);
        var key = ListKey(scope, f);
        var counts = await listCache.CountsAsync(key, () => CountAsync(q, ct));
        var page = Math.Max(1, f.Page);
        var size = Math.Clamp(f.PageSize, 1, 500);
        var order = await listCache.OrderAsync(key, async () =>
            [.. await q.OrderByDescending(d => d.Year).ThenBy(d => d.OrganisationId).ThenBy(d => d.Title).ThenBy(d => d.Id).Select(d => d.Id).ToListAsync(ct)]);
        var from = (long)(page - 1) * size;
        if (from >= order.Length) return new DocumentPage(counts, [], page, size);
        var ids = order.AsSpan((int)from, (int)Math.Min(size, order.Length - from)).ToArray();
        var rows = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new DocumentListItem(
                d.Id, d.OrganisationId, d.Organisation!.Name, d.Organisation.Region!.Name, d.Kind, d.Title, d.Year, d.Unit, d.FundName,
                d.Status, d.HasErrors, d.ErrorCount, d.WarningCount, d.Revision, d.ContentHash, d.SourceFileName, d.UpdatedAt, d.UpdatedBy))
            .ToListAsync(ct);
        var position = new Dictionary<Guid, int>(ids.Length);
        for (var i = 0; i < ids.Length; i++) position[ids[i]] = i;
        rows.Sort((x, y) => position[x.Id].CompareTo(position[y.Id]));
        return new DocumentPage(counts, rows, page, size);
    }

    private static async Task<DocumentCounts> CountAsync(IQueryable<StoredDocument> q, CancellationToken ct)
    {
        var groups = await q.GroupBy(d => new { d.Status, d.Kind, d.HasErrors })
            .Select(g => new { g.Key.Status, g.Key.Kind, g.Key.HasErrors, Documents = g.Count(), Errors = g.Sum(x => x.ErrorCount), Warnings = g.Sum(x => x.WarningCount) })
            .ToListAsync(ct);
        return new DocumentCounts(
            groups.Sum(g => g.Documents),
            groups.Where(g => g.HasErrors).Sum(g => g.Documents),
            groups.Sum(g => g.Errors),
            groups.Sum(g => g.Warnings),
            groups.GroupBy(g => g.Status).ToDictionary(x => x.Key, x => x.Sum(g => g.Documents)),
            groups.GroupBy(g => g.Kind).ToDictionary(x => x.Key, x => x.Sum(g => g.Documents)));
    }

    /// <summary>What the totals and the order depend on: who is asking (what they may see) and the filter without the page.</summary>
    private static string ListKey(AccessScope scope, DocumentFilter f)
    {
        var who = scope.IsAdmin ? "*" : string.Join(",", scope.VisibleOrganisationIds.Order());
        return string.Join("|", who, f.Year, f.RegionId, f.OrganisationId, f.Unit?.Trim(), f.Kind, f.Status, f.HasErrors, f.Q?.Trim());
    }

    private async Task<IQueryable<StoredDocument>> FilterAsync(AccessScope scope, DocumentFilter f, CancellationToken ct)
    {
        var q = await WithinAsync(scope.Documents(db), f.Year, f.RegionId, null, ct);
        if (f.OrganisationId is { } o) q = q.Where(d => d.OrganisationId == o);
        if (!string.IsNullOrWhiteSpace(f.Unit))
        {
            var u = f.Unit.Trim();
            q = q.Where(d => (d.Unit != null && d.Unit.Contains(u)) || d.Organisation!.Name.Contains(u));
        }
        if (f.Kind is { } k) q = q.Where(d => d.Kind == k);
        if (f.Status is { } s) q = q.Where(d => d.Status == s);
        if (f.HasErrors is { } e) q = q.Where(d => d.HasErrors == e);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var t = f.Q.Trim();
            q = q.Where(d => d.Title.Contains(t) || (d.FundName != null && d.FundName.Contains(t)));
        }
        return q;
    }

    /// <summary>
    /// Narrows documents to a year, a region with the regions under it, and an organisation with the
    /// organisations under it (each when given) — the one place the list and the 汇总 scope their documents.
    /// </summary>
    public async Task<IQueryable<StoredDocument>> WithinAsync(IQueryable<StoredDocument> q, int? year, int? region, int? organisation, CancellationToken ct = default)
    {
        if (year is { } y) q = q.Where(d => d.Year == y);
        if (region is { } r)
        {
            var regions = await RegionSubtreeAsync(r, ct);
            q = q.Where(d => regions.Contains(d.Organisation!.RegionId));
        }
        if (organisation is { } o)
        {
            var subtree = await OrganisationSubtreeAsync(o, ct);
            q = q.Where(d => subtree.Contains(d.OrganisationId));
        }
        return q;
    }

    public async Task<List<int>> RegionSubtreeAsync(int regionId, CancellationToken ct = default) =>
        Trees.Subtree((await db.Regions.AsNoTracking().Select(x => new { x.Id, x.ParentId }).ToListAsync(ct)).Select(x => (x.Id, x.ParentId)), regionId);

    public async Task<List<int>> OrganisationSubtreeAsync(int organisationId, CancellationToken ct = default) =>
        Trees.Subtree((await db.Organisations.AsNoTracking().Select(x => new { x.Id, x.ParentId }).ToListAsync(ct)).Select(x => (x.Id, x.ParentId)), organisationId);

    /// <summary>The document when it exists and the user may see it; otherwise null (the caller answers 404 either way).</summary>
    public Task<StoredDocument?> GetAsync(AccessScope scope, Guid id, CancellationToken ct = default) =>
        scope.Documents(db).Include(d => d.Organisation).ThenInclude(o => o!.Region).AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);

    /// <summary>Findings of the current version.</summary>
    public async Task<List<FindingRecord>> FindingsAsync(StoredDocument doc, CancellationToken ct = default)
    {
        var version = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == doc.Id && v.Number == doc.Revision).Select(v => v.Id).FirstOrDefaultAsync(ct);
        return await db.Findings.AsNoTracking().Where(f => f.DocumentVersionId == version)
            .OrderByDescending(f => f.Severity).ThenBy(f => f.Id).ToListAsync(ct);
    }

    public async Task<List<CoverageEntry>> CoverageAsync(StoredDocument doc, CancellationToken ct = default)
    {
        var json = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == doc.Id && v.Number == doc.Revision).Select(v => v.CoverageJson).FirstOrDefaultAsync(ct);
        return json is null ? [] : CanonicalJson.Deserialize<List<CoverageEntry>>(json) ?? [];
    }

    /// <summary>The versions' history (number, reason, who, when, hash) — without each version's content and coverage JSON.</summary>
    public Task<List<DocumentVersion>> VersionsAsync(StoredDocument doc, CancellationToken ct = default) =>
        db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == doc.Id).OrderByDescending(v => v.Number)
            .Select(v => new DocumentVersion { Id = v.Id, DocumentId = v.DocumentId, Number = v.Number, ContentHash = v.ContentHash, Reason = v.Reason, CreatedBy = v.CreatedBy, CreatedAt = v.CreatedAt })
            .ToListAsync(ct);

    public static Document Content(StoredDocument doc) => Content(doc.ContentJson);

    /// <summary>A stored document's content from its canonical JSON alone (when only that column was read).</summary>
    public static Document Content(string contentJson) =>
        CanonicalJson.Deserialize<Document>(contentJson) ?? throw new InvalidOperationException("文档内容为空。");

    /// <summary>Adds a new document (not saved): its first version and its findings.</summary>
    public StoredDocument Add(AccessScope scope, int organisationId, Document content, IEnumerable<Finding> findings, IEnumerable<CoverageEntry> coverage, string reason, Guid? importId = null, string? sourceFileName = null)
    {
        var now = DateTime.UtcNow;
        var stored = new StoredDocument
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            Status = DocumentStatus.Draft,
            ImportRecordId = importId,
            SourceFileName = sourceFileName,
            CreatedBy = scope.UserName,
            CreatedAt = now,
        };
        if (string.IsNullOrWhiteSpace(content.Id)) content.Id = stored.Id.ToString();
        // Who adjusted a target and when is stamped by this system on editing, never taken from an upload.
        if (content is SelfEvaluationTable table)
            foreach (var a in table.Indicators.Select(i => i.Adjustment).OfType<TargetAdjustment>()) { a.By = null; a.At = null; }
        db.Documents.Add(stored);
        AddVersion(stored, content, findings.ToList(), coverage, reason, scope.UserName, now);
        return stored;
    }

    /// <summary>Creates a document from content the user entered (a new table or a copy), checked and saved.</summary>
    public async Task<SaveResult> CreateAsync(AccessScope scope, int organisationId, Document content, string reason, CancellationToken ct = default)
    {
        if (!scope.CanEdit(organisationId)) return new SaveResult.Forbidden("您没有为该单位填报的权限。");
        var report = checks.Check(content);
        var stored = Add(scope, organisationId, content, report.Findings.Where(f => f.DocumentId == content.Id), report.Coverage.GetValueOrDefault(content.Id) ?? [], reason);
        await audit.AppendAndSaveAsync(scope, "create", "document", stored.Id.ToString(), organisationId,
            new { title = stored.Title, kind = stored.Kind.JsonName(), revision = stored.Revision, hash = stored.ContentHash, reason }, ct);
        return new SaveResult.Saved(stored, stored.Versions[^1].Findings);
    }

    /// <summary>The self-evaluation reports imported with a document that cover it (their table ids name it).</summary>
    private async Task<List<Document>> LinkedReportsAsync(StoredDocument stored, string contentId, CancellationToken ct)
    {
        if (stored.ImportRecordId is not { } import || stored.Kind is not (DocumentKind.TransferSelfEvaluation or DocumentKind.ProjectSelfEvaluation or DocumentKind.DepartmentSelfEvaluation))
            return [];
        var json = await db.Documents.AsNoTracking().Where(d => d.ImportRecordId == import && d.Kind == DocumentKind.SelfEvaluationReport)
            .Select(d => d.ContentJson).ToListAsync(ct);
        return [.. json.Select(Content).OfType<SelfEvaluationReport>().Where(r => r.TableIds.Contains(contentId))];
    }

    /// <summary>Saves a new version when <paramref name="expectedRevision"/> is still the current one; otherwise a conflict, and nothing is written.</summary>
    public async Task<SaveResult> UpdateAsync(AccessScope scope, Guid id, Document content, int expectedRevision, CancellationToken ct = default)
    {
        var stored = await scope.Documents(db).Include(d => d.Organisation).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (stored is null) return new SaveResult.NotFound();
        if (!scope.CanEdit(stored.OrganisationId)) return new SaveResult.Forbidden("您可以查看该文档，但没有修改它的权限（只有本单位的填报人员可以修改）。");
        if (stored.Revision != expectedRevision)
            return new SaveResult.Conflict(stored, $"该文档已被 {stored.UpdatedBy} 于 {stored.UpdatedAt:yyyy-MM-dd HH:mm:ss}（UTC）修改为第 {stored.Revision} 版，您提交的是基于第 {expectedRevision} 版的修改。");
        if (stored.Status is not (DocumentStatus.Draft or DocumentStatus.Returned))
            return new SaveResult.Forbidden($"文档状态为“{stored.Status.ChineseName()}”，已冻结，不能修改。");
        if (content.Kind != stored.Kind)
            return new SaveResult.Invalid($"不能把“{stored.Kind.ChineseName()}”改为“{content.Kind.ChineseName()}”。");
        var before = stored.ContentJson;
        var beforeHash = stored.ContentHash;
        var previous = Content(stored);
        if (string.IsNullOrWhiteSpace(content.Id)) content.Id = previous.Id;
        var now = DateTime.UtcNow;
        var adjustments = await AdjustTargetsAsync(scope, stored, previous, content, expectedRevision + 1, now, ct);
        // Checked beside the report it came with, as at import: a 万元 heading over amounts in 元 stays confirmed by the
        // report's figures (SE-FUND-UNIT), an over-spending stays explained by it, after an edit of anything else.
        var report = checks.Check([content, .. await LinkedReportsAsync(stored, content.Id, ct)]);
        var version = AddVersion(stored, content, report.Findings.Where(f => f.DocumentId == content.Id).ToList(), report.Coverage.GetValueOrDefault(content.Id) ?? [], "编辑", scope.UserName, now);
        db.Entry(stored).Property(d => d.Revision).OriginalValue = expectedRevision;
        try
        {
            await audit.AppendAndSaveAsync(scope, "update", "document", stored.Id.ToString(), stored.OrganisationId, new
            {
                title = stored.Title,
                fromRevision = expectedRevision,
                toRevision = stored.Revision,
                beforeHash,
                afterHash = stored.ContentHash,
                changes = JsonDiff.Diff(before, stored.ContentJson, 100),
                adjustments,
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await scope.Documents(db).AsNoTracking().FirstAsync(d => d.Id == id, ct);
            return new SaveResult.Conflict(current, $"保存时该文档已被 {current.UpdatedBy} 修改为第 {current.Revision} 版，您的修改没有保存。");
        }
        return new SaveResult.Saved(stored, version.Findings);
    }

    /// <summary>
    /// 调整后指标: in a table started from a 绩效目标表 the declared targets stay and a new value becomes the adjusted one;
    /// every changed adjustment is stamped with the user and time (never taken from the client) and recorded.
    /// </summary>
    private async Task<List<GoalCarryOver.Change>> AdjustTargetsAsync(AccessScope scope, StoredDocument stored, Document previous, Document content, int revision, DateTime now, CancellationToken ct)
    {
        if (content is not SelfEvaluationTable table) return [];
        var goal = await db.Goals.AsNoTracking().Where(g => g.DocumentId == stored.Id).Select(g => g.ContentJson).FirstOrDefaultAsync(ct);
        if (goal is not null && CanonicalJson.Deserialize<Document>(goal) is SelfEvaluationTable declared) GoalCarryOver.KeepDeclaredTargets(declared, table);
        var changes = GoalCarryOver.StampAdjustments(previous as SelfEvaluationTable, table, scope.UserName, now);
        foreach (var c in changes)
            db.IndicatorAdjustments.Add(new IndicatorAdjustment
            {
                DocumentId = stored.Id,
                // The history row is bounded by its columns; the full texts stay in the version's content.
                Indicator = Bounded(c.Indicator, 500)!,
                DeclaredTarget = Bounded(c.Declared, 500),
                AdjustedTarget = Bounded(c.Adjusted, 500),
                Reason = Bounded(c.Reason, 2000),
                VersionNumber = revision,
                By = scope.UserName,
                At = now,
            });
        return changes;
    }

    private static string? Bounded(string? s, int max) => s is { Length: > 0 } t && t.Length > max ? t[..(max - 1)] + "…" : s;

    public Task<List<IndicatorAdjustment>> AdjustmentsAsync(Guid documentId, CancellationToken ct = default) =>
        db.IndicatorAdjustments.AsNoTracking().Where(a => a.DocumentId == documentId).OrderBy(a => a.Id).ToListAsync(ct);

    private DocumentVersion AddVersion(StoredDocument stored, Document content, List<Finding> findings, IEnumerable<CoverageEntry> coverage, string reason, string by, DateTime now)
    {
        var json = CanonicalJson.Serialize<Document>(content);
        var hash = Hashing.Sha256Hex(json);
        stored.Kind = content.Kind;
        stored.Title = string.IsNullOrWhiteSpace(content.Title) ? content.Kind.ChineseName() : content.Title.Trim();
        stored.Year = content.Year;
        stored.Unit = content.Unit ?? (content as SelfEvaluationTable)?.ImplementingUnit;
        stored.FundName = (content as SelfEvaluationTable)?.FundName;
        stored.ContentJson = json;
        stored.ContentHash = hash;
        stored.Revision += 1;
        stored.UpdatedBy = by;
        stored.UpdatedAt = now;
        stored.ErrorCount = findings.Count(f => f.Severity == Severity.Error);
        stored.WarningCount = findings.Count(f => f.Severity == Severity.Warning);
        stored.InfoCount = findings.Count(f => f.Severity == Severity.Info);
        stored.HasErrors = stored.ErrorCount > 0;
        var version = new DocumentVersion
        {
            DocumentId = stored.Id,
            Number = stored.Revision,
            ContentJson = json,
            ContentHash = hash,
            CoverageJson = CanonicalJson.Serialize(coverage.ToList()),
            Reason = reason,
            CreatedBy = by,
            CreatedAt = now,
        };
        foreach (var f in findings)
        {
            version.Findings.Add(new FindingRecord
            {
                DocumentId = stored.Id,
                Rule = f.Rule,
                Severity = f.Severity,
                Location = f.Location,
                Message = f.Message,
                Stated = f.Stated,
                Expected = f.Expected,
                AtJson = f.At is null ? null : CanonicalJson.Serialize(f.At),
            });
        }
        stored.Versions.Add(version);
        db.DocumentVersions.Add(version);
        return version;
    }

    public static Finding ToFinding(FindingRecord r) => new()
    {
        Rule = r.Rule,
        Severity = r.Severity,
        DocumentId = r.DocumentId.ToString(),
        Location = r.Location,
        Message = r.Message,
        Stated = r.Stated,
        Expected = r.Expected,
        At = r.AtJson is null ? null : CanonicalJson.Deserialize<Core.Provenance.SourceRef>(r.AtJson),
    };
}

/// <summary>A small structural diff of two JSON texts: the paths whose values differ, with before and after.</summary>
public static class JsonDiff
{
    public sealed record Change(string Path, string? Before, string? After);

    public static List<Change> Diff(string before, string after, int max)
    {
        var result = new List<Change>();
        Walk("$", JsonNode.Parse(before), JsonNode.Parse(after), result, max);
        return result;
    }

    private static void Walk(string path, JsonNode? a, JsonNode? b, List<Change> into, int max)
    {
        if (into.Count >= max) return;
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var key in oa.Select(p => p.Key).Union(ob.Select(p => p.Key)))
                Walk($"{path}.{key}", oa[key], ob[key], into, max);
            return;
        }
        if (a is JsonArray aa && b is JsonArray ab)
        {
            for (var i = 0; i < Math.Max(aa.Count, ab.Count); i++)
                Walk($"{path}[{i}]", i < aa.Count ? aa[i] : null, i < ab.Count ? ab[i] : null, into, max);
            return;
        }
        var sa = a?.ToJsonString();
        var sb = b?.ToJsonString();
        if (sa != sb) into.Add(new Change(path, Short(sa), Short(sb)));
    }

    private static string? Short(string? s) => s is { Length: > 200 } ? s[..200] + "…" : s;
}

/// <summary>Options for JSON written in API bodies that are not canonical documents.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        o.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
    }
}
