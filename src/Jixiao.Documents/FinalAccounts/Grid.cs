using Jixiao.Core.Checks;
using Jixiao.Core.FinalAccounts;
using Jixiao.Core.Model;
using Jixiao.Core.Money;
using Jixiao.Core.Provenance;

namespace Jixiao.Documents.FinalAccounts;

/// <summary>A cell as read: its text and where it is (line, or sheet and cell).</summary>
internal sealed record GridCell(string Text, SourceRef At);

/// <summary>A row of cells as read from one text line or one sheet row.</summary>
internal sealed class GridRow(List<GridCell> cells, SourceRef at)
{
    public List<GridCell> Cells { get; } = cells;
    public SourceRef At { get; } = at;

    public string this[int i] => i >= 0 && i < Cells.Count ? Cells[i].Text : "";
    public string Compact(int i) => CoreText.Compact(this[i]);
    public SourceRef CellAt(int i) => i >= 0 && i < Cells.Count ? Cells[i].At : At;
    public int Count => Cells.Count;
    public bool IsEmpty => Cells.All(c => string.IsNullOrWhiteSpace(c.Text));
    public string JoinedCompact => CoreText.Compact(string.Concat(Cells.Select(c => c.Text)));
}

/// <summary>One table as found in a file, before it is typed: title, number, unit, grid rows and notes.</summary>
internal sealed class RawTable
{
    public DisclosureTableKind Kind { get; set; }
    public string? Title { get; set; }
    public string? PrintedNumber { get; set; }
    public MoneyUnit? Unit { get; set; }
    public string? DepartmentName { get; set; }
    public int? Year { get; set; }
    public List<GridRow> Rows { get; } = [];
    public List<string> Notes { get; } = [];
    public string? EmptyNote { get; set; }
    public required SourceRef At { get; set; }
}

/// <summary>Reader findings ("READ-FA-…") for blocks and cells that could not be placed: never drop data silently.</summary>
internal sealed class ReaderLog(string documentId)
{
    public List<Finding> Findings { get; } = [];

    public void Add(string rule, Severity severity, SourceRef? at, string message, string? stated = null) =>
        Findings.Add(new Finding
        {
            Rule = rule,
            Severity = severity,
            DocumentId = documentId,
            Location = at?.Describe() ?? "",
            Message = message,
            Stated = stated,
            At = at,
        });
}

/// <summary>Reader rule ids.</summary>
public static class FinalAccountsReaderRules
{
    /// <summary>A block of text or rows that could not be placed in the disclosure (kept in notes, reported).</summary>
    public const string Unplaced = "READ-FA-UNPLACED";
    /// <summary>A table that does not declare its money unit (read in the unit of the other tables).</summary>
    public const string Unit = "READ-FA-UNIT";
    /// <summary>A table title or content that could not be recognised as one of the disclosure tables.</summary>
    public const string UnknownTable = "READ-FA-TABLE";
    /// <summary>A table printed twice (the second copy is reported, the first kept).</summary>
    public const string DuplicateTable = "READ-FA-DUPLICATE";
    /// <summary>A row or column the reader could not map (a row label or code it does not know, a header it cannot read).</summary>
    public const string Layout = "READ-FA-LAYOUT";
    /// <summary>A figure printed with fewer decimals than the rest of its table (probably cut off in the extraction).</summary>
    public const string Precision = "READ-FA-PRECISION";
    /// <summary>A cell that should hold an amount holds text that is not a number.</summary>
    public const string Cell = "READ-FA-CELL";
}
