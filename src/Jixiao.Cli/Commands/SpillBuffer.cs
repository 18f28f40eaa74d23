using System.Text;

namespace Jixiao.Cli.Commands;

/// <summary>
/// A write-then-read buffer for one section of the output: in memory up to <see cref="Threshold"/> bytes,
/// then in a temporary file that is deleted on dispose. The streaming check writes its sections here while
/// it runs (the summary line and the "documents" array must come first, yet are known only at the end), so
/// memory stays bounded however large the folder.
/// </summary>
public sealed class SpillBuffer : Stream
{
    /// <summary>Bytes kept in memory before the buffer moves to a temporary file.</summary>
    public const int Threshold = 4 * 1024 * 1024;

    private Stream _inner = new MemoryStream();
    private string? _path;

    public bool Spilled => _path is not null;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_path is null && _inner.Length + buffer.Length > Threshold)
        {
            _path = Path.Combine(Path.GetTempPath(), $"jixiao-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
            var file = new FileStream(_path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            _inner.Position = 0;
            _inner.CopyTo(file);
            _inner.Dispose();
            _inner = file;
        }
        _inner.Write(buffer);
    }

    /// <summary>Decodes bytes [<paramref name="from"/>, Length − <paramref name="trimEnd"/>) as UTF-8 into <paramref name="w"/>.</summary>
    public void CopyTo(TextWriter w, long from = 0, long trimEnd = 0)
    {
        _inner.Flush();
        var end = _inner.Length - trimEnd;
        _inner.Position = from;
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        var left = end - from;
        while (left > 0)
        {
            var n = _inner.Read(bytes, 0, (int)Math.Min(bytes.Length, left));
            if (n <= 0) break;
            left -= n;
            var c = decoder.GetChars(bytes, 0, n, chars, 0, flush: left == 0);
            w.Write(chars, 0, c);
        }
        _inner.Position = _inner.Length;
    }

    public override void Flush() => _inner.Flush();
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _inner.Length;
    public override long Position { get => _inner.Length; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
