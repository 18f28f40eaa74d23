using Jixiao.Core.Checks;
using Jixiao.Core.Model;

namespace Jixiao.Data.Entities;

/// <summary>Workflow status (issue 6): draft → submitted → returned | approved → forwarded.</summary>
public enum DocumentStatus
{
    Draft,
    Submitted,
    Returned,
    Approved,
    Forwarded,
}

public static class DocumentStatuses
{
    public static string ChineseName(this DocumentStatus status) => status switch
    {
        DocumentStatus.Draft => "草稿",
        DocumentStatus.Submitted => "已报送",
        DocumentStatus.Returned => "已退回",
        DocumentStatus.Approved => "已审核",
        DocumentStatus.Forwarded => "已转报财政",
        _ => status.ToString(),
    };
}

/// <summary>
/// A document as the system keeps it: the current canonical JSON and the figures lists filter on. Every
/// change also writes an immutable <see cref="DocumentVersion"/>; <see cref="Revision"/> is the optimistic
/// concurrency token (the number of the current version).
/// </summary>
public sealed class StoredDocument
{
    public Guid Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public DocumentKind Kind { get; set; }
    public string Title { get; set; } = "";
    public int? Year { get; set; }
    /// <summary>The unit named in the document (资金使用单位 / 部门名称), as written.</summary>
    public string? Unit { get; set; }
    public string? FundName { get; set; }
    public DocumentStatus Status { get; set; } = DocumentStatus.Draft;
    public bool HasErrors { get; set; }
    public int ErrorCount { get; set; }
    public int WarningCount { get; set; }
    public int InfoCount { get; set; }
    /// <summary>The document in canonical JSON (<see cref="Jixiao.Core.Serialization.CanonicalJson"/>).</summary>
    public string ContentJson { get; set; } = "";
    /// <summary>SHA-256 of <see cref="ContentJson"/>.</summary>
    public string ContentHash { get; set; } = "";
    /// <summary>The current version number; concurrency token.</summary>
    public int Revision { get; set; }
    public Guid? ImportRecordId { get; set; }
    public ImportRecord? ImportRecord { get; set; }
    public string? SourceFileName { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    /// <summary>When it was last submitted, and the frozen version that was submitted.</summary>
    public DateTime? SubmittedAt { get; set; }
    public int? SubmittedRevision { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTime? ForwardedAt { get; set; }
    /// <summary>公开: when published on the public site, the version published and its permanent link slug.</summary>
    public DateTime? PublishedAt { get; set; }
    public int? PublishedRevision { get; set; }
    public string? PublicSlug { get; set; }
    public List<DocumentVersion> Versions { get; set; } = [];
}

/// <summary>An immutable version of a document. Never updated or deleted.</summary>
public sealed class DocumentVersion
{
    public long Id { get; set; }
    public Guid DocumentId { get; set; }
    public StoredDocument? Document { get; set; }
    public int Number { get; set; }
    public string ContentJson { get; set; } = "";
    /// <summary>Lower-case hex SHA-256 of the UTF-8 <see cref="ContentJson"/>.</summary>
    public string ContentHash { get; set; } = "";
    /// <summary>The coverage record of the check of this version (JSON list of coverage entries).</summary>
    public string CoverageJson { get; set; } = "[]";
    /// <summary>Why this version exists: 导入, 新建, 编辑.</summary>
    public string Reason { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public List<FindingRecord> Findings { get; set; } = [];
}

/// <summary>One finding of the check of one version, kept as rows for filtering and counting.</summary>
public sealed class FindingRecord
{
    public long Id { get; set; }
    public long DocumentVersionId { get; set; }
    public DocumentVersion? DocumentVersion { get; set; }
    public Guid DocumentId { get; set; }
    public required string Rule { get; set; }
    public Severity Severity { get; set; }
    public string Location { get; set; } = "";
    public string Message { get; set; } = "";
    public string? Stated { get; set; }
    public string? Expected { get; set; }
    /// <summary>The finding's <see cref="Jixiao.Core.Provenance.SourceRef"/> as JSON, to place it at its cell.</summary>
    public string? AtJson { get; set; }
}
