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
    /// <summary>Per rule (by <see cref="RuleInfo.Slot"/>): subjects checked, failed, and why it could not run.</summary>
    private Tally[] _tally;

    /// <summary>One more than the highest slot written: what <see cref="Finish"/> clears.</summary>
    private int _used;

    private struct Tally
    {
        public int Checked;
        public int Failed;
        public string? NotRunReason;
    }

    /// <summary>A tally left by the last finished context on this thread, reused (cleared) by the next one.</summary>
    [ThreadStatic]
    private static Tally[]? _spareTally;

    public CheckContext(string documentId, RuleSet ruleSet)
    {
        DocumentId = documentId;
        RuleSet = ruleSet;
        _tally = _spareTally ?? new Tally[Math.Max(64, RuleInfo.SlotCount)];
        _spareTally = null;
    }

    /// <summary>
    /// Coverage for <paramref name="rules"/> (as <see cref="Coverage"/>), after which this context is finished: its
    /// tally is handed to the next context on this thread instead of being reallocated for every document.
    /// </summary>
    public List<CoverageEntry> Finish(IReadOnlyCollection<RuleInfo> rules)
    {
        var coverage = Coverage(rules);
        Array.Clear(_tally, 0, _used);
        _spareTally = _tally;
        _tally = [];
        _used = 0;
        return coverage;
    }

    public string DocumentId { get; }
    public RuleSet RuleSet { get; }
    public List<Finding> Findings { get; } = [];

    /// <summary>Records that <paramref name="rule"/> examined one subject (a row, a pair of figures).</summary>
    public void Checked(RuleInfo rule, int count = 1)
    {
        ref var t = ref Get(rule);
        t.Checked += count;
    }

    /// <summary>Records that <paramref name="rule"/> could not examine a subject, and why.</summary>
    public void NotRun(RuleInfo rule, string reason)
    {
        ref var t = ref Get(rule);
        t.NotRunReason = t.NotRunReason is null ? reason : t.NotRunReason.Contains(reason, StringComparison.Ordinal) ? t.NotRunReason : t.NotRunReason + "；" + reason;
    }

    /// <summary>Adds a finding for <paramref name="rule"/> (counts as one subject checked and failed).</summary>
    public void Report(RuleInfo rule, SourceRef? at, string message, string? stated = null, string? expected = null, Severity? severity = null)
    {
        ref var t = ref Get(rule);
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

    /// <summary>The tally of a rule, by its slot (rules created after this context started grow the array).</summary>
    private ref Tally Get(RuleInfo rule)
    {
        var slot = rule.Slot;
        if (slot >= _tally.Length) Array.Resize(ref _tally, Math.Max(slot + 1, RuleInfo.SlotCount));
        if (slot >= _used) _used = slot + 1;
        return ref _tally[slot];
    }

    /// <summary>Coverage for every rule in <paramref name="rules"/>, in catalogue order.</summary>
    public List<CoverageEntry> Coverage(IReadOnlyCollection<RuleInfo> rules)
    {
        var list = new List<CoverageEntry>(rules.Count);
        foreach (var rule in rules) list.Add(CoverageOf(rule));
        return list;
    }

    private CoverageEntry CoverageOf(RuleInfo rule)
    {
        var t = rule.Slot < _tally.Length ? _tally[rule.Slot] : default;
        if (t.Failed > 0) return new CoverageEntry(rule.Id, CoverageStatus.Failed, t.Checked, t.Failed, t.NotRunReason);
        if (t.Checked > 0) return t.NotRunReason is null ? Shared.Passed(rule, t.Checked) : new CoverageEntry(rule.Id, CoverageStatus.Passed, t.Checked, 0, t.NotRunReason);
        return t.NotRunReason is null ? Shared.NothingToCheck(rule) : new CoverageEntry(rule.Id, CoverageStatus.NotRun, 0, 0, t.NotRunReason);
    }

    /// <summary>
    /// The coverage entries every document repeats — a rule passed on 1…64 subjects, a rule with nothing to check —
    /// made once per rule and shared (entries are immutable records), so a province's 100,000 tables do not each
    /// allocate fifty of them.
    /// </summary>
    private static class Shared
    {
        private const int MaxCount = 64;
        private static readonly Lock Gate = new();
        private static CoverageEntry?[] _entries = new CoverageEntry?[64 * (MaxCount + 1)];

        public static CoverageEntry NothingToCheck(RuleInfo rule) =>
            Get(rule, 0) ?? Set(rule, 0, new CoverageEntry(rule.Id, CoverageStatus.NotRun, 0, 0, NothingToCheckReason));

        public static CoverageEntry Passed(RuleInfo rule, int count) =>
            count > MaxCount ? new CoverageEntry(rule.Id, CoverageStatus.Passed, count, 0, null)
            : Get(rule, count) ?? Set(rule, count, new CoverageEntry(rule.Id, CoverageStatus.Passed, count, 0, null));

        private static CoverageEntry? Get(RuleInfo rule, int count)
        {
            var entries = Volatile.Read(ref _entries);
            var i = rule.Slot * (MaxCount + 1) + count;
            return i < entries.Length ? entries[i] : null;
        }

        private static CoverageEntry Set(RuleInfo rule, int count, CoverageEntry entry)
        {
            lock (Gate)
            {
                var i = rule.Slot * (MaxCount + 1) + count;
                var entries = _entries;
                if (i >= entries.Length)
                {
                    Array.Resize(ref entries, Math.Max(i + 1, entries.Length * 2));
                    Volatile.Write(ref _entries, entries);
                }
                Volatile.Write(ref entries[i], entry);
            }
            return entry;
        }
    }

    private const string NothingToCheckReason = "本文档没有此规则适用的内容";
}
