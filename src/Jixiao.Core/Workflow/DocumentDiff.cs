using System.Text.Json.Nodes;
using Jixiao.Core.Model;
using Jixiao.Core.Serialization;

namespace Jixiao.Core.Workflow;

/// <summary>One changed field between two versions: a readable Chinese label, the JSON path, before and after.</summary>
public sealed record FieldChange(string Label, string Path, string? Before, string? After);

/// <summary>
/// Field-level differences between two versions of a document, labelled the way the official table names
/// them ("资金投入情况 › 年度资金总额 › 全年执行数（B）", "绩效指标 › 城镇新增就业人数 › 全年实际完成值"). Self-evaluation
/// tables are compared by row label and indicator name (so an inserted row does not shift every later one);
/// other kinds by JSON path with the property names in Chinese.
/// </summary>
public static class DocumentDiff
{
    public static List<FieldChange> Diff(Document before, Document after)
    {
        if (before is SelfEvaluationTable a && after is SelfEvaluationTable b) return DiffTables(a, b);
        return DiffJson(CanonicalJson.Serialize<Document>(before), CanonicalJson.Serialize<Document>(after));
    }

    private static List<FieldChange> DiffTables(SelfEvaluationTable a, SelfEvaluationTable b)
    {
        var changes = new List<FieldChange>();
        void Cmp(string label, string path, string? x, string? y)
        {
            var s = string.IsNullOrWhiteSpace(x) ? null : x.Trim();
            var t = string.IsNullOrWhiteSpace(y) ? null : y.Trim();
            if (s != t) changes.Add(new FieldChange(label, path, s, t));
        }
        Cmp("标题", "$.title", a.Title, b.Title);
        Cmp("年度", "$.year", a.Year?.ToString(), b.Year?.ToString());
        Cmp("转移支付（项目）名称", "$.fundName", a.FundName, b.FundName);
        Cmp("中央主管部门", "$.centralDepartment", a.CentralDepartment, b.CentralDepartment);
        Cmp("地方财政部门", "$.localFinanceDepartment", a.LocalFinanceDepartment, b.LocalFinanceDepartment);
        Cmp("地方主管部门", "$.competentDepartment", a.CompetentDepartment, b.CompetentDepartment);
        Cmp("资金使用单位", "$.implementingUnit", a.ImplementingUnit, b.ImplementingUnit);
        Cmp("资金投入情况 › 金额单位", "$.declaredUnit", a.DeclaredUnit?.ToString(), b.DeclaredUnit?.ToString());

        foreach (var (key, x, y, i) in Pair(a.Funds, b.Funds, f => f.Source == FundSourceKind.Unknown ? Text.Compact(f.Label) : f.Source.ToString()))
        {
            var row = Text.Compact((y ?? x)!.Label);
            var p = $"$.funds[{i}]";
            if (x is null || y is null) { changes.Add(new FieldChange($"资金投入情况 › {row}", p, x is null ? null : "（整行）", y is null ? null : "（整行）")); continue; }
            Cmp($"资金投入情况 › {row} › 年初预算数", p + ".initialBudget", x.InitialBudget?.Text, y.InitialBudget?.Text);
            Cmp($"资金投入情况 › {row} › 全年预算数（A）", p + ".budget", x.Budget.Text, y.Budget.Text);
            Cmp($"资金投入情况 › {row} › 全年执行数（B）", p + ".execution", x.Execution.Text, y.Execution.Text);
            Cmp($"资金投入情况 › {row} › 预算执行率", p + ".rate", x.Rate.Text, y.Rate.Text);
            Cmp($"资金投入情况 › {row} › 得分", p + ".score", x.Score?.Text, y.Score?.Text);
        }
        foreach (var (key, x, y, i) in Pair(a.Management, b.Management, m => Text.Compact(m.Aspect)))
        {
            var p = $"$.management[{i}]";
            Cmp($"资金管理情况 › {key} › 情况说明", p + ".description", x?.Description, y?.Description);
            Cmp($"资金管理情况 › {key} › 存在问题和改进措施", p + ".problems", x?.Problems, y?.Problems);
        }
        Cmp("总体目标", "$.overallGoal", a.OverallGoal, b.OverallGoal);
        Cmp("全年实际完成情况", "$.overallActual", a.OverallActual, b.OverallActual);
        foreach (var (key, x, y, i) in Pair(a.Indicators, b.Indicators, r => Text.Compact(r.Name)))
        {
            var p = $"$.indicators[{i}]";
            if (x is null || y is null) { changes.Add(new FieldChange($"绩效指标 › {key}", p, x is null ? null : Row(x), y is null ? null : Row(y))); continue; }
            Cmp($"绩效指标 › {key} › 指标值（年初指标）", p + ".target", x.Target, y.Target);
            Cmp($"绩效指标 › {key} › 调整后指标", p + ".adjustedTarget", x.AdjustedTarget, y.AdjustedTarget);
            Cmp($"绩效指标 › {key} › 调整理由", p + ".adjustment.reason", x.Adjustment?.Reason, y.Adjustment?.Reason);
            Cmp($"绩效指标 › {key} › 全年实际完成值", p + ".actual", x.Actual, y.Actual);
            Cmp($"绩效指标 › {key} › 未完成原因和改进措施", p + ".deviationReason", x.DeviationReason, y.DeviationReason);
            Cmp($"绩效指标 › {key} › 权重", p + ".weight", x.Weight?.Text, y.Weight?.Text);
            Cmp($"绩效指标 › {key} › 得分", p + ".score", x.Score?.Text, y.Score?.Text);
        }
        Cmp("说明", "$.remarks", a.Remarks, b.Remarks);
        if (a is ProjectSelfEvaluation pa && b is ProjectSelfEvaluation pb)
        {
            Cmp("总分", "$.statedTotalScore", pa.StatedTotalScore?.Text, pb.StatedTotalScore?.Text);
            Cmp("评价等级", "$.statedGrade", pa.StatedGrade, pb.StatedGrade);
        }
        return changes;
    }

