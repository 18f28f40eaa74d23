namespace Jixiao.Data.Entities;

/// <summary>One workflow transition of a document: who moved it from which status to which, at which frozen version.</summary>
public sealed class WorkflowEvent
{
    public long Id { get; set; }
    public Guid DocumentId { get; set; }
    public StoredDocument? Document { get; set; }
    /// <summary>submit, return, approve, forward, publish, unpublish.</summary>
    public required string Action { get; set; }
    public DocumentStatus FromStatus { get; set; }
    public DocumentStatus ToStatus { get; set; }
    /// <summary>The version the transition acted on (the frozen submission).</summary>
    public int VersionNumber { get; set; }
    public string ContentHash { get; set; } = "";
    public string By { get; set; } = "";
    public int? ByOrganisationId { get; set; }
    public DateTime At { get; set; }
    public string? Comment { get; set; }
}

/// <summary>A reviewer's comment on a submission, optionally at a cell (its SourceRef and JSON path).</summary>
public sealed class ReviewComment
{
    public long Id { get; set; }
    public Guid DocumentId { get; set; }
    public StoredDocument? Document { get; set; }
    public long? WorkflowEventId { get; set; }
    public int VersionNumber { get; set; }
    public string Text { get; set; } = "";
    /// <summary>The JSON path of the field in the canonical document, e.g. "$.funds[0].execution".</summary>
    public string? Path { get; set; }
    /// <summary>A readable label of the cell, e.g. "资金投入情况 › 年度资金总额 › 全年执行数（B）".</summary>
    public string? Label { get; set; }
    /// <summary>The cell's <see cref="Jixiao.Core.Provenance.SourceRef"/> as JSON, to place the comment at the cell.</summary>
    public string? AtJson { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
    /// <summary>The unit's filler who marked the comment as dealt with (when resubmitting), and when.</summary>
    public string? ResolvedBy { get; set; }
    public DateTime? ResolvedAt { get; set; }
}

/// <summary>A filler's written justification of an error finding, required before a submission with errors goes forward.</summary>
public sealed class FindingJustification
{
    public long Id { get; set; }
    public Guid DocumentId { get; set; }
    public StoredDocument? Document { get; set; }
    public required string Rule { get; set; }
    public string Location { get; set; } = "";
    public string Text { get; set; } = "";
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>自评任务: a finance bureau or department asks its units for their self-evaluations of a year by a deadline.</summary>
public sealed class EvaluationTask
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public int Year { get; set; }
    /// <summary>Only documents of this fund count for the task (part of the fund name), or all when empty.</summary>
    public string? FundName { get; set; }
    public DateOnly Deadline { get; set; }
    public string? Notes { get; set; }
    public int IssuerOrganisationId { get; set; }
    public Organisation? Issuer { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public List<TaskAssignment> Assignments { get; set; } = [];
}

public sealed class TaskAssignment
{
    public int TaskId { get; set; }
    public EvaluationTask? Task { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
}

/// <summary>
/// 绩效目标表: the goals a unit declared at the start of the year (indicators with their 年初指标). A year-end table
/// created from it carries the targets; later changes show as 调整后指标 with who changed them.
/// </summary>
public sealed class PerformanceGoal
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int Year { get; set; }
    public string FundName { get; set; } = "";
    /// <summary>The self-evaluation task the goals answer, when declared for one.</summary>
    public int? TaskId { get; set; }
    public EvaluationTask? Task { get; set; }
    /// <summary>The year-end self-evaluation table started from these goals, once started.</summary>
    public Guid? DocumentId { get; set; }
    /// <summary>The declared table (canonical JSON of a self-evaluation table with targets and no actuals).</summary>
    public string ContentJson { get; set; } = "";
    public string DeclaredBy { get; set; } = "";
    public DateTime DeclaredAt { get; set; }
}

/// <summary>A change of a declared target (调整后指标) with who made it and when.</summary>
public sealed class IndicatorAdjustment
{
    public long Id { get; set; }
    public Guid DocumentId { get; set; }
    public StoredDocument? Document { get; set; }
    public string Indicator { get; set; } = "";
    public string? DeclaredTarget { get; set; }
    public string? AdjustedTarget { get; set; }
    /// <summary>调整理由 as the unit wrote it.</summary>
    public string? Reason { get; set; }
    public int VersionNumber { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>双监控: the cumulative execution of a fund at the end of a month, entered or imported during the year.</summary>
public sealed class MonthlyExecution
{
    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public string FundName { get; set; } = "";
    /// <summary>全年预算数, in 万元.</summary>
    public decimal Budget { get; set; }
    /// <summary>Cumulative execution to the end of the month, in 万元.</summary>
    public decimal Executed { get; set; }
    public string EnteredBy { get; set; } = "";
    public DateTime EnteredAt { get; set; }
}
