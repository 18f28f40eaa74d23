using Jixiao.Core.Checks;
using Jixiao.Core.Model;

namespace Jixiao.Documents.Reading;

/// <summary>What a reader found in one file: the documents, and findings about blocks it could not place.</summary>
public sealed class ReadResult
{
    public required string FileName { get; init; }
    public List<Document> Documents { get; } = [];
    /// <summary>Reader findings (rule ids "READ-…"): a block that could not be placed, a table cut short, an encoding guessed.</summary>
    public List<Finding> Findings { get; } = [];
}

/// <summary>
/// The file cannot be read at all: missing, corrupt, not a document format, too large. The message is Chinese
/// and says which file and why; the CLI prints it on one line and exits 2, the API answers 4xx.
/// </summary>
public sealed class UnreadableFileException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>True when a reader failed unexpectedly (the safety net in <see cref="DocumentReaders.Read"/>), not because of what the file is.</summary>
    public bool IsReaderFault { get; init; }

    /// <summary>True when reading was stopped by its wall-clock limit (<see cref="DocumentReaders.Read(string, Stream, TimeSpan, CancellationToken)"/>).</summary>
    public bool TimedOut { get; init; }
}
