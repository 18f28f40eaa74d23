namespace Jixiao.Documents.Reading;

/// <summary>The entry point for reading any supported file (.txt/.tsv/.md text in UTF-8/UTF-16/GB18030, .xlsx, .pdf, canonical .json).</summary>
public static class DocumentReaders
{
    /// <summary>Reads every document in a file. Throws <see cref="UnreadableFileException"/> (Chinese message) when the file cannot be read at all.</summary>
    public static ReadResult Read(string fileName, Stream content) =>
        throw new UnreadableFileException("读取功能正在实现中。");

    public static ReadResult ReadFile(string path)
    {
        if (!File.Exists(path)) throw new UnreadableFileException($"{path}：文件不存在。");
        using var stream = File.OpenRead(path);
        return Read(Path.GetFileName(path), stream);
    }
}
