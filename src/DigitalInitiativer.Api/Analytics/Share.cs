namespace DigitalInitiativer.Api.Analytics;

/// <summary>How shares are published: to four decimals (0.9600, not 0.9600000000000001), far finer than the perturbation.</summary>
public static class Share
{
    public const int Decimals = 4;

    public static double? Rounded(double? share) => share is { } value ? Math.Round(value, Decimals, MidpointRounding.AwayFromZero) : null;
}
