using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Jixiao.Documents.Reading;

namespace Jixiao.Documents.Xlsx;

/// <summary>What a cell of a worksheet holds, as stored in the package.</summary>
public enum XlsxValueKind : byte
{
    /// <summary>A shared, inline or formula string (or a value that is not a number).</summary>
    Text,
    /// <summary>A number (<see cref="XlsxCell.Number"/>) with the cell's number format.</summary>
    Number,
    /// <summary>TRUE or FALSE (<see cref="XlsxCell.Number"/> is 1 or 0).</summary>
    Boolean,
    /// <summary>An error value such as #DIV/0! (<see cref="XlsxCell.Text"/>).</summary>
    Error,
    /// <summary>A number shown with a date or time format: <see cref="XlsxCell.Number"/> is the OLE automation date.</summary>
    Date,
    /// <summary>A number shown with an elapsed-time format ([h]:mm:ss): <see cref="XlsxCell.Number"/> is in days.</summary>
    Duration,
}

/// <summary>
/// One cell with a value: its 0-based column, the value as stored, and the number format code of its style
/// (null for General). Cached formula results are the cell's value; the formula itself is not kept.
/// </summary>
public readonly record struct XlsxCell(int Column, XlsxValueKind Kind, string? Text, double Number, string? Format)
{
    public DateTime Date => DateTime.FromOADate(Number);
    public TimeSpan Duration => TimeSpan.FromDays(Number);
}

/// <summary>A row of a worksheet: its 0-based index and its cells with a value, in column order.</summary>
public sealed record XlsxRow(int Index, XlsxCell[] Cells);

/// <summary>A worksheet: its name, its rows with cells (by increasing index), the rows present in the file, and merged ranges.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<XlsxRow> Rows, int RowCount, IReadOnlyList<GridRange> Merges);

/// <summary>
/// The cells of an .xlsx workbook, read straight from the package: <c>ZipArchive</c> and a forward-only
/// <see cref="XmlReader"/> over workbook.xml (sheet order, names, 1904 dates), its relationships, the shared
/// strings (rich-text runs joined, phonetic runs left out), the styles' number formats, and each sheet's
/// <c>sheetData</c> (cell references, or their position when the <c>r</c> attribute is missing; strings,
/// numbers, booleans, errors, dates, cached formula values) and <c>mergeCells</c>. Nothing is kept as a tree.
/// The package must have passed <see cref="ZipPackageGuard"/> (sizes, entries, DTD, depth, rows and cells)
/// unless <see cref="Open(string, Stream, bool, CancellationToken)"/> is asked to check it.
/// </summary>
public sealed class XlsxWorkbook
{
    public const int MaxRows = 200_000;
    public const int MaxColumns = 1_000;
    public const int MaxCellChars = 1_000_000;
    public const long MaxFileBytes = 100L * 1024 * 1024;

    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string StrictNs = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string StrictRelNs = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    private XlsxWorkbook(string fileName, List<XlsxSheet> sheets, bool date1904)
    {
        FileName = fileName;
        Sheets = sheets;
        Date1904 = date1904;
    }

    public string FileName { get; }
    public IReadOnlyList<XlsxSheet> Sheets { get; }
    public bool Date1904 { get; }

    /// <summary>
    /// Reads every sheet. Throws <see cref="UnreadableFileException"/> (Chinese message) when the file is not a
    /// readable workbook or is over a limit.
    /// </summary>
    /// <param name="guarded">True when the caller already passed the package through <see cref="ZipPackageGuard"/>.</param>
    public static XlsxWorkbook Open(string fileName, Stream content, bool guarded = false, CancellationToken cancellationToken = default)
    {
        if (content.CanSeek && content.Length - content.Position > MaxFileBytes)
            throw TooBig(fileName);
        var seekable = content;
        if (!content.CanSeek)
        {
            var ms = new MemoryStream();
            CopyBounded(content, ms, fileName);
            ms.Position = 0;
            seekable = ms;
        }
        var pos = seekable.Position;
        Span<byte> head = stackalloc byte[4];
        var n = seekable.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        seekable.Position = pos;
        if (!ZipPackageGuard.IsZip(head[..n])) throw NotAWorkbook(fileName, null);
        // The guard checks the parts as they are read (one inflation, one parse each), then the parts not read.
        using var package = ZipPackageGuard.Open(fileName, seekable, ct: cancellationToken);
        XlsxWorkbook workbook;
        try
        {
            workbook = new Loader(fileName, package, cancellationToken).Load();
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or FormatException or ArgumentException or OverflowException)
        {
            throw new UnreadableFileException($"{fileName}：Excel 工作簿已损坏或格式不受支持，无法读取。", e);
        }
        if (!guarded) package.CheckTheRest();
        return workbook;
    }

    private static UnreadableFileException TooBig(string fileName) =>
        new($"{fileName}：文件过大（超过 {MaxFileBytes / 1024 / 1024} MB），无法读取。");

    private static UnreadableFileException NotAWorkbook(string fileName, Exception? inner) =>
        new($"{fileName}：不是有效的 Excel 工作簿（文件可能已损坏、被加密，或是改了扩展名的其他文件），无法读取。", inner);

