using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.ToTable("regions");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Code).HasMaxLength(20);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        b.HasOne(x => x.Parent).WithMany(x => x.Children).HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ParentId, x.Name }).IsUnique();
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("organisations");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasOne(x => x.Region).WithMany(x => x.Organisations).HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Parent).WithMany(x => x.Children).HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(100);
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("api_keys");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Prefix).HasMaxLength(16);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasIndex(x => x.Hash).IsUnique();
        b.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoredDocumentConfiguration : IEntityTypeConfiguration<StoredDocument>
{
    public void Configure(EntityTypeBuilder<StoredDocument> b)
    {
        b.ToTable("documents");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Unit).HasMaxLength(200);
        b.Property(x => x.FundName).HasMaxLength(300);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.Property(x => x.SourceFileName).HasMaxLength(260);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ImportRecord).WithMany().HasForeignKey(x => x.ImportRecordId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.OrganisationId, x.Year });
        b.HasIndex(x => x.Status);
        // The document list's order (year newest first, organisation, title, id): a page is read off this index.
        b.HasIndex(x => new { x.Year, x.OrganisationId, x.Title, x.Id }, "IX_documents_list_order").IsDescending(true, false, false, false);
        b.Property(x => x.ApprovedBy).HasMaxLength(256);
        b.Property(x => x.PublicSlug).HasMaxLength(40);
        b.HasIndex(x => x.PublicSlug).IsUnique();
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> b)
    {
        b.ToTable("document_versions");
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.Property(x => x.Reason).HasMaxLength(100);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasOne(x => x.Document).WithMany(x => x.Versions).HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.DocumentId, x.Number }).IsUnique();
    }
}

internal sealed class FindingRecordConfiguration : IEntityTypeConfiguration<FindingRecord>
{
    public void Configure(EntityTypeBuilder<FindingRecord> b)
    {
        b.ToTable("findings");
        b.Property(x => x.Rule).HasMaxLength(40);
        b.Property(x => x.Severity).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Location).HasMaxLength(1000);
        b.HasOne(x => x.DocumentVersion).WithMany(x => x.Findings).HasForeignKey(x => x.DocumentVersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.DocumentId);
        b.HasIndex(x => x.Rule);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Action).HasMaxLength(40);
        b.Property(x => x.EntityType).HasMaxLength(40);
        b.Property(x => x.EntityId).HasMaxLength(64);
        b.Property(x => x.PreviousHash).HasMaxLength(64);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.EntityType, x.EntityId });
        // One successor per entry: the database itself refuses a fork of the hash chain.
        b.HasIndex(x => x.PreviousHash).IsUnique();
    }
}

internal sealed class ImportRecordConfiguration : IEntityTypeConfiguration<ImportRecord>
{
    public void Configure(EntityTypeBuilder<ImportRecord> b)
    {
        b.ToTable("imports");
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.FileHash).HasMaxLength(64);
        b.Property(x => x.ImportedBy).HasMaxLength(256);
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.FileHash });
    }
}

internal sealed class WorkflowEventConfiguration : IEntityTypeConfiguration<WorkflowEvent>
{
    public void Configure(EntityTypeBuilder<WorkflowEvent> b)
    {
        b.ToTable("workflow_events");
        b.Property(x => x.Action).HasMaxLength(20);
        b.Property(x => x.FromStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ToStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.Property(x => x.By).HasMaxLength(256);
        b.Property(x => x.Comment).HasMaxLength(4000);
        b.HasOne(x => x.Document).WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.DocumentId, x.At });
    }
}

internal sealed class ReviewCommentConfiguration : IEntityTypeConfiguration<ReviewComment>
{
    public void Configure(EntityTypeBuilder<ReviewComment> b)
    {
        b.ToTable("review_comments");
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.Path).HasMaxLength(300);
        b.Property(x => x.Label).HasMaxLength(500);
        b.Property(x => x.By).HasMaxLength(256);
        b.Property(x => x.ResolvedBy).HasMaxLength(256);
        b.HasOne(x => x.Document).WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.DocumentId);
    }
}

internal sealed class FindingJustificationConfiguration : IEntityTypeConfiguration<FindingJustification>
{
    public void Configure(EntityTypeBuilder<FindingJustification> b)
    {
        b.ToTable("finding_justifications");
        b.Property(x => x.Rule).HasMaxLength(40);
        b.Property(x => x.Location).HasMaxLength(1000);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.By).HasMaxLength(256);
        b.HasOne(x => x.Document).WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.DocumentId);
    }
}

internal sealed class EvaluationTaskConfiguration : IEntityTypeConfiguration<EvaluationTask>
{
    public void Configure(EntityTypeBuilder<EvaluationTask> b)
    {
        b.ToTable("evaluation_tasks");
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.FundName).HasMaxLength(300);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasOne(x => x.Issuer).WithMany().HasForeignKey(x => x.IssuerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.IssuerOrganisationId, x.Year });
    }
}

internal sealed class TaskAssignmentConfiguration : IEntityTypeConfiguration<TaskAssignment>
{
    public void Configure(EntityTypeBuilder<TaskAssignment> b)
    {
        b.ToTable("task_assignments");
        b.HasKey(x => new { x.TaskId, x.OrganisationId });
        b.HasOne(x => x.Task).WithMany(x => x.Assignments).HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PerformanceGoalConfiguration : IEntityTypeConfiguration<PerformanceGoal>
{
    public void Configure(EntityTypeBuilder<PerformanceGoal> b)
    {
        b.ToTable("performance_goals");
        b.Property(x => x.FundName).HasMaxLength(300);
        b.Property(x => x.DeclaredBy).HasMaxLength(256);
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Task).WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.OrganisationId, x.Year, x.FundName }).IsUnique();
    }
}

internal sealed class IndicatorAdjustmentConfiguration : IEntityTypeConfiguration<IndicatorAdjustment>
{
    public void Configure(EntityTypeBuilder<IndicatorAdjustment> b)
    {
        b.ToTable("indicator_adjustments");
        b.Property(x => x.Indicator).HasMaxLength(500);
        b.Property(x => x.DeclaredTarget).HasMaxLength(500);
        b.Property(x => x.AdjustedTarget).HasMaxLength(500);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.By).HasMaxLength(256);
        b.HasOne(x => x.Document).WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.DocumentId);
    }
}

internal sealed class MonthlyExecutionConfiguration : IEntityTypeConfiguration<MonthlyExecution>
{
    public void Configure(EntityTypeBuilder<MonthlyExecution> b)
    {
        b.ToTable("monthly_executions");
        b.Property(x => x.FundName).HasMaxLength(300);
        // 万元 with six decimals: an amount imported in 元 converts without rounding.
        b.Property(x => x.Budget).HasPrecision(18, 6);
        b.Property(x => x.Executed).HasPrecision(18, 6);
        b.Property(x => x.EnteredBy).HasMaxLength(256);
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.Year, x.FundName, x.Month }).IsUnique();
    }
}
