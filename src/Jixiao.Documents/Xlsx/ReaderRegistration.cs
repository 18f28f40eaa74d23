using System.Runtime.CompilerServices;
using Jixiao.Documents.FinalAccounts;
using Jixiao.Documents.Reading;

namespace Jixiao.Documents.Xlsx;

/// <summary>Plugs the xlsx and PDF readers into <see cref="DocumentReaders"/> when the assembly loads.</summary>
internal static class ReaderRegistration
{
#pragma warning disable CA2255 // The module initializer wires this assembly's own readers into its own entry point.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        DocumentReaders.XlsxReader ??= ReadWorkbook;
        DocumentReaders.PdfReader ??= Pdf.PdfDocumentReader.Read;
    }

    /// <summary>Self-evaluation tables first; a workbook holding none is tried as a final-accounts disclosure.</summary>
    internal static ReadResult ReadWorkbook(string name, byte[] bytes)
    {
        var result = XlsxDocumentReader.Read(name, new MemoryStream(bytes, writable: false));
        if (result.Documents.Count > 0) return result;
        if (FinalAccountsXlsxReader.Read(name, new MemoryStream(bytes, writable: false)) is not { } fa) return result;
        var merged = new ReadResult { FileName = name };
        merged.Documents.Add(fa.Disclosure);
        merged.Findings.AddRange(fa.Findings);
        return merged;
    }
}
