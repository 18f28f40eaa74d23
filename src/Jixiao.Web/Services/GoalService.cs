using Jixiao.Core.Model;
using Jixiao.Core.Serialization;
using Jixiao.Core.Workflow;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Xlsx;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Services;

/// <summary>One indicator of a goal table entered in the browser or the API: levels, name and 年初指标值.</summary>
public sealed record GoalIndicatorInput(string Level1, string Level2, string Name, string? Target);

/// <summary>A 绩效目标表 entered in the browser or the API (template: transfer | project; budget in the template's unit: 万元 | 元).</summary>
public sealed record GoalBody(int OrganisationId, int Year, string FundName, int? TaskId, string? Template, string? OverallGoal, decimal? Budget, List<GoalIndicatorInput>? Indicators);

public abstract record GoalResult
{
    public sealed record Done(IReadOnlyList<PerformanceGoal> Goals) : GoalResult;
    public sealed record Started(PerformanceGoal Goal, StoredDocument Document) : GoalResult;
    public sealed record NotFound(string Reason) : GoalResult;
    public sealed record Forbidden(string Reason) : GoalResult;
    /// <summary>The input cannot be declared; every reason, nothing written.</summary>
    public sealed record Invalid(IReadOnlyList<string> Reasons) : GoalResult;
    public sealed record Conflict(string Reason) : GoalResult;
}

/// <summary>
/// 绩效目标表 (issue 6, item 1): a unit declares its goals for a year and fund — entered, or imported from a file read by
/// the same readers as self-evaluations — optionally for a task; the year-end table starts from them
/// (<see cref="GoalCarryOver"/>). Who may do what comes from <see cref="AccessScope"/>: the unit's filler declares and
/// starts; whoever sees the unit reads. Every change is audited in the same transaction.
/// </summary>
public sealed class GoalService(JixiaoDb db, ImportService importer, DocumentService documents, CheckService checks, AuditLog audit)
{
    public async Task<List<PerformanceGoal>> ListAsync(AccessScope scope, int? year, int? organisation, CancellationToken ct = default)
    {
        var q = db.Goals.AsNoTracking().Include(g => g.Organisation).Include(g => g.Task).AsQueryable();
        if (!scope.IsAdmin)
        {
            var visible = scope.VisibleOrganisationIds.ToList();
            q = q.Where(g => visible.Contains(g.OrganisationId));
        }
        if (year is { } y) q = q.Where(g => g.Year == y);
        if (organisation is { } o) q = q.Where(g => g.OrganisationId == o);
        return await q.OrderByDescending(g => g.Year).ThenBy(g => g.OrganisationId).ThenBy(g => g.FundName).ToListAsync(ct);
    }

    /// <summary>The goal when the user may see its unit; otherwise null (404 either way).</summary>
    public async Task<PerformanceGoal?> GetAsync(AccessScope scope, int id, CancellationToken ct = default)
    {
        var goal = await db.Goals.AsNoTracking().Include(g => g.Organisation).Include(g => g.Task).FirstOrDefaultAsync(g => g.Id == id, ct);
        return goal is not null && scope.CanSee(goal.OrganisationId) ? goal : null;
    }

    /// <summary>The goal for a unit, year and fund, when declared and visible.</summary>
    public async Task<PerformanceGoal?> FindAsync(AccessScope scope, int organisation, int year, string fund, CancellationToken ct = default)
    {
        if (!scope.CanSee(organisation)) return null;
        var name = fund.Trim();
        return await db.Goals.AsNoTracking().FirstOrDefaultAsync(g => g.OrganisationId == organisation && g.Year == year && g.FundName == name, ct);
    }

    public static SelfEvaluationTable Content(PerformanceGoal goal) =>
        CanonicalJson.Deserialize<Document>(goal.ContentJson) as SelfEvaluationTable ?? throw new InvalidOperationException("绩效目标表内容无效。");

