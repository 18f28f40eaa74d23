using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Model;
using Jixiao.Core.Money;

namespace Jixiao.Documents.Export;

/// <summary>CSV (RFC 4180, UTF-8 with BOM so Excel opens Chinese correctly, CRLF line ends).</summary>
public static class Csv
{
    public static string Field(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }

    public static byte[] Build(IEnumerable<IReadOnlyList<string?>> rows, bool bom = true)
    {
        var sb = new StringBuilder();
        foreach (var r in rows) sb.Append(string.Join(',', r.Select(Field))).Append("\r\n");
        var body = Encoding.UTF8.GetBytes(sb.ToString());
        return bom ? [.. Encoding.UTF8.GetPreamble(), .. body] : body;
    }

    /// <summary>The indicator table of one or more self-evaluation tables (one row per level-3 indicator).</summary>
    public static byte[] Indicators(IEnumerable<SelfEvaluationTable> tables, bool bom = true)
    {
        var list = tables.ToList();
        var project = list.Exists(t => t is ProjectSelfEvaluation);
        var header = new List<string?> { "文档", "资金（项目）名称", "年度", "一级指标", "二级指标", "三级指标", project ? "年初指标" : "指标值" };
        if (project) header.Add("调整后指标");
        header.Add("全年实际完成值");
        if (project) { header.Add("权重"); header.Add("得分"); }
        header.Add(project ? "偏差原因分析及改进措施" : "未完成原因和改进措施");
        var rows = new List<IReadOnlyList<string?>> { header };
        foreach (var t in list)
            foreach (var i in t.Indicators)
            {
                var r = new List<string?> { t.Id, t.FundName, t.Year?.ToString(CultureInfo.InvariantCulture), i.Level1Label, i.Level2Label, i.Name, i.Target };
                if (project) r.Add(i.AdjustedTarget);
                r.Add(i.Actual);
                if (project) { r.Add(i.Weight?.Text); r.Add(i.Score?.Text); }
                r.Add(i.DeviationReason);
                rows.Add(r);
            }
        return Build(rows, bom);
    }
}

