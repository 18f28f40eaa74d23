using System.IO.Compression;
using Jixiao.Core.Aggregation;
using Jixiao.Core.Checks;
using Jixiao.Core.FinalAccounts;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Core.Scoring;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Documents.Export;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Services;

public sealed record NamedCount(string Name, int Count);
public sealed record NamedRate(string Name, decimal Budget, decimal Execution, decimal? Rate);
public sealed record TaskProgressRow(int OrganisationId, string Organisation, string Status, DateTime? SubmittedAt, bool Overdue, bool Late);
public sealed record TaskProgress(int TaskId, string Title, int Year, string? Fund, DateOnly Deadline, string Issuer, int Assigned, int Submitted, int Overdue, IReadOnlyList<TaskProgressRow> Rows);
public sealed record YearPoint(int Year, int Documents, decimal Budget, decimal Execution, decimal? Rate);
public sealed record MonitoringRow(string Organisation, string Fund, int Year, int Month, decimal Budget, decimal Executed, MonitoringResult Result);

public sealed record Dashboard(
    int? Year,
    int Documents,
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyList<NamedRate> ExecutionByRegion,
    IReadOnlyList<NamedRate> ExecutionBySource,
    IReadOnlyList<NamedCount> Grades,
    IReadOnlyList<NamedCount> MissedIndicators,
    IReadOnlyList<NamedCount> FindingsByRule,
    IReadOnlyList<TaskProgress> Tasks,
    IReadOnlyList<YearPoint> YearOnYear,
    IReadOnlyList<MonitoringRow> Monitoring);

public sealed record DueDisclosure(Guid Id, string Title, string Organisation, DocumentKind Kind, DateTime ApprovedAt, DateOnly DueBy, bool Overdue, int DaysLeft);

/// <summary>
/// The figures above single documents — 汇总, dashboards, results use and budget credibility, task progress,
/// publishing deadlines and the submission bundle — all over <see cref="AccessScope.Documents"/>, so nobody
/// sees a sum of what they may not read. The arithmetic is Jixiao.Core's (<see cref="SelfEvaluationAggregator"/> …).
/// </summary>
public sealed class AnalyticsService(JixiaoDb db, DocumentService documents, CheckService checks)
{
    /// <summary>Days after approval by which a 决算 must be public (财预〔2016〕143号).</summary>
    public const int DisclosureDays = 20;

    private sealed record Loaded(StoredDocument Stored, Document Content);

    /// <summary>The visible self-evaluation tables in a year, region and organisation subtree (each when given), with their content.</summary>
    private async Task<List<Loaded>> TablesAsync(AccessScope scope, int? year, int? region, int? organisation, CancellationToken ct, bool includeDrafts = true)
    {
        var q = await SelfEvaluationsAsync(scope, year, region, organisation, ct);
        if (!includeDrafts) q = q.Where(d => d.Status != DocumentStatus.Draft);
        var list = await q.Include(d => d.Organisation).ThenInclude(o => o!.Region).ToListAsync(ct);
        // Parsing the content is the bulk of the work: on all cores, in the order read.
        return list.AsParallel().AsOrdered().Select(d => new Loaded(d, DocumentService.Content(d))).ToList();
    }

    private async Task<IQueryable<StoredDocument>> SelfEvaluationsAsync(AccessScope scope, int? year, int? region, int? organisation, CancellationToken ct) =>
        await documents.WithinAsync(scope.Documents(db).AsNoTracking()
            .Where(d => d.Kind == DocumentKind.TransferSelfEvaluation || d.Kind == DocumentKind.ProjectSelfEvaluation || d.Kind == DocumentKind.DepartmentSelfEvaluation),
            year, region, organisation, ct);

    public Task<List<int>> OrganisationSubtreeAsync(int organisationId, CancellationToken ct = default) => documents.OrganisationSubtreeAsync(organisationId, ct);

    /// <summary>The unit a table stands for in a 汇总: its organisation, with the implementing unit the table names.</summary>
    private static string Contributor(SelfEvaluationTable? table, string? organisation, string title) =>
        table is { ImplementingUnit: { Length: > 0 } u } ? $"{organisation}（{u}）" : organisation ?? title;

