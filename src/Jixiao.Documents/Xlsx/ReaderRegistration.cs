using System.Runtime.CompilerServices;
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
        DocumentReaders.XlsxReader ??= (name, bytes) => XlsxDocumentReader.Read(name, new MemoryStream(bytes, writable: false));
        DocumentReaders.PdfReader ??= Pdf.PdfDocumentReader.Read;
    }
}
