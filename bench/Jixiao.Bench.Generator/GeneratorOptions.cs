using Jixiao.Core.Model;

namespace Jixiao.Bench.Generator;

/// <summary>What to generate. Every table is a function of (<see cref="Seed"/>, its index) only.</summary>
public sealed record GeneratorOptions
{
    /// <summary>The seed number: the same seed gives the same documents, byte for byte.</summary>
    public int Seed { get; init; } = 1;
    /// <summary>Share of project tables (Shanxi appendix layout, scored); the rest are transfer-payment tables.</summary>
    public double ProjectShare { get; init; } = 0.5;
    /// <summary>Share of tables with at least one injected defect (the seeds: every file has some).</summary>
    public double DefectShare { get; init; } = 0.35;
    /// <summary>Of the defective tables, the share with a second defect.</summary>
    public double SecondDefectShare { get; init; } = 0.25;
    /// <summary>Indicators per table, inclusive range (mean 20: 100,000 tables ≈ 2M indicators).</summary>
    public int MinIndicators { get; init; } = 12;
    public int MaxIndicators { get; init; } = 28;
    /// <summary>The evaluated year.</summary>
    public int Year { get; init; } = 2024;
}

/// <summary>One generated table with the defects injected into it.</summary>
public sealed record GeneratedTable(long Index, SelfEvaluationTable Table, IReadOnlyList<Defect> Defects)
{
    public bool IsProject => Table is ProjectSelfEvaluation;

    /// <summary>Warning and error rule ids the engine must report for this table (empty for a clean table).</summary>
    public IReadOnlySet<string> ExpectedRules => Defects.SelectMany(d => Bench.Generator.Defects.ExpectedRules(d, IsProject)).ToHashSet(StringComparer.Ordinal);

    /// <summary>A file name stem such as "0000042-project".</summary>
    public string FileStem => $"{Index:D7}-{(IsProject ? "project" : "transfer")}";
}
