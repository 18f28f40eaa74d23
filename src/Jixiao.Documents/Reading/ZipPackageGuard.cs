using System.IO.Compression;
using System.Xml;

namespace Jixiao.Documents.Reading;

/// <summary>
/// The one gate every zip-based reader (xlsx self-evaluation, xlsx final accounts, and any OpenXml package)
/// passes before the package reaches ExcelDataReader or the OpenXml SDK. It walks the package once, streaming,
/// and refuses with a Chinese <see cref="UnreadableFileException"/>:
/// <list type="bullet">
/// <item>a truncated or corrupt zip (no central directory, bad local headers, a deflate stream that breaks);</item>
/// <item>a zip bomb: too many entries, or more uncompressed bytes than <see cref="Limits.MaxUncompressedBytes"/> — counted
/// while inflating, so a central directory that lies about sizes does not help;</item>
/// <item>XML with a DTD (external entities, entity expansion) or nested deeper than <see cref="Limits.MaxXmlDepth"/>;</item>
/// <item>a worksheet over <see cref="Limits.MaxRows"/> rows or <see cref="Limits.MaxCells"/> cells, or a cell / shared
/// string over <see cref="Limits.MaxCellChars"/> characters (Excel's own limit per cell is 32,767).</item>
/// </list>
/// Memory stays bounded: entries are inflated through a fixed buffer and XML is read as a stream, never as a tree.
/// </summary>
public static class ZipPackageGuard
{
    public sealed record Limits
    {
        public int MaxEntries { get; init; } = 2_000;
        public long MaxUncompressedBytes { get; init; } = 256L * 1024 * 1024;
        public long MaxEntryBytes { get; init; } = 64L * 1024 * 1024;
        public int MaxXmlDepth { get; init; } = 64;
        public int MaxRows { get; init; } = 50_000;
        public long MaxCells { get; init; } = 1_000_000;
        /// <summary>Excel stores at most 32,767 characters in a cell.</summary>
        public int MaxCellChars { get; init; } = 32_767;
    }

    public static Limits Default { get; } = new();

