using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Text;
using Jixiao.Documents.Xlsx;

namespace Jixiao.Documents.Monitoring;

/// <summary>One month's cumulative execution of a fund as read from a file, amounts converted to 万元.</summary>
public sealed record MonthlyExecutionLine(int Row, string Unit, string Fund, int Month, int? Year, decimal Budget, decimal Executed);

/// <summary>What a 双监控 file holds: its lines, the money unit found, and every problem with its row number (Chinese).</summary>
public sealed record MonthlyExecutionSheet(IReadOnlyList<MonthlyExecutionLine> Lines, string MoneyUnit, bool MoneyUnitStated, IReadOnlyList<string> Errors);

/// <summary>
/// Reads monthly execution figures (双监控) from CSV, `|`- or tab-separated text (UTF-8, GB18030/GBK or UTF-16) or the
/// first sheet of an xlsx that has them: a header row names the columns 单位, 资金名称, 月份, 预算数 and 累计执行数 in
/// any order (usual variants accepted); the money unit (元 or 万元) comes from the header cells or a unit line above
/// (“单位：万元”, “金额单位：元”), 万元 when none says. Every row is checked; problems name the row as the file numbers it.
/// </summary>
public static partial class MonthlyExecutionReader
{
    private enum Col { Unit, Fund, Month, Budget, Executed }

    private static readonly (Col Col, string[] Names)[] Headers =
    [
        (Col.Unit, ["单位名称", "预算单位", "填报单位", "单位"]),
        (Col.Fund, ["资金名称", "项目名称", "转移支付名称", "资金", "项目"]),
        (Col.Month, ["月份", "月"]),
        (Col.Budget, ["全年预算数", "预算数", "年度预算", "全年预算", "预算"]),
        (Col.Executed, ["累计执行数", "累计执行", "执行数", "累计支出", "执行"]),
    ];

    /// <summary>Reads the file; throws <see cref="UnreadableFileException"/> (Chinese message) when it is neither text nor a readable xlsx.</summary>
    public static MonthlyExecutionSheet Read(string fileName, byte[] bytes)
    {
        List<(List<string> Cells, int Number)> rows;
        try
        {
            rows = Rows(fileName, bytes);
        }
        catch (Exception e) when (e is not UnreadableFileException and not OutOfMemoryException)
        {
            throw new UnreadableFileException($"{fileName}：读取时出错，文件可能已损坏，或不是 CSV、xlsx 或文本文件。", e) { IsReaderFault = true };
        }
        var errors = new List<string>();
        var header = rows.FindIndex(r => Columns(r.Cells) is { Count: 5 });
        if (header < 0)
        {
            var seen = rows.Take(10).Select(r => string.Join("、", r.Cells.Where(c => c.Length > 0))).FirstOrDefault(s => s.Length > 0);
            return new([], "万元", false, [$"{fileName}：没有找到表头行（应有 单位、资金名称、月份、预算数、累计执行数 五列，顺序不限）" + (seen is null ? "。" : $"；第一行是“{seen}”。")]);
        }
        var cols = Columns(rows[header].Cells)!;
        var (unit, stated) = MoneyUnitOf(rows.Take(header + 1).SelectMany(r => r.Cells));
        var scale = unit == "元" ? 10000m : 1m;
        var lines = new List<MonthlyExecutionLine>();
        foreach (var (cells, number) in rows.Skip(header + 1))
        {
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            string Cell(Col c) => cols[c] < cells.Count ? cells[cols[c]].Trim() : "";
            var problems = new List<string>();
            var org = Cell(Col.Unit);
            var fund = Cell(Col.Fund);
            if (org.Length == 0) problems.Add("没有填写单位");
            if (fund.Length == 0) problems.Add("没有填写资金名称");
            var (month, year) = MonthOf(Cell(Col.Month));
            if (month is null) problems.Add($"月份“{Cell(Col.Month)}”无法识别（应为 1–12，或“2024年6月”“2024-06”）");
            var budget = Amount(Cell(Col.Budget), "预算数", problems);
            var executed = Amount(Cell(Col.Executed), "累计执行数", problems);
            if (problems.Count > 0)
            {
                errors.Add($"第 {number} 行：{string.Join("；", problems)}。");
                continue;
            }
            lines.Add(new MonthlyExecutionLine(number, org, fund, month!.Value, year, budget!.Value / scale, executed!.Value / scale));
        }
        foreach (var dup in lines.GroupBy(l => (CoreText.Compact(l.Unit), CoreText.Compact(l.Fund), l.Month)).Where(g => g.Count() > 1))
            errors.Add($"第 {string.Join("、", dup.Select(l => l.Row))} 行：{dup.First().Unit}“{dup.First().Fund}”{dup.Key.Month}月重复出现。");
        if (lines.Count == 0 && errors.Count == 0) errors.Add($"{fileName}：表头下面没有数据行。");
        return new(lines, unit, stated, errors);
    }

