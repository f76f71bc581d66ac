namespace DigitalInitiativer.Tests.Analytics;

/// <summary>Checks figures the API protects against the same figures computed independently.</summary>
public static class ProtectedFigures
{
    public const int DefaultMinimumGroupSize = 5;

    /// <summary>The app's default D, for tests on the app as it runs (the demo): published counts are within ±D of the truth.</summary>
    public const int DefaultMaximumPerturbation = DigitalInitiativer.Api.Analytics.AnalyticsSettings.DefaultMaximumPerturbation;

    /// <summary>
    /// Without perturbation: every published figure equals the expected one, and every figure that counts someone but
    /// fewer than k is withheld. With it: every published figure lies within ±<paramref name="maximumPerturbation"/> of
    /// the expected one and not below k, and no empty cell is shown (small ones may be, as a perturbed count of at least k).
    /// Returns how many figures were published, so callers can check the comparison was not vacuous.
    /// </summary>
    public static int AssertMatch<TKey>(IReadOnlyDictionary<TKey, long> expected, IReadOnlyDictionary<TKey, long?> actual, int k = DefaultMinimumGroupSize,
        int maximumPerturbation = 0)
        where TKey : notnull
    {
        Assert.Equal(expected.Keys.OrderBy(x => x), actual.Keys.OrderBy(x => x));
        var published = 0;
        foreach (var (key, value) in expected)
        {
            if (actual[key] is { } shown)
            {
                Assert.True(Math.Abs(value - shown) <= maximumPerturbation, $"{key}: published {shown}, expected {value} ± {maximumPerturbation}");
                Assert.True(shown == 0 || shown >= k, $"{key}: published {shown}, below k = {k}");
                published++;
            }
            if (maximumPerturbation == 0)
                Assert.False(value is > 0 && value < k && actual[key] is not null, $"{key}: {value} people is below k = {k} but was published");
            else
                Assert.False(value == 0 && actual[key] is not null, $"{key}: an empty cell was published as {actual[key]}");
        }
        return published;
    }
}
