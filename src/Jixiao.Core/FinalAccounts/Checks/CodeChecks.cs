using Jixiao.Core.Checks;
using Jixiao.Core.Classification;
using Jixiao.Core.Model;
using Jixiao.Core.Provenance;
using R = Jixiao.Core.FinalAccounts.Checks.FinalAccountsRules;

namespace Jixiao.Core.FinalAccounts.Checks;

/// <summary>The code catalogue checks: D24 (code ↔ name), unknown codes, placement under the right parent, names consistent across tables.</summary>
internal sealed class CodeChecks(FinalAccountsDisclosure d, CheckContext ctx, ClassificationCatalogue catalogue)
{
    private readonly Dictionary<string, (string Name, string Normalized, string Table)> _seen = new(StringComparer.Ordinal);

    public void Run()
    {
        var any = false;
        foreach (var t in new DisclosureTable?[] { d.Income, d.Expenditure, d.GeneralBudget, d.GovernmentFunds, d.StateCapital })
        {
            if (t is null) continue;
            any = true;
            var rows = t switch
            {
                IncomeTable x => x.Rows.Cast<CodedRow>(),
                ExpenditureTable x => x.Rows,
                GeneralBudgetTable x => x.Rows,
                GovernmentFundTable x => x.Rows,
                StateCapitalTable x => x.Rows,
                _ => [],
            };
            string? lastClass = null, lastItem = null;
            foreach (var r in rows)
            {
                if (r.Code is null) continue;
                var hasAmounts = r.Cells().Any(c => !FigureValues.IsZeroOrBlank(c.Figure));
                Row(ClassificationKind.Function, t, r.Code, r.Name, hasAmounts, r.At);
                Placement(t, r.Code, r.At, ref lastClass, ref lastItem);
                Consistency(t, r.Code, r.Name, r.At);
            }
        }
        if (d.EconomicDetail is { } e)
        {
            any = true;
            string? lastClass = null, lastItem = null;
            foreach (var r in e.Rows)
            {
                if (r.Code is null) continue;
                var hasAmounts = !FigureValues.IsZeroOrBlank(r.Amount) || !FigureValues.IsZeroOrBlank(r.Basic);
                Row(ClassificationKind.Economic, e, r.Code, r.Name, hasAmounts, r.At);
                Placement(e, r.Code, r.At, ref lastClass, ref lastItem);
            }
        }
        if (!any)
            foreach (var rule in new[] { R.D24, R.CodeUnknown, R.CodeParent })
                ctx.NotRun(rule, "没有按科目编码列示的表");
    }

    private void Row(ClassificationKind kind, DisclosureTable t, string code, string name, bool hasAmounts, SourceRef? at)
    {
        var entry = catalogue.Find(kind, code, d.Year);
        var system = kind == ClassificationKind.Function ? "支出功能分类" : "部门预算支出经济分类";
        if (entry is null)
        {
            switch (code.Length)
            {
                case 3:
                    ctx.Report(R.CodeUnknown, at, $"{t.Label} 的类级编码 {code}（{name}）不在{system}科目目录中。", code);
                    break;
                case 5:
                    var siblings = catalogue.Children(kind, code[..3], 5).ToList();
                    var parentKnown = catalogue.Find(kind, code[..3], d.Year) is not null;
                    // The 款 lists are mostly recalled and unverified (rules.md R5.3): only a hint there.
                    var severity = parentKnown && siblings.Count > 0 && siblings.All(s => s.Verified) ? Severity.Warning : Severity.Info;
                    ctx.Report(R.CodeUnknown, at, $"{t.Label} 的款级编码 {code}（{name}）不在{system}科目目录中" +
                        (severity == Severity.Info ? "（目录中该类的款级条目未全部核实，仅作提示）。" : "。"), code, severity: severity);
                    break;
                    // 项 (7 digits): the catalogue lists only samples, an unknown 项 says nothing.
            }
            return;
        }
        ctx.Checked(R.CodeUnknown);
        if (string.IsNullOrWhiteSpace(name)) return;
        var year = d.Year is { } y ? $"{y}年" : "";
        switch (catalogue.MatchName(entry, name))
        {
            case NameMatch.Same:
                ctx.Checked(R.D24);
                break;
            case NameMatch.FormerName:
                if (d.Year is { } yy && yy >= entry.SourceYear)
                    ctx.Report(R.D24, at, $"{t.Label} 编码 {code} 用的是旧名称“{name}”，{year}科目名称为“{entry.Name}”。", name, entry.Name, Severity.Info);
                else ctx.Checked(R.D24);
                break;
            case NameMatch.PrintedVariant:
                ctx.Report(R.D24, at, $"{t.Label} 编码 {code} 的名称印为“{name}”，规范名称为“{entry.Name}”（决算软件模板的常见印法，仅作提示）。", name, entry.Name, Severity.Info);
                break;
            default:
                var other = catalogue.FindByName(kind, name, code.Length, year: d.Year);
                var message = $"{t.Label} 编码 {code} 的名称印为“{name}”，{year}{system}科目名称为“{entry.Name}”";
                if (other is not null && other.Code != code) message += $"；该名称对应编码 {other.Code}";
                var sure = entry.Verified && hasAmounts;
                message += !entry.Verified ? "（目录条目未核实，仅作提示）。" : !hasAmounts ? "（该行无金额，仅作提示）。" : "。";
                ctx.Report(R.D24, at, message,
                    name, entry.Name, sure ? Severity.Warning : Severity.Info);
                break;
        }
    }

    private void Placement(DisclosureTable t, string code, SourceRef? at, ref string? lastClass, ref string? lastItem)
    {
        switch (CodeLevels.Of(code))
        {
            case CodeLevel.Class:
                lastClass = code; lastItem = null;
                ctx.Checked(R.CodeParent);
                break;
            case CodeLevel.Item:
                if (lastClass == code[..3]) ctx.Checked(R.CodeParent);
                else ctx.Report(R.CodeParent, at, lastClass is null
                    ? $"{t.Label} 款 {code} 上方没有类 {code[..3]} 的行。"
                    : $"{t.Label} 款 {code} 应在类 {code[..3]} 之下，却列在类 {lastClass} 之下。", code, code[..3]);
                lastItem = code;
                break;
            case CodeLevel.Subitem:
                if (lastItem == code[..5]) ctx.Checked(R.CodeParent);
                else ctx.Report(R.CodeParent, at, lastItem is null
                    ? $"{t.Label} 项 {code} 上方没有款 {code[..5]} 的行。"
                    : $"{t.Label} 项 {code} 应在款 {code[..5]} 之下，却列在款 {lastItem} 之下。", code, code[..5]);
                break;
        }
    }

    private void Consistency(DisclosureTable t, string code, string name, SourceRef? at)
    {
        var normalized = ClassificationCatalogue.NormalizeName(name);
        if (normalized.Length == 0) return;
        if (!_seen.TryGetValue(code, out var first)) { _seen[code] = (name, normalized, t.Label); return; }
        // Codes the catalogue knows are checked against it (D24); here only the others.
        if (catalogue.Find(ClassificationKind.Function, code, d.Year) is not null) return;
        if (first.Normalized == normalized) ctx.Checked(R.CodeConsistent);
        else ctx.Report(R.CodeConsistent, at, $"编码 {code} 在{first.Table}中名为“{first.Name}”，在{t.Label}中名为“{name}”。", name, first.Name);
    }
}
