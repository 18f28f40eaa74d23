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
        var start = package.CanSeek ? package.Position : 0;
        try
        {
            using var guarded = Open(fileName, package, limits, ct);
            guarded.CheckTheRest();
        }
        finally
        {
            package.Position = start;
        }
    }

    /// <summary>
    /// Opens a package for a reader that checks it while reading: the entry count and declared sizes are checked
    /// here, each part the reader opens through <see cref="Package.OpenXml"/> is counted while it inflates and
    /// checked as it is parsed (DTD, depth, rows, cells, text length), and <see cref="Package.CheckTheRest"/> puts
    /// every part the reader did not open through <see cref="Check(string, Stream, Limits?, CancellationToken)"/>'s walk. The same
    /// limits, one inflation and one parse per part.
    /// </summary>
    /// <param name="ct">The read's wall-clock limit: checked per inflated chunk of every part.</param>
    public static Package Open(string fileName, Stream package, Limits? limits = null, CancellationToken ct = default)
    {
        var l = limits ?? Default;
        if (!package.CanSeek) throw new ArgumentException("需要可定位的流。", nameof(package));
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException or NotSupportedException)
        {
            throw new UnreadableFileException($"{fileName}：压缩包已损坏或不完整（可能在上传或复制时被截断），无法读取。", e);
        }
        try
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
            return new Package(fileName, zip, entries, l, ct);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>A package being read under the guard's limits (see <see cref="Open"/>).</summary>
    public sealed class Package : IDisposable
    {
        private readonly string _fileName;
        private readonly ZipArchive _zip;
        private readonly Limits _limits;
        private readonly Budget _budget;
        // Entries by path (the first of the same name) as their position in the package; which ones were opened, by
        // position (an entry has no hash code of its own, and an identity hash costs more than the lookup it serves).
        private readonly Dictionary<string, int> _byPath = new(StringComparer.OrdinalIgnoreCase);
        private readonly ZipArchiveEntry[] _entries;
        private readonly bool[] _opened;

        internal Package(string fileName, ZipArchive zip, IReadOnlyCollection<ZipArchiveEntry> entries, Limits limits, CancellationToken ct = default)
        {
            _fileName = fileName;
            _zip = zip;
            _entries = [.. entries];
            _opened = new bool[_entries.Length];
            _limits = limits;
            _budget = new Budget(fileName, limits, ct);
            for (var i = 0; i < _entries.Length; i++) _byPath.TryAdd(_entries[i].FullName.TrimStart('/'), i);
        }

        public bool Contains(string path) => _byPath.ContainsKey(path);

        /// <summary>The entry of a path, marked as opened (so <see cref="CheckTheRest"/> leaves it); null when there is none.</summary>
        private ZipArchiveEntry? EntryToRead(string path)
        {
            if (!_byPath.TryGetValue(path, out var i)) return null;
            _opened[i] = true;
            return _entries[i];
        }

        /// <summary>
        /// A forward-only reader over an XML part (null when the package has no such part), counted while it
        /// inflates and checked as it is read; any problem is an <see cref="UnreadableFileException"/> naming the part.
        /// </summary>
        public XmlReader? OpenXml(string path, XmlNameTable? names = null)
        {
            if (EntryToRead(path) is not { } entry) return null;
            Stream raw;
            try
            {
                raw = entry.Open();
            }
            catch (Exception e) when (Explain(_fileName, entry.FullName, e) is { } refusal)
            {
                throw refusal;
            }
            var counted = new CountingStream(raw, _budget);
            var settings = XmlSettings(names);
            settings.CloseInput = true;
            return new CheckedXmlReader(XmlReader.Create(counted, settings), _fileName, entry.FullName, _budget, _limits);
        }

        /// <summary>
        /// The bytes of a part, inflated (counted) into a pooled buffer, for a reader that scans them itself and applies
        /// the part's rules as it goes (<see cref="CheckedPart"/>). Null when the package has no such part.
        /// </summary>
        public CheckedPart? ReadPart(string path)
        {
            if (EntryToRead(path) is not { } entry) return null;
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Clamp(entry.Length + 1, 256, _limits.MaxEntryBytes + 1));
            var length = 0;
            try
            {
                using var raw = entry.Open();
                using var counted = new CountingStream(raw, _budget);
                int n;
                while ((n = counted.Read(buffer, length, buffer.Length - length)) > 0)
                {
                    length += n;
                    if (length == buffer.Length)
                    {
                        var bigger = System.Buffers.ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(bigger);
                        System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                }
            }
            catch (Exception e)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                if (Explain(_fileName, entry.FullName, e) is { } refusal && refusal != e) throw refusal;
                throw;
            }
            return new CheckedPart(buffer, length, new PartRules(_fileName, entry.FullName, _budget, _limits), _fileName, entry.FullName);
        }

        /// <summary>Walks every part not opened through <see cref="OpenXml"/>, as <see cref="Check(string, Stream, Limits?)"/> does.</summary>
        public void CheckTheRest()
        {
            for (var i = 0; i < _entries.Length; i++)
                if (!_opened[i])
                    CheckEntry(_fileName, _entries[i], _budget, _limits);
        }

        public void Dispose() => _zip.Dispose();
    }

    /// <summary>
    /// A part's bytes with the guard's rules for a reader that scans XML itself: it reports each element (depth, and
    /// whether it is a row or a cell) and each text's length, and asks the guard for the refusal of a DTD or of
    /// malformed XML. Return the pooled buffer with <see cref="Dispose"/>.
    /// </summary>
    public sealed class CheckedPart : IDisposable
    {
        private byte[]? _buffer;
        private readonly int _length;
        private readonly PartRules _rules;
        private readonly string _fileName;

        internal CheckedPart(byte[] buffer, int length, PartRules rules, string fileName, string part)
        {
            _buffer = buffer;
            _length = length;
            _rules = rules;
            _fileName = fileName;
            Part = part;
        }

        public string Part { get; }
        public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, _length);
        public void Element(int depth, bool isRow, bool isCell) => _rules.Element(depth, isRow, isCell);
        public void Text(long chars) => _rules.Text(chars);
        public UnreadableFileException Dtd() => Explain(_fileName, Part, new XmlException("DTD is prohibited."))!;
        public UnreadableFileException Malformed(int line) => Explain(_fileName, Part, new XmlException("malformed", null, line, 0))!;

        public void Dispose()
        {
            if (_buffer is null) return;
            System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }

    private static XmlReaderSettings XmlSettings(XmlNameTable? names) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
        NameTable = names,
    };

    /// <summary>The refusal for an exception met while inflating or parsing a part; null when it is not about the file.</summary>
    private static UnreadableFileException? Explain(string fileName, string part, Exception e) => e switch
    {
        UnreadableFileException u => u,
        XmlException x when x.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) =>
            new($"{fileName}：包含 DTD 或外部实体声明（{part}），出于安全原因拒绝读取。", x),
        XmlException x => new($"{fileName}：内部 XML 已损坏（{part}，第 {x.LineNumber} 行），无法读取。", x),
        InvalidDataException or IOException or NotSupportedException or ArgumentException =>
            new($"{fileName}：压缩包已损坏（{part} 无法解压），无法读取。", e),
        _ => null,
    };

    private static UnreadableFileException Bomb(string fileName, Limits l) =>
        new($"{fileName}：解压后超过 {l.MaxUncompressedBytes / 1024 / 1024} MB（疑似“压缩炸弹”），拒绝读取。");

    internal sealed class Budget(string fileName, Limits limits, CancellationToken ct = default)
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
        catch (Exception e) when (Explain(fileName, name, e) is { } refusal && refusal != e)
        {
            throw refusal;
        }
    }

    private static void CheckXml(string fileName, string part, Stream xml, Budget budget, Limits l)
    {
        var settings = XmlSettings(null);
        settings.IgnoreWhitespace = true;
        var rules = new PartRules(fileName, part, budget, l);
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(4096);
        try
        {
            CheckXml(xml, settings, rules, buffer);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static void CheckXml(Stream xml, XmlReaderSettings settings, PartRules rules, char[] buffer)
    {
        using var reader = XmlReader.Create(xml, settings);
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    rules.Element(reader);
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                    // Read the text in chunks: a 10 MB "cell" is refused without ever being one string.
                    long chars = 0;
                    int n;
                    while ((n = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                    {
                        chars += n;
                        rules.Text(chars);
                    }
                    break;
            }
        }
    }

    /// <summary>The limits on one XML part's content: depth, rows and cells of a worksheet, length of a cell's text.</summary>
    internal sealed class PartRules(string fileName, string part, Budget budget, Limits l)
    {
        private readonly bool _isSheet = part.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase);
        private readonly bool _isCellText = part.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)
            || part.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase);
        private int _rows;

        public void Element(XmlReader reader) => Element(reader.Depth, reader.LocalName == "row", reader.LocalName == "c");

        public void Element(int depth, bool isRow, bool isCell)
        {
            if (depth > l.MaxXmlDepth)
                throw new UnreadableFileException($"{fileName}：内部 XML 嵌套超过 {l.MaxXmlDepth} 层（{part}），不像是正常的 Office 文件，拒绝读取。");
            if (!_isSheet) return;
            if (isRow && ++_rows > l.MaxRows)
                throw new UnreadableFileException($"{fileName}：工作表超过 {l.MaxRows:N0} 行，不是一份绩效自评表或决算公开表，拒绝读取。");
            if (isCell && ++budget.Cells > l.MaxCells)
                throw new UnreadableFileException($"{fileName}：单元格超过 {l.MaxCells:N0} 个，拒绝读取。");
        }

        public void Text(long chars)
        {
            if (_isCellText && chars > l.MaxCellChars)
                throw new UnreadableFileException($"{fileName}：有一段文字超过 {l.MaxCellChars:N0} 个字符（{part}；Excel 每个单元格最多 32,767 个字符），拒绝读取。");
        }
    }

    /// <summary>
    /// An XML reader that applies <see cref="PartRules"/> to every node its consumer reads (element by element; a
    /// text node's length when the reader reaches it) and turns parse and inflate errors into the guard's refusals.
    /// </summary>
    private sealed class CheckedXmlReader(XmlReader inner, string fileName, string part, Budget budget, Limits l) : XmlReader
    {
        private readonly PartRules _rules = new(fileName, part, budget, l);

        public override bool Read()
        {
            try
            {
                if (!inner.Read()) return false;
                switch (inner.NodeType)
                {
                    case XmlNodeType.Element:
                        _rules.Element(inner);
                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                        _rules.Text(inner.Value.Length);
                        break;
                }
                return true;
            }
            catch (Exception e) when (e is not UnreadableFileException && Explain(fileName, part, e) is { } refusal)
            {
                throw refusal;
            }
        }

        public override int AttributeCount => inner.AttributeCount;
        public override string BaseURI => inner.BaseURI;
        public override int Depth => inner.Depth;
        public override bool EOF => inner.EOF;
        public override bool IsEmptyElement => inner.IsEmptyElement;
        public override string LocalName => inner.LocalName;
        public override string NamespaceURI => inner.NamespaceURI;
        public override XmlNameTable NameTable => inner.NameTable;
        public override XmlNodeType NodeType => inner.NodeType;
        public override string Prefix => inner.Prefix;
        public override ReadState ReadState => inner.ReadState;
        public override string Value => inner.Value;
        public override XmlSpace XmlSpace => inner.XmlSpace;
        public override string GetAttribute(int i) => inner.GetAttribute(i);
        public override string? GetAttribute(string name) => inner.GetAttribute(name);
        public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);
        public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);
        public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);
        public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);
        public override bool MoveToElement() => inner.MoveToElement();
        public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();
        public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();
        public override bool ReadAttributeValue() => inner.ReadAttributeValue();
        public override void ResolveEntity() => inner.ResolveEntity();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>Counts inflated bytes against the package's budget as they are read.</summary>
    private sealed class CountingStream(Stream inner, Budget budget) : Stream
    {
        private long _entryTotal;

        public void Drain()
        {
            var buf = System.Buffers.ArrayPool<byte>.Shared.Rent(16384);
            try
            {
                while (Read(buf, 0, buf.Length) > 0) { }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buf);
            }
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