    private static string Row(IndicatorRow r) => $"{r.Level1Label}/{r.Level2Label}：{r.EffectiveTarget} → {r.Actual}";

    /// <summary>Pairs rows by key (the n-th occurrence of a key with the n-th), keeping the order of the newer list.</summary>
    private static IEnumerable<(string Key, T? Before, T? After, int Index)> Pair<T>(List<T> before, List<T> after, Func<T, string> key) where T : class
    {
        var used = new HashSet<int>();
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < after.Count; i++)
        {
            var k = key(after[i]);
            var n = seen[k] = seen.GetValueOrDefault(k) + 1;
            var match = -1;
            for (int j = 0, c = 0; j < before.Count; j++)
            {
                if (key(before[j]) != k) continue;
                if (++c == n) { match = j; break; }
            }
            if (match >= 0) used.Add(match);
            yield return (k, match >= 0 ? before[match] : null, after[i], i);
        }
        for (var j = 0; j < before.Count; j++)
            if (!used.Contains(j)) yield return (key(before[j]), before[j], null, j);
    }

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["title"] = "标题",
        ["year"] = "年度",
        ["unit"] = "单位",
        ["sections"] = "章节",
        ["heading"] = "标题",
        ["text"] = "正文",
        ["preamble"] = "前言",
        ["addressee"] = "主送单位",
        ["body"] = "正文",
        ["annexes"] = "附件",
        ["sender"] = "发文单位",
        ["date"] = "日期",
        ["contactPerson"] = "联系人",
        ["contactPhone"] = "联系电话",
        ["signatory"] = "落款",
        ["value"] = "数值",
        ["explanation"] = "情况说明",
        ["paragraphs"] = "段落",
        ["glossary"] = "名词解释",
        ["income"] = "收入",
        ["expenditure"] = "支出",
        ["summary"] = "收入支出决算总表",
        ["rows"] = "行",
        ["total"] = "合计",
        ["amount"] = "金额",
        ["label"] = "项目",
    };

    private static List<FieldChange> DiffJson(string before, string after)
    {
        var result = new List<FieldChange>();
        Walk("$", [], JsonNode.Parse(before), JsonNode.Parse(after), result);
        return result;
    }

    private static void Walk(string path, List<string> labels, JsonNode? a, JsonNode? b, List<FieldChange> into)
    {
        if (into.Count >= 500) return;
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var key in oa.Select(p => p.Key).Union(ob.Select(p => p.Key)))
            {
                if (key is "at" or "source") continue;
                Walk($"{path}.{key}", [.. labels, Names.GetValueOrDefault(key, key)], oa[key], ob[key], into);
            }
            return;
        }
        if (a is JsonArray aa && b is JsonArray ab)
        {
            for (var i = 0; i < Math.Max(aa.Count, ab.Count); i++)
                Walk($"{path}[{i}]", [.. labels, $"第 {i + 1} 项"], i < aa.Count ? aa[i] : null, i < ab.Count ? ab[i] : null, into);
            return;
        }
        var sa = a is JsonValue va ? va.ToString() : a?.ToJsonString();
        var sb = b is JsonValue vb ? vb.ToString() : b?.ToJsonString();
        if (sa != sb) into.Add(new FieldChange(labels.Count == 0 ? "文档" : string.Join(" › ", labels), path, Short(sa), Short(sb)));
    }

    private static string? Short(string? s) => s is { Length: > 300 } ? s[..300] + "…" : s;
}