    private static void CopyBounded(Stream from, Stream to, string fileName)
    {
        var buf = new byte[81920];
        long total = 0;
        int n;
        while ((n = from.Read(buf, 0, buf.Length)) > 0)
        {
            total += n;
            if (total > MaxFileBytes) throw TooBig(fileName);
            to.Write(buf, 0, n);
        }
    }

    /// <summary>One read of one package: the parts it needs, in order, each through one forward-only reader.</summary>
    private sealed class Loader
    {
        private readonly string _fileName;
        private readonly ZipPackageGuard.Package _package;
        private readonly CancellationToken _cancel;
        private readonly NameTable _names = new();
        private readonly Names _n;
        private List<string> _shared = [];
        private string?[] _formatOfXf = [];
        private XlsxValueKind[] _kindOfXf = [];
        private bool _date1904;

        public Loader(string fileName, ZipPackageGuard.Package package, CancellationToken cancel)
        {
            _fileName = fileName;
            _package = package;
            _cancel = cancel;
            _n = new Names(_names);
        }

        public XlsxWorkbook Load()
        {
            var workbookPath = WorkbookPath();
            var sheetRefs = new List<(string Name, string? RelId)>();
            using (var xr = OpenXml(workbookPath) ?? throw NotAWorkbook(_fileName, null))
                ReadWorkbook(xr, sheetRefs);
            var rels = ReadRelationships(RelsPathOf(workbookPath), workbookPath);
            var sstPath = rels.Values.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target
                ?? Resolve(workbookPath, "sharedStrings.xml");
            var stylesPath = rels.Values.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)).Target
                ?? Resolve(workbookPath, "styles.xml");
            ReadPart(sstPath, ScanSharedStrings, ReadSharedStrings);
            ReadPart(stylesPath, ScanStyles, ReadStyles);
            var sheets = new List<XlsxSheet>(sheetRefs.Count);
            foreach (var (name, relId) in sheetRefs)
            {
                _cancel.ThrowIfCancellationRequested();
                if (relId is null || !rels.TryGetValue(relId, out var rel)) continue;
                using (var part = _package.ReadPart(rel.Target))
                {
                    if (part is null) continue;
                    if (Utf8XmlScanner.CanScan(part.Bytes))
                    {
                        sheets.Add(ScanSheet(name, part));
                        continue;
                    }
                }
                // Not UTF-8 (rare): the XML reader, through the guard like every part.
                using var xr = OpenXml(rel.Target);
                if (xr is null) continue;
                sheets.Add(ReadSheet(name, xr));
            }
            return new XlsxWorkbook(_fileName, sheets, _date1904);
        }

        private string WorkbookPath()
        {
            var root = ReadRelationships("_rels/.rels", "");
            foreach (var (_, rel) in root)
                if (rel.Type.EndsWith("/officeDocument", StringComparison.Ordinal)) return rel.Target;
            if (_package.Contains("xl/workbook.xml")) return "xl/workbook.xml";
            throw NotAWorkbook(_fileName, null);
        }

        private XmlReader? OpenXml(string path) => _package.OpenXml(path, _names);

        private static string RelsPathOf(string part)
        {
            var slash = part.LastIndexOf('/');
            return slash < 0 ? "_rels/" + part + ".rels" : part[..(slash + 1)] + "_rels/" + part[(slash + 1)..] + ".rels";
        }

        /// <summary>A relationship target relative to the part that holds it (or absolute from the package root).</summary>
        private static string Resolve(string fromPart, string target)
        {
            if (target.StartsWith('/')) return target.TrimStart('/');
            var slash = fromPart.LastIndexOf('/');
            var baseDir = slash < 0 ? "" : fromPart[..(slash + 1)];
            var parts = new List<string>((baseDir + target).Split('/'));
            for (var i = 0; i < parts.Count; i++)
            {
                if (parts[i] == ".") { parts.RemoveAt(i--); continue; }
                if (parts[i] == ".." && i > 0) { parts.RemoveAt(i); parts.RemoveAt(i - 1); i -= 2; }
            }
            return string.Join('/', parts);
        }

        /// <summary>
        /// Reads a part with the UTF-8 scanner, or with the XML reader when it is in another encoding; both through
        /// the guard. Nothing happens when the package has no such part.
        /// </summary>
        private void ReadPart(string path, Action<ZipPackageGuard.CheckedPart> scan, Action<XmlReader> read)
        {
            using (var part = _package.ReadPart(path))
            {
                if (part is null) return;
                if (Utf8XmlScanner.CanScan(part.Bytes))
                {
                    scan(part);
                    return;
                }
            }
            using var xr = OpenXml(path);
            if (xr is not null) read(xr);
        }

        private Dictionary<string, (string Type, string Target)> ReadRelationships(string path, string fromPart)
        {
            var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
            ReadPart(path, part =>
            {
                var x = new Utf8XmlScanner(part);
                while (x.Next())
                {
                    if (x.Token != XmlToken.StartElement || !x.LocalName.SequenceEqual("Relationship"u8)) continue;
                    Add(x.Attribute("Id"u8), x.Attribute("Target"u8), x.Attribute("TargetMode"u8), x.Attribute("Type"u8));
                }
            }, xr =>
            {
                while (xr.Read())
                    if (xr.NodeType == XmlNodeType.Element && ReferenceEquals(xr.LocalName, _n.Relationship))
                        Add(xr.GetAttribute("Id"), xr.GetAttribute("Target"), xr.GetAttribute("TargetMode"), xr.GetAttribute("Type"));
            });
            return result;

            void Add(string? id, string? target, string? mode, string? type)
            {
                if (id is null || target is null || mode == "External") return;
                result.TryAdd(id, (type ?? "", Resolve(fromPart, target)));
            }
        }

        private bool IsMain(XmlReader xr) => ReferenceEquals(xr.NamespaceURI, _n.MainNs) || ReferenceEquals(xr.NamespaceURI, _n.StrictNs);

        private void ReadWorkbook(XmlReader xr, List<(string, string?)> sheets)
        {
            while (xr.Read())
            {
                if (xr.NodeType != XmlNodeType.Element || !IsMain(xr)) continue;
                var name = xr.LocalName;
                if (ReferenceEquals(name, _n.Sheet))
                {
                    var relId = xr.GetAttribute("id", RelNs) ?? xr.GetAttribute("id", StrictRelNs);
                    sheets.Add((xr.GetAttribute("name") ?? "", relId));
                }
                else if (ReferenceEquals(name, _n.WorkbookPr))
                {
                    var d = xr.GetAttribute("date1904");
                    _date1904 = d is "1" or "true";
                }
            }
        }

        private void ReadSharedStrings(XmlReader xr)
        {
            var list = new List<string>();
            while (xr.Read())
            {
                if (xr.NodeType == XmlNodeType.Element && ReferenceEquals(xr.LocalName, _n.Si) && IsMain(xr))
                {
                    list.Add(xr.IsEmptyElement ? "" : ReadStringItem(xr));
                    if ((list.Count & 1023) == 0) _cancel.ThrowIfCancellationRequested();
                }
            }
            _shared = list;
        }

        /// <summary>
        /// The text of an &lt;si&gt; or &lt;is&gt; (the reader on its start tag, not empty): its &lt;t&gt; and the &lt;t&gt; of its
        /// rich-text runs &lt;r&gt;, joined; phonetic runs &lt;rPh&gt; are left out. Ends on the element's end tag.
        /// </summary>
        private string ReadStringItem(XmlReader xr)
        {
            var depth = xr.Depth;
            string? single = null;
            System.Text.StringBuilder? sb = null;
            xr.Read();
            while (!xr.EOF && !(xr.NodeType == XmlNodeType.EndElement && xr.Depth == depth))
            {
                if (xr.NodeType == XmlNodeType.Element && IsMain(xr))
                {
                    if (ReferenceEquals(xr.LocalName, _n.T))
                    {
                        var s = ReadT(xr);
                        if (s.Length > MaxCellChars) throw CellTooLong(null, null);
                        if (sb is not null) sb.Append(s);
                        else if (single is null) single = s;
                        else sb = new System.Text.StringBuilder(single).Append(s);
                        if (sb?.Length > MaxCellChars) throw CellTooLong(null, null);
                        continue;
                    }
                    if (ReferenceEquals(xr.LocalName, _n.RPh))
                    {
                        xr.Skip();
                        continue;
                    }
                }
                xr.Read();
            }
            return sb?.ToString() ?? single ?? "";
        }

        /// <summary>The text of a &lt;t&gt;, as stored (spaces kept). Leaves the reader on the node after the element.</summary>
        private static string ReadT(XmlReader xr)
        {
            if (xr.IsEmptyElement)
            {
                xr.Read();
                return "";
            }
            return xr.ReadElementContentAsString();
        }

        private UnreadableFileException CellTooLong(string? sheet, string? cell) =>
            new(sheet is null
                ? $"{_fileName}：共享字符串超过 1 MB，无法读取。"
                : $"{_fileName}：工作表“{sheet}”单元格 {cell} 超过 1 MB，无法读取。");

        /// <summary>styles.xml scanned from its UTF-8 bytes: the same as <see cref="ReadStyles"/>.</summary>
        private void ScanStyles(ZipPackageGuard.CheckedPart part)
        {
            var x = new Utf8XmlScanner(part);
            var custom = new Dictionary<int, string>();
            var xfFormats = new List<int>();
            var inCellXfs = false;
            if (EnterMainRoot(ref x, out var main))
                do
                {
                    if (x.Token == XmlToken.EndElement && x.LocalName.SequenceEqual("cellXfs"u8)) { inCellXfs = false; continue; }
                    if (x.Token != XmlToken.StartElement || !x.Prefix.SequenceEqual(main)) continue;
                    if (x.LocalName.SequenceEqual("numFmt"u8))
                    {
                        if (int.TryParse(x.Attribute("numFmtId"u8), out var id) && x.Attribute("formatCode"u8) is { } code) custom[id] = code;
                    }
                    else if (x.LocalName.SequenceEqual("cellXfs"u8)) inCellXfs = !x.IsEmptyElement;
                    else if (inCellXfs && x.LocalName.SequenceEqual("xf"u8))
                    {
                        int.TryParse(x.Attribute("numFmtId"u8), out var fmt);
                        xfFormats.Add(fmt);
                    }
                }
                while (x.Next());
            SetFormats(custom, xfFormats);
        }

        private void ReadStyles(XmlReader xr)
        {
            var custom = new Dictionary<int, string>();
            var xfFormats = new List<int>();
            var inCellXfs = false;
            while (xr.Read())
            {
                if (xr.NodeType == XmlNodeType.EndElement && ReferenceEquals(xr.LocalName, _n.CellXfs)) { inCellXfs = false; continue; }
                if (xr.NodeType != XmlNodeType.Element || !IsMain(xr)) continue;
                var name = xr.LocalName;
                if (ReferenceEquals(name, _n.NumFmt))
                {
                    if (int.TryParse(xr.GetAttribute("numFmtId"), out var id) && xr.GetAttribute("formatCode") is { } code) custom[id] = code;
                }
                else if (ReferenceEquals(name, _n.CellXfs)) inCellXfs = !xr.IsEmptyElement;
                else if (inCellXfs && ReferenceEquals(name, _n.Xf))
                {
                    int.TryParse(xr.GetAttribute("numFmtId"), out var fmt);
                    xfFormats.Add(fmt);
                }
            }
            SetFormats(custom, xfFormats);
        }

        /// <summary>Each style's number format code (null for General) and what it shows a number as.</summary>
        private void SetFormats(Dictionary<int, string> custom, List<int> xfFormats)
        {
            _formatOfXf = new string?[xfFormats.Count];
            _kindOfXf = new XlsxValueKind[xfFormats.Count];
            for (var i = 0; i < xfFormats.Count; i++)
            {
                var code = custom.TryGetValue(xfFormats[i], out var c) ? c : BuiltinFormats.Code(xfFormats[i]);
                _formatOfXf[i] = code is "General" ? null : code;
                _kindOfXf[i] = code is null ? XlsxValueKind.Number : BuiltinFormats.KindOf(code);
            }
        }

        /// <summary>
        /// Moves the scanner onto the part's root element. True when the root is SpreadsheetML, with its prefix: the
        /// caller reads on from the root itself. Otherwise false, after reading the part to its end — the guard checks
        /// a part's bytes and elements as they are read, so a part that is opened is read whole.
        /// </summary>
        private static bool EnterMainRoot(ref Utf8XmlScanner x, out ReadOnlySpan<byte> main)
        {
            main = default;
            while (x.Next())
            {
                if (x.Token != XmlToken.StartElement) continue;
                if (RootIsMain(ref x))
                {
                    main = x.Prefix;
                    return true;
                }
                while (x.Next()) { }
                return false;
            }
            return false;
        }

        /// <summary>
        /// True when the root element (the scanner on it) is bound to SpreadsheetML; its prefix ("x" from the OpenXml
        /// SDK, none from Excel) is then the prefix of the elements to read.
        /// </summary>
        private static bool RootIsMain(ref Utf8XmlScanner x)
        {
            var decl = x.Prefix.IsEmpty ? "xmlns"u8.ToArray() : [.. "xmlns:"u8, .. x.Prefix];
            return x.TryAttribute(decl, out var ns) && (ns.SequenceEqual(MainNsBytes) || ns.SequenceEqual(StrictNsBytes));
        }

        /// <summary>The shared strings scanned from their UTF-8 bytes: the same as <see cref="ReadSharedStrings"/>.</summary>
        private void ScanSharedStrings(ZipPackageGuard.CheckedPart part)
        {
            var x = new Utf8XmlScanner(part);
            var list = new List<string>();
            if (EnterMainRoot(ref x, out var main))
                do
                {
                    if (x.Token != XmlToken.StartElement || !x.LocalName.SequenceEqual("si"u8) || !x.Prefix.SequenceEqual(main)) continue;
                    list.Add(x.IsEmptyElement ? "" : ScanStringItem(ref x, main));
                    if ((list.Count & 1023) == 0) _cancel.ThrowIfCancellationRequested();
                }
                while (x.Next());
            _shared = list;
        }

        /// <summary>
        /// A worksheet scanned from its UTF-8 bytes (<see cref="Utf8XmlScanner"/>): the same cells as
        /// <see cref="ReadSheet"/> reads with the XML reader, without a string per name or number.
        /// </summary>
        private XlsxSheet ScanSheet(string sheet, ZipPackageGuard.CheckedPart part)
        {
            var x = new Utf8XmlScanner(part);
            var rows = new List<XlsxRow>();
            var merges = new List<GridRange>();
            var rowCount = 0;
            if (EnterMainRoot(ref x, out var main))
                do
                {
                    if (x.Token != XmlToken.StartElement || !x.Prefix.SequenceEqual(main)) continue;
                    if (x.LocalName.SequenceEqual("sheetData"u8))
                    {
                        if (!x.IsEmptyElement) rowCount = ScanSheetData(sheet, ref x, main, rows);
                    }
                    else if (x.LocalName.SequenceEqual("mergeCell"u8))
                    {
                        if (x.Attribute("ref"u8) is { } r && ParseRange(r) is { } range) merges.Add(range);
                    }
                }
                while (x.Next());
            return new XlsxSheet(sheet, rows, rowCount, merges);
        }

        private int ScanSheetData(string sheet, ref Utf8XmlScanner x, scoped ReadOnlySpan<byte> main, List<XlsxRow> rows)
        {
            var depth = x.Depth;
            var rowIndex = -1;
            var rowEnd = 0;
            var cells = new List<XlsxCell>(32);
            while (x.Next())
            {
                if (x.Token == XmlToken.EndElement && x.Depth == depth) break;
                if (x.Token != XmlToken.StartElement || !x.LocalName.SequenceEqual("row"u8) || !x.Prefix.SequenceEqual(main)) continue;
                _cancel.ThrowIfCancellationRequested();
                rowIndex = x.TryAttribute("r"u8, out var r) && int.TryParse(r, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ri) ? ri - 1 : rowIndex + 1;
                if (rowIndex >= MaxRows || rowIndex < 0)
                    throw new UnreadableFileException($"{_fileName}：工作表“{sheet}”超过 {MaxRows} 行，无法读取。");
                rowEnd = Math.Max(rowEnd, rowIndex + 1);
                if (x.IsEmptyElement) continue;
                cells.Clear();
                ScanRow(sheet, ref x, main, rowIndex, cells);
                AddRow(rows, rowIndex, cells);
            }
            return rowEnd;
        }

        private void ScanRow(string sheet, ref Utf8XmlScanner x, scoped ReadOnlySpan<byte> main, int rowIndex, List<XlsxCell> cells)
        {
            var depth = x.Depth;
            var nextColumn = 0;
            while (x.Next())
            {
                if (x.Token == XmlToken.EndElement && x.Depth == depth) break;
                if (x.Token != XmlToken.StartElement || !x.LocalName.SequenceEqual("c"u8) || !x.Prefix.SequenceEqual(main)) continue;
                var column = x.TryAttribute("r"u8, out var r) && ParseColumn(r, out var c) ? c : nextColumn;
                nextColumn = column + 1;
                var type = x.TryAttribute("t"u8, out var t) ? CellType(t) : null;
                var style = x.TryAttribute("s"u8, out var sv) && int.TryParse(sv, NumberStyles.Integer, CultureInfo.InvariantCulture, out var si) ? si : 0;
                if (x.IsEmptyElement)
                {
                    if (type == "e" && column < MaxColumns) cells.Add(new XlsxCell(column, XlsxValueKind.Error, "#VALUE!", 0, null));
                    continue;
                }
                if (ScanCell(sheet, ref x, main, rowIndex, column, type, style) is { } cell && column < MaxColumns) cells.Add(cell);
            }
        }

        private XlsxCell? ScanCell(string sheet, ref Utf8XmlScanner x, scoped ReadOnlySpan<byte> main, int rowIndex, int column, string? type, int style)
        {
            var depth = x.Depth;
            XlsxCell? cell = null;
            var sawValue = false;
            while (x.Next())
            {
                if (x.Token == XmlToken.EndElement && x.Depth == depth) break;
                if (x.Token != XmlToken.StartElement) continue;
                if (!x.Prefix.SequenceEqual(main))
                {
                    x.SkipElement();
                    continue;
                }
                if (x.LocalName.SequenceEqual("v"u8))
                {
                    sawValue = true;
                    cell = null;
                    var vDepth = x.Depth;
                    if (x.IsEmptyElement || !x.Next() || x.Token == XmlToken.EndElement) continue;
                    if (x.Token == XmlToken.StartElement) throw x.ElementInText();
                    if (!x.TextHasEntities && type is null or "n" or "s")
                    {
                        // One run of text without entities (the usual case): a number or a shared-string index is
                        // parsed from the bytes, no string.
                        var raw = x.RawText;
                        if (x.Next() && x.Token == XmlToken.EndElement)
                        {
                            if (type == "s")
                                cell = int.TryParse(raw, NumberStyles.Any, CultureInfo.InvariantCulture, out var si) && si >= 0 && si < _shared.Count
                                    ? new XlsxCell(column, XlsxValueKind.Text, EscapedChars.Decode(_shared[si]), 0, null)
                                    : null;
                            else if (double.TryParse(raw, NumberStyles.Any, CultureInfo.InvariantCulture, out var d))
                                cell = Number(d, column, style);
                            else if (raw.Length > 0)
                                cell = Convert(Utf8XmlScanner.Literal(raw), column, type, style);
                            continue;
                        }
                        var joined = Utf8XmlScanner.Literal(raw) + ElementText(ref x, vDepth, includeCurrent: true);
                        cell = joined.Length > 0 ? Convert(joined, column, type, style) : null;
                        continue;
                    }
                    var value = ElementText(ref x, vDepth, includeCurrent: true);
                    if (value.Length > MaxCellChars) throw CellTooLong(sheet, XlsxGridLoader.CellName(rowIndex, column));
                    cell = value.Length > 0 ? Convert(value, column, type, style) : null;
                    continue;
                }
                if (x.LocalName.SequenceEqual("is"u8))
                {
                    if (x.IsEmptyElement) continue;
                    var text = ScanStringItem(ref x, main);
                    if (text.Length > MaxCellChars) throw CellTooLong(sheet, XlsxGridLoader.CellName(rowIndex, column));
                    if (text.Length > 0) cell = Convert(text, column, type, style);
                    continue;
                }
                x.SkipElement();
            }
            if (type == "e" && !sawValue) cell = new XlsxCell(column, XlsxValueKind.Error, "#VALUE!", 0, null);
            return cell;
        }

        /// <summary>
        /// The text of the element at <paramref name="depth"/> (the scanner inside it; its current token counted when
        /// <paramref name="includeCurrent"/>), up to its end tag: text and CDATA joined, as
        /// XmlReader.ReadElementContentAsString gives it; an element inside is malformed there.
        /// </summary>
        private static string ElementText(ref Utf8XmlScanner x, int depth, bool includeCurrent)
        {
            string? single = null;
            System.Text.StringBuilder? sb = null;
            var current = includeCurrent;
            while (current || x.Next())
            {
                current = false;
                if (x.Token == XmlToken.EndElement && x.Depth == depth) break;
                if (x.Token == XmlToken.StartElement) throw x.ElementInText();
                var s = x.TextValue();
                if (sb is not null) sb.Append(s);
                else if (single is null) single = s;
                else sb = new System.Text.StringBuilder(single).Append(s);
            }
            return sb?.ToString() ?? single ?? "";
        }

        /// <summary>An &lt;is&gt; (the scanner on its start tag, not empty): its &lt;t&gt; texts joined, phonetic runs left out.</summary>
        private string ScanStringItem(ref Utf8XmlScanner x, scoped ReadOnlySpan<byte> main)
        {
            var depth = x.Depth;
            string? single = null;
            System.Text.StringBuilder? sb = null;
            while (x.Next())
            {
                if (x.Token == XmlToken.EndElement && x.Depth == depth) break;
                if (x.Token != XmlToken.StartElement || !x.Prefix.SequenceEqual(main)) continue;
                if (x.LocalName.SequenceEqual("rPh"u8))
                {
                    x.SkipElement();
                    continue;
                }
                if (!x.LocalName.SequenceEqual("t"u8)) continue;
                var s = x.IsEmptyElement ? "" : ElementText(ref x, x.Depth, includeCurrent: false);
                if (s.Length > MaxCellChars) throw CellTooLong(null, null);
                if (sb is not null) sb.Append(s);
                else if (single is null) single = s;
                else sb = new System.Text.StringBuilder(single).Append(s);
            }
            return sb?.ToString() ?? single ?? "";
        }

        private XlsxSheet ReadSheet(string sheet, XmlReader xr)
        {
            var rows = new List<XlsxRow>();
            var merges = new List<GridRange>();
            var rowCount = 0;
            while (xr.Read())
            {
                if (xr.NodeType != XmlNodeType.Element || !IsMain(xr)) continue;
                var name = xr.LocalName;
                if (ReferenceEquals(name, _n.SheetData))
                {
                    if (!xr.IsEmptyElement) rowCount = ReadSheetData(sheet, xr, rows);
                }
                else if (ReferenceEquals(name, _n.MergeCell))
                {
                    if (xr.GetAttribute("ref") is { } r && ParseRange(r) is { } range) merges.Add(range);
                }
            }
            return new XlsxSheet(sheet, rows, rowCount, merges);
        }

        /// <summary>Reads &lt;sheetData&gt;; returns one past the last row index present.</summary>
        private int ReadSheetData(string sheet, XmlReader xr, List<XlsxRow> rows)
        {
            var depth = xr.Depth;
            var rowIndex = -1;
            var rowEnd = 0;
            var cells = new List<XlsxCell>(32);
            while (xr.Read())
            {
                if (xr.NodeType == XmlNodeType.EndElement && xr.Depth == depth) break;
                if (xr.NodeType != XmlNodeType.Element || !ReferenceEquals(xr.LocalName, _n.Row) || !IsMain(xr)) continue;
                _cancel.ThrowIfCancellationRequested();
                rowIndex = ParseIndex(xr.GetAttribute("r"), out var r) ? r - 1 : rowIndex + 1;
                if (rowIndex >= MaxRows || rowIndex < 0)
                    throw new UnreadableFileException($"{_fileName}：工作表“{sheet}”超过 {MaxRows} 行，无法读取。");
                rowEnd = Math.Max(rowEnd, rowIndex + 1);
                if (xr.IsEmptyElement) continue;
                cells.Clear();
                ReadRow(sheet, xr, rowIndex, cells);
                AddRow(rows, rowIndex, cells);
            }
            return rowEnd;
        }

        /// <summary>A row's cells (none: no row), in column order, kept in row order: a row written out of order is inserted.</summary>
        private static void AddRow(List<XlsxRow> rows, int rowIndex, List<XlsxCell> cells)
        {
            if (cells.Count == 0) return;
            var arr = cells.ToArray();
            if (!IsSorted(arr)) arr = Normalize(arr);
            if (rows.Count > 0 && rows[^1].Index >= rowIndex)
                InsertRow(rows, new XlsxRow(rowIndex, arr));
            else
                rows.Add(new XlsxRow(rowIndex, arr));
        }

        private static bool IsSorted(XlsxCell[] cells)
        {
            for (var i = 1; i < cells.Length; i++)
                if (cells[i].Column <= cells[i - 1].Column) return false;
            return true;
        }

        /// <summary>Cells out of column order or repeated: sorted, the last one written for a column wins.</summary>
        private static XlsxCell[] Normalize(XlsxCell[] cells)
        {
            var byColumn = new SortedDictionary<int, XlsxCell>();
            foreach (var c in cells) byColumn[c.Column] = c;
            return byColumn.Values.ToArray();
        }

        /// <summary>A row that comes after a row with a higher or equal index (unusual, but valid to read): merged in place.</summary>
        private static void InsertRow(List<XlsxRow> rows, XlsxRow row)
        {
            var i = rows.FindIndex(x => x.Index >= row.Index);
            if (rows[i].Index == row.Index)
                rows[i] = row with { Cells = Normalize([.. rows[i].Cells, .. row.Cells]) };
            else
                rows.Insert(i, row);
        }

        private void ReadRow(string sheet, XmlReader xr, int rowIndex, List<XlsxCell> cells)
        {
            var depth = xr.Depth;
            var nextColumn = 0;
            while (xr.Read())
            {
                if (xr.NodeType == XmlNodeType.EndElement && xr.Depth == depth) break;
                if (xr.NodeType != XmlNodeType.Element || !ReferenceEquals(xr.LocalName, _n.C) || !IsMain(xr)) continue;
                var column = ParseColumn(xr.GetAttribute("r"), out var c) ? c : nextColumn;
                nextColumn = column + 1;
                var type = xr.GetAttribute("t");
                var style = ParseIndex(xr.GetAttribute("s"), out var s) ? s : 0;
                if (xr.IsEmptyElement)
                {
                    if (type == "e" && column < MaxColumns) cells.Add(new XlsxCell(column, XlsxValueKind.Error, "#VALUE!", 0, null));
                    continue;
                }
                if (ReadCell(sheet, xr, rowIndex, column, type, style) is { } cell && column < MaxColumns) cells.Add(cell);
            }
        }

        /// <summary>A non-empty &lt;c&gt;: its value from &lt;v&gt; or &lt;is&gt; (a formula's cached result is its &lt;v&gt;). Ends on &lt;/c&gt;.</summary>
        private XlsxCell? ReadCell(string sheet, XmlReader xr, int rowIndex, int column, string? type, int style)
        {
            var depth = xr.Depth;
            XlsxCell? cell = null;
            var sawValue = false;
            xr.Read();
            while (!xr.EOF && !(xr.NodeType == XmlNodeType.EndElement && xr.Depth == depth))
            {
                if (xr.NodeType == XmlNodeType.Element && IsMain(xr))
                {
                    if (ReferenceEquals(xr.LocalName, _n.V))
                    {
                        sawValue = true;
                        string value;
                        if (xr.IsEmptyElement)
                        {
                            value = "";
                            xr.Read();
                        }
                        else value = xr.ReadElementContentAsString();
                        if (value.Length > MaxCellChars) throw CellTooLong(sheet, XlsxGridLoader.CellName(rowIndex, column));
                        cell = value.Length > 0 ? Convert(value, column, type, style) : null;
                        continue;
                    }
                    if (ReferenceEquals(xr.LocalName, _n.Is))
                    {
                        if (!xr.IsEmptyElement)
                        {
                            var text = ReadStringItem(xr);
                            if (text.Length > MaxCellChars) throw CellTooLong(sheet, XlsxGridLoader.CellName(rowIndex, column));
                            if (text.Length > 0) cell = Convert(text, column, type, style);
                        }
                        xr.Read();
                        continue;
                    }
                    xr.Skip();
                    continue;
                }
                xr.Read();
            }
            // An error cell without a value reads as #VALUE! (what Excel would show).
            if (type == "e" && !sawValue) cell = new XlsxCell(column, XlsxValueKind.Error, "#VALUE!", 0, null);
            return cell;
        }

        private XlsxCell? Convert(string raw, int column, string? type, int style)
        {
            switch (type)
            {
                case "s":
                    if (int.TryParse(raw, NumberStyles.Any, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < _shared.Count)
                        return new XlsxCell(column, XlsxValueKind.Text, EscapedChars.Decode(_shared[i]), 0, null);
                    return null;
                case "inlineStr":
                case "str":
                    return new XlsxCell(column, XlsxValueKind.Text, EscapedChars.Decode(raw), 0, null);
                case "b":
                    return new XlsxCell(column, XlsxValueKind.Boolean, null, raw == "1" ? 1 : 0, null);
                case "e":
                    return new XlsxCell(column, XlsxValueKind.Error, raw, 0, null);
                case "d":
                    if (DateTime.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AllowLeadingWhite | DateTimeStyles.AllowTrailingWhite, out var date))
                        return new XlsxCell(column, XlsxValueKind.Date, null, date.ToOADate(), FormatOf(style));
                    return new XlsxCell(column, XlsxValueKind.Text, raw, 0, null);
                default:
                    return double.TryParse(raw, NumberStyles.Any, CultureInfo.InvariantCulture, out var d)
                        ? Number(d, column, style)
                        : new XlsxCell(column, XlsxValueKind.Text, raw, 0, null);
            }
        }

        private string? FormatOf(int style) => style >= 0 && style < _formatOfXf.Length ? _formatOfXf[style] : null;

        private XlsxCell Number(double d, int column, int style)
        {
            var kind = style >= 0 && style < _kindOfXf.Length ? _kindOfXf[style] : XlsxValueKind.Number;
            var format = FormatOf(style);
            if (kind == XlsxValueKind.Date)
            {
                // Excel's serial dates: the 1900 leap-year bug below day 60, or the 1904 system.
                var oa = _date1904 ? d + 1462.0 : d is >= 0.0 and < 60.0 ? d + 1 : d;
                return oa is > -657435.0 and < 2958466.0
                    ? new XlsxCell(column, XlsxValueKind.Date, null, oa, format)
                    : new XlsxCell(column, XlsxValueKind.Number, null, d, format);
            }
            return new XlsxCell(column, kind, null, d, format);
        }
    }

    /// <summary>The value of t="…" as the constant the conversions compare with (no string per cell).</summary>
    private static string? CellType(ReadOnlySpan<byte> t) =>
        t.SequenceEqual("s"u8) ? "s" : t.SequenceEqual("n"u8) ? "n" : t.SequenceEqual("str"u8) ? "str" : t.SequenceEqual("b"u8) ? "b"
        : t.SequenceEqual("e"u8) ? "e" : t.SequenceEqual("inlineStr"u8) ? "inlineStr" : t.SequenceEqual("d"u8) ? "d"
        : System.Text.Encoding.UTF8.GetString(t);

    /// <summary>"A1:C3" (or "B2") as a 0-based inclusive range.</summary>
    public static GridRange? ParseRange(string reference)
    {
        var colon = reference.IndexOf(':');
        var from = colon < 0 ? reference : reference[..colon];
        var to = colon < 0 ? reference : reference[(colon + 1)..];
        if (!ParseCellRef(from, out var r1, out var c1) || !ParseCellRef(to, out var r2, out var c2)) return null;
        return new GridRange(Math.Min(r1, r2), Math.Min(c1, c2), Math.Max(r1, r2), Math.Max(c1, c2));
    }

    private static bool ParseCellRef(ReadOnlySpan<char> s, out int row, out int col)
    {
        row = col = 0;
        var i = 0;
        if (i < s.Length && s[i] == '$') i++;
        var c = 0;
        while (i < s.Length && char.IsAsciiLetter(s[i]))
        {
            c = c * 26 + (char.ToUpperInvariant(s[i++]) - 'A' + 1);
            if (c > 16_384) return false;
        }
        if (i < s.Length && s[i] == '$') i++;
        if (c == 0 || !int.TryParse(s[i..], NumberStyles.None, CultureInfo.InvariantCulture, out var r) || r <= 0) return false;
        row = r - 1;
        col = c - 1;
        return true;
    }

    /// <summary>The 0-based column of a cell reference ("AB12" → 27).</summary>
    private static bool ParseColumn(string? reference, out int column)
    {
        column = 0;
        if (reference is null) return false;
        var c = 0;
        var i = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            c = c * 26 + (char.ToUpperInvariant(reference[i++]) - 'A' + 1);
            if (c > 16_384) return false;
        }
        if (c == 0) return false;
        column = c - 1;
        return true;
    }

    private static ReadOnlySpan<byte> MainNsBytes => "http://schemas.openxmlformats.org/spreadsheetml/2006/main"u8;
    private static ReadOnlySpan<byte> StrictNsBytes => "http://purl.oclc.org/ooxml/spreadsheetml/main"u8;

    /// <summary>The 0-based column of a cell reference in UTF-8 bytes ("AB12" → 27).</summary>
    private static bool ParseColumn(ReadOnlySpan<byte> reference, out int column)
    {
        column = 0;
        var c = 0;
        var i = 0;
        while (i < reference.Length && char.IsAsciiLetter((char)reference[i]))
        {
            c = c * 26 + (char.ToUpperInvariant((char)reference[i++]) - 'A' + 1);
            if (c > 16_384) return false;
        }
        if (c == 0) return false;
        column = c - 1;
        return true;
    }

    private static bool ParseIndex(string? s, out int value) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    /// <summary>The element and attribute names the loader compares, atomised once per package in its name table.</summary>
    private sealed class Names(NameTable t)
    {
        public readonly string MainNs = t.Add(XlsxWorkbook.MainNs);
        public readonly string StrictNs = t.Add(XlsxWorkbook.StrictNs);
        public readonly string Relationship = t.Add("Relationship");
        public readonly string Sheet = t.Add("sheet");
        public readonly string WorkbookPr = t.Add("workbookPr");
        public readonly string Si = t.Add("si");
        public readonly string T = t.Add("t");
        public readonly string RPh = t.Add("rPh");
        public readonly string NumFmt = t.Add("numFmt");
        public readonly string CellXfs = t.Add("cellXfs");
        public readonly string Xf = t.Add("xf");
        public readonly string SheetData = t.Add("sheetData");
        public readonly string Row = t.Add("row");
        public readonly string C = t.Add("c");
        public readonly string V = t.Add("v");
        public readonly string Is = t.Add("is");
        public readonly string MergeCell = t.Add("mergeCell");
    }
}
