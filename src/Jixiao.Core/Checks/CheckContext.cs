using Jixiao.Core.Provenance;
using Jixiao.Core.Rules;

namespace Jixiao.Core.Checks;

/// <summary>
/// What a check writes to while it runs over one document: findings and, per rule, how many subjects it
/// checked and whether it could run at all. Coverage is derived from these calls, so a rule that never
/// said <see cref="Checked"/> is reported as not run, never as passed.
/// </summary>
public sealed class CheckContext
{
    private Dictionary<string, (int Checked, int Failed, string? NotRunReason)> _tally;

    /// <summary>A tally left by the last finished context on this thread, reused (cleared) by the next one.</summary>
    [ThreadStatic]
    private static Dictionary<string, (int Checked, int Failed, string? NotRunReason)>? _spareTally;

    public CheckContext(string documentId, RuleSet ruleSet)
    {
        DocumentId = documentId;
        RuleSet = ruleSet;
        _tally = _spareTally ?? new(64, StringComparer.Ordinal);
        _spareTally = null;
    }

    /// <summary>
    /// Coverage for <paramref name="rules"/> (as <see cref="Coverage"/>), after which this context is finished: its
    /// tally is handed to the next context on this thread instead of being reallocated for every document.
    /// </summary>
    public List<CoverageEntry> Finish(IReadOnlyCollection<RuleInfo> rules)
    {
        var coverage = Coverage(rules);
        _tally.Clear();
        _spareTally = _tally;
        _tally = new(0, StringComparer.Ordinal);
        return coverage;
    }

    public string DocumentId { get; }
    public RuleSet RuleSet { get; }
    public List<Finding> Findings { get; } = [];

    /// <summary>Records that <paramref name="rule"/> examined one subject (a row, a pair of figures).</summary>
    public void Checked(RuleInfo rule, int count = 1)
    {
        ref var t = ref Get(rule.Id);
        t.Checked += count;
    }

    /// <summary>Records that <paramref name="rule"/> could not examine a subject, and why.</summary>
    public void NotRun(RuleInfo rule, string reason)
    {
        ref var t = ref Get(rule.Id);
        t.NotRunReason = t.NotRunReason is null ? reason : t.NotRunReason.Contains(reason, StringComparison.Ordinal) ? t.NotRunReason : t.NotRunReason + "；" + reason;
    }

    /// <summary>Adds a finding for <paramref name="rule"/> (counts as one subject checked and failed).</summary>
    public void Report(RuleInfo rule, SourceRef? at, string message, string? stated = null, string? expected = null, Severity? severity = null)
    {
        ref var t = ref Get(rule.Id);
        t.Checked++;
        t.Failed++;
        Findings.Add(new Finding
        {
            Rule = rule.Id,
            Severity = severity ?? rule.Severity,
            DocumentId = DocumentId,
            Location = at?.Describe() ?? "",
            Message = message,
            Stated = stated,
            Expected = expected,
            At = at,
        });
    }

    /// <summary>The tally of a rule, added as (0, 0, null) on first use: one hash lookup per call.</summary>
    private ref (int Checked, int Failed, string? NotRunReason) Get(string id) =>
        ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_tally, id, out _);

    /// <summary>Coverage for every rule in <paramref name="rules"/>, in catalogue order.</summary>
    public List<CoverageEntry> Coverage(IReadOnlyCollection<RuleInfo> rules)
    {
        var list = new List<CoverageEntry>(rules.Count);
        foreach (var rule in rules) list.Add(CoverageOf(rule));
        return list;
    }

    private CoverageEntry CoverageOf(RuleInfo rule)
    {
        if (!_tally.TryGetValue(rule.Id, out var t)) return new CoverageEntry(rule.Id, CoverageStatus.NotRun, 0, 0, NothingToCheck);
        if (t.Failed > 0) return new CoverageEntry(rule.Id, CoverageStatus.Failed, t.Checked, t.Failed, t.NotRunReason);
        if (t.Checked > 0) return new CoverageEntry(rule.Id, CoverageStatus.Passed, t.Checked, 0, t.NotRunReason);
        return new CoverageEntry(rule.Id, CoverageStatus.NotRun, 0, 0, t.NotRunReason ?? NothingToCheck);
    }

    private const string NothingToCheck = "本文档没有此规则适用的内容";
}
