namespace Jixiao.Data.Entities;

/// <summary>
/// One line of the append-only audit log. <see cref="Hash"/> = SHA-256 over the previous entry's hash and
/// this entry's fields, so removing or editing a line breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    /// <summary>create, update, import, download, login, login-failed, api-key-create …</summary>
    public required string Action { get; set; }
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }
    public int? OrganisationId { get; set; }
    /// <summary>What changed, as JSON (before/after hashes, changed fields, file names).</summary>
    public string DetailsJson { get; set; } = "{}";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

/// <summary>One uploaded file and what came of it.</summary>
public sealed class ImportRecord
{
    public Guid Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string FileName { get; set; }
    public long Size { get; set; }
    /// <summary>Lower-case hex SHA-256 of the file.</summary>
    public required string FileHash { get; set; }
    public int DocumentCount { get; set; }
    public int FindingCount { get; set; }
    /// <summary>Reader findings that belong to no document (JSON list).</summary>
    public string ReaderFindingsJson { get; set; } = "[]";
    public string ImportedBy { get; set; } = "";
    public DateTime ImportedAt { get; set; }
}