/// <summary>
/// A Fiscal Data Package (frictionless, FDP v1 column types): budget.csv with one row per table and fund source,
/// the three budget phases original (年初预算数) / adjusted (全年预算数) / executed (全年执行数) as measures
/// normalised into a phase column, amounts converted exactly to 元 (CNY), administrative classification as
/// level1 (主管部门) → level2 (资金使用单位), the fund source as a custom hierarchical classification; and
/// indicators.csv. Zipped with datapackage.json.
/// </summary>
public static class FiscalDataPackage
{
    public static byte[] Build(IReadOnlyList<SelfEvaluationTable> tables, string name = "jixiao-self-evaluation")
    {
        var budget = new List<IReadOnlyList<string?>>
        {
            new[] { "document_id", "fiscal_year", "competent_department", "implementing_unit", "fund_name", "fund_source_code", "fund_source_label", "original", "adjusted", "executed", "stated_rate" },
        };
        foreach (var t in tables)
            foreach (var f in t.Funds)
                budget.Add([
                    t.Id, t.Year?.ToString(CultureInfo.InvariantCulture), t.CompetentDepartment, t.ImplementingUnit, t.FundName,
                    f.Source.ToString().ToLowerInvariant(), f.Label,
                    Yuan(f.InitialBudget, t.DeclaredUnit), Yuan(f.Budget, t.DeclaredUnit), Yuan(f.Execution, t.DeclaredUnit),
                    f.Rate.Text,
                ]);

        static JsonObject Field(string n, string type, string? columnType = null, string? title = null, JsonObject? extra = null)
        {
            var o = new JsonObject { ["name"] = n, ["type"] = type };
            if (title is not null) o["title"] = title;
            if (columnType is not null) o["columnType"] = columnType;
            if (extra is not null) foreach (var (k, v) in extra) o[k] = v?.DeepClone();
            return o;
        }
        static JsonObject Measure(string n, string title, string phase) => Field(n, "number", null, title, new JsonObject
        {
            ["decimalChar"] = ".",
            ["groupChar"] = "",
            ["normalize"] = new JsonObject { ["phase"] = phase },
        });

        var descriptor = new JsonObject
        {
            ["profile"] = "fiscal-data-package",
            ["name"] = name,
            ["title"] = "绩效自评表 预算执行数据",
            ["created"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["licenses"] = new JsonArray(new JsonObject { ["name"] = "other-pd", ["title"] = "Public government data" }),
            ["countryCode"] = "CN",
            ["resources"] = new JsonArray(
                new JsonObject
                {
                    ["name"] = "budget",
                    ["path"] = "budget.csv",
                    ["profile"] = "tabular-data-resource",
                    ["format"] = "csv",
                    ["mediatype"] = "text/csv",
                    ["encoding"] = "utf-8",
                    ["schema"] = new JsonObject
                    {
                        ["fields"] = new JsonArray(
                            Field("document_id", "string", "activity:generic:project:code", "文档"),
                            Field("fiscal_year", "integer", "date:fiscal-year", "年度"),
                            Field("competent_department", "string", "administrative-classification:generic:level1:label", "主管部门"),
                            Field("implementing_unit", "string", "administrative-classification:generic:level2:label", "资金使用单位"),
                            Field("fund_name", "string", "activity:generic:project:label", "资金（项目）名称"),
                            Field("fund_source_code", "string", "fin-source:generic:level1:code", "资金来源代码"),
                            Field("fund_source_label", "string", "fin-source:generic:level1:label", "资金来源"),
                            Measure("original", "年初预算数（元）", "original"),
                            Measure("adjusted", "全年预算数（元）", "adjusted"),
                            Measure("executed", "全年执行数（元）", "executed"),
                            Field("stated_rate", "string", null, "预算执行率（填报）")),
                        ["extraFields"] = new JsonArray(
                            Field("amount", "number", "value", "金额（元）", new JsonObject { ["normalizationTarget"] = true }),
                            Field("phase", "string", "phase:id", "预算阶段"),
                            Field("currency", "string", "value-currency:code", "币种", new JsonObject { ["constant"] = "CNY" }),
                            Field("direction", "string", "direction", "收支方向", new JsonObject { ["constant"] = "expenditure" })),
                    },
                },
                new JsonObject
                {
                    ["name"] = "indicators",
                    ["path"] = "indicators.csv",
                    ["profile"] = "tabular-data-resource",
                    ["format"] = "csv",
                    ["mediatype"] = "text/csv",
                    ["encoding"] = "utf-8",
                    ["description"] = "绩效指标：一级 / 二级 / 三级指标，指标值与实际完成值（原文）。",
                }),
            ["columnTypes"] = new JsonArray(
                "https://frictionlessdata.io/taxonomies/fiscal/budgets.json",
                new JsonArray(
                    new JsonObject { ["name"] = "fin-source:generic:level1:code", ["dataType"] = "string", ["unique"] = true },
                    new JsonObject { ["name"] = "fin-source:generic:level1:label", ["dataType"] = "string", ["labelOf"] = "fin-source:generic:level1:code" })),
        };

        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string entry, byte[] bytes)
            {
                var e = zip.CreateEntry(entry, CompressionLevel.Optimal);
                e.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var s = e.Open();
                s.Write(bytes);
            }
            Add("datapackage.json", Encoding.UTF8.GetBytes(descriptor.ToJsonString(new JsonSerializerOptions
            {
                WriteIndented = true,
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            })));
            Add("budget.csv", Csv.Build(budget, bom: false));
            Add("indicators.csv", Csv.Indicators(tables, bom: false));
        }
        return ms.ToArray();
    }

    /// <summary>An amount in 元, exact (万元 × 10 000), plain digits; empty when the figure is blank or not a number.</summary>
    private static string? Yuan(Figure? f, MoneyUnit? unit)
    {
        if (f?.Value is not { } v) return null;
        var yuan = unit is { } u ? new Amount(v, u).InYuan : v;
        return yuan.ToString("0.##########", CultureInfo.InvariantCulture);
    }
}
