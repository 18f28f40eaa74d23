using System.Text;

namespace Jixiao.Core.Checks;

/// <summary>Renders the rule catalogue as the Markdown of docs/rules.md (a test keeps the file equal to this).</summary>
public static class RuleCatalogDocs
{
    public static string Render()
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Rule catalogue");
        sb.AppendLine();
        sb.AppendLine("Every check Jixiao runs, with its stable id, severity, what it checks and where the rule comes from.");
        sb.AppendLine("This file is generated from `src/Jixiao.Core/Checks/RuleCatalog.cs` (and the rules other modules register);");
        sb.AppendLine("`UPDATE_DOCS=1 dotnet test tests/Jixiao.Core.Tests --filter RuleCatalogDocsTests` rewrites it.");
        sb.AppendLine();
        sb.AppendLine("Severity: **error** — an identity or two statements of one quantity disagree; **warning** — suspicious or");
        sb.AppendLine("incomplete; **info** — worth knowing. Reader findings (`READ-…`) say what a reader could not place.");
        sb.AppendLine();
        void Section(string title, IEnumerable<RuleInfo> rules)
        {
            var list = rules.ToList();
            if (list.Count == 0) return;
            sb.AppendLine($"## {title}");
            sb.AppendLine();
            sb.AppendLine("| id | severity | rule | what it checks | source |");
            sb.AppendLine("| --- | --- | --- | --- | --- |");
            foreach (var r in list)
                sb.AppendLine($"| `{r.Id}` | {r.Severity.ToString().ToLowerInvariant()} | {r.Title} | {Escape(r.Description)} | {Escape(r.Source)} |");
            sb.AppendLine();
        }
        Section("Self-evaluation tables (转移支付 / 项目支出 / 部门整体)", RuleCatalog.SelfEvaluation);
        Section("Scoring (项目支出 / 部门整体, by the rule set)", RuleCatalog.Scoring);
        Section("Self-evaluation reports and project narratives", RuleCatalog.Report);
        Section("Cover letters", RuleCatalog.Letter);
        Section("Final-accounts disclosure (部门决算公开)", RuleCatalog.Extra.OrderBy(r => r.Id, StringComparer.Ordinal));
        sb.AppendLine("## Reader findings");
        sb.AppendLine();
        sb.AppendLine("| id | severity | meaning |");
        sb.AppendLine("| --- | --- | --- |");
        sb.AppendLine("| `READ-UNPLACED` | warning/info | lines the reader could not place in any document or block (with their line numbers) |");
        sb.AppendLine("| `READ-NO-DOCUMENT` | warning | a readable file in which no document was recognised |");
        sb.AppendLine("| `READ-NO-FUNDS` / `READ-NO-INDICATORS` | warning | a table without a recognisable fund block / indicator block |");
        sb.AppendLine("| `READ-HEADER-DUPLICATE` | warning | a header label given twice (e.g. 地方主管部门 written where 资金使用单位 belongs) |");
        return sb.ToString().Replace("\r\n", "\n");
    }

    private static string Escape(string s) => s.Replace("|", "\\|");
}
