using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Money;

namespace Jixiao.Documents.Text;

/// <summary>
/// Reads a self-evaluation table (transfer-payment kind, or the tables of a project appendix) from text lines:
/// tab- or '|'-separated cells as exported from Excel, or PDF-extracted text where a cell is broken over
/// several lines. Blocks are found by their labels and columns by their headers, never by fixed positions.
/// </summary>
public sealed class TableParser
{
    private readonly Segment _seg;
    private readonly List<Finding> _findings;
    private readonly string _docId;

    public TableParser(Segment seg, string docId, List<Finding> findings)
    {
        _seg = seg;
        _docId = docId;
        _findings = findings;
    }

    public T Read<T>(int titleFirst, int titleLast, string title) where T : SelfEvaluationTable, new()
    {
        var t = new T { Id = _docId, Title = title, Year = Segment.ParseYear(title), Source = _seg.WholeRef() };
        var from = titleLast + 1;
        var yearLine = _seg.NextNonBlank(from);
        if (yearLine >= 0 && _seg.All[yearLine].Compact.Length <= 14 && _seg.All[yearLine].Compact.Contains("年度"))
        {
            t.Year ??= Segment.ParseYear(_seg.All[yearLine].Compact);
            from = yearLine + 1;
        }
        var end = _seg.End;
        var fund = _seg.FindLabel(from, end, c => Vocabulary.IsFundBlockStart(c)) ?? FindFundHeaderRow(from, end);
        var mgmt = _seg.FindLabel(from, end, c => c.StartsWith("资金管理情况", StringComparison.Ordinal));
        var goals = _seg.FindLabel(from, end, c => c.StartsWith("总体目标", StringComparison.Ordinal) || c.StartsWith("年度总体目标", StringComparison.Ordinal));
        var ind = _seg.FindLabel(Math.Max(from, goals?.Last + 1 ?? from), end, c => c.StartsWith("绩效指标", StringComparison.Ordinal) || c.StartsWith("一级指标", StringComparison.Ordinal));
        var indFrom = ind?.First ?? end;
        var remarks = FindRemarks(indFrom, end);
        var foot = _seg.FindLabel(remarks ?? indFrom, end, c => c.StartsWith("注：", StringComparison.Ordinal) || c.StartsWith("注:", StringComparison.Ordinal) || c.StartsWith("注1", StringComparison.Ordinal), 1);

        int NextStart(int after, params int?[] candidates) =>
            candidates.Where(c => c is not null && c > after).Select(c => c!.Value).DefaultIfEmpty(end).Min();

        var fundStart = fund?.First;
        ReadHeader(t, from, fundStart ?? mgmt?.First ?? goals?.First ?? indFrom);
        if (fund is { } f)
        {
            ReadFunds(t, f.First, f.Last, NextStart(f.First, mgmt?.First, goals?.First, ind?.First, remarks, foot?.First));
            if (t is ProjectSelfEvaluation scored && scored.TotalFund?.Score is { IsBlank: false } execScore) scored.StatedExecutionScore = execScore;
        }
        else _findings.Add(ReaderFinding("READ-NO-FUNDS", Severity.Warning, _seg.WholeRef() with { Table = "资金投入情况" }, "未找到“资金投入情况”栏，无法读取预算数和执行数。"));
        if (mgmt is { } m) ReadManagement(t, m.Last + 1, NextStart(m.First, goals?.First, ind?.First, remarks, foot?.First));
        if (goals is { } g) ReadGoals(t, g.First, g.Last, NextStart(g.First, ind?.First, remarks, foot?.First));
        if (ind is { } i) ReadIndicators(t, i.First, NextStart(i.First, remarks, foot?.First));
        else _findings.Add(ReaderFinding("READ-NO-INDICATORS", Severity.Warning, _seg.WholeRef() with { Table = "绩效指标" }, "未找到“绩效指标”栏。"));
        if (remarks is { } r) ReadRemarks(t, r, NextStart(r, foot?.First));
        if (foot is { } fo) t.Footnotes.AddRange(ReadFootnotes(fo.First, end));
        return t;
    }

