using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Serialization;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Documents.Reading;
using Jixiao.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Services;

/// <summary>What a file holds, read and checked but not yet saved.</summary>
public sealed class ImportPreview
{
    public required string FileName { get; init; }
    public required string FileHash { get; init; }
    public required long Size { get; init; }
    public required ReadResult Read { get; init; }
    public required CheckReport Report { get; init; }

    /// <summary>The reader's and the engine's findings about one document.</summary>
    public List<Finding> FindingsOf(Document d) =>
        Read.Findings.Where(f => f.DocumentId == d.Id).Concat(Report.Findings.Where(f => f.DocumentId == d.Id)).ToList();

    /// <summary>Reader findings that belong to no document read.</summary>
    public List<Finding> LooseFindings =>
        Read.Findings.Where(f => !Read.Documents.Exists(d => d.Id == f.DocumentId)).ToList();
}

public sealed record ImportOutcome(ImportRecord Record, IReadOnlyList<(StoredDocument Document, IReadOnlyList<FindingRecord> Findings)> Documents, IReadOnlyList<Finding> LooseFindings);

/// <summary>
/// Imports a file: reads it with <see cref="DocumentReaders"/>, checks it with the engine, and saves every
/// document in it, its first version and findings, the import record and the audit entry in ONE transaction.
/// </summary>
public sealed class ImportService(JixiaoDb db, CheckService checks, DocumentService documents, AuditLog audit, IOptions<JixiaoOptions> options)
{
    public static readonly string[] Extensions = [".xlsx", ".pdf", ".txt", ".tsv", ".md", ".json"];

    public long MaxBytes => options.Value.MaxUploadBytes;

    /// <summary>
    /// Reads and checks; throws <see cref="UnreadableFileException"/> with a Chinese message when the file cannot be
    /// read, or when reading takes longer than <see cref="JixiaoOptions.ReadTimeLimitSeconds"/> (then
    /// <see cref="UnreadableFileException.TimedOut"/>). <paramref name="ct"/>: the request went away.
    /// </summary>
    public ImportPreview Preview(string fileName, byte[] content, CancellationToken ct = default)
    {
        var name = Path.GetFileName(fileName);
        if (string.IsNullOrWhiteSpace(name)) throw new UnreadableFileException("没有文件名。");
        if (content.Length == 0) throw new UnreadableFileException($"{name}：文件是空的。");
        if (content.LongLength > MaxBytes) throw new UnreadableFileException($"{name}：文件大小 {content.LongLength / 1024.0 / 1024.0:0.0} MB 超过上限 {MaxBytes / 1024.0 / 1024.0:0.#} MB。");
        var ext = Path.GetExtension(name).ToLowerInvariant();
        if (!Extensions.Contains(ext)) throw new UnreadableFileException($"{name}：不支持的文件类型“{ext}”，请上传 {string.Join("、", Extensions)} 文件。");
        ReadResult read;
        using (var stream = new MemoryStream(content, writable: false))
            read = DocumentReaders.Read(name, stream, options.Value.ReadTimeLimit, ct);
        if (read.Documents.Count == 0) throw new UnreadableFileException($"{name}：文件中没有找到可识别的绩效自评表、报告或决算公开表。");
        var report = checks.Check(read.Documents);
        return new ImportPreview { FileName = name, FileHash = Hashing.Sha256Hex(content), Size = content.LongLength, Read = read, Report = report };
    }

    public async Task<ImportOutcome> SaveAsync(AccessScope scope, int organisationId, ImportPreview preview, CancellationToken ct = default)
    {
        if (!scope.CanEdit(organisationId)) throw new UnauthorizedAccessException("您没有为该单位导入文档的权限。");
        var record = new ImportRecord
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            FileName = preview.FileName,
            FileHash = preview.FileHash,
            Size = preview.Size,
            ImportedBy = scope.UserName,
            ImportedAt = DateTime.UtcNow,
            ReaderFindingsJson = CanonicalJson.Serialize(preview.LooseFindings),
        };
        db.Imports.Add(record);
        var created = new List<(StoredDocument, IReadOnlyList<FindingRecord>)>();
        foreach (var d in preview.Read.Documents)
        {
            var findings = preview.FindingsOf(d);
            var stored = documents.Add(scope, organisationId, d, findings, preview.Report.Coverage.GetValueOrDefault(d.Id) ?? [], "导入", record.Id, preview.FileName);
            created.Add((stored, stored.Versions[^1].Findings));
        }
        record.DocumentCount = created.Count;
        record.FindingCount = created.Sum(c => c.Item2.Count) + preview.LooseFindings.Count;
        await audit.AppendAndSaveAsync(scope, "import", "import", record.Id.ToString(), organisationId, new
        {
            file = record.FileName,
            size = record.Size,
            fileHash = record.FileHash,
            documents = created.Select(c => new { id = c.Item1.Id, title = c.Item1.Title, hash = c.Item1.ContentHash, findings = c.Item2.Count }),
        }, ct);
        return new ImportOutcome(record, created, preview.LooseFindings);
    }
}
