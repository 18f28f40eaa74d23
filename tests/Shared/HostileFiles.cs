using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Jixiao.Tests;

/// <summary>
/// Hostile and broken files, generated in the test (nothing big is kept in git). Each is a (name, bytes) pair
/// for the readers, the CLI and the upload API alike; the large ones are compressed packages whose danger is
/// what they expand to.
/// </summary>
public static class HostileFiles
{
    public sealed record Hostile(string Case, string FileName, byte[] Bytes)
    {
        public override string ToString() => Case;
    }

    private static readonly Lazy<List<Hostile>> Cache = new(() => Generate().ToList());

    /// <summary>Every case small enough to hold in memory and to upload (all under 20 MB); generated once per test run.</summary>
    public static IReadOnlyList<Hostile> All() => Cache.Value;

    public static Hostile Get(string name) => All().Single(h => h.Case == name);

    private static IEnumerable<Hostile> Generate()
    {
        var valid = MinimalXlsx([["绩效自评表测试", "金额"], ["项目", "100"]]);
        yield return new("truncated-zip", "截断的表格.xlsx", valid[..(valid.Length / 2)]);
        yield return new("corrupt-zip", "损坏的表格.xlsx", CorruptDeflate(valid));
        yield return new("zip-bomb-xlsx", "压缩炸弹.xlsx", ZipBomb("xl/worksheets/sheet1.xml", 400L * 1024 * 1024));
        yield return new("zip-bomb-docx", "压缩炸弹.docx", ZipBomb("word/document.xml", 400L * 1024 * 1024));
        yield return new("zip-bomb-docx-as-xlsx", "改名的压缩炸弹.xlsx", ZipBomb("word/document.xml", 400L * 1024 * 1024));
        yield return new("zip-bomb-lying-sizes", "谎报大小.xlsx", LyingSizes(ZipBomb("xl/worksheets/sheet1.xml", 300L * 1024 * 1024)));
        yield return new("zip-many-entries", "文件过多.xlsx", ManyEntries(5_000));
        yield return new("xlsx-million-rows", "一百万行.xlsx", MillionRows(1_000_000));
        yield return new("xlsx-10mb-cell", "超大单元格.xlsx", BigCell(10 * 1024 * 1024));
        yield return new("xlsx-xxe", "外部实体.xlsx", Xxe());
        yield return new("xlsx-billion-laughs", "实体膨胀.xlsx", BillionLaughs());
        yield return new("xlsx-deep-nesting", "深层嵌套.xlsx", DeepNesting(200_000));
        yield return new("xlsx-not-a-workbook", "不是工作簿.xlsx", Zip(("hello.txt", "你好"u8.ToArray())));
        yield return new("pdf-no-text-layer", "扫描件.pdf", PdfNoText());
        yield return new("pdf-broken-xref", "交叉引用表损坏.pdf", PdfBrokenXref());
        yield return new("pdf-truncated", "截断的.pdf", PdfNoText()[..60]);
        yield return new("binary-garbage", "乱码.txt", Garbage(256 * 1024, 1));
        yield return new("binary-garbage-no-ext", "乱码", Garbage(64 * 1024, 2));
        yield return new("text-as-xlsx", "其实是文本.xlsx", "这不是一个 Excel 文件\n项目\t金额\n"u8.ToArray());
        yield return new("zip-as-pdf", "其实是压缩包.pdf", Zip(("a.txt", "x"u8.ToArray())));
        yield return new("pdf-as-xlsx", "其实是PDF.xlsx", PdfNoText());
        yield return new("other-template", "销售报表.txt", Encoding.UTF8.GetBytes(OtherTemplate));
        yield return new("other-template-xlsx", "销售报表.xlsx", MinimalXlsx([["2024年第一季度销售报表"], ["门店", "销售额", "毛利"], ["一店", "1200", "300"], ["二店", "900", "210"]]));
        yield return new("empty", "空文件.txt", []);
        yield return new("legacy-xls", "旧格式.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0, 0, 0, 0, 0]);
    }

    public const string OtherTemplate = "2024年第一季度销售报表\n门店\t销售额\t毛利\n一店\t1200\t300\n二店\t900\t210\n合计\t2100\t510\n";

    /// <summary>GBK bytes of a real self-evaluation text with a UTF-8 signature in front (mislabelled).</summary>
    public static byte[] GbkLabelledUtf8(string utf8Text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030").GetBytes(utf8Text);
        return [0xEF, 0xBB, 0xBF, .. gbk];
    }

    /// <summary>A stream of <paramref name="length"/> bytes of Chinese text, generated as it is read (200 MB without 200 MB of memory).</summary>
    public sealed class GeneratedText(long length) : Stream
    {
        private static readonly byte[] Line = Encoding.UTF8.GetBytes("项目名称\t全年预算数\t全年执行数\t执行率\t这是一行很长的文字用来填满文件\n");
        private long _pos;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _pos);
            for (var i = 0; i < n; i++) buffer[offset + i] = Line[(_pos + i) % Line.Length];
            _pos += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _pos; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    // ---------- zip packages ----------

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                s.Write(content);
            }
        return ms.ToArray();
    }

    private static (string, byte[])[] XlsxSkeleton(bool sharedStrings = false) =>
    [
        ("[Content_Types].xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" + (sharedStrings ? "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" : "") + "</Types>")),
        ("_rels/.rels", Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")),
        ("xl/workbook.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")),
        ("xl/_rels/workbook.xml.rels", Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" + (sharedStrings ? "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>" : "") + "</Relationships>")),
    ];

    private const string SheetHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    private const string SheetTail = "</sheetData></worksheet>";

    /// <summary>A small valid workbook: one sheet, inline strings.</summary>
    public static byte[] MinimalXlsx(string[][] rows)
    {
        var sb = new StringBuilder(SheetHead);
        for (var r = 0; r < rows.Length; r++)
        {
            sb.Append($"<row r=\"{r + 1}\">");
            for (var c = 0; c < rows[r].Length; c++)
                sb.Append($"<c r=\"{(char)('A' + c)}{r + 1}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(rows[r][c])}</t></is></c>");
            sb.Append("</row>");
        }
        sb.Append(SheetTail);
        return Zip([.. XlsxSkeleton(), ("xl/worksheets/sheet1.xml", Encoding.UTF8.GetBytes(sb.ToString()))]);
    }

    /// <summary>A package whose one part inflates to <paramref name="size"/> bytes of XML whitespace (about 1000:1).</summary>
    public static byte[] ZipBomb(string part, long size)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (n, c) in XlsxSkeleton()) using (var s = zip.CreateEntry(n).Open()) s.Write(c);
            using var e = zip.CreateEntry(part, CompressionLevel.SmallestSize).Open();
            e.Write(Encoding.UTF8.GetBytes(SheetHead));
            var block = new byte[1 << 20];
            Array.Fill(block, (byte)' ');
            for (long w = 0; w < size; w += block.Length) e.Write(block);
            e.Write(Encoding.UTF8.GetBytes(SheetTail));
        }
        return ms.ToArray();
    }

    /// <summary>Rewrites every declared uncompressed size in the local and central headers to 1 KB.</summary>
    public static byte[] LyingSizes(byte[] zip)
    {
        var b = (byte[])zip.Clone();
        for (var i = 0; i + 46 < b.Length; i++)
        {
            var sig = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(i));
            if (sig == 0x04034b50) BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(i + 22), 1024);
            else if (sig == 0x02014b50) BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(i + 24), 1024);
        }
        return b;
    }

    public static byte[] ManyEntries(int n)
    {
        var entries = new List<(string, byte[])>(XlsxSkeleton());
        entries.Add(("xl/worksheets/sheet1.xml", Encoding.UTF8.GetBytes(SheetHead + SheetTail)));
        for (var i = 0; i < n; i++) entries.Add(($"xl/media/image{i}.bin", [(byte)i]));
        return Zip([.. entries]);
    }

    public static byte[] MillionRows(int rows)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (n, c) in XlsxSkeleton()) using (var s = zip.CreateEntry(n).Open()) s.Write(c);
            using var e = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            using var w = new StreamWriter(e, new UTF8Encoding(false), 1 << 16);
            w.Write(SheetHead);
            for (var r = 1; r <= rows; r++) w.Write($"<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c></row>");
            w.Write(SheetTail);
        }
        return ms.ToArray();
    }

    public static byte[] BigCell(int chars)
    {
        var sb = new StringBuilder(SheetHead.Length + chars + 200);
        sb.Append(SheetHead).Append("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>").Append('绩', chars).Append("</t></is></c></row>").Append(SheetTail);
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (n, c) in XlsxSkeleton()) using (var s = zip.CreateEntry(n).Open()) s.Write(c);
            using var e = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            e.Write(Encoding.UTF8.GetBytes(sb.ToString()));
        }
        return ms.ToArray();
    }

    public static byte[] Xxe() => Zip([.. XlsxSkeleton(), ("xl/worksheets/sheet1.xml", Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" +
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>"))]);

    public static byte[] BillionLaughs()
    {
        var dtd = new StringBuilder("<!DOCTYPE sst [<!ENTITY l0 \"哈哈\">");
        for (var i = 1; i <= 10; i++) dtd.Append($"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">");
        dtd.Append("]>");
        return Zip([.. XlsxSkeleton(sharedStrings: true),
            ("xl/sharedStrings.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>" + dtd + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&l10;</t></si></sst>")),
            ("xl/worksheets/sheet1.xml", Encoding.UTF8.GetBytes(SheetHead + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>" + SheetTail))]);
    }

    public static byte[] DeepNesting(int depth)
    {
        var sb = new StringBuilder(SheetHead).Append("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is>");
        for (var i = 0; i < depth; i++) sb.Append("<x>");
        for (var i = 0; i < depth; i++) sb.Append("</x>");
        sb.Append("</c></row>").Append(SheetTail);
        return Zip([.. XlsxSkeleton(), ("xl/worksheets/sheet1.xml", Encoding.UTF8.GetBytes(sb.ToString()))]);
    }

    /// <summary>Flips bytes inside the first compressed entry's data (the zip directory stays intact).</summary>
    public static byte[] CorruptDeflate(byte[] zip)
    {
        var b = (byte[])zip.Clone();
        // Corrupt the data of the last local entry (the sheet): after its 30-byte header and name.
        var last = -1;
        for (var i = 0; i + 4 < b.Length; i++)
            if (BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(i)) == 0x04034b50) last = i;
        var nameLen = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(last + 26));
        var extraLen = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(last + 28));
        var data = last + 30 + nameLen + extraLen;
        for (var i = data; i < data + 24 && i < b.Length; i++) b[i] ^= 0xA5;
        return b;
    }

    // ---------- PDFs ----------

    /// <summary>A valid one-page PDF that draws a rectangle and has no text at all (a "scan").</summary>
    public static byte[] PdfNoText() => Pdf("0 0 1 rg 100 100 200 200 re f", brokenXref: false);

    /// <summary>The same PDF whose xref offsets point nowhere and whose startxref is wrong.</summary>
    public static byte[] PdfBrokenXref() => Pdf("BT /F1 12 Tf 72 720 Td (Hello) Tj ET", brokenXref: true);

    private static byte[] Pdf(string content, bool brokenXref)
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(sb.Length);
            sb.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = sb.Length;
        sb.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append($"{(brokenXref ? o * 7 + 13 : o):D10} 00000 n \n");
        sb.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{(brokenXref ? xref + 999 : xref)}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    public static byte[] Garbage(int length, int seed)
    {
        var b = new byte[length];
        new Random(seed).NextBytes(b);
        return b;
    }
}
