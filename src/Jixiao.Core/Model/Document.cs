using Jixiao.Core.Provenance;

namespace Jixiao.Core.Model;

/// <summary>The kinds of document Jixiao reads, checks and writes. The JSON names are stable.</summary>
public enum DocumentKind
{
    /// <summary>报送函 — "cover-letter"</summary>
    CoverLetter,
    /// <summary>绩效自评报告 — "self-evaluation-report"</summary>
    SelfEvaluationReport,
    /// <summary>转移支付绩效自评表 — "transfer-self-evaluation"</summary>
    TransferSelfEvaluation,
    /// <summary>项目支出绩效自评表 — "project-self-evaluation"</summary>
    ProjectSelfEvaluation,
    /// <summary>部门整体支出绩效自评表 — "department-self-evaluation"</summary>
    DepartmentSelfEvaluation,
    /// <summary>部门决算公开 — "final-accounts"</summary>
    FinalAccounts,
}

public static class DocumentKinds
{
    public static string JsonName(this DocumentKind kind) => kind switch
    {
        DocumentKind.CoverLetter => "cover-letter",
        DocumentKind.SelfEvaluationReport => "self-evaluation-report",
        DocumentKind.TransferSelfEvaluation => "transfer-self-evaluation",
        DocumentKind.ProjectSelfEvaluation => "project-self-evaluation",
        DocumentKind.DepartmentSelfEvaluation => "department-self-evaluation",
        DocumentKind.FinalAccounts => "final-accounts",
        _ => kind.ToString(),
    };

    public static DocumentKind? FromJsonName(string? name)
    {
        foreach (var k in Enum.GetValues<DocumentKind>())
            if (k.JsonName() == name) return k;
        return null;
    }

    public static string ChineseName(this DocumentKind kind) => kind switch
    {
        DocumentKind.CoverLetter => "报送函",
        DocumentKind.SelfEvaluationReport => "绩效自评报告",
        DocumentKind.TransferSelfEvaluation => "转移支付绩效自评表",
        DocumentKind.ProjectSelfEvaluation => "项目支出绩效自评表",
        DocumentKind.DepartmentSelfEvaluation => "部门整体支出绩效自评表",
        DocumentKind.FinalAccounts => "部门决算公开",
        _ => kind.ToString(),
    };
}

/// <summary>One document found in a file: a table, a report, a cover letter or a disclosure.</summary>
public abstract class Document
{
    /// <summary>Stable within one import, e.g. "000_66f46ff16e0133a5.txt#4".</summary>
    public string Id { get; set; } = "";
    public abstract DocumentKind Kind { get; }
    public string Title { get; set; } = "";
    /// <summary>The year evaluated or disclosed (e.g. 2023 for "（2023年度）").</summary>
    public int? Year { get; set; }
    /// <summary>The organisation the document is for: 资金使用单位 / 实施单位 / 报送单位 / 部门名称.</summary>
    public string? Unit { get; set; }
    /// <summary>The annex label in a bundle, e.g. "附件-1".</summary>
    public string? AnnexLabel { get; set; }
    /// <summary>Where the whole document sits in its file (file name and line range).</summary>
    public SourceRef? Source { get; set; }
}
