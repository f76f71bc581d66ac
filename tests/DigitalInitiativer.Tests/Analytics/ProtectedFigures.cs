namespace DigitalInitiativer.Tests.Analytics;

/// <summary>Checks figures the API protects against the same figures computed independently.</summary>
public static class ProtectedFigures
{
    public const int DefaultMinimumGroupSize = 5;

    /// <summary>
    /// Every published figure equals the expected one; every figure that counts someone but fewer than k is withheld.
    /// Returns how many figures were published, so callers can check the comparison was not vacuous.
    /// </summary>
    public static int AssertMatch<TKey>(IReadOnlyDictionary<TKey, long> expected, IReadOnlyDictionary<TKey, long?> actual, int k = DefaultMinimumGroupSize)
        where TKey : notnull
    {
        Assert.Equal(expected.Keys.OrderBy(x => x), actual.Keys.OrderBy(x => x));
        var published = 0;
        foreach (var (key, value) in expected)
        {
            if (actual[key] is { } shown)
            {
                Assert.True(value == shown, $"{key}: published {shown}, expected {value}");
                published++;
            }
            Assert.False(value is > 0 && value < k && actual[key] is not null, $"{key}: {value} people is below k = {k} but was published");
        }
        return published;
    }
}