    /// <summary>True when the bytes start like a zip archive (PK\3\4, PK\5\6 empty, PK\7\8 spanned).</summary>
    public static bool IsZip(ReadOnlySpan<byte> b) => b.Length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] is 3 or 5 or 7;

    /// <summary>Checks a package held in memory; throws <see cref="UnreadableFileException"/> when it must not be opened.</summary>
    public static void Check(string fileName, byte[] bytes, Limits? limits = null, CancellationToken ct = default)
    {
        using var ms = new MemoryStream(bytes, writable: false);
        Check(fileName, ms, limits, ct);
    }

    /// <summary>Checks a seekable package; the stream's position is restored.</summary>
    /// <param name="ct">Checked per inflated chunk and per XML element (the read's wall-clock limit).</param>
    public static void Check(string fileName, Stream package, Limits? limits = null, CancellationToken ct = default)
    {
        var l = limits ?? Default;
        if (!package.CanSeek) throw new ArgumentException("需要可定位的流。", nameof(package));
        var start = package.Position;
        try
        {
            ZipArchive zip;
            try
            {
                zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException or NotSupportedException)
            {
                throw new UnreadableFileException($"{fileName}：压缩包已损坏或不完整（可能在上传或复制时被截断），无法读取。", e);
            }
            using (zip)
            {
                IReadOnlyCollection<ZipArchiveEntry> entries;
                try
                {
                    entries = zip.Entries; // the central directory is read here, lazily
                }
                catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException or NotSupportedException)
                {
                    throw new UnreadableFileException($"{fileName}：压缩包目录已损坏，无法读取。", e);
                }
                if (entries.Count > l.MaxEntries)
                    throw new UnreadableFileException($"{fileName}：压缩包内有 {entries.Count} 个文件，超过上限 {l.MaxEntries}，不像是正常的 Excel/Word 文件，拒绝读取。");
                long declared = 0;
                foreach (var e in entries)
                {
                    declared += Math.Max(0, e.Length);
                    if (e.Length > l.MaxEntryBytes || declared > l.MaxUncompressedBytes)
                        throw Bomb(fileName, l);
                }
                var budget = new Budget(fileName, l, ct);
                foreach (var entry in entries)
                    CheckEntry(fileName, entry, budget, l);
            }
        }
        finally
        {
            package.Position = start;
        }
    }

    private static UnreadableFileException Bomb(string fileName, Limits l) =>
        new($"{fileName}：解压后超过 {l.MaxUncompressedBytes / 1024 / 1024} MB（疑似“压缩炸弹”），拒绝读取。");

    private sealed class Budget(string fileName, Limits limits, CancellationToken ct)
    {
        public long Total;
        public long Cells;

        public CancellationToken Token => ct;

        public void Add(long n, long entryTotal)
        {
            ct.ThrowIfCancellationRequested();
            Total += n;
            if (Total > limits.MaxUncompressedBytes || entryTotal > limits.MaxEntryBytes) throw Bomb(fileName, limits);
        }
    }

    private static void CheckEntry(string fileName, ZipArchiveEntry entry, Budget budget, Limits l)
    {
        var name = entry.FullName;
        var isXml = name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".vml", StringComparison.OrdinalIgnoreCase);
        try
        {
            using var raw = entry.Open();
            using var counted = new CountingStream(raw, budget);
            if (isXml) CheckXml(fileName, name, counted, budget, l);
            else counted.Drain();
        }
        catch (UnreadableFileException) { throw; }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnreadableFileException($"{fileName}：包含 DTD 或外部实体声明（{name}），出于安全原因拒绝读取。", e);
        }
        catch (XmlException e)
        {
            throw new UnreadableFileException($"{fileName}：内部 XML 已损坏（{name}，第 {e.LineNumber} 行），无法读取。", e);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            throw new UnreadableFileException($"{fileName}：压缩包已损坏（{name} 无法解压），无法读取。", e);
        }
    }

    private static void CheckXml(string fileName, string part, Stream xml, Budget budget, Limits l)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        };
        var isSheet = part.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase);
        var isCellText = isSheet || part.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase);
        var rows = 0;
        var buffer = new char[4096];
        using var reader = XmlReader.Create(xml, settings);
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    budget.Token.ThrowIfCancellationRequested();
                    if (reader.Depth > l.MaxXmlDepth)
                        throw new UnreadableFileException($"{fileName}：内部 XML 嵌套超过 {l.MaxXmlDepth} 层（{part}），不像是正常的 Office 文件，拒绝读取。");
                    if (isSheet && reader.LocalName == "row" && ++rows > l.MaxRows)
                        throw new UnreadableFileException($"{fileName}：工作表超过 {l.MaxRows:N0} 行，不是一份绩效自评表或决算公开表，拒绝读取。");
                    if (isSheet && reader.LocalName == "c" && ++budget.Cells > l.MaxCells)
                        throw new UnreadableFileException($"{fileName}：单元格超过 {l.MaxCells:N0} 个，拒绝读取。");
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                    // Read the text in chunks: a 10 MB "cell" is refused without ever being one string.
                    long chars = 0;
                    int n;
                    while ((n = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                    {
                        chars += n;
                        if (isCellText && chars > l.MaxCellChars)
                            throw new UnreadableFileException($"{fileName}：有一段文字超过 {l.MaxCellChars:N0} 个字符（{part}；Excel 每个单元格最多 32,767 个字符），拒绝读取。");
                    }
                    break;
            }
        }
    }

    /// <summary>Counts inflated bytes against the package's budget as they are read.</summary>
    private sealed class CountingStream(Stream inner, Budget budget) : Stream
    {
        private long _entryTotal;

        public void Drain()
        {
            var buf = new byte[81920];
            while (Read(buf, 0, buf.Length) > 0) { }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            _entryTotal += n;
            budget.Add(n, _entryTotal);
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _entryTotal; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
