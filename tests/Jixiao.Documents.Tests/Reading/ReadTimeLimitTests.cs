using Jixiao.Core.Serialization;
using Jixiao.Documents.Export;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Tests.Fixtures;
using Jixiao.Tests;

namespace Jixiao.Documents.Tests.Reading;

/// <summary>
/// The wall-clock limit on reading one file is a CancellationToken the readers check where they loop. Deterministic:
/// a limit of zero (cancelled before the first check), or a token cancelled the moment the last byte has been read
/// (so the parse itself has to notice) — never a timed test.
/// </summary>
public class ReadTimeLimitTests
{
    /// <summary>Real files of each kind the readers take: seed texts (a self-evaluation, a 部门决算公开), an xlsx written from a seed model, a PDF, canonical JSON.</summary>
    public static TheoryData<string> Kinds() => ["text", "disclosure", "xlsx", "pdf", "json"];

    private static (string Name, byte[] Bytes) File(string kind) => kind switch
    {
        "text" => ("000.txt", System.IO.File.ReadAllBytes(RepoPaths.Seed("000"))),
        "disclosure" => ("004.txt", System.IO.File.ReadAllBytes(RepoPaths.Seed("004"))),
        "xlsx" => ("000.xlsx", TableXlsxWriter.Write(SeedModels.Employment000())),
        "pdf" => ("hello.pdf", HostileFiles.PdfBrokenXref()),
        "json" => ("000.json", System.Text.Encoding.UTF8.GetBytes(CanonicalJson.SerializeDocuments([SeedModels.Employment000()]))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_limit_of_zero_stops_the_read_with_the_time_limit_message(string kind)
    {
        var (name, bytes) = File(kind);
        var e = Assert.Throws<UnreadableFileException>(() => DocumentReaders.Read(name, new MemoryStream(bytes), TimeSpan.Zero));
        Assert.True(e.TimedOut);
        Assert.False(e.IsReaderFault);
        Assert.StartsWith($"{name}：文件解析超过 0 秒，已停止：", e.Message);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_token_cancelled_once_the_bytes_are_in_stops_the_parse(string kind)
    {
        var (name, bytes) = File(kind);
        // Without cancellation the file reads.
        var read = DocumentReaders.Read(name, new MemoryStream(bytes));
        Assert.True(kind == "pdf" || read.Documents.Count > 0);

        using var cts = new CancellationTokenSource();
        using var stream = new CancelAtEndStream(bytes, cts);
        Assert.ThrowsAny<OperationCanceledException>(() => DocumentReaders.Read(name, stream, cts.Token));
        Assert.True(stream.ReachedEnd);
    }

    [Fact]
    public void A_generous_limit_reads_exactly_what_no_limit_reads()
    {
        var (name, bytes) = File("disclosure");
        var plain = DocumentReaders.Read(name, new MemoryStream(bytes));
        var limited = DocumentReaders.Read(name, new MemoryStream(bytes), TimeSpan.FromMinutes(10));
        Assert.Equal(CanonicalJson.SerializeDocuments(plain.Documents), CanonicalJson.SerializeDocuments(limited.Documents));
        Assert.Equal(plain.Findings.Count, limited.Findings.Count);
    }

    [Fact]
    public void The_caller_going_away_is_a_cancellation_not_a_time_limit()
    {
        var (name, bytes) = File("text");
        using var gone = new CancellationTokenSource();
        gone.Cancel();
        // An OperationCanceledException as such, not an UnreadableFileException saying the time limit passed.
        Assert.ThrowsAny<OperationCanceledException>(() => DocumentReaders.Read(name, new MemoryStream(bytes), TimeSpan.FromMinutes(10), gone.Token));
    }

    [Fact]
    public void ReadFile_applies_the_limit_too()
    {
        var e = Assert.Throws<UnreadableFileException>(() => DocumentReaders.ReadFile(RepoPaths.Seed("002"), TimeSpan.Zero));
        Assert.True(e.TimedOut);
    }

    /// <summary>Cancels the token when the reader asks for more after the last byte (end of file): from then on only the parse is running.</summary>
    private sealed class CancelAtEndStream(byte[] data, CancellationTokenSource cts) : MemoryStream(data, writable: false)
    {
        public bool ReachedEnd { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = base.Read(buffer, offset, count);
            if (n == 0 && !ReachedEnd)
            {
                ReachedEnd = true;
                cts.Cancel();
            }
            return n;
        }
    }
}
