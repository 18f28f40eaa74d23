using System.Diagnostics;
using System.Text;
using Jixiao.Documents.Reading;
using Jixiao.Tests;

namespace Jixiao.Documents.Tests.Hostile;

/// <summary>
/// Every hostile file gets an <see cref="UnreadableFileException"/> with a Chinese message — never another
/// exception, never a hang, never unbounded memory. Time limits here are generous: they catch hangs, not speed.
/// </summary>
public class HostileInputTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var h in HostileFiles.All()) data.Add(h.Case);
        return data;
    }

    /// <summary>Readable files that hold no document of ours (PdfPig rebuilds a broken xref by scanning the objects, and the page holds only "Hello"): the reader says so with a finding; the CLI and the API refuse them.</summary>
    public static readonly HashSet<string> NoDocument = ["other-template", "other-template-xlsx", "pdf-broken-xref"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_hostile_file_is_refused_with_a_chinese_message_in_bounded_time_and_memory(string name)
    {
        var h = HostileFiles.Get(name);
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var task = Task.Run(() => Record.Exception(() => DocumentReaders.Read(h.FileName, new MemoryStream(h.Bytes, writable: false))));
        var done = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(done == task, $"{name}：读取没有在 60 秒内结束");
        var e = await task;
        clock.Stop();
        var peak = GC.GetTotalMemory(false) - before;
        Assert.True(peak < 1024L * 1024 * 1024, $"{name}：读取后仍占用 {peak / 1024 / 1024} MB");
        if (NoDocument.Contains(name))
        {
            Assert.Null(e);
            var read = DocumentReaders.Read(h.FileName, new MemoryStream(h.Bytes, writable: false));
            Assert.Empty(read.Documents);
            Assert.Contains(read.Findings, f => f.Rule == "READ-NO-DOCUMENT");
            return;
        }
        var ex = Assert.IsType<UnreadableFileException>(e);
        Assert.False(ex.IsReaderFault, $"{name}：读取程序出错：{ex.InnerException}");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", ex.Message);
        Assert.DoesNotContain("   at ", ex.Message);
        Assert.StartsWith(h.FileName + "：", ex.Message);
        Assert.DoesNotContain("Exception", ex.Message);
    }

    [Fact]
    public void Zip_bomb_is_refused_by_the_guard_before_any_parser()
    {
        var e = Assert.Throws<UnreadableFileException>(() => ZipPackageGuard.Check("b.xlsx", HostileFiles.Get("zip-bomb-xlsx").Bytes));
        Assert.Contains("压缩炸弹", e.Message);
        // Sizes rewritten to 1 KB in both headers: the guard counts what really inflates.
        var lying = Assert.Throws<UnreadableFileException>(() => ZipPackageGuard.Check("b.xlsx", HostileFiles.Get("zip-bomb-lying-sizes").Bytes));
        Assert.Matches("压缩炸弹|已损坏", lying.Message);
    }

    [Theory]
    [InlineData("xlsx-xxe", "DTD")]
    [InlineData("xlsx-billion-laughs", "DTD")]
    [InlineData("xlsx-deep-nesting", "嵌套")]
    [InlineData("xlsx-million-rows", "行")]
    [InlineData("xlsx-10mb-cell", "32,767")]
    [InlineData("zip-many-entries", "个文件")]
    [InlineData("truncated-zip", "损坏")]
    [InlineData("corrupt-zip", "损坏")]
    public void The_guard_says_why(string name, string expected)
    {
        var e = Assert.Throws<UnreadableFileException>(() => DocumentReaders.Read(HostileFiles.Get(name).FileName, new MemoryStream(HostileFiles.Get(name).Bytes)));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Each_zip_based_reader_passes_the_guard_itself()
    {
        var bomb = HostileFiles.Get("xlsx-xxe").Bytes;
        Assert.Contains("DTD", Assert.Throws<UnreadableFileException>(() => Jixiao.Documents.Xlsx.XlsxDocumentReader.Read("x.xlsx", new MemoryStream(bomb))).Message);
        Assert.Contains("DTD", Assert.Throws<UnreadableFileException>(() => Jixiao.Documents.FinalAccounts.FinalAccountsXlsxReader.Read("x.xlsx", bomb)).Message);
        Assert.Contains("DTD", Assert.Throws<UnreadableFileException>(() => Jixiao.Documents.Xlsx.XlsxGridLoader.Load("x.xlsx", new MemoryStream(bomb))).Message);
    }

    [Fact]
    public void A_valid_small_workbook_passes_the_guard()
    {
        ZipPackageGuard.Check("ok.xlsx", HostileFiles.MinimalXlsx([["a", "b"], ["1", "2"]]));
    }

    [Fact]
    public void Text_over_the_limit_is_refused_before_it_is_read_whole()
    {
        // A non-seekable 200 MB stream: the reader stops at the limit instead of buffering it all.
        var stream = new HostileFiles.GeneratedText(200L * 1024 * 1024);
        var e = Assert.Throws<UnreadableFileException>(() => DocumentReaders.Read("巨大.txt", stream));
        Assert.Contains("文件过大", e.Message);
        Assert.True(stream.Position <= DocumentReaders.MaxBytes + 1024 * 1024, $"读了 {stream.Position} 字节");

        var path = Path.Combine(Path.GetTempPath(), $"jixiao-huge-{Guid.NewGuid():N}.txt");
        try
        {
            using (var f = File.Create(path)) f.SetLength(200L * 1024 * 1024); // sparse: no 200 MB written
            var e2 = Assert.Throws<UnreadableFileException>(() => DocumentReaders.ReadFile(path));
            Assert.Contains("文件过大", e2.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Gbk_text_with_a_utf8_signature_is_read_as_gbk()
    {
        var utf8 = File.ReadAllText(RepoPaths.Seed("002"), Encoding.UTF8);
        var expected = DocumentReaders.Read("002.txt", new MemoryStream(Encoding.UTF8.GetBytes(utf8)));
        var mislabelled = DocumentReaders.Read("002.txt", new MemoryStream(HostileFiles.GbkLabelledUtf8(utf8)));
        Assert.Equal(expected.Documents.Select(d => d.Title), mislabelled.Documents.Select(d => d.Title));
        Assert.NotEmpty(mislabelled.Documents);
    }
}