    /// <summary>
    /// The visible tables of one fund (every table without <paramref name="fund"/>) as the 汇总's inputs, by unit name,
    /// title and id. The fund is chosen on the stored fund name and title (small columns, the same
    /// <see cref="SelfEvaluationAggregator.MatchesFund(string?, string?, string?)"/> rule), then only those tables'
    /// content and organisation name are read — no entities, no other columns — and parsed on all cores.
    /// </summary>
    private async Task<List<AggregationInput>> AggregationInputsAsync(AccessScope scope, int? year, int? region, int? organisation, string? fund, CancellationToken ct)
    {
        var q = await SelfEvaluationsAsync(scope, year, region, organisation, ct);
        if (!string.IsNullOrWhiteSpace(fund))
        {
            var heads = await q.Select(d => new { d.Id, d.FundName, d.Title }).ToListAsync(ct);
            var ids = heads.Where(h => SelfEvaluationAggregator.MatchesFund(h.FundName, h.Title, fund)).Select(h => h.Id).ToList();
            q = db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id));
        }
        return Inputs(await ContentsAsync(q, ct), fund);
    }

    private sealed record ContentRow(Guid Id, string Title, string Organisation, string ContentJson);

    /// <summary>
    /// The contents in the 汇总's order: by unit name, then title, then id (ordinal), so the same request gives the
    /// same answer whatever order the database returns rows in (a PostgreSQL parallel plan or an edited row moves them).
    /// </summary>
    private static async Task<List<ContentRow>> ContentsAsync(IQueryable<StoredDocument> q, CancellationToken ct)
    {
        var rows = await q.Select(d => new ContentRow(d.Id, d.Title, d.Organisation!.Name, d.ContentJson)).ToListAsync(ct);
        rows.Sort(static (x, y) => InputOrder(x.Organisation, x.Title, x.Id, y.Organisation, y.Title, y.Id));
        return rows;
    }

    /// <summary>The order of a 汇总's inputs: unit name, title, id (ordinal).</summary>
    internal static int InputOrder(string? unitX, string titleX, Guid idX, string? unitY, string titleY, Guid idY)
    {
        var c = string.CompareOrdinal(unitX, unitY);
        if (c == 0) c = string.CompareOrdinal(titleX, titleY);
        return c != 0 ? c : idX.CompareTo(idY);
    }

    private static List<AggregationInput> Inputs(List<ContentRow> rows, string? fund) =>
        rows.AsParallel().AsOrdered()
            .Select(r => (Row: r, Table: DocumentService.Content(r.ContentJson) as SelfEvaluationTable))
            .Where(x => x.Table is not null && SelfEvaluationAggregator.MatchesFund(x.Table, fund))
            .Select(x => new AggregationInput(x.Table!, Contributor(x.Table, x.Row.Organisation, x.Row.Title), x.Row.Id.ToString()))
            .ToList();

    /// <summary>The 汇总 of the visible tables of one fund, for a region or a department (and its units) and a year.</summary>
    public async Task<(AggregationResult Result, CheckReport Report)?> AggregateAsync(AccessScope scope, int? region, int? organisation, int? year, string? fund, CancellationToken ct = default)
    {
        var inputs = await AggregationInputsAsync(scope, year, region, organisation, fund, ct);
        if (inputs.Count == 0) return null;
        string? who = null, regionName = null;
        if (organisation is { } o) who = await db.Organisations.Where(x => x.Id == o).Select(x => x.Name).FirstOrDefaultAsync(ct);
        if (region is { } r) regionName = await db.Regions.Where(x => x.Id == r).Select(x => x.Name).FirstOrDefaultAsync(ct);
        var result = SelfEvaluationAggregator.Aggregate(inputs, new AggregationOptions { Aggregator = who, Region = regionName, Year = year, Fund = fund });
        return (result, checks.Check(result.Table));
    }

    /// <summary>The 汇总 of the visible final-accounts disclosures of a department's units, internal transfers offset.</summary>
    public async Task<FinalAccountsAggregate?> AggregateFinalAccountsAsync(AccessScope scope, int? region, int? organisation, int? year, CancellationToken ct = default)
    {
        var q = await documents.WithinAsync(scope.Documents(db).Include(d => d.Organisation).AsNoTracking().Where(d => d.Kind == DocumentKind.FinalAccounts), year, region, organisation, ct);
        var list = await q.ToListAsync(ct);
        if (list.Count == 0) return null;
        list.Sort(static (x, y) => InputOrder(x.Organisation?.Name, x.Title, x.Id, y.Organisation?.Name, y.Title, y.Id));
        var inputs = list.Select(d => new FinalAccountsInput((FinalAccountsDisclosure)DocumentService.Content(d), d.Organisation?.Name ?? d.Title, d.Id.ToString())).ToList();
        return FinalAccountsAggregator.Aggregate(inputs);
    }

    private static SelfEvaluationTable Table(Loaded l) => (SelfEvaluationTable)l.Content;

    /// <summary>The findings of the current version of each of <paramref name="docs"/>, in one query (no id lists).</summary>
    private IQueryable<FindingRecord> CurrentFindings(IQueryable<StoredDocument> docs) =>
        db.Findings.AsNoTracking()
            .Join(db.DocumentVersions.AsNoTracking(), f => f.DocumentVersionId, v => v.Id, (f, v) => new { Finding = f, v.DocumentId, v.Number })
            .Join(docs, x => x.DocumentId, d => d.Id, (x, d) => new { x.Finding, x.Number, d.Revision })
            .Where(x => x.Number == x.Revision)
            .Select(x => x.Finding);

    public async Task<Dashboard> DashboardAsync(AccessScope scope, int? year, CancellationToken ct = default)
    {
        var all = await TablesAsync(scope, null, null, null, ct);
        var tables = all.Where(l => year is null || l.Stored.Year == year).ToList();
        var docs = scope.Documents(db).AsNoTracking();
        if (year is { } y) docs = docs.Where(d => d.Year == y);
        var statusRows = await docs.Select(d => d.Status).ToListAsync(ct);
        var byStatus = statusRows.GroupBy(s => s).ToDictionary(g => g.Key.ChineseName(), g => g.Count());

        // The tables whose amounts the checks found written in 元 under a 万元 heading (SE-FUND-UNIT as an error in the
        // current version: confirmed by the report's own figures) are summed in 元, whatever year they are of.
        var unitRule = RuleCatalog.FundUnit.Id;
        var writtenInYuan = (await CurrentFindings(scope.Documents(db)).Where(f => f.Rule == unitRule && f.Severity == Severity.Error)
            .Select(f => f.DocumentId).ToListAsync(ct)).ToHashSet();

        decimal Yuan(Loaded l, decimal? v) =>
            v is { } x ? x * (writtenInYuan.Contains(l.Stored.Id) ? MoneyUnit.Yuan : Table(l).DeclaredUnit ?? MoneyUnit.WanYuan).YuanPer() / 10_000m : 0m;
        NamedRate Rate(string name, IEnumerable<(decimal A, decimal B)> rows)
        {
            var list = rows.ToList();
            var a = list.Sum(r => r.A);
            var b = list.Sum(r => r.B);
            return new NamedRate(name, Math.Round(a, 2), Math.Round(b, 2), Rates.Percent(b, a));
        }
        var byRegion = tables.GroupBy(l => l.Stored.Organisation?.Region?.Name ?? "（未知地区）")
            .Select(g => Rate(g.Key, g.Select(l => (Yuan(l, Table(l).TotalFund?.Budget.Value), Yuan(l, Table(l).TotalFund?.Execution.Value)))))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var bySource = tables.SelectMany(l => Table(l).Funds.Where(f => f.Source != FundSourceKind.Total)
                .Select(f => (Source: f.Source, A: Yuan(l, f.Budget.Value), B: Yuan(l, f.Execution.Value))))
            .GroupBy(x => x.Source).OrderBy(g => g.Key)
            .Select(g => Rate(g.Key.ChineseName(), g.Select(x => (x.A, x.B)))).Where(r => r.Budget > 0).ToList();

        var grades = new Dictionary<string, int> { ["优"] = 0, ["良"] = 0, ["中"] = 0, ["差"] = 0 };
        foreach (var l in tables)
            if (l.Content is ProjectSelfEvaluation p)
            {
                var g = Scorer.Score(p, checks.RuleSet).Grade;
                if (grades.ContainsKey(g)) grades[g]++;
            }
        var missed = tables.SelectMany(l => ((SelfEvaluationTable)l.Content).Indicators)
            .Where(i => Core.Indicators.IndicatorJudge.Judge(i.EffectiveTarget, i.Actual).Outcome is Core.Indicators.Outcome.NotMet or Core.Indicators.Outcome.PartlyMet)
            .GroupBy(i => Text.Compact(i.Name)).Select(g => new NamedCount(g.Key, g.Count()))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Name, StringComparer.Ordinal).Take(10).ToList();

        var rules = await CurrentFindings(docs).Where(f => f.Severity != Severity.Info)
            .GroupBy(f => f.Rule).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var findingsByRule = rules.OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal).Take(12).Select(r => new NamedCount(r.Key, r.Count)).ToList();

        var yoy = all.Where(l => l.Stored.Year is not null).GroupBy(l => l.Stored.Year!.Value).OrderBy(g => g.Key).Select(g =>
        {
            var r = Rate(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Select(l => (Yuan(l, Table(l).TotalFund?.Budget.Value), Yuan(l, Table(l).TotalFund?.Execution.Value))));
            return new YearPoint(g.Key, g.Count(), r.Budget, r.Execution, r.Rate);
        }).ToList();

        var tasks = await TaskProgressAsync(scope, year, ct);
        var monitoring = await MonitoringAsync(scope, year, ct);
        return new Dashboard(year, statusRows.Count, byStatus, byRegion, bySource, grades.Select(g => new NamedCount(g.Key, g.Value)).ToList(),
            missed, findingsByRule, tasks, yoy, monitoring);
    }

    /// <summary>Tasks the user issued or can see, with each assigned unit's submission against the deadline.</summary>
    public async Task<List<TaskProgress>> TaskProgressAsync(AccessScope scope, int? year, CancellationToken ct = default)
    {
        var q = db.Tasks.AsNoTracking().Include(t => t.Issuer).Include(t => t.Assignments).ThenInclude(a => a.Organisation).AsQueryable();
        if (year is { } y) q = q.Where(t => t.Year == y);
        var tasks = await q.OrderBy(t => t.Deadline).ToListAsync(ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var result = new List<TaskProgress>();
        foreach (var t in tasks)
        {
            if (!scope.IsAdmin && !scope.CanSee(t.IssuerOrganisationId) && !t.Assignments.Any(a => scope.CanSee(a.OrganisationId))) continue;
            var orgIds = t.Assignments.Select(a => a.OrganisationId).ToList();
            var docs = await db.Documents.AsNoTracking().Where(d => orgIds.Contains(d.OrganisationId) && d.Year == t.Year - 0)
                .Select(d => new { d.OrganisationId, d.Status, d.SubmittedAt, d.FundName, d.Title, d.Kind }).ToListAsync(ct);
            var rows = new List<TaskProgressRow>();
            foreach (var a in t.Assignments.Where(a => scope.IsAdmin || scope.CanSee(a.OrganisationId) || scope.CanSee(t.IssuerOrganisationId)))
            {
                var mine = docs.Where(d => d.OrganisationId == a.OrganisationId && d.Kind != DocumentKind.CoverLetter
                    && (string.IsNullOrWhiteSpace(t.FundName) || (d.FundName ?? d.Title).Contains(t.FundName, StringComparison.Ordinal))).ToList();
                var sent = mine.Where(d => d.Status != DocumentStatus.Draft && d.Status != DocumentStatus.Returned && d.SubmittedAt is not null).OrderBy(d => d.SubmittedAt).FirstOrDefault();
                var status = sent is not null ? sent.Status.ChineseName() : mine.Count == 0 ? "未开始" : mine.Any(d => d.Status == DocumentStatus.Returned) ? "已退回" : "填报中";
                var submittedDay = sent?.SubmittedAt is { } s ? DateOnly.FromDateTime(s.AddHours(8)) : (DateOnly?)null;
                var overdue = sent is null && today > t.Deadline;
                var late = submittedDay is { } d0 && d0 > t.Deadline;
                rows.Add(new TaskProgressRow(a.OrganisationId, a.Organisation?.Name ?? "", status, sent?.SubmittedAt, overdue, late));
            }
            result.Add(new TaskProgress(t.Id, t.Title, t.Year, t.FundName, t.Deadline, t.Issuer?.Name ?? "", rows.Count, rows.Count(r => r.SubmittedAt is not null), rows.Count(r => r.Overdue), rows));
        }
        return result;
    }

    public async Task<List<MonitoringRow>> MonitoringAsync(AccessScope scope, int? year, CancellationToken ct = default)
    {
        var q = db.MonthlyExecutions.AsNoTracking().Include(m => m.Organisation).AsQueryable();
        if (!scope.IsAdmin)
        {
            var ids = scope.VisibleOrganisationIds.ToList();
            q = q.Where(m => ids.Contains(m.OrganisationId));
        }
        if (year is { } y) q = q.Where(m => m.Year == y);
        var rows = await q.ToListAsync(ct);
        // The latest month of each fund.
        return rows.GroupBy(r => (r.OrganisationId, r.FundName, r.Year)).Select(g => g.OrderByDescending(r => r.Month).First())
            .Select(r => new MonitoringRow(r.Organisation?.Name ?? "", r.FundName, r.Year, r.Month, r.Budget, r.Executed,
                ExecutionMonitoring.Assess(r.Month, r.Budget, r.Executed, checks.RuleSet.Monitoring)))
            .OrderBy(r => r.Result.Light).ThenBy(r => r.Organisation, StringComparer.Ordinal).ToList();
    }

    /// <summary>Projects for next year's budget review, with every reason, over the visible tables of a year.</summary>
    public async Task<List<ReviewCandidate>> ReviewCandidatesAsync(AccessScope scope, int? year, CancellationToken ct = default)
    {
        var tables = await TablesAsync(scope, year, null, null, ct);
        var result = new List<ReviewCandidate>();
        foreach (var l in tables)
        {
            var t = (SelfEvaluationTable)l.Content;
            var rules = (await documents.FindingsAsync(l.Stored, ct)).Select(f => f.Rule).ToList();
            var score = t is ProjectSelfEvaluation p ? Scorer.Score(p, checks.RuleSet) : null;
            if (ResultsUse.Assess(t, l.Stored.Organisation?.Name ?? "", l.Stored.Id.ToString(), rules, score) is { } c) result.Add(c);
        }
        return result.OrderByDescending(c => c.Reasons.Count).ThenBy(c => c.ExecutionRate ?? 100m).ToList();
    }

    /// <summary>Outturn against the original budget (PEFA PI-1/PI-2) per department and per region.</summary>
    public async Task<(IReadOnlyList<CredibilityResult> Departments, IReadOnlyList<CredibilityResult> Regions)> CredibilityAsync(AccessScope scope, CancellationToken ct = default)
    {
        var tables = await TablesAsync(scope, null, null, null, ct);
        var orgs = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name, o.ParentId }).ToDictionaryAsync(o => o.Id, ct);
        string DepartmentOf(int id)
        {
            var o = orgs[id];
            while (o.ParentId is { } p) o = orgs[p];
            return o.Name;
        }
        var byDept = tables.Select(l => OutturnLine.From((SelfEvaluationTable)l.Content, DepartmentOf(l.Stored.OrganisationId), l.Stored.Id.ToString())).OfType<OutturnLine>();
        var byRegion = tables.Select(l => OutturnLine.From((SelfEvaluationTable)l.Content, l.Stored.Organisation?.Region?.Name ?? "", l.Stored.Id.ToString())).OfType<OutturnLine>();
        return (BudgetCredibility.Assess(byDept), BudgetCredibility.Assess(byRegion));
    }

    /// <summary>Approved final-accounts disclosures (and self-evaluations) not yet public, against 20 days from approval.</summary>
    public async Task<List<DueDisclosure>> DisclosuresDueAsync(AccessScope scope, CancellationToken ct = default)
    {
        var list = await scope.Documents(db).Include(d => d.Organisation).AsNoTracking()
            .Where(d => d.ApprovedAt != null && d.PublishedAt == null && (d.Status == DocumentStatus.Approved || d.Status == DocumentStatus.Forwarded))
            .ToListAsync(ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        return list.Select(d =>
        {
            var due = DateOnly.FromDateTime(d.ApprovedAt!.Value.AddHours(8)).AddDays(DisclosureDays);
            return new DueDisclosure(d.Id, d.Title, d.Organisation?.Name ?? "", d.Kind, d.ApprovedAt.Value, due, today > due, due.DayNumber - today.DayNumber);
        }).OrderBy(d => d.DueBy).ToList();
    }

    /// <summary>
    /// A department's batch for a year: every visible document of the department and its units that went forward
    /// (submitted, approved or forwarded), with the cover letter (报送函) and its annex list.
    /// </summary>
    public async Task<List<Document>> BatchAsync(AccessScope scope, int organisation, int? year, CancellationToken ct = default)
    {
        var subtree = await OrganisationSubtreeAsync(organisation, ct);
        var q = scope.Documents(db).AsNoTracking().Where(d => subtree.Contains(d.OrganisationId) && d.Status != DocumentStatus.Draft && d.Status != DocumentStatus.Returned);
        if (year is { } y) q = q.Where(d => d.Year == y || d.Kind == DocumentKind.CoverLetter);
        var docs = await q.OrderBy(d => d.OrganisationId).ThenBy(d => d.CreatedAt).ToListAsync(ct);
        return docs.Select(DocumentService.Content).ToList();
    }

    /// <summary>The bundle as one .zip (cover letter docx, reports docx, tables xlsx, and each as PDF when PDF output is available).</summary>
    public static byte[] BundleZip(IReadOnlyList<Document> batch, string sender, bool withPdf)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Put(string name, byte[] bytes)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                using var s = entry.Open();
                s.Write(bytes);
            }
            var letter = DocumentExporter.ExportCoverLetter(batch, sender: sender);
            Put("00-" + letter.FileName, letter.Content);
            var n = 1;
            foreach (var d in batch.Where(d => d is not CoverLetter))
            {
                var prefix = n.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + "-";
                n++;
                if (d is SelfEvaluationTable)
                {
                    var x = DocumentExporter.Export(d, ExportFormat.Xlsx);
                    Put(prefix + x.FileName, x.Content);
                }
                else if (d is SelfEvaluationReport or FinalAccountsDisclosure)
                {
                    try
                    {
                        var x = DocumentExporter.Export(d, ExportFormat.Docx);
                        Put(prefix + x.FileName, x.Content);
                    }
                    catch (NotSupportedException)
                    {
                        var x = DocumentExporter.Export(d, ExportFormat.Json);
                        Put(prefix + x.FileName, x.Content);
                    }
                }
                if (withPdf)
                {
                    try
                    {
                        var pdf = DocumentExporter.Export(d, ExportFormat.Pdf);
                        Put(prefix + pdf.FileName, pdf.Content);
                    }
                    catch (Exception e) when (e is PdfConversionException or NotSupportedException)
                    {
                        // A document without a PDF form stays in the zip in its office format.
                    }
                }
            }
        }
        return ms.ToArray();
    }

    /// <summary>The bundle as one PDF: the cover letter first, then every report and table in annex order.</summary>
    public static byte[] BundlePdf(IReadOnlyList<Document> batch, string sender)
    {
        var parts = new List<byte[]>();
        var letter = DocumentExporter.ExportCoverLetter(batch, sender: sender);
        parts.Add(PdfConverter.FromOffice(letter.Content, ".docx"));
        foreach (var d in batch.Where(d => d is not CoverLetter))
        {
            try
            {
                parts.Add(DocumentExporter.Export(d, ExportFormat.Pdf).Content);
            }
            catch (NotSupportedException)
            {
                // No PDF form (e.g. a kind without an office layout): listed in the letter, left out of the PDF.
            }
        }
        return UglyToad.PdfPig.Writer.PdfMerger.Merge(parts);
    }
}
