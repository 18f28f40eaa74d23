using Jixiao.Core.Indicators;

namespace Jixiao.Core.Tests.Indicators;

/// <summary>
/// The parse and judgement memos are shared by all threads: a hit must give the reading of the very text (and pair)
/// asked for, never one another thread wrote to the same slot at the same time.
/// </summary>
public class SharedMemoTests
{
    [Fact]
    public void Many_threads_get_the_reading_and_judgement_of_their_own_texts()
    {
        var wrong = 0;
        // 6,000 texts over 2,048 slots: slots are overwritten all the time, by several threads at once.
        Parallel.For(0, 240_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
        {
            var i = 2 + k % 6_000;
            var target = IndicatorParser.Parse($"≥{i}万人");
            var met = k % 2 == 0;
            var actual = IndicatorParser.Parse($"{(met ? i + 1 : i - 1)}万人");
            var judgement = IndicatorJudge.Judge(target, actual);
            var ok = target is QuantityValue { Number: var n, Comparator: Comparator.GreaterOrEqual } && n == i && target.Raw == $"≥{i}万人"
                && actual is QuantityValue a && a.Number == (met ? i + 1 : i - 1)
                && judgement.Outcome == (met ? Outcome.Met : Outcome.PartlyMet);
            if (!ok) Interlocked.Increment(ref wrong);
        });
        Assert.Equal(0, wrong);
    }
}
