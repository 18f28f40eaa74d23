using Jixiao.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

/// <summary>
/// The one model of Jixiao's storage. Two derived contexts pick the provider and keep their own
/// migrations: <see cref="SqliteJixiaoDb"/> (default, a file under the data folder) and <see cref="PgJixiaoDb"/>.
/// </summary>
public abstract class JixiaoDb(DbContextOptions options) : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<StoredDocument> Documents => Set<StoredDocument>();
    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();
    public DbSet<FindingRecord> Findings => Set<FindingRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ImportRecord> Imports => Set<ImportRecord>();
    public DbSet<WorkflowEvent> WorkflowEvents => Set<WorkflowEvent>();
    public DbSet<ReviewComment> ReviewComments => Set<ReviewComment>();
    public DbSet<FindingJustification> Justifications => Set<FindingJustification>();
    public DbSet<EvaluationTask> Tasks => Set<EvaluationTask>();
    public DbSet<TaskAssignment> TaskAssignments => Set<TaskAssignment>();
    public DbSet<PerformanceGoal> Goals => Set<PerformanceGoal>();
    public DbSet<IndicatorAdjustment> IndicatorAdjustments => Set<IndicatorAdjustment>();
    public DbSet<MonthlyExecution> MonthlyExecutions => Set<MonthlyExecution>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(JixiaoDb).Assembly);
    }
}

public sealed class SqliteJixiaoDb(DbContextOptions<SqliteJixiaoDb> options) : JixiaoDb(options);

public sealed class PgJixiaoDb(DbContextOptions<PgJixiaoDb> options) : JixiaoDb(options);
