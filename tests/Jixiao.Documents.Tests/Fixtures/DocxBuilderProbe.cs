using Jixiao.Documents.Export;

namespace Jixiao.Documents.Tests.Fixtures;

/// <summary>Small documents for reader edge cases.</summary>
public sealed class DocxBuilderProbe
{
    /// <summary>A .docx with no text at all: its PDF has no text layer, like a scan.</summary>
    public byte[] EmptyDocx()
    {
        var b = new DocxBuilder();
        b.EmptyTable(3, 3);
        return b.Build(null, pageNumbers: false);
    }
}
