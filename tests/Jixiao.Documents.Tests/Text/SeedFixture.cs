using Jixiao.Core.Model;
using Jixiao.Documents.Reading;
using Jixiao.Tests;

namespace Jixiao.Documents.Tests.Text;

/// <summary>The four seed documents read once per test run.</summary>
public static class Seeds
{
    private static readonly Lazy<Dictionary<string, ReadResult>> Results = new(() =>
        new[] { "000", "001", "002", "004" }.ToDictionary(p => p, p => DocumentReaders.ReadFile(RepoPaths.Seed(p))));

    public static ReadResult Read(string prefix) => Results.Value[prefix];

    public static T Doc<T>(string prefix, string titleContains) where T : Document =>
        Read(prefix).Documents.OfType<T>().Single(d => d.Title.Contains(titleContains, StringComparison.Ordinal));

    public static FundRow Fund(SelfEvaluationTable t, FundSourceKind kind) => t.Funds.Single(f => f.Source == kind);

    public static IndicatorRow Indicator(SelfEvaluationTable t, string name) => t.Indicators.Single(i => i.Name == name);
}