    /// <summary>The fund block by its column headers (全年预算数 … 执行数) when no known label opens it.</summary>
    private (int First, int Last, string Joined)? FindFundHeaderRow(int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            var line = _seg.All[i];
            if (!line.IsTabular) continue;
            if (Vocabulary.IsIndicatorHeader(line.NonEmptyCells.Length > 0 ? CoreText.Compact(line.NonEmptyCells[0]) : "")) break;
            if (Vocabulary.IsFundHeaderRow(line.NonEmptyCells.Select(CoreText.Compact))) return (i, i, line.Compact);
        }
        return null;
    }

    private Finding ReaderFinding(string rule, Severity severity, Jixiao.Core.Provenance.SourceRef at, string message) => new()
    {
        Rule = rule,
        Severity = severity,
        DocumentId = _docId,
        Location = at.Describe(),
        Message = message,
        At = at,
    };

    private int? FindRemarks(int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            var c = _seg.All[i].Compact;
            if (c.StartsWith("说明", StringComparison.Ordinal) && !c.StartsWith("说明：本表", StringComparison.Ordinal)
                && (_seg.All[i].IsTabular ? _seg.All[i].NonEmptyCells[0].StartsWith("说明", StringComparison.Ordinal) : true)
                && (c.Length <= 4 || _seg.All[i].Text.StartsWith("说明 ", StringComparison.Ordinal) || _seg.All[i].IsTabular || c.StartsWith("说明请", StringComparison.Ordinal) || c.StartsWith("说明无", StringComparison.Ordinal)))
                return i;
        }
        return null;
    }

    // ---------------------------------------------------------------- header

    private void ReadHeader(SelfEvaluationTable t, int from, int to)
    {
        var joined = string.Concat(Enumerable.Range(from, Math.Max(0, to - from)).Select(i => _seg.All[i].Compact));
        if (joined.Length == 0) return;
        var hits = new List<(int Pos, string Label)>();
        var used = new bool[joined.Length];
        foreach (var label in Vocabulary.HeaderLabels)
        {
            var k = 0;
            while ((k = joined.IndexOf(label, k, StringComparison.Ordinal)) >= 0)
            {
                if (!used[k])
                {
                    hits.Add((k, label));
                    for (var x = k; x < k + label.Length; x++) used[x] = true;
                }
                k += label.Length;
            }
        }
        hits.Sort((a, b) => a.Pos.CompareTo(b.Pos));
        var seen = new HashSet<string>();
        for (var h = 0; h < hits.Count; h++)
        {
            var (pos, label) = hits[h];
            var start = pos + label.Length;
            var stop = h + 1 < hits.Count ? hits[h + 1].Pos : joined.Length;
            var value = joined[start..stop].Trim('：', ':');
            var at = _seg.Ref(from, Math.Max(from, to - 1), "表头", label);
            if (!seen.Add(label))
            {
                _findings.Add(ReaderFinding("READ-HEADER-DUPLICATE", Severity.Warning, at,
                    $"表头“{label}”出现两次（第二次填写“{value}”），可能误填了其他栏目（如“资金使用单位”）。"));
                continue;
            }
            if (value.Length == 0) continue;
            switch (label)
            {
                case "转移支付（项目）名称" or "转移支付名称" or "项目名称": t.FundName = value; break;
                case "中央主管部门": t.CentralDepartment = value; break;
                case "地方财政部门": t.LocalFinanceDepartment = value; break;
                case "地方主管部门" or "主管部门": t.CompetentDepartment = value; break;
                case "资金使用单位" or "实施单位": t.ImplementingUnit = value; break;
            }
        }
        t.Unit = t.ImplementingUnit ?? t.CompetentDepartment;
    }

    // ---------------------------------------------------------------- funds

    private enum FundCol { None, Label, InitialDeclared, Initial, Budget, Execution, Balance, Rate, Points, Score }

    private static FundCol ClassifyFundHeader(string cell)
    {
        var compact = cell.Replace("（", "").Replace("）", "");
        if (compact.Contains("目标申报")) return FundCol.InitialDeclared;
        if (compact.Contains("预算编制") || compact.Contains("年初预算")) return FundCol.Initial;
        if (compact.Contains("执行率")) return FundCol.Rate;
        if (compact.Contains("全年预算") || compact.Contains("调整后预算") || compact.Contains("（A）")) return FundCol.Budget;
        if (compact.Contains("全年执行") || compact.Contains("执行数") || compact.Contains("（B）")) return FundCol.Execution;
        if (compact.Contains("结转") || compact.Contains("结余")) return FundCol.Balance;
        if (compact == "分值") return FundCol.Points;
        if (compact == "得分") return FundCol.Score;
        if (compact.Contains("资金来源") || compact.Contains("资金投入") || compact.Contains("项目资金")) return FundCol.Label;
        return FundCol.None;
    }

    public void ReadFunds(SelfEvaluationTable t, int first, int labelLast, int end)
    {
        var headerText = new List<string>();
        // The unit is declared in the block title ("资金投入情况（万元）") or in the column headers ("全年预算数(元)").
        var tabular = Enumerable.Range(first, end - first).Count(i => _seg.All[i].IsTabular) * 2 > Enumerable.Range(first, end - first).Count(i => !_seg.All[i].IsBlank);
        if (tabular) ReadFundsTabular(t, first, end, headerText);
        else ReadFundsText(t, first, end, headerText);
        var unitText = string.Concat(headerText);
        t.DeclaredUnit = MoneyUnits.FindIn(unitText);
        if (t.DeclaredUnit is not null) t.DeclaredUnitAt = _seg.Ref(first, "资金投入情况", null, "金额单位");
    }

    private void ReadFundsTabular(SelfEvaluationTable t, int first, int end, List<string> headerText)
    {
        var cols = new Dictionary<int, FundCol>();
        var labelCol = -1;
        for (var i = first; i < end; i++)
        {
            var line = _seg.All[i];
            if (line.IsBlank || line.IsRule) continue;
            var cells = line.RawCells;
            var rowLabelIdx = Array.FindIndex(cells, c => c.Length > 0 && IsFundLabel(c));
            if (rowLabelIdx < 0)
            {
                // a header row: remember what each column holds
                headerText.Add(line.Compact);
                for (var c = 0; c < cells.Length; c++)
                {
                    var kind = ClassifyFundHeader(CoreText.Compact(cells[c]));
                    if (kind == FundCol.Label) { labelCol = c; continue; }
                    if (kind == FundCol.None) continue;
                    if (kind == FundCol.Initial && cols.ContainsValue(FundCol.Initial) && !CoreText.Compact(cells[c]).Contains("预算编制")) continue;
                    if (kind == FundCol.Initial && CoreText.Compact(cells[c]).Contains("预算编制"))
                    {
                        // sub-header under a merged 年初预算数: the merged head's column is the declared one
                        foreach (var k in cols.Where(p => p.Value == FundCol.Initial && p.Key != c).Select(p => p.Key).ToList()) cols.Remove(k);
                    }
                    cols[c] = kind;
                }
                continue;
            }
            var row = new FundRow
            {
                Label = cells[rowLabelIdx],
                Source = FundSources.Classify(cells[rowLabelIdx]),
                At = _seg.Ref(i, "资金投入情况", cells[rowLabelIdx]),
            };
            var valueCells = Enumerable.Range(rowLabelIdx + 1, cells.Length - rowLabelIdx - 1).Where(c => cells[c].Length > 0).ToList();
            var aligned = cols.Count > 0 && (labelCol < 0 || labelCol == rowLabelIdx || rowLabelIdx <= 1 && labelCol <= 1) && valueCells.All(cols.ContainsKey);
            if (aligned)
            {
                foreach (var c in valueCells) Assign(row, cols[c], cells[c], i);
            }
            else
            {
                AssignInOrder(row, valueCells.Select(c => cells[c]).ToList(), i, cols.Values.Where(v => v is not FundCol.Label).Distinct().Count() > 3);
            }
            t.Funds.Add(row);
        }
    }

    private static bool IsFundLabel(string cell)
    {
        var kind = FundSources.Classify(cell);
        if (kind != FundSourceKind.Unknown) return true;
        var c = CoreText.Compact(cell);
        return c.EndsWith("资金", StringComparison.Ordinal) && !c.Contains("情况") && c.Length <= 30;
    }

    private void Assign(FundRow row, FundCol col, string text, int line)
    {
        var fig = Figure.Parse(text, _seg.Ref(line, "资金投入情况", row.Label, ColumnName(col)));
        switch (col)
        {
            case FundCol.InitialDeclared: row.InitialBudgetDeclared = fig; break;
            case FundCol.Initial: row.InitialBudget = fig; break;
            case FundCol.Budget: row.Budget = fig; break;
            case FundCol.Execution: row.Execution = fig; break;
            case FundCol.Balance: row.Balance = fig; break;
            case FundCol.Rate: row.Rate = fig; break;
            case FundCol.Points: row.Points = fig; break;
            case FundCol.Score: row.Score = fig; break;
        }
    }

    private static string ColumnName(FundCol col) => col switch
    {
        FundCol.InitialDeclared => "年初预算数（目标申报）",
        FundCol.Initial => "年初预算数",
        FundCol.Budget => "全年预算数（A）",
        FundCol.Execution => "全年执行数（B）",
        FundCol.Balance => "结转结余",
        FundCol.Rate => "预算执行率",
        FundCol.Points => "分值",
        FundCol.Score => "得分",
        _ => "",
    };

    /// <summary>Values without usable column positions: amounts in order A, B; a percentage or an error value is the rate.</summary>
    private void AssignInOrder(FundRow row, List<string> values, int line, bool projectLayout)
    {
        var amounts = new List<string>();
        foreach (var v in values)
        {
            if (v.StartsWith('#') || v.Contains('%') || v.Contains('％')) Assign(row, FundCol.Rate, v, line);
            else amounts.Add(v);
        }
        var order = projectLayout
            ? new[] { FundCol.Initial, FundCol.Budget, FundCol.Execution, FundCol.Balance, FundCol.Rate, FundCol.Score }
            : new[] { FundCol.Budget, FundCol.Execution, FundCol.Rate };
        for (var k = 0; k < amounts.Count && k < order.Length; k++) Assign(row, order[k], amounts[k], line);
    }

    private void ReadFundsText(SelfEvaluationTable t, int first, int end, List<string> headerText)
    {
        FundRow? current = null;
        var started = false;
        var labelParts = new List<string>();
        for (var i = first; i < end; i++)
        {
            var line = _seg.All[i];
            if (line.IsBlank) continue;
            var tokens = ValueShape.Tokens(line.Raw);
            var k = tokens.Count;
            while (k > 0 && ValueShape.IsNumberCell(tokens[k - 1])) k--;
            var labelText = CoreText.Compact(string.Concat(tokens.Take(k)));
            var values = tokens.Skip(k).ToList();
            var isNewRow = labelText.Length > 0 && labelText[0] is not '（' and not '）' && (IsFundLabel(labelText) || labelText.StartsWith("其中", StringComparison.Ordinal));
            if (!started && !isNewRow)
            {
                headerText.Add(line.Compact);
                continue;
            }
            started = true;
            if (isNewRow)
            {
                if (current is not null) t.Funds.Add(current);
                current = new FundRow { Label = labelText, Source = FundSources.Classify(labelText), At = _seg.Ref(i, "资金投入情况", labelText) };
                labelParts = [labelText];
            }
            else if (labelText.Length > 0 && current is not null && values.Count == 0 && current.Budget.IsBlank && current.Execution.IsBlank)
            {
                labelParts.Add(labelText);
                current.Label = string.Concat(labelParts);
                current.At = current.At! with { EndLine = line.Number, Row = current.Label };
            }
            else if (labelText.Length > 0 && current is not null)
            {
                // text after the values: not part of the fund block
                _findings.Add(ReaderFinding("READ-UNPLACED", Severity.Info, _seg.Ref(i, "资金投入情况"), $"资金投入情况中有一行未能归入任何资金来源：“{line.Text}”。"));
            }
            if (values.Count > 0 && current is not null)
            {
                current.At = current.At! with { EndLine = line.Number > current.At.Line ? line.Number : null };
                AssignInOrder(current, values, i, projectLayout: false);
            }
        }
        if (current is not null) t.Funds.Add(current);
    }

    // ---------------------------------------------------------------- management

    private void ReadManagement(SelfEvaluationTable t, int from, int end)
    {
        ManagementItem? current = null;
        var desc = new List<string>();
        var problems = new List<string>();
        var aspectLineHadText = false;
        void Flush()
        {
            if (current is null) return;
            if (!aspectLineHadText && problems.Count == 0 && desc.Count > 1 && CoreText.IsEmptyExplanation(desc[^1]))
            {
                problems.Add(desc[^1]);
                desc.RemoveAt(desc.Count - 1);
            }
            current.Description ??= desc.Count > 0 ? Headings.JoinLines(desc) : null;
            current.Problems ??= problems.Count > 0 ? Headings.JoinLines(problems) : null;
            t.Management.Add(current);
            desc.Clear();
            problems.Clear();
        }
        for (var i = from; i < end; i++)
        {
            var line = _seg.All[i];
            if (line.IsBlank || line.IsRule) continue;
            if (line.IsTabular)
            {
                var cells = line.NonEmptyCells;
                var a = Array.FindIndex(cells, c => Vocabulary.ManagementAspects.Contains(CoreText.Compact(c)));
                if (a < 0) continue; // header row (情况说明 / 存在问题和改进措施)
                Flush();
                current = new ManagementItem { Aspect = CoreText.Compact(cells[a]), At = _seg.Ref(i, "资金管理情况", CoreText.Compact(cells[a])) };
                current.Description = a + 1 < cells.Length ? cells[a + 1] : null;
                current.Problems = a + 2 < cells.Length ? string.Join("；", cells.Skip(a + 2)) : null;
                aspectLineHadText = true;
                continue;
            }
            var c0 = line.Compact;
            if (c0 is "情况说明存在问题和改进措施" || c0.StartsWith("情况说明", StringComparison.Ordinal) && c0.Contains("存在问题")) continue;
            // An aspect label, possibly broken over two lines ("预算绩效管理情" + "况").
            var (aspect, rest, consumed) = MatchAspect(i, end);
            if (aspect is not null)
            {
                Flush();
                current = new ManagementItem { Aspect = aspect, At = _seg.Ref(i, consumed, "资金管理情况", aspect) };
                i = consumed;
                aspectLineHadText = rest.Length > 0;
                if (rest.Length > 0)
                {
                    var toks = ValueShape.Tokens(rest);
                    if (toks.Count > 1 && CoreText.IsEmptyExplanation(toks[^1]))
                    {
                        desc.Add(string.Join("", toks.Take(toks.Count - 1)));
                        problems.Add(toks[^1]);
                    }
                    else desc.Add(rest);
                }
                continue;
            }
            if (current is null) continue;
            current.At = current.At! with { EndLine = line.Number };
            if (aspectLineHadText) problems.Add(line.Text);
            else
            {
                var toks = ValueShape.Tokens(line.Raw);
                if (toks.Count > 1 && CoreText.IsEmptyExplanation(toks[^1]))
                {
                    desc.Add(Cells.Clean(string.Join(" ", toks.Take(toks.Count - 1))));
                    problems.Add(toks[^1]);
                }
                else desc.Add(line.Text);
            }
        }
        Flush();
    }

    private (string? Aspect, string Remainder, int LastIndex) MatchAspect(int i, int end)
    {
        var line = _seg.All[i];
        foreach (var a in Vocabulary.ManagementAspects)
        {
            var text = line.Text;
            if (CoreText.Compact(text).StartsWith(a, StringComparison.Ordinal))
            {
                var rest = StripPrefixCompact(line.Raw, a);
                return (a, rest, i);
            }
        }
        // broken label
        var c = line.Compact;
        if (c.Length >= 3)
        {
            foreach (var a in Vocabulary.ManagementAspects)
            {
                if (a.StartsWith(c, StringComparison.Ordinal) && a.Length > c.Length)
                {
                    var j = _seg.NextNonBlank(i + 1, end);
                    if (j >= 0 && (c + _seg.All[j].Compact).StartsWith(a, StringComparison.Ordinal))
                        return (a, StripPrefixCompact(_seg.All[j].Raw, a[c.Length..]), j);
                }
            }
        }
        return (null, "", i);
    }

    /// <summary>Removes a label from the start of a raw line, ignoring spaces inside it; returns the rest trimmed.</summary>
    private static string StripPrefixCompact(string raw, string label)
    {
        var k = 0;
        var p = 0;
        while (p < raw.Length && k < label.Length)
        {
            if (char.IsWhiteSpace(raw[p])) { p++; continue; }
            k++;
            p++;
        }
        return raw[p..].Trim();
    }

    // ---------------------------------------------------------------- goals

    private void ReadGoals(SelfEvaluationTable t, int first, int labelLast, int end)
    {
        var lines = new List<(int Index, TextLine Line)>();
        for (var i = first; i < end; i++)
        {
            var l = _seg.All[i];
            if (l.IsBlank || l.IsRule) continue;
            lines.Add((i, l));
        }
        t.GoalsAt = _seg.Ref(first, Math.Max(first, end - 1), "总体目标完成情况");
        var tab = lines.Where(x => x.Line.IsTabular).ToList();
        if (tab.Count > 0)
        {
            foreach (var (_, l) in tab)
            {
                var cells = l.NonEmptyCells.Where(c => !IsGoalLabel(CoreText.Compact(c))).ToArray();
                if (cells.Length == 0) continue;
                t.OverallGoal = t.OverallGoal is null ? cells[0] : t.OverallGoal + cells[0];
                if (cells.Length > 1) t.OverallActual = t.OverallActual is null ? cells[1] : t.OverallActual + cells[1];
            }
            return;
        }
        // PDF text: drop the label pieces and the column header.
        var content = lines.Where(x => !IsGoalLabel(x.Line.Compact) && !(x.Line.Compact.StartsWith("总体目标", StringComparison.Ordinal) && x.Line.Compact.Contains("全年实际完成情况"))).ToList();
        if (content.Count == 0) return;
        if (content.Count == 1 || !content.Any(x => x.Line.Compact.StartsWith("目标", StringComparison.Ordinal)))
        {
            var raw = string.Join("\n", content.Select(x => x.Line.Raw));
            var split = raw.IndexOf("。 ", StringComparison.Ordinal);
            if (split < 0) split = raw.IndexOf("。\u3000", StringComparison.Ordinal);
            if (split > 0)
            {
                t.OverallGoal = Headings.JoinLines(raw[..(split + 1)].Split('\n').Select(Cells.Clean));
                t.OverallActual = Headings.JoinLines(raw[(split + 2)..].Split('\n').Select(Cells.Clean));
                return;
            }
            if (content.Count > 1 && content[0].Line.Compact.EndsWith('。'))
            {
                t.OverallGoal = content[0].Line.Text;
                t.OverallActual = Headings.JoinLines(content.Skip(1).Select(x => x.Line.Text));
                return;
            }
            t.OverallGoal = Headings.JoinLines(content.Select(x => x.Line.Text));
            return;
        }
        // Goals are listed as 目标1/目标任务1…; a wrapped goal continues until a line ends a sentence.
        var goal = new List<string>();
        var k = 0;
        for (; k < content.Count; k++)
        {
            var c = content[k].Line.Compact;
            var prevOpen = goal.Count > 0 && !goal[^1].EndsWith('。') && !goal[^1].EndsWith('；');
            if (c.StartsWith("目标", StringComparison.Ordinal) || prevOpen || goal.Count == 0) goal.Add(content[k].Line.Text);
            else break;
        }
        t.OverallGoal = Headings.JoinLines(goal);
        if (k < content.Count) t.OverallActual = Headings.JoinLines(content.Skip(k).Select(x => x.Line.Text));
    }

    private static bool IsGoalLabel(string c) =>
        c is "总体目标完成情况" or "总体目标" or "全年实际完成情况" or "总体" or "目标" or "完成" or "情况" or "总体目标完成" or "完成情况" or "目标完成情况" or "年度总体目标" or "预期目标" or "实际完成情况";

    // ---------------------------------------------------------------- remarks and footnotes

    private void ReadRemarks(SelfEvaluationTable t, int first, int end)
    {
        var parts = new List<string>();
        for (var i = first; i < end; i++)
        {
            var l = _seg.All[i];
            if (l.IsBlank || l.IsRule) continue;
            var text = l.IsTabular ? string.Join(" ", l.NonEmptyCells) : l.Text;
            if (i == first) text = text.Trim().StartsWith("说明", StringComparison.Ordinal) ? text.Trim()[2..].TrimStart(' ', ':', '：') : text;
            if (text.Length > 0) parts.Add(text);
        }
        t.Remarks = parts.Count > 0 ? Headings.JoinLines(parts) : "";
        t.RemarksAt = _seg.Ref(first, Math.Max(first, end - 1), "说明");
    }

    private IEnumerable<string> ReadFootnotes(int first, int end)
    {
        var notes = new List<string>();
        for (var i = first; i < end; i++)
        {
            var l = _seg.All[i];
            if (l.IsBlank || l.IsRule) continue;
            var text = l.Text;
            if (i == first) text = text.TrimStart('注', ':', '：', ' ');
            if (Headings.Parse(text) is { Level: 3 } h) notes.Add(h.Tail);
            else if (notes.Count > 0) notes[^1] = Headings.JoinLines([notes[^1], text]);
            else notes.Add(text);
        }
        return notes;
    }

    // ---------------------------------------------------------------- indicators

    public void ReadIndicators(SelfEvaluationTable t, int first, int end)
    {
        var lines = Enumerable.Range(first, end - first).Where(i => !_seg.All[i].IsBlank && !_seg.All[i].IsRule).ToList();
        var tabular = lines.Count(i => _seg.All[i].IsTabular) * 2 > lines.Count;
        var rows = tabular
            ? new IndicatorTableReader(_seg).ReadTabular(lines, t is ProjectSelfEvaluation)
            : new IndicatorTextReader(_seg, _docId, _findings).Read(lines);
        foreach (var row in rows)
        {
            var name = CoreText.Compact(row.Name);
            if (t is ProjectSelfEvaluation p && name is "总分" or "总得分" or "合计" or "得分合计")
            {
                // the score is the rightmost number of the row (the one before it is the 100 points available)
                var cells = new[] { row.Target, row.AdjustedTarget, row.Actual, row.Weight?.Text, row.Score?.Text };
                p.StatedTotalScore = Figure.Parse(cells.LastOrDefault(v => Jixiao.Core.Model.NumberText.TryParse(v) is not null), row.At is null ? null : row.At with { Column = "总分" });
                continue;
            }
            if (t is ProjectSelfEvaluation pg && name is "评价等级" or "自评等级" or "等级" or "绩效等级")
            {
                pg.StatedGrade = new[] { row.Target, row.AdjustedTarget, row.Actual }.FirstOrDefault(v => v is "优" or "良" or "中" or "差");
                pg.StatedGradeAt = row.At;
                continue;
            }
            t.Indicators.Add(row);
        }
    }
}
