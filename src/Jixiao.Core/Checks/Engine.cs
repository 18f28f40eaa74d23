using Jixiao.Core.Checks.SelfEvaluation;
using Jixiao.Core.Model;
using Jixiao.Core.Rules;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Checks;

/// <summary>Checks a set of documents (one file or one bundle) by a rule set.</summary>
public static class Engine
{
    private sealed record Registered(IReadOnlyList<RuleInfo> Rules, Action<Document, IReadOnlyList<Document>, CheckContext> Run);

    private static readonly Dictionary<DocumentKind, Registered> Others = [];

    /// <summary>Registers the checks of another document kind (final accounts); their rules join the catalogue.</summary>
    public static void Register(DocumentKind kind, IReadOnlyList<RuleInfo> rules, Action<Document, IReadOnlyList<Document>, CheckContext> run)
    {
        lock (Others)
        {
            Others[kind] = new Registered(rules, run);
            foreach (var r in rules)
                if (!RuleCatalog.Extra.Exists(e => e.Id == r.Id)) RuleCatalog.Extra.Add(r);
        }
    }

    public static CheckReport Check(IReadOnlyList<Document> documents, RuleSet ruleSet)
    {
        var report = new CheckReport();
        // Which report covers which table, once for the bundle (the first report naming the table wins).
        Dictionary<string, SelfEvaluationReport>? links = null;
        foreach (var d in documents)
        {
            if (d is not SelfEvaluationReport r) continue;
            links ??= new Dictionary<string, SelfEvaluationReport>(StringComparer.Ordinal);
            foreach (var id in r.TableIds) links.TryAdd(id, r);
        }
        foreach (var doc in documents)
        {
            var result = CheckOne(doc, documents, ruleSet, links is null ? NoLinks : id => links.GetValueOrDefault(id));
            report.Findings.AddRange(result.Findings);
            report.Coverage[doc.Id] = result.Coverage;
            if (result.Score is not null) report.Scores[doc.Id] = result.Score;
        }
        return report;
    }

    /// <summary>The findings, coverage and (for scored tables) score of one document, seen within its bundle.</summary>
    public static (List<Finding> Findings, List<CoverageEntry> Coverage, ScoreResult? Score) CheckOne(Document doc, IReadOnlyList<Document> bundle, RuleSet ruleSet) =>
        CheckOne(doc, bundle, ruleSet, id => bundle.OfType<SelfEvaluationReport>().FirstOrDefault(r => r.TableIds.Contains(id)));

    private static readonly Func<string, SelfEvaluationReport?> NoLinks = _ => null;

    // The coverage lists of the self-evaluation kinds, distinct by id, built once.
    private static readonly RuleInfo[] TableRules = [.. RuleCatalog.SelfEvaluation.DistinctBy(r => r.Id)];
    private static readonly RuleInfo[] ProjectRules = [.. RuleCatalog.SelfEvaluation.Concat(RuleCatalog.Scoring).DistinctBy(r => r.Id)];
    private static readonly RuleInfo[] ProjectNarrativeRules = [.. RuleCatalog.SelfEvaluation.Concat(RuleCatalog.Scoring).Concat(RuleCatalog.Report).DistinctBy(r => r.Id)];
    private static readonly RuleInfo[] ReportRules = [.. RuleCatalog.Report.DistinctBy(r => r.Id)];
    private static readonly RuleInfo[] LetterRules = [.. RuleCatalog.Letter.DistinctBy(r => r.Id)];

    private static (List<Finding> Findings, List<CoverageEntry> Coverage, ScoreResult? Score) CheckOne(Document doc, IReadOnlyList<Document> bundle, RuleSet ruleSet, Func<string, SelfEvaluationReport?> linkOf)
    {
        try
        {
            return CheckOneUnguarded(doc, bundle, ruleSet, linkOf);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One document the checks cannot handle must not stop the others: say so, and run nothing as "passed".
            var finding = new Finding
            {
                Rule = InternalError.Id,
                Severity = Severity.Warning,
                DocumentId = doc.Id,
                Location = doc.Source?.Describe() ?? doc.Title,
                Message = $"检查程序处理本文档时出错（{e.GetType().Name}：{e.Message}），本文档的检查未完成。请将文件反馈给系统维护人员。",
                At = doc.Source,
            };
            return ([finding], [new CoverageEntry(InternalError.Id, CoverageStatus.NotRun, 0, 0, e.Message)], null);
        }
    }

    /// <summary>The finding given when a check fails on a document instead of judging it.</summary>
    public static readonly RuleInfo InternalError = new("ENGINE-ERROR", Severity.Warning, "检查未完成", "检查程序在该文档上出错，检查未完成。", "—");

    private static (List<Finding> Findings, List<CoverageEntry> Coverage, ScoreResult? Score) CheckOneUnguarded(Document doc, IReadOnlyList<Document> bundle, RuleSet ruleSet, Func<string, SelfEvaluationReport?> linkOf)
    {
        var ctx = new CheckContext(doc.Id, ruleSet);
        RuleInfo[] rules;
        ScoreResult? score = null;
        switch (doc)
        {
            case SelfEvaluationTable t:
                {
                    var linked = linkOf(t.Id);
                    var narrative = t is ProjectSelfEvaluation { Narrative.Count: > 0 } withNarrative ? withNarrative.Narrative : null;
                    ReportText? text;
                    if (linked is null) text = narrative is null ? null : ReportText.From(narrative);
                    else
                    {
                        var sections = new List<ReportSection>(linked.Sections.Count + (narrative?.Count ?? 0));
                        sections.AddRange(linked.Sections);
                        if (narrative is not null) sections.AddRange(narrative);
                        text = sections.Count > 0 ? ReportText.From(sections) : null;
                    }
                    TableChecks.Run(t, ctx);
                    FundChecks.Run(t, ctx, text);
                    IndicatorRowChecks.Run(t, ctx);
                    rules = TableRules;
                    if (t is ProjectSelfEvaluation project)
                    {
                        score = ScoringChecks.Run(project, ctx);
                        rules = ProjectRules;
                        if (narrative is not null)
                        {
                            // The narrative's own text: the one built above when no report is linked.
                            ReportChecks.Run(linked is null ? text! : ReportText.From(narrative), [project], project.Id, ctx);
                            rules = ProjectNarrativeRules;
                        }
                    }
                    break;
                }
            case SelfEvaluationReport r:
                {
                    var tables = bundle.OfType<SelfEvaluationTable>().Where(t => r.TableIds.Contains(t.Id)).ToList();
                    ReportChecks.Run(ReportText.From(r), tables, r.Id, ctx);
                    rules = ReportRules;
                    break;
                }
            case CoverLetter letter:
                LetterChecks.Run(letter, bundle, ctx);
                rules = LetterRules;
                break;
            default:
                Registered? reg;
                lock (Others) Others.TryGetValue(doc.Kind, out reg);
                if (reg is null)
                {
                    rules = [];
                    break;
                }
                reg.Run(doc, bundle, ctx);
                rules = [.. reg.Rules.DistinctBy(r => r.Id)];
                break;
        }
        // Every list above is already distinct by id.
        return (ctx.Findings, ctx.Finish(rules), score);
    }
}
