using Jixiao.Core.Provenance;

namespace Jixiao.Core.Checks;

/// <summary>
/// error: an identity or two statements of one quantity disagree. warning: suspicious or incomplete.
/// info: worth knowing, nothing to fix.
/// </summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>A rule in the catalogue: stable id, severity, what it checks and where the rule comes from.</summary>
public sealed record RuleInfo(string Id, Severity Severity, string Title, string Description, string Source)
{
    private static int _slots;

    /// <summary>
    /// A small number of its own, given when the rule is created, by which a check's tally finds the rule's counts in
    /// an array instead of hashing its id on every row. Not part of the rule's value (equality is by its fields).
    /// </summary>
    internal int Slot { get; } = Interlocked.Increment(ref _slots) - 1;

    /// <summary>How many slots have been handed out so far.</summary>
    internal static int SlotCount => Volatile.Read(ref _slots);

    public bool Equals(RuleInfo? other) =>
        other is not null && Id == other.Id && Severity == other.Severity && Title == other.Title && Description == other.Description && Source == other.Source;

    public override int GetHashCode() => HashCode.Combine(Id, Severity, Title, Description, Source);
}

/// <summary>One problem found: which rule, where (down to the cell and source line), and the stated vs expected values.</summary>
public sealed record Finding
{
    public required string Rule { get; init; }
    public required Severity Severity { get; init; }
    public required string DocumentId { get; init; }
    /// <summary>Human-readable location, e.g. "资金投入情况 › 年度资金总额 › 全年预算数（A）（第 123 行）".</summary>
    public required string Location { get; init; }
    public required string Message { get; init; }
    public string? Stated { get; init; }
    public string? Expected { get; init; }
    public SourceRef? At { get; init; }
}

public enum CoverageStatus
{
    Passed,
    Failed,
    /// <summary>The check could not run (a missing column, an unparsable value): never counted as passed.</summary>
    NotRun,
}

/// <summary>What one rule did on one document.</summary>
public sealed record CoverageEntry(string Rule, CoverageStatus Status, int Checked, int Failed, string? Reason);

/// <summary>Findings and coverage of one document.</summary>
public sealed class DocumentCheckResult
{
    public required string DocumentId { get; init; }
    public List<Finding> Findings { get; } = [];
    public List<CoverageEntry> Coverage { get; } = [];
}
