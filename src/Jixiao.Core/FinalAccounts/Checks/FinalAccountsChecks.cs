using Jixiao.Core.Checks;
using Jixiao.Core.Classification;
using Jixiao.Core.Model;

namespace Jixiao.Core.FinalAccounts.Checks;

/// <summary>
/// The checks of a final-accounts disclosure: the identities D1–D25 of rules.md §4.3 (FA-D1 … FA-D25), the
/// code catalogue (FA-CODE-…) and the 情况说明 against the tables (FA-TEXT-…). Every rule reports its
/// coverage through the <see cref="CheckContext"/>: checked, failed, or not run and why.
/// </summary>
public static class FinalAccountsChecks
{
    /// <summary>The rule catalogue, in report order.</summary>
    public static IReadOnlyList<RuleInfo> Rules => FinalAccountsRules.All;

    /// <summary>
    /// Runs every FA-* rule on <paramref name="d"/>. <paramref name="projectsInSameFile"/> are the project
    /// self-evaluation tables found in the same file (the appendices), used to cross-check the projects the
    /// 情况说明 lists.
    /// </summary>
    public static void Run(FinalAccountsDisclosure d, IReadOnlyList<ProjectSelfEvaluation> projectsInSameFile, CheckContext ctx) =>
        Run(d, projectsInSameFile, ctx, previousYear: null);

    /// <summary>As <see cref="Run(FinalAccountsDisclosure, IReadOnlyList{ProjectSelfEvaluation}, CheckContext)"/>, with last year's disclosure for the year-on-year statements.</summary>
    public static void Run(FinalAccountsDisclosure d, IReadOnlyList<ProjectSelfEvaluation> projectsInSameFile, CheckContext ctx, FinalAccountsDisclosure? previousYear, ClassificationCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(ctx);
        var amounts = new Amounts(ctx);
        new IdentityChecks(d, amounts).Run();
        EmptyTables(d, ctx);
        new CodeChecks(d, ctx, catalogue ?? ClassificationCatalogue.Default).Run();
        new NarrativeChecks(d, projectsInSameFile ?? [], previousYear, amounts).Run();
    }

    /// <summary>D25: a table without data says so ("本表无数据"); a table that says so has no data.</summary>
    private static void EmptyTables(FinalAccountsDisclosure d, CheckContext ctx)
    {
        var rule = FinalAccountsRules.D25;
        foreach (var t in new DisclosureTable?[] { d.ThreePublic, d.GovernmentFunds, d.StateCapital })
        {
            if (t is null) continue;
            var empty = t.HasNoData();
            if (empty && !t.IsEmptyDeclared)
                ctx.Report(rule, t.At, $"{t.Label} {DisclosureTables.StandardName(t.TableKind)}没有数据，却没有注明“本表无数据”（空表也须公开并说明）。", "（无说明）", "本表无数据");
            else if (!empty && t.IsEmptyDeclared)
                ctx.Report(rule, t.At, $"{t.Label} 注明“{t.EmptyNote}”，表中却有金额。", t.EmptyNote, "删去无数据说明或核对金额", Severity.Error);
            else ctx.Checked(rule);
        }
        if (d.ThreePublic is null && d.GovernmentFunds is null && d.StateCapital is null)
            ctx.NotRun(rule, "缺少公开07、08、09");
    }
}
