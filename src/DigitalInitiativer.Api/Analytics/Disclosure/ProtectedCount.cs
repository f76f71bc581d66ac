namespace DigitalInitiativer.Api.Analytics.Disclosure;

/// <summary>A count that may be withheld: <see cref="Value"/> is null exactly when <see cref="Suppressed"/> is true.</summary>
public readonly record struct ProtectedCount(long? Value)
{
    public bool Suppressed => Value is null;

    /// <summary>A share of a total; null when either count is withheld or the total is zero.</summary>
    public double? ShareOf(ProtectedCount total) => Value is { } part && total.Value is { } whole && whole > 0 ? (double)part / whole : null;
}
