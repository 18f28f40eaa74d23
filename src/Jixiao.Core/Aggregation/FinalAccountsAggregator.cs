using Jixiao.Core.FinalAccounts;
using Jixiao.Core.Money;

namespace Jixiao.Core.Aggregation;

/// <summary>One unit's final accounts going into a department's 汇总.</summary>
public sealed record FinalAccountsInput(FinalAccountsDisclosure Disclosure, string Contributor, string? DocumentId = null);

/// <summary>A column of 公开02 / 公开03 summed over the units, before and after the offsets.</summary>
public sealed class AggregatedColumn
{
    public string Column { get; init; } = "";
    public decimal Sum { get; set; }
    /// <summary>What the 调整表 took off (internal transfers).</summary>
    public decimal Offset { get; set; }
    public decimal Consolidated => Sum - Offset;
    public List<Contribution> By { get; } = [];
}

/// <summary>
/// One pair of internal transfers the 汇总 offsets, as 久其's 调整表 does: what the units paid (上缴上级支出 /
/// 对附属单位补助支出) against what the units received (附属单位上缴收入 / 上级补助收入).
/// </summary>
public sealed class InternalTransferOffset
{
    public string Name { get; init; } = "";
    public string PaidColumn { get; init; } = "";
    public string ReceivedColumn { get; init; } = "";
    public decimal Paid { get; set; }
    public decimal Received { get; set; }
    /// <summary>The amount taken off both sides: the smaller of the two.</summary>
    public decimal Offset { get; set; }
    /// <summary>Paid − received: not zero means the two sides do not match and a person must look.</summary>
    public decimal Difference => Paid - Received;
    public List<Contribution> PaidBy { get; } = [];
    public List<Contribution> ReceivedBy { get; } = [];
    public string Explanation { get; set; } = "";
}

public sealed class FinalAccountsAggregate
{
    public required MoneyUnit Unit { get; init; }
    public int? Year { get; init; }
    public List<AggregatedColumn> Income { get; } = [];
    public List<AggregatedColumn> Expenditure { get; } = [];
    public List<InternalTransferOffset> Offsets { get; } = [];
    public List<Contribution> Contributors { get; } = [];
    public List<string> Notes { get; } = [];

    public AggregatedColumn? IncomeColumn(string name) => Income.FirstOrDefault(c => c.Column == name);
    public AggregatedColumn? ExpenditureColumn(string name) => Expenditure.FirstOrDefault(c => c.Column == name);
}

/// <summary>
/// The 汇总 of a department's units' final accounts (公开02 收入决算表 and 公开03 支出决算表, 合计 rows): columns
/// summed, then internal transfers offset — 上缴上级支出 against 附属单位上缴收入, 对附属单位补助支出 against 上级补助收入
/// — and the totals reduced by what was offset. Says which amounts it offset and from which units.
/// </summary>
public static class FinalAccountsAggregator
{
    public static FinalAccountsAggregate Aggregate(IReadOnlyList<FinalAccountsInput> inputs, MoneyUnit unit = MoneyUnit.Yuan)
    {
        var result = new FinalAccountsAggregate { Unit = unit, Year = inputs.Select(i => i.Disclosure.Year).FirstOrDefault(y => y is not null) };
        foreach (var name in IncomeRow.ColumnNames) result.Income.Add(new AggregatedColumn { Column = name });
        foreach (var name in ExpenditureRow.ColumnNames) result.Expenditure.Add(new AggregatedColumn { Column = name });
        foreach (var i in inputs)
        {
            result.Contributors.Add(new Contribution(i.Contributor, i.DocumentId, null, i.Disclosure.Title));
            var d = i.Disclosure;
            if (d.Income?.Total is { } income)
            {
                var from = d.UnitOf(d.Income);
                foreach (var (column, figure) in income.Cells()) Add(result.IncomeColumn(column)!, i, figure.Value, figure.Text, from, unit);
            }
            else result.Notes.Add($"{i.Contributor}：没有收入决算表（公开02）的合计行，收入未计入。");
            if (d.Expenditure?.Total is { } exp)
            {
                var from = d.UnitOf(d.Expenditure);
                foreach (var (column, figure) in exp.Cells()) Add(result.ExpenditureColumn(column)!, i, figure.Value, figure.Text, from, unit);
            }
            else result.Notes.Add($"{i.Contributor}：没有支出决算表（公开03）的合计行，支出未计入。");
        }
        Offset(result, "上缴上级支出与附属单位上缴收入", "上缴上级支出", "附属单位上缴收入");
        Offset(result, "对附属单位补助支出与上级补助收入", "对附属单位补助支出", "上级补助收入");
        return result;
    }

    private static void Add(AggregatedColumn column, FinalAccountsInput input, decimal? value, string? text, MoneyUnit from, MoneyUnit to)
    {
        if (value is not { } v) return;
        var converted = from == to ? v : v * from.YuanPer() / to.YuanPer();
        column.Sum += converted;
        column.By.Add(new Contribution(input.Contributor, input.DocumentId, converted, text));
    }

    private static void Offset(FinalAccountsAggregate result, string name, string paidColumn, string receivedColumn)
    {
        var paid = result.ExpenditureColumn(paidColumn)!;
        var received = result.IncomeColumn(receivedColumn)!;
        var offset = new InternalTransferOffset
        {
            Name = name,
            PaidColumn = paidColumn,
            ReceivedColumn = receivedColumn,
            Paid = paid.Sum,
            Received = received.Sum,
            Offset = Math.Min(paid.Sum, received.Sum),
        };
        offset.PaidBy.AddRange(paid.By.Where(c => c.Value is not 0m));
        offset.ReceivedBy.AddRange(received.By.Where(c => c.Value is not 0m));
        var u = result.Unit.ChineseName();
        if (offset.Offset == 0m)
            offset.Explanation = $"{paidColumn}合计 {NumberTextFormat(offset.Paid)}{u}，{receivedColumn}合计 {NumberTextFormat(offset.Received)}{u}，没有可抵消的内部往来。";
        else
        {
            offset.Explanation = $"抵消 {NumberTextFormat(offset.Offset)}{u}：{paidColumn}（{string.Join("、", offset.PaidBy.Select(c => $"{c.Contributor} {NumberTextFormat(c.Value ?? 0)}"))}）"
                + $"与{receivedColumn}（{string.Join("、", offset.ReceivedBy.Select(c => $"{c.Contributor} {NumberTextFormat(c.Value ?? 0)}"))}）。";
            if (offset.Difference != 0m)
                offset.Explanation += $"两方相差 {NumberTextFormat(offset.Difference)}{u}，只抵消较小的一方，请核对内部往来。";
            // Both sides come off their column and off the totals.
            paid.Offset += offset.Offset;
            received.Offset += offset.Offset;
            result.ExpenditureColumn(ExpenditureRow.ColumnNames[0])!.Offset += offset.Offset;
            result.IncomeColumn(IncomeRow.ColumnNames[0])!.Offset += offset.Offset;
        }
        result.Offsets.Add(offset);
    }

    private static string NumberTextFormat(decimal v) => Model.NumberText.Format(v);
}