    private static decimal? Amount(string text, string what, List<string> problems)
    {
        if (text.Length == 0) { problems.Add($"没有填写{what}"); return null; }
        var v = NumberText.TryParse(text);
        if (v is null) { problems.Add($"{what}“{text}”不是数字"); return null; }
        if (v < 0) { problems.Add($"{what}“{text}”是负数"); return null; }
        return v;
    }

    private static (int? Month, int? Year) MonthOf(string text)
    {
        var t = CoreText.Compact(text);
        var m = MonthRegex().Match(t);
        if (!m.Success) return (null, null);
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
        return month is >= 1 and <= 12 ? (month, year) : (null, null);
    }

    [GeneratedRegex(@"^(?:(?<y>\d{4})(?:年|-|/|\.))?(?<m>\d{1,2})(?:月(?:份)?(?:末)?)?$")]
    private static partial Regex MonthRegex();

    private static Dictionary<Col, int>? Columns(List<string> cells)
    {
        var found = new Dictionary<Col, int>();
        for (var i = 0; i < cells.Count; i++)
        {
            var c = Regex.Replace(CoreText.Compact(cells[i]), @"[（(][^）)]*[）)]$", "");
            foreach (var (col, names) in Headers)
                if (!found.ContainsKey(col) && names.Any(n => c == n || c.StartsWith(n, StringComparison.Ordinal) && col is Col.Budget or Col.Executed))
                {
                    found[col] = i;
                    break;
                }
        }
        return found.Count == 5 ? found : null;
    }

    /// <summary>元 or 万元, as a header cell ("预算数（元）") or a unit line ("单位：万元") says; 万元 when none does.</summary>
    private static (string Unit, bool Stated) MoneyUnitOf(IEnumerable<string> cells)
    {
        foreach (var raw in cells)
        {
            var c = CoreText.Compact(raw);
            var m = UnitRegex().Match(c);
            if (m.Success) return (m.Groups["u"].Value, true);
        }
        return ("万元", false);
    }

    [GeneratedRegex(@"(?:单位[:：]|[（(])(?<u>万元|元)[）)]?$|^(?:金额)?单位[:：](?<u>万元|元)")]
    private static partial Regex UnitRegex();

    /// <summary>The cells of every row with its number as the user sees it (line in a text file, row in a sheet).</summary>
    private static List<(List<string> Cells, int Number)> Rows(string fileName, byte[] bytes)
    {
        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K')
        {
            // The loader reads the package through ZipPackageGuard (its parts checked as they are read, then the rest).
            var grids = XlsxGridLoader.Load(fileName, new MemoryStream(bytes, writable: false));
            var grid = grids.FirstOrDefault(g => Enumerable.Range(0, g.RowCount).Any(r => Columns(Enumerable.Range(0, g.ColumnCount(r)).Select(c => g.Text(r, c)).ToList()) is not null))
                ?? grids.FirstOrDefault();
            if (grid is null) return [];
            return Enumerable.Range(0, grid.RowCount).Select(r => (Enumerable.Range(0, grid.ColumnCount(r)).Select(c => grid.Text(r, c)).ToList(), r + 1)).ToList();
        }
        var text = SourceText.Decode(fileName, bytes) ?? throw new UnreadableFileException($"{fileName}：不是文本文件，也不是 xlsx，无法读取。");
        return text.Lines.Select((line, i) => (Split(line), i + 1)).ToList();
    }

    /// <summary>A line's cells: tab- or `|`-separated, else CSV (commas, quotes doubled inside quoted cells).</summary>
    private static List<string> Split(string line)
    {
        if (line.Contains('\t')) return line.Split('\t').ToList();
        if (line.Contains('|')) return line.Trim().Trim('|').Split('|').ToList();
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch is ',' or '，') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(ch);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
