using Jixiao.Core.Checks;
using Jixiao.Core.Model;

namespace Jixiao.Documents.Export;

public enum ExportFormat
{
    Xlsx,
    Docx,
    Pdf,
    Json,
    Csv,
    /// <summary>Fiscal Data Package: datapackage.json + CSV, zipped.</summary>
    DataPackage,
}

/// <summary>One file produced by an export.</summary>
public sealed record ExportedFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Writes documents in the official layouts: a self-evaluation table as .xlsx, a report or cover letter as
/// .docx, any of them as PDF, canonical JSON, CSV of the indicator table, or a Fiscal Data Package.
/// </summary>
public static class DocumentExporter
{
    /// <summary>Exports one document; <paramref name="report"/> (optional) lets a drafted report turn findings into sentences.</summary>
    public static ExportedFile Export(Document document, ExportFormat format, CheckReport? report = null) =>
        throw new NotSupportedException("导出功能正在实现中。");
}
