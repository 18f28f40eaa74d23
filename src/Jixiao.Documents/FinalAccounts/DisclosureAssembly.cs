using System.Text.RegularExpressions;
using Jixiao.Core.Checks;
using Jixiao.Core.FinalAccounts;
using Jixiao.Core.Model;
using Jixiao.Core.Money;

namespace Jixiao.Documents.FinalAccounts;

/// <summary>What the text and the xlsx readers share: reading a table's meta lines, recognising it, and assembling the disclosure.</summary>
internal static partial class DisclosureAssembly
{
    [GeneratedRegex(@"公开\s*[0-9０-９]{1,2}\s*表|附表\s*[0-9０-９]{1,2}|表[一二三四五六七八九十]{1,3}")]
    private static partial Regex TableNumber();

    [GeneratedRegex(@"单位[：:](亿元|万元|元)")]
    private static partial Regex UnitDecl();

    [GeneratedRegex(@"((?:19|20)\d{2})年度?")]
    public static partial Regex YearDecl();

    [GeneratedRegex(@"(?:部门|单位)?名称[：:](.+?)(?:(?:19|20)\d{2}年|金额单位|单位[：:]|$)")]
    private static partial Regex DepartmentDecl();

    /// <summary>Reads the number, unit, year and department from the lines between the title and the grid (split across lines as they may be), and recognises the table. False when it is not a disclosure table (reported).</summary>
    public static bool Classify(RawTable table, IEnumerable<string> metaLines, ReaderLog log)
    {
        var meta = string.Concat(metaLines.Select(CoreText.Compact));
        if (TableNumber().Match(meta) is { Success: true } num) table.PrintedNumber = num.Value;
        if (UnitDecl().Match(meta) is { Success: true } u) table.Unit = MoneyUnits.FindIn(u.Groups[1].Value);
        if (YearDecl().Match(meta) is { Success: true } y) table.Year = int.Parse(y.Groups[1].Value);
        if (DepartmentDecl().Match(meta) is { Success: true } d && d.Groups[1].Value.Trim() is { Length: > 0 } name) table.DepartmentName = name;
        var content = string.Concat(table.Rows.SelectMany(r => r.Cells).Select(c => c.Text)) + string.Concat(table.Notes);
        var kind = TableRecognition.Identify(table.Title, content);
        if (kind is null)
        {
            log.Add(FinalAccountsReaderRules.UnknownTable, Severity.Warning, table.At, $"无法识别表“{table.Title}”属于部门决算公开的哪一张表，未读入。", table.Title);
            return false;
        }
        if (TableRecognition.FromTitle(table.Title) is { } byTitle && byTitle != kind)
            log.Add(FinalAccountsReaderRules.UnknownTable, Severity.Info, table.At,
                $"表题“{table.Title}”与表的内容不符，按内容读作{DisclosureTables.StandardName(kind.Value)}。", table.Title);
        table.Kind = kind.Value;
        return true;
    }

    /// <summary>Department name, year and unit of the disclosure from its tables; then builds each table into its slot.</summary>
    public static void Assemble(FinalAccountsDisclosure doc, List<RawTable> raws, ReaderLog log, IReadOnlyList<string> titleLines)
    {
        var name = raws.Select(r => r.DepartmentName).Where(n => !string.IsNullOrEmpty(n))
            .GroupBy(n => n).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key!.Length).FirstOrDefault()?.Key;
        doc.Unit ??= name ?? titleLines.LastOrDefault();
        doc.Year ??= YearDecl().Match(CoreText.Compact(doc.Title)) is { Success: true } ym ? int.Parse(ym.Groups[1].Value)
            : raws.Select(r => r.Year).FirstOrDefault(y => y is not null);
        if (doc.Unit is not null && doc.Title.Length > 0 && !doc.Title.Contains(doc.Unit, StringComparison.Ordinal)) doc.Title = doc.Unit + doc.Title;
        var units = raws.Where(r => r.Unit is not null).GroupBy(r => r.Unit!.Value).OrderByDescending(g => g.Count()).FirstOrDefault();
        doc.DeclaredUnit ??= units?.Key;
        doc.DeclaredUnitAt ??= units?.First().At;
        var builder = new DisclosureTableBuilder(log, doc.Year);
        foreach (var r in raws)
        {
            if (r.Unit is null && doc.DeclaredUnit is { } du)
                log.Add(FinalAccountsReaderRules.Unit, Severity.Info, r.At with { Table = DisclosureTables.StandardNumber(r.Kind) },
                    $"本表未注明金额单位，按其他表的单位（{du.ChineseName()}）读取。");
            var built = builder.Build(r);
            if (doc.Table(built.TableKind) is not null)
            {
                log.Add(FinalAccountsReaderRules.DuplicateTable, Severity.Warning, built.At, $"{DisclosureTables.StandardName(built.TableKind)}出现两次，保留第一次出现的表。", r.Title);
                continue;
            }
            doc.SetTable(built);
        }
    }
}
