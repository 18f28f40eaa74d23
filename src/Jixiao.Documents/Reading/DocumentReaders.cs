using System.Buffers;
using Jixiao.Core.Serialization;
using Jixiao.Documents.FinalAccounts;
using Jixiao.Documents.Pdf;
using Jixiao.Documents.Text;
using Jixiao.Documents.Xlsx;

namespace Jixiao.Documents.Reading;

/// <summary>The entry point for reading any supported file (.txt/.tsv/.md text in UTF-8/UTF-16/GB18030, .xlsx, .pdf, canonical .json).</summary>
public static class DocumentReaders
{
    /// <summary>Files larger than this are refused (text over 64 MB is not a self-evaluation return).</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>Reads every document in a file. Throws <see cref="UnreadableFileException"/> (Chinese message) when the file cannot be read at all.</summary>
    /// <param name="ct">
    /// Stops the read (<see cref="OperationCanceledException"/>): every reader checks it where it loops — the
    /// bytes read, zip entries and XML elements, sheets and rows, PDF pages, text lines.
    /// </param>
    public static ReadResult Read(string fileName, Stream content, CancellationToken ct = default)
    {
        try
        {
            return ReadUnguarded(fileName, content, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not UnreadableFileException and not OutOfMemoryException)
        {
            // A fault in a reader, not in the file: the user gets a Chinese sentence (no .NET type or message), the
            // exception keeps the cause and is marked, so fuzzers and tests count it as the bug it is.
            throw new UnreadableFileException($"{fileName}：读取时出错，文件格式可能与已知模板差异较大。", e) { IsReaderFault = true };
        }
    }

    /// <summary>
    /// Reads under a wall-clock limit: a hostile-but-small file (one that is slow to parse) must not hold a request
    /// thread. When the limit passes, the read stops at the reader's next check and <see cref="UnreadableFileException"/>
    /// is thrown with <see cref="UnreadableFileException.TimedOut"/> set. A limit of zero stops at the first check.
    /// Cancelling <paramref name="ct"/> (the request went away) throws <see cref="OperationCanceledException"/> as usual.
    /// </summary>
    public static ReadResult Read(string fileName, Stream content, TimeSpan timeLimit, CancellationToken ct = default)
    {
        using var clock = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (timeLimit <= TimeSpan.Zero) clock.Cancel();
        else clock.CancelAfter(timeLimit);
        try
        {
            return Read(fileName, content, clock.Token);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw TimeLimitExceeded(fileName, timeLimit, e);
        }
    }

    /// <summary>The one message for a read stopped by its time limit (the web app and the CLI show it as it is).</summary>
    public static UnreadableFileException TimeLimitExceeded(string fileName, TimeSpan limit, Exception? inner = null) =>
        new($"{fileName}：文件解析超过 {Math.Max(0, limit.TotalSeconds).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} 秒，已停止：内容过于复杂，或是特意构造的文件；未写入任何内容。", inner) { TimedOut = true };

    private static ReadResult ReadUnguarded(string fileName, Stream content, CancellationToken ct)
    {
        var bytes = ReadBounded(fileName, content, ct);
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (bytes.Length == 0) throw new UnreadableFileException($"{fileName}：文件为空。");
        var kind = Sniff(bytes);
        switch (kind)
        {
            case FileKind.Zip:
                if (ext is ".docx") throw new UnreadableFileException($"{fileName}：暂不支持从 Word 文档读取表格，请提供 Excel 原件或文本。");
                return ReadXlsx(fileName, bytes, ct);
            case FileKind.Pdf:
                return PdfDocumentReader.Read(fileName, bytes, ct);
            case FileKind.OleCompound:
                throw new UnreadableFileException($"{fileName}：这是旧版 Office 二进制文件（.xls/.doc），请另存为 .xlsx 后再导入。");
        }
        if (ext is ".xlsx" or ".xlsm" or ".pdf" or ".docx")
            throw new UnreadableFileException($"{fileName}：扩展名为 {ext}，但内容不是 {ext[1..].ToUpperInvariant()} 文件（文件可能已损坏或被改名）。");
        var text = SourceText.Decode(fileName, bytes)
            ?? throw new UnreadableFileException($"{fileName}：不是文本文件，也不是 xlsx 或 PDF，无法读取。");
        ct.ThrowIfCancellationRequested();
        if (ext == ".json" || LooksLikeJson(text))
            return ReadJson(fileName, string.Join("\n", text.Lines));
        return TextDocumentReader.Read(text, ct);
    }

    /// <param name="timeLimit">A wall-clock limit on the read (see <see cref="Read(string, Stream, TimeSpan, CancellationToken)"/>); null: none.</param>
    public static ReadResult ReadFile(string path, TimeSpan? timeLimit = null)
    {
        if (Directory.Exists(path)) throw new UnreadableFileException($"{path}：这是一个文件夹，不是文件。");
        if (!File.Exists(path)) throw new UnreadableFileException($"{path}：文件不存在。");
        try
        {
            using var stream = File.OpenRead(path);
            return timeLimit is { } limit ? Read(Path.GetFileName(path), stream, limit) : Read(Path.GetFileName(path), stream);
        }
        catch (IOException e)
        {
            throw new UnreadableFileException($"{path}：无法打开文件（可能正被其他程序占用，或已被删除）。", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UnreadableFileException($"{path}：没有读取权限。", e);
        }
    }

    /// <summary>
    /// A workbook may hold self-evaluation tables, final-accounts tables (one per sheet), or both: both readers
    /// look, and what each recognises is kept.
    /// </summary>
    private static ReadResult ReadXlsx(string fileName, byte[] bytes, CancellationToken ct)
    {
        // One gate for every zip-based reader: sizes, entry counts, XML safety, rows and cells. The workbook is read
        // through ZipPackageGuard (each part checked as it is read, then the others), once; both readers look at its cells.
        var workbook = XlsxWorkbook.Open(fileName, new MemoryStream(bytes, writable: false), cancellationToken: ct);
        var selfEvaluation = XlsxDocumentReader.Read(workbook, ct);
        var finalAccounts = FinalAccountsXlsxReader.Read(workbook, ct);
        if (finalAccounts is null) return selfEvaluation;
        var result = new ReadResult { FileName = fileName };
        result.Documents.Add(finalAccounts.Disclosure);
        result.Findings.AddRange(finalAccounts.Findings);
        result.Documents.AddRange(selfEvaluation.Documents);
        var ids = selfEvaluation.Documents.Select(d => d.Id).ToHashSet();
        result.Findings.AddRange(selfEvaluation.Findings.Where(f => ids.Contains(f.DocumentId)));
        return result;
    }

    private static ReadResult ReadJson(string fileName, string json)
    {
        try
        {
            var env = CanonicalJson.DeserializeDocuments(json);
            var result = new ReadResult { FileName = fileName };
            result.Documents.AddRange(env.Documents);
            return result;
        }
        catch (FormatException e)
        {
            throw new UnreadableFileException($"{fileName}：{e.Message}", e);
        }
    }

    private static bool LooksLikeJson(SourceText text)
    {
        foreach (var l in text.Lines)
        {
            var t = l.TrimStart();
            if (t.Length == 0) continue;
            return t.StartsWith('{') && string.Join("", text.Lines.Take(5)).Contains("\"schema\"", StringComparison.Ordinal);
        }
        return false;
    }

    private enum FileKind { Other, Zip, Pdf, OleCompound }

    private static FileKind Sniff(byte[] b)
    {
        if (ZipPackageGuard.IsZip(b)) return FileKind.Zip;
        if (b.Length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') return FileKind.Pdf;
        if (b.Length >= 8 && b[0] == 0xD0 && b[1] == 0xCF && b[2] == 0x11 && b[3] == 0xE0) return FileKind.OleCompound;
        return FileKind.Other;
    }

    private static byte[] ReadBounded(string fileName, Stream content, CancellationToken ct)
    {
        if (content.CanSeek && content.Length > MaxBytes)
            throw new UnreadableFileException($"{fileName}：文件过大（{content.Length / 1024 / 1024} MB），上限为 {MaxBytes / 1024 / 1024} MB。");
        // A stream that knows its length is read into an array of that size (handed out without a copy when it is
        // filled exactly); the copy buffer is pooled: a small file allocates its own bytes and little else.
        var expected = content.CanSeek ? (int)Math.Max(0, content.Length - content.Position) : 0;
        using var ms = new MemoryStream(expected);
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferBytes);
        try
        {
            int n;
            while ((n = content.Read(buffer, 0, CopyBufferBytes)) > 0)
            {
                ct.ThrowIfCancellationRequested();
                if (ms.Length + n > MaxBytes)
                    throw new UnreadableFileException($"{fileName}：文件过大，上限为 {MaxBytes / 1024 / 1024} MB。");
                ms.Write(buffer, 0, n);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return ms.Length == ms.Capacity ? ms.GetBuffer() : ms.ToArray();
    }

    private const int CopyBufferBytes = 81920;
}
