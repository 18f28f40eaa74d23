using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using Document = Jixiao.Core.Model.Document;
using Jixiao.Core.Model;
using Jixiao.Core.Money;

namespace Jixiao.Documents.Export;

/// <summary>Writes a self-evaluation report (its sections verbatim, with the table's fund and indicator tables where the outline has them) as .docx.</summary>
public static class ReportDocxWriter
{
    public static byte[] Write(SelfEvaluationReport report, SelfEvaluationTable? table = null)
    {
        var b = new DocxBuilder();
        b.Title(report.Title);
        if (!string.IsNullOrWhiteSpace(report.Preamble)) b.Body(report.Preamble);
        WriteSections(b, report.Sections, table);
        if (!string.IsNullOrWhiteSpace(report.Signatory) || report.Date is not null)
        {
            b.Blank();
            if (!string.IsNullOrWhiteSpace(report.Signatory)) b.Line(report.Signatory!, JustificationValues.Right);
            if (report.Date is { } d) b.Line(ChineseDate(d), JustificationValues.Right);
        }
        return b.Build(report.Title);
    }

    /// <summary>A project table's narrative (一…六) with its tables, as the Shanxi appendix prints it.</summary>
    public static byte[] WriteProjectAppendix(ProjectSelfEvaluation p)
    {
        var b = new DocxBuilder();
        b.Title(TableXlsxWriter.TitleOf(p));
        WriteSections(b, p.Narrative, p);
        return b.Build(TableXlsxWriter.TitleOf(p));
    }

    private static void WriteSections(DocxBuilder b, IReadOnlyList<ReportSection> sections, SelfEvaluationTable? table)
    {
        bool fundsDone = false, indicatorsDone = false;
        var hasFundHeading = sections.Any(s => Jixiao.Core.Model.Text.Compact(s.Heading).Contains("预算执行情况") && s.Level >= 2 || Jixiao.Core.Model.Text.Compact(s.Heading).Contains("资金投入情况"));
        var hasIndicatorHeading = sections.Any(s => Jixiao.Core.Model.Text.Compact(s.Heading).Contains("绩效指标完成情况"));
        foreach (var s in sections)
        {
            b.Heading(Math.Clamp(s.Level, 1, 3), TableXlsxWriter.SectionHeading(s));
            b.Body(s.Text);
            if (table is null) continue;
            var h = Jixiao.Core.Model.Text.Compact(s.Heading);
            if (!fundsDone && (h.Contains("预算执行情况") && s.Level >= 2 || h.Contains("资金投入情况")))
            {
                FundTable(b, table);
                fundsDone = true;
            }
            else if (!indicatorsDone && table is ProjectSelfEvaluation && h.Contains("绩效指标完成情况"))
            {
                IndicatorTable(b, table);
                indicatorsDone = true;
            }
            else if (table is ProjectSelfEvaluation && h.Contains("项目绩效完成情况"))
            {
                // The appendix outline without its sub-headings: both tables go under 二、项目绩效完成情况.
                if (!hasFundHeading && !fundsDone) { FundTable(b, table); fundsDone = true; }
                if (!hasIndicatorHeading && !indicatorsDone) { IndicatorTable(b, table); indicatorsDone = true; }
            }
        }
    }

    internal static string ChineseDate(DateOnly d) =>
        $"{d.Year.ToString(CultureInfo.InvariantCulture)}年{d.Month.ToString(CultureInfo.InvariantCulture)}月{d.Day.ToString(CultureInfo.InvariantCulture)}日";

    private static void FundTable(DocxBuilder b, SelfEvaluationTable t)
    {
        var unit = t.DeclaredUnit is { } u ? $"（{u.ChineseName()}）" : "";
        var project = t is ProjectSelfEvaluation;
        var rows = new List<IReadOnlyList<string?>>();
        if (project)
        {
            rows.Add(["资金来源", "年初预算数" + unit, "全年预算数" + unit, "全年执行数" + unit, "执行率", "得分"]);
            foreach (var f in t.Funds)
                rows.Add([f.Label, f.InitialBudget?.Text, f.Budget.Text, f.Execution.Text, f.Rate.Text, f.Score?.Text]);
            b.Table([2100, 1500, 1500, 1500, 1050, 850], rows, new HashSet<int> { 1, 2, 3, 4, 5 });
        }
        else
        {
            rows.Add(["资金来源", "全年预算数（A）" + unit, "全年执行数（B）" + unit, "预算执行率（B/A×100%）"]);
            foreach (var f in t.Funds)
                rows.Add([f.Label, f.Budget.Text, f.Execution.Text, f.Rate.Text]);
            b.Table([3000, 1900, 1900, 1700], rows, new HashSet<int> { 1, 2, 3 });
        }
    }

