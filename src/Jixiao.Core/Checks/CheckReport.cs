using Jixiao.Core.Scoring;

namespace Jixiao.Core.Checks;

/// <summary>The result of checking a set of documents: every finding and each document's coverage record.</summary>
public sealed class CheckReport
{
    public List<Finding> Findings { get; } = [];
    /// <summary>Coverage per document id.</summary>
    public Dictionary<string, List<CoverageEntry>> Coverage { get; } = new(StringComparer.Ordinal);

    /// <summary>The engine's score of each scored table, by document id.</summary>
    public Dictionary<string, ScoreResult> Scores { get; } = new(StringComparer.Ordinal);

    public bool HasErrors => Findings.Exists(f => f.Severity == Severity.Error);
}
