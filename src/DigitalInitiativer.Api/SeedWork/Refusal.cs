namespace DigitalInitiativer.Api.SeedWork;

/// <summary>
/// A rule said no: what went wrong (<see cref="Message"/>), a stable code clients branch on, and which input value it
/// concerns. Domain methods and application services return refusals; they are never thrown, and nothing is saved
/// when there are any. The GraphQL layer shows each as a typed error.
/// </summary>
public abstract record Refusal(string Message, string Code)
{
    /// <summary>Where in the input the problem is, e.g. ["items", "3", "personId"]; empty for the input as a whole; null when it is no one value's fault.</summary>
    public IReadOnlyList<string>? Field { get; init; } = [];
}

/// <summary>An input value breaks a rule; <see cref="Refusal.Code"/> says which (REQUIRED, TOO_LONG, …).</summary>
public sealed record InvalidInput(string Message, string Code) : Refusal(Message, Code);

public sealed record NotFound(string Message, string Id) : Refusal(Message, RefusalCodes.NotFound);

public sealed record CodeTaken(string Message, string Value) : Refusal(Message, RefusalCodes.CodeTaken);

/// <summary>The codes of the refusals every feature shares. Codes are a contract: they never change meaning once released.</summary>
public static class RefusalCodes
{
    public const string NotFound = "NOT_FOUND";
    public const string Required = "REQUIRED";
    public const string TooLong = "TOO_LONG";
    public const string InvalidFormat = "INVALID_FORMAT";
    public const string OutOfRange = "OUT_OF_RANGE";
    public const string EndBeforeStart = "END_BEFORE_START";
    public const string EmptyList = "EMPTY_LIST";
    public const string TooManyItems = "TOO_MANY_ITEMS";
    public const string DuplicateItem = "DUPLICATE_ITEM";
    public const string CodeTaken = "CODE_TAKEN";
}

/// <summary>What a use case gives back: its value, or the refusals that stopped it.</summary>
public sealed record Result<T>(T? Value, IReadOnlyList<Refusal> Refusals) where T : class
{
    public bool Succeeded => Refusals.Count == 0;

    public static Result<T> Ok(T value) => new(value, []);

    public static Result<T> Refused(Refusal refusal) => new(null, [refusal]);

    public static Result<T> Refused(IReadOnlyList<Refusal> refusals) => new(null, refusals);

    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(Refusal refusal) => Refused(refusal);

    public static implicit operator Result<T>(Refusals refusals) => Refused(refusals.All);
}

/// <summary>Collects the refusals of one check of an input, naming each value by its place in the input.</summary>
public sealed class Refusals
{
    private readonly List<Refusal> _all;
    private readonly string[] _prefix;

    public Refusals() : this([], []) { }

    private Refusals(List<Refusal> shared, string[] prefix)
    {
        _all = shared;
        _prefix = prefix;
    }

    public IReadOnlyList<Refusal> All => _all;
    public bool Any => _all.Count > 0;

    /// <summary>The same list, for values inside <paramref name="more"/>, e.g. At("items", "3").</summary>
    public Refusals At(params string[] more) => new(_all, [.. _prefix, .. more]);

    public void Add(Refusal refusal, string? field = null) =>
        _all.Add(refusal with { Field = field is null ? [.. _prefix, .. refusal.Field ?? []] : [.. _prefix, field] });

    public void Invalid(string field, string code, string message) => Add(new InvalidInput(message, code), field);
    public void NotFound(string field, string id, string message) => Add(new NotFound(message, id), field);
    public void CodeTaken(string field, string value) => Add(new CodeTaken(RefusalTexts.CodeTaken.Format(value), value), field);

    public void Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) Invalid(field, RefusalCodes.Required, RefusalTexts.Required.Format(field));
    }

    public void MaxLength(string field, string? value, int max)
    {
        if (value is null || PlainText.Fits(value, max)) return;
        var length = PlainText.Length(value);
        Invalid(field, RefusalCodes.TooLong, length > max
            ? RefusalTexts.TooLong.Format(field, length, max)
            : RefusalTexts.TooManyMarks.Format(field, length));
    }

    /// <summary>A link people open: an absolute http or https address.</summary>
    public void WebAddress(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        MaxLength(field, value.Trim(), maxLength);
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            Invalid(field, RefusalCodes.InvalidFormat, RefusalTexts.NotWebAddress.Format(field));
    }

    /// <summary>Dates things happened (completion, realisation) cannot be later than today.</summary>
    public void NotInFuture(string field, DateOnly? date, DateOnly today)
    {
        if (date is { } d && d > today) Invalid(field, RefusalCodes.OutOfRange, RefusalTexts.InFuture.Format(field, d));
    }

    /// <summary>A date must be plausible, e.g. from 2000 to 2100 for an initiative.</summary>
    public void Within(string field, DateOnly? date, DateOnly from, DateOnly to)
    {
        if (date is { } d && (d < from || d > to)) Invalid(field, RefusalCodes.OutOfRange, RefusalTexts.DateOutOfRange.Format(field, from, to));
    }

    public void NotBefore(string laterField, DateOnly? later, string earlierField, DateOnly? earlier)
    {
        if (later is { } l && earlier is { } e && l < e)
            Invalid(laterField, RefusalCodes.EndBeforeStart, RefusalTexts.EndBeforeStart.Format(laterField, l, earlierField, e));
    }
}

/// <summary>The messages of the refusals every feature shares.</summary>
public static class RefusalTexts
{
    public static readonly Text CodeTaken = new("Koden '{0}' er allerede i brug.", "The code '{0}' is already in use.");
    public static readonly Text Required = new("'{0}' skal udfyldes.", "'{0}' must not be empty.");
    public static readonly Text TooLong = new("'{0}' er {1} tegn lang; højst {2} er tilladt.", "'{0}' is {1} characters long; at most {2} are allowed.");
    public static readonly Text TooManyMarks = new("'{0}' har for mange accenter eller kombinerende tegn til sine {1} tegn.", "'{0}' has too many accents or combining marks for its {1} characters.");
    public static readonly Text InFuture = new("'{0}' ({1:yyyy-MM-dd}) ligger i fremtiden.", "'{0}' ({1:yyyy-MM-dd}) is in the future.");
    public static readonly Text DateOutOfRange = new("'{0}' skal ligge fra {1:yyyy-MM-dd} til {2:yyyy-MM-dd}.", "'{0}' must be from {1:yyyy-MM-dd} to {2:yyyy-MM-dd}.");
    public static readonly Text NotWebAddress = new("'{0}' skal være en webadresse, der begynder med https:// eller http://.", "'{0}' must be a web address starting with https:// or http://.");
    public static readonly Text EndBeforeStart = new("'{0}' ({1:yyyy-MM-dd}) ligger før '{2}' ({3:yyyy-MM-dd}).", "'{0}' ({1:yyyy-MM-dd}) is before '{2}' ({3:yyyy-MM-dd}).");
}
