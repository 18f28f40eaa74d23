namespace Jixiao.Core.Money;

/// <summary>An amount of money: an exact decimal value with its unit. Conversion between units is exact.</summary>
public readonly record struct Amount(decimal Value, MoneyUnit Unit)
{
    public decimal InYuan => Value * Unit.YuanPer();

    public Amount To(MoneyUnit unit) => unit == Unit ? this : new Amount(InYuan / unit.YuanPer(), unit);

    public static Amount Yuan(decimal value) => new(value, MoneyUnit.Yuan);
    public static Amount Wan(decimal value) => new(value, MoneyUnit.WanYuan);

    public override string ToString() => $"{Value:#,##0.##}{Unit.ChineseName()}";
}
