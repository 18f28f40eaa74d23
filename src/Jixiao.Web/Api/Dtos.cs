using System.Text.Json;
using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Provenance;
using Jixiao.Data.Entities;
using Jixiao.Web.Services;

namespace Jixiao.Web.Api;

/// <summary>A document in a list: what it is, whose, its status and its finding counts.</summary>
public record DocumentSummaryDto
{
    public Guid Id { get; init; }
    public int OrganisationId { get; init; }
    public string Organisation { get; init; } = "";
    public string? Region { get; init; }
    /// <summary>transfer-self-evaluation, project-self-evaluation, self-evaluation-report, cover-letter, final-accounts …</summary>
    public string Kind { get; init; } = "";
    public string KindName { get; init; } = "";
    public string Title { get; init; } = "";
    public int? Year { get; init; }
    public string? Unit { get; init; }
    public string? FundName { get; init; }
    /// <summary>draft, submitted, returned, approved, forwarded.</summary>
    public string Status { get; init; } = "";
    public string StatusName { get; init; } = "";
    public bool HasErrors { get; init; }
    public int ErrorCount { get; init; }
    public int WarningCount { get; init; }
    /// <summary>The concurrency token: send it back as If-Match or as "revision" when you PUT.</summary>
    public int Revision { get; init; }
    public string ContentHash { get; init; } = "";
    public string? SourceFileName { get; init; }
    public DateTime UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";

    public static DocumentSummaryDto From(StoredDocument d) => From(DocumentListItem.Of(d));

    public static DocumentSummaryDto From(DocumentListItem d) => Fill(new DocumentSummaryDto(), d);

    protected static T Fill<T>(T dto, DocumentListItem d) where T : DocumentSummaryDto => (T)((DocumentSummaryDto)dto with
    {
        Id = d.Id,
        OrganisationId = d.OrganisationId,
        Organisation = d.Organisation,
        Region = d.Region,
        Kind = d.Kind.JsonName(),
        KindName = d.Kind.ChineseName(),
        Title = d.Title,
        Year = d.Year,
        Unit = d.Unit,
        FundName = d.FundName,
        Status = d.Status.ToString().ToLowerInvariant(),
        StatusName = d.Status.ChineseName(),
        HasErrors = d.HasErrors,
        ErrorCount = d.ErrorCount,
        WarningCount = d.WarningCount,
        Revision = d.Revision,
        ContentHash = d.ContentHash,
        SourceFileName = d.SourceFileName,
        UpdatedAt = DateTime.SpecifyKind(d.UpdatedAt, DateTimeKind.Utc),
        UpdatedBy = d.UpdatedBy,
    });
}

/// <summary>A document with its content in canonical JSON (schema jixiao/1).</summary>
public sealed record DocumentDto : DocumentSummaryDto
{
    public JsonElement Content { get; init; }

    public static DocumentDto WithContent(StoredDocument d)
    {
        using var json = JsonDocument.Parse(d.ContentJson);
        return Fill(new DocumentDto { Content = json.RootElement.Clone() }, DocumentListItem.Of(d));
    }
}

public sealed record DocumentListDto(
    int Total, int WithErrors, int Errors, int Warnings,
    IReadOnlyDictionary<string, int> ByStatus, IReadOnlyDictionary<string, int> ByKind,
    int Page, int PageSize, IReadOnlyList<DocumentSummaryDto> Items);

public sealed record FindingDto(string Rule, string Severity, string Location, string Message, string? Stated, string? Expected, SourceRef? At)
{
    public static FindingDto From(Finding f) => new(f.Rule, f.Severity.ToString().ToLowerInvariant(), f.Location, f.Message, f.Stated, f.Expected, f.At);
}

public sealed record ImportedDocumentDto(DocumentSummaryDto Document, IReadOnlyList<FindingDto> Findings);

public sealed record ImportResultDto(Guid ImportId, string FileName, string FileHash, long Size, IReadOnlyList<ImportedDocumentDto> Documents, IReadOnlyList<FindingDto> ReaderFindings);

/// <summary>PUT body: the content in canonical JSON and the revision it was based on (or send If-Match).</summary>
public sealed record DocumentUpdateDto(int? Revision, JsonElement Content);

public sealed record OrganisationDto(int Id, string Name, string Kind, string KindName, int RegionId, string Region, int? ParentId);