    private static void IndicatorTable(DocxBuilder b, SelfEvaluationTable t)
    {
        var rows = new List<IReadOnlyList<string?>> { new[] { "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "权重", "得分" } };
        string? l1 = null, l2 = null;
        foreach (var i in t.Indicators)
        {
            rows.Add([i.Level1Label == l1 ? "" : i.Level1Label, i.Level2Label == l2 && i.Level1Label == l1 ? "" : i.Level2Label, i.Name, i.EffectiveTarget, i.Actual, i.Weight?.Text, i.Score?.Text]);
            l1 = i.Level1Label;
            l2 = i.Level2Label;
        }
        b.Table([1000, 1300, 2100, 1300, 1500, 700, 700], rows, new HashSet<int> { 5, 6 });
    }
}

/// <summary>Writes a cover letter (报送函) as .docx: title, addressee, body, annex list, contact, sender and date.</summary>
public static class CoverLetterDocxWriter
{
    public static byte[] Write(CoverLetter letter)
    {
        var b = new DocxBuilder();
        b.Title(letter.Title);
        if (!string.IsNullOrWhiteSpace(letter.Addressee)) b.Line(letter.Addressee!.TrimEnd('：', ':') + "：", JustificationValues.Left);
        b.Body(letter.Body ?? ReportDrafter.Gap);
        if (letter.Body is null || !letter.Body.Contains("此函")) b.Body("此函。");
        b.Blank();
        if (!string.IsNullOrWhiteSpace(letter.ContactPerson) || !string.IsNullOrWhiteSpace(letter.ContactPhone))
            b.Body($"联系人：{letter.ContactPerson}　　联系电话：{letter.ContactPhone}");
        if (letter.Annexes.Count > 0)
        {
            b.Blank();
            var first = true;
            foreach (var a in letter.Annexes)
            {
                var item = $"{a.Number}.{a.Title}";
                b.Hanging(first ? "附件：" + item : "　　　" + item, 3);
                first = false;
            }
        }
        b.Blank();
        if (!string.IsNullOrWhiteSpace(letter.Sender)) b.Line(letter.Sender!, JustificationValues.Right);
        if (letter.Date is { } d) b.Line(ReportDocxWriter.ChineseDate(d), JustificationValues.Right);
        return b.Build(letter.Title);
    }

    /// <summary>
    /// Drafts the cover letter of a bundle: the annex list names every report and table in it, in order (a report
    /// before the tables it covers, as the seeds do), and each entry points at its document.
    /// </summary>
    public static CoverLetter Draft(IReadOnlyList<Document> bundle, string? addressee = null, string? sender = null, DateOnly? date = null)
    {
        var year = bundle.Select(d => d.Year).FirstOrDefault(y => y is not null);
        sender ??= bundle.Select(d => d.Unit ?? (d as SelfEvaluationTable)?.CompetentDepartment ?? (d as SelfEvaluationTable)?.ImplementingUnit).FirstOrDefault(u => u is not null);
        var letter = new CoverLetter
        {
            Id = "cover-letter",
            Title = $"{sender}关于报送《{year}年度绩效自评报告》的函",
            Year = year,
            Addressee = addressee,
            Sender = sender,
            Date = date,
        };
        var n = 1;
        foreach (var d in bundle.Where(d => d is not CoverLetter))
        {
            var title = d switch
            {
                SelfEvaluationTable t => $"{t.FundName ?? t.Title}{(t.Year is { } y ? $" {y} 年度" : "")}{(t is ProjectSelfEvaluation ? "项目支出" : "")}绩效自评表",
                _ => d.Title,
            };
            letter.Annexes.Add(new AnnexEntry { Number = n++.ToString(CultureInfo.InvariantCulture), Title = title, DocumentId = d.Id });
        }
        var names = string.Join("、", bundle.OfType<SelfEvaluationTable>().Select(t => t.FundName).Where(x => x is not null).Distinct());
        letter.Body = $"按照{year}年度绩效自评工作要求，现将{names}的绩效自评报告及自评表予以报送。";
        return letter;
    }
}
