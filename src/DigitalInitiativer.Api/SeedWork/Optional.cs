namespace DigitalInitiativer.Api.SeedWork;

/// <summary>An input value the caller may leave out: left out keeps what is stored, given (even as null) replaces it.</summary>
public readonly record struct Optional<T>(bool IsGiven, T Value)
{
    public static Optional<T> Unset => default;

    public static implicit operator Optional<T>(T value) => new(true, value);

    public T Or(T current) => IsGiven ? Value : current;
}