    /// <summary>Declares the goals entered in the browser or the API.</summary>
    public async Task<GoalResult> DeclareAsync(AccessScope scope, GoalBody body, CancellationToken ct = default)
    {
        if (await RefuseAsync(scope, body.OrganisationId, body.TaskId, ct) is { } refused) return refused;
        var org = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == body.OrganisationId, ct);
        var table = Build(body, org.Name);
        return await SaveAsync(scope, body.OrganisationId, body.TaskId, [table], "goal-declare", null, ct);
    }

    /// <summary>Imports every goal table of a file (xlsx, text in any encoding, canonical JSON): all of them or none.</summary>
    public async Task<GoalResult> ImportAsync(AccessScope scope, int organisation, int? taskId, string fileName, byte[] content, CancellationToken ct = default)
    {
        if (await RefuseAsync(scope, organisation, taskId, ct) is { } refused) return refused;
        ImportPreview preview;
        try
        {
            preview = importer.Preview(fileName, content, ct);
        }
        catch (UnreadableFileException e)
        {
            return new GoalResult.Invalid([e.Message]);
        }
        var tables = preview.Read.Documents.OfType<SelfEvaluationTable>().ToList();
        if (tables.Count == 0) return new GoalResult.Invalid([$"{preview.FileName}：没有找到绩效目标表（表名、资金投入情况和绩效指标）。"]);
        foreach (var t in tables) t.Source = null;
        return await SaveAsync(scope, organisation, taskId, tables, "goal-import", new { file = preview.FileName, size = preview.Size, fileHash = preview.FileHash }, ct);
    }

    private async Task<GoalResult?> RefuseAsync(AccessScope scope, int organisation, int? taskId, CancellationToken ct)
    {
        if (!scope.CanSee(organisation)) return new GoalResult.NotFound("单位不存在，或您无权访问。");
        if (!scope.CanEdit(organisation)) return new GoalResult.Forbidden("只有本单位的填报人员可以申报绩效目标。");
        if (taskId is { } id && !await db.Tasks.AnyAsync(t => t.Id == id && t.Assignments.Any(a => a.OrganisationId == organisation), ct))
            return new GoalResult.Invalid(["该自评任务不存在，或没有下达给该单位。"]);
        return null;
    }

    private static SelfEvaluationTable Build(GoalBody body, string unit)
    {
        var t = Templates.Blank(body.Template == "project" ? "project" : "transfer", body.Year, unit);
        t.FundName = body.FundName?.Trim();
        t.Title = $"{t.FundName}绩效目标表";
        t.OverallGoal = string.IsNullOrWhiteSpace(body.OverallGoal) ? null : body.OverallGoal.Trim();
        if (body.Budget is { } b)
        {
            var total = t.TotalFund!;
            total.Budget = Figure.Of(b);
            if (t is ProjectSelfEvaluation) total.InitialBudget = Figure.Of(b);
        }
        t.Indicators = (body.Indicators ?? []).Where(i => !string.IsNullOrWhiteSpace(i.Name) || !string.IsNullOrWhiteSpace(i.Target)).Select(i => new IndicatorRow
        {
            Level1Label = i.Level1.Trim(),
            Level1 = IndicatorLevels.Level1(i.Level1),
            Level2Label = i.Level2.Trim(),
            Level2 = IndicatorLevels.Level2(i.Level2),
            Name = i.Name.Trim(),
            Target = string.IsNullOrWhiteSpace(i.Target) ? null : i.Target.Trim(),
            Weight = t is ProjectSelfEvaluation ? Figure.Blank() : null,
            Score = t is ProjectSelfEvaluation ? Figure.Blank() : null,
        }).ToList();
        Templates.AssignLogicalRefs(t);
        return t;
    }

    /// <summary>Validates every table, then declares (or re-declares) each for its year and fund in one transaction.</summary>
    private async Task<GoalResult> SaveAsync(AccessScope scope, int organisation, int? taskId, List<SelfEvaluationTable> tables, string action, object? file, CancellationToken ct)
    {
        var problems = tables.SelectMany(GoalCarryOver.Problems).ToList();
        problems.AddRange(tables.Where(t => t.FundName?.Trim().Length > 300).Select(t => $"资金名称“{t.FundName![..20]}…”超过 300 个字。"));
        var duplicate = tables.GroupBy(t => (t.Year, Text.Compact(t.FundName))).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) problems.Add($"文件中“{duplicate.First().FundName}”{duplicate.Key.Year}年度的绩效目标表出现了 {duplicate.Count()} 次。");
        if (problems.Count > 0) return new GoalResult.Invalid(problems);
        var now = DateTime.UtcNow;
        var saved = new List<PerformanceGoal>();
        foreach (var t in tables)
        {
            var fund = t.FundName!.Trim();
            var year = t.Year!.Value;
            var goal = await db.Goals.FirstOrDefaultAsync(g => g.OrganisationId == organisation && g.Year == year && g.FundName == fund, ct);
            if (goal?.DocumentId is not null)
                return new GoalResult.Conflict($"“{fund}”{year}年度的年终自评表已经从绩效目标表新建，不能再重新申报；年中的调整请在自评表中填写调整后指标和调整理由。");
            if (goal is null) db.Goals.Add(goal = new PerformanceGoal { OrganisationId = organisation, Year = year, FundName = fund });
            goal.TaskId = taskId ?? goal.TaskId;
            goal.ContentJson = CanonicalJson.Serialize<Document>(t);
            goal.DeclaredBy = scope.UserName;
            goal.DeclaredAt = now;
            saved.Add(goal);
        }
        await audit.AppendAndSaveAsync(scope, action, "performance-goal", null, organisation, new
        {
            file,
            task = taskId,
            goals = tables.Select(t => new { fund = t.FundName, year = t.Year, indicators = t.Indicators.Count, budget = t.TotalFund?.Budget.Value, hash = Hashing.Sha256Hex(CanonicalJson.Serialize<Document>(t)) }),
        }, ct);
        return new GoalResult.Done(saved);
    }

    /// <summary>Starts the year-end self-evaluation table from the goals (once per goal): the targets, goal text and budget carry in.</summary>
    public async Task<GoalResult> StartAsync(AccessScope scope, int id, CancellationToken ct = default)
    {
        var goal = await db.Goals.Include(g => g.Organisation).FirstOrDefaultAsync(g => g.Id == id, ct);
        if (goal is null || !scope.CanSee(goal.OrganisationId)) return new GoalResult.NotFound("绩效目标表不存在，或您无权访问。");
        if (!scope.CanEdit(goal.OrganisationId)) return new GoalResult.Forbidden("只有本单位的填报人员可以新建自评表。");
        if (goal.DocumentId is { } existing && await db.Documents.AnyAsync(d => d.Id == existing, ct))
            return new GoalResult.Conflict("已经从这张绩效目标表新建了年终自评表。");
        var yearEnd = GoalCarryOver.YearEnd(Content(goal));
        if (yearEnd is TransferSelfEvaluation && yearEnd.Management.Count == 0)
            yearEnd.Management = Templates.ManagementAspects.Select(a => new ManagementItem { Aspect = a }).ToList();
        yearEnd.ImplementingUnit ??= goal.Organisation?.Name;
        Templates.AssignLogicalRefs(yearEnd);
        yearEnd.Id = Guid.NewGuid().ToString();
        var report = checks.Check(yearEnd);
        var stored = documents.Add(scope, goal.OrganisationId, yearEnd, report.Findings.Where(f => f.DocumentId == yearEnd.Id).ToList(), report.Coverage.GetValueOrDefault(yearEnd.Id) ?? [], "从绩效目标表新建");
        goal.DocumentId = stored.Id;
        await audit.AppendAndSaveAsync(scope, "goal-start", "document", stored.Id.ToString(), goal.OrganisationId,
            new { goal = goal.Id, fund = goal.FundName, year = goal.Year, title = stored.Title, revision = stored.Revision, hash = stored.ContentHash, indicators = yearEnd.Indicators.Count }, ct);
        return new GoalResult.Started(goal, stored);
    }
}
