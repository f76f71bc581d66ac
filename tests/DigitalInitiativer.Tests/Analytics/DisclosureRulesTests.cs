using DigitalInitiativer.Api.Analytics.Disclosure;

namespace DigitalInitiativer.Tests.Analytics;

/// <summary>The cell-key perturbation on its own: bounds, determinism, and that a row's new member moves every cell's draw.</summary>
public sealed class DisclosureRulesTests
{
    private static readonly DisclosureRules Rules = new(MinimumGroupSize: 5, MaximumPerturbation: 3);

    private static IEnumerable<ulong> Keys(int count, int seed = 1)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++) yield return DisclosureRules.NoiseKey(random.NextInt64(), random.NextInt64());
    }

    [Fact]
    public void A_published_count_stays_within_D_of_the_truth_never_below_k_and_zero_stays_zero()
    {
        foreach (var count in Enumerable.Range(5, 60))
            foreach (var key in Keys(200, count))
            {
                var published = Rules.Publish(count, key);
                Assert.InRange(published, Math.Max(5, count - 3), count + 3);
            }
        Assert.All(Keys(50), key => Assert.Equal(0, Rules.Publish(0, key)));
        Assert.All(Keys(50), key => Assert.Equal(5, Rules.Publish(5, key)));
    }

    [Fact]
    public void Every_perturbation_from_minus_D_to_D_occurs_about_equally_often_so_the_mean_is_the_true_count()
    {
        var seen = Keys(70_000).GroupBy(key => Rules.Publish(100, key) - 100).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Enumerable.Range(-3, 7).Select(x => (long)x), seen.Keys.Order());
        Assert.All(seen.Values, n => Assert.InRange(n, 9_000, 11_000));
        Assert.InRange(seen.Sum(x => x.Key * x.Value) / 70_000.0, -0.05, 0.05);
    }

    [Fact]
    public void The_same_people_always_get_the_same_count()
    {
        var key = DisclosureRules.NoiseKey(cellKeySum: 123_456_789, rowKeySum: 987_654_321);

        Assert.Equal(Rules.Publish(40, key), Rules.Publish(40, DisclosureRules.NoiseKey(123_456_789, 987_654_321)));
    }

    [Fact]
    public void When_someone_joins_the_row_the_cells_they_are_not_in_are_drawn_anew_too()
    {
        // The same cell (same people, same count) in a row before and after one more person joined elsewhere in the row.
        var random = new Random(7);
        var changed = 0;
        const int Trials = 2000;
        for (var i = 0; i < Trials; i++)
        {
            long cell = random.NextInt64(1L << 40), row = random.NextInt64(1L << 40), newcomer = random.NextInt64(1L << 36);
            if (Rules.Publish(50, DisclosureRules.NoiseKey(cell, row)) != Rules.Publish(50, DisclosureRules.NoiseKey(cell, row + newcomer))) changed++;
        }

        // A fresh uniform draw over 7 values differs from the old one 6 times in 7.
        Assert.InRange(changed / (double)Trials, 0.80, 0.90);
    }

    [Fact]
    public void With_perturbation_off_the_true_count_is_published()
    {
        Assert.All(Keys(100), key => Assert.Equal(17, DisclosureRules.SuppressionOnly(5).Publish(17, key)));
    }
}
