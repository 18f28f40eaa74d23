using System.Text;
using Jixiao.Core.Checks;
using Jixiao.Core.FinalAccounts;
using Jixiao.Core.Model;
using Jixiao.Documents.FinalAccounts;
using Jixiao.Core.Serialization;

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
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string PdfType = "application/pdf";
    public const string JsonType = "application/json";
    public const string CsvType = "text/csv; charset=utf-8";
    public const string ZipType = "application/zip";

    /// <summary>
    /// Exports one document; <paramref name="report"/> (optional) lets a drafted report turn findings into sentences.
    /// Xlsx: a table in its official layout (a report or letter has no xlsx form). Docx: a report or letter as
    /// written; for a table, the self-evaluation report drafted from it (a project with its narrative: the
    /// narrative verbatim). Pdf: the xlsx of a table, the docx of anything else, through LibreOffice.
    /// Throws <see cref="NotSupportedException"/> (Chinese message) for a combination that has no form, and
    /// <see cref="PdfConversionException"/> when PDF output is unavailable.
    /// </summary>
    public static ExportedFile Export(Document document, ExportFormat format, CheckReport? report = null)
    {
        var stem = FileStem(document);
        switch (format)
        {
            case ExportFormat.Xlsx when document is SelfEvaluationTable t:
                return new ExportedFile(stem + ".xlsx", XlsxType, TableXlsxWriter.Write(t));
            case ExportFormat.Xlsx when document is FinalAccountsDisclosure fa:
                return new ExportedFile(stem + ".xlsx", XlsxType, FinalAccountsXlsxWriter.Write(fa));
            case ExportFormat.Pdf when document is FinalAccountsDisclosure fa:
                return new ExportedFile(stem + ".pdf", PdfType, PdfConverter.FromOffice(FinalAccountsXlsxWriter.Write(fa), ".xlsx"));
            case ExportFormat.Xlsx:
                throw new NotSupportedException($"{document.Kind.ChineseName()}没有 Excel 格式，请导出为 docx 或 pdf。");
            case ExportFormat.Docx:
                return new ExportedFile(Path.ChangeExtension(DocxName(document, stem), ".docx"), DocxType, Docx(document, report));
            case ExportFormat.Pdf when document is SelfEvaluationTable t:
                return new ExportedFile(stem + ".pdf", PdfType, PdfConverter.FromOffice(TableXlsxWriter.Write(t), ".xlsx"));
            case ExportFormat.Pdf:
                return new ExportedFile(stem + ".pdf", PdfType, PdfConverter.FromOffice(Docx(document, report), ".docx"));
            case ExportFormat.Json:
                return new ExportedFile(stem + ".json", JsonType, Encoding.UTF8.GetBytes(CanonicalJson.SerializeDocuments([document])));
            case ExportFormat.Csv when document is SelfEvaluationTable t:
                return new ExportedFile(stem + "-绩效指标.csv", CsvType, Csv.Indicators([t]));
            case ExportFormat.Csv:
                throw new NotSupportedException($"{document.Kind.ChineseName()}没有指标表，无法导出 CSV。");
            case ExportFormat.DataPackage when document is SelfEvaluationTable t:
                return new ExportedFile(stem + "-fiscal-data-package.zip", ZipType, FiscalDataPackage.Build([t]));
            case ExportFormat.DataPackage:
                throw new NotSupportedException($"{document.Kind.ChineseName()}没有预算数据，无法导出财政数据包。");
            default:
                throw new NotSupportedException($"不支持的导出格式：{format}。");
        }
    }

    /// <summary>
    /// Exports a bundle: every document in the format (documents that have no form in it are skipped — a report
    /// has no xlsx — except that a table asked for as docx/pdf yields its drafted report). JSON gives one envelope
    /// for all; CSV and DataPackage one file for all tables.
    /// </summary>
    public static List<ExportedFile> ExportAll(IReadOnlyList<Document> documents, ExportFormat format, CheckReport? report = null)
    {
        var files = new List<ExportedFile>();
        var tables = documents.OfType<SelfEvaluationTable>().ToList();
        switch (format)
        {
            case ExportFormat.Json:
                files.Add(new ExportedFile("documents.json", JsonType, Encoding.UTF8.GetBytes(CanonicalJson.SerializeDocuments(documents))));
                return Unique(files);
            case ExportFormat.Csv:
                if (tables.Count > 0) files.Add(new ExportedFile("绩效指标.csv", CsvType, Csv.Indicators(tables)));
                return files;
            case ExportFormat.DataPackage:
                if (tables.Count > 0) files.Add(new ExportedFile("fiscal-data-package.zip", ZipType, FiscalDataPackage.Build(tables)));
                return files;
        }
        // A table whose report is in the bundle gets no drafted report of its own.
        var reported = new HashSet<string>(documents.OfType<SelfEvaluationReport>().SelectMany(r => r.TableIds), StringComparer.Ordinal);
        foreach (var d in documents)
        {
            if (format == ExportFormat.Xlsx && d is not (SelfEvaluationTable or FinalAccountsDisclosure)) continue;
            if (format == ExportFormat.Docx && d is FinalAccountsDisclosure) continue;
            if (format is ExportFormat.Docx && d is SelfEvaluationTable t0 && reported.Contains(t0.Id) && t0 is not ProjectSelfEvaluation { Narrative.Count: > 0 }) continue;
            files.Add(Export(d, format, report));
        }
        return Unique(files);
    }

    /// <summary>Writes <see cref="ExportAll"/> into a directory (created if needed); returns the paths written.</summary>
    public static List<string> ExportToDirectory(IReadOnlyList<Document> documents, ExportFormat format, string directory, CheckReport? report = null)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var f in ExportAll(documents, format, report))
        {
            var path = Path.Combine(directory, f.FileName);
            File.WriteAllBytes(path, f.Content);
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>The cover letter (报送函) of a bundle as .docx, its annex list naming every report and table in it.</summary>
    public static ExportedFile ExportCoverLetter(IReadOnlyList<Document> bundle, string? addressee = null, string? sender = null, DateOnly? date = null)
    {
        var letter = bundle.OfType<CoverLetter>().FirstOrDefault() ?? CoverLetterDocxWriter.Draft(bundle, addressee, sender, date);
        return new ExportedFile(FileStem(letter) + ".docx", DocxType, CoverLetterDocxWriter.Write(letter));
    }

    private static byte[] Docx(Document document, CheckReport? report) => document switch
    {
        SelfEvaluationReport r => ReportDocxWriter.Write(r),
        CoverLetter l => CoverLetterDocxWriter.Write(l),
        ProjectSelfEvaluation { Narrative.Count: > 0 } p => ReportDocxWriter.WriteProjectAppendix(p),
        SelfEvaluationTable t => ReportDocxWriter.Write(ReportDrafter.Draft(t, report), t),
        _ => throw new NotSupportedException($"{document.Kind.ChineseName()}没有 Word 格式。"),
    };

    private static string DocxName(Document d, string stem) => d is SelfEvaluationTable { } t and not ProjectSelfEvaluation { Narrative.Count: > 0 }
        ? SafeName(ReportDrafter.ReportTitle(t)) + ".docx"
        : stem + ".docx";

    /// <summary>A file name from the document's title (or kind), without characters file systems reject.</summary>
    public static string FileStem(Document d)
    {
        var title = !string.IsNullOrWhiteSpace(d.Title) ? d.Title : d is SelfEvaluationTable t ? TableXlsxWriter.TitleOf(t) : d.Kind.ChineseName();
        return SafeName(title);
    }

    private static string SafeName(string s)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var clean = new string(s.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim().Replace(' ', '_');
        if (clean.Length > 80) clean = clean[..80];
        return clean.Length == 0 ? "document" : clean;
    }

    private static List<ExportedFile> Unique(List<ExportedFile> files)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < files.Count; i++)
        {
            var f = files[i];
            var name = f.FileName;
            for (var n = 2; !seen.Add(name); n++)
                name = Path.GetFileNameWithoutExtension(f.FileName) + $"({n})" + Path.GetExtension(f.FileName);
            if (name != f.FileName) files[i] = f with { FileName = name };
        }
        return files;
    }
}
