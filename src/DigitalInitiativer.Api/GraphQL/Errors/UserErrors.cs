namespace DigitalInitiativer.Api.GraphQL.Errors;

/// <summary>A problem with a mutation's input that the caller can fix. Returned in the payload, never thrown.</summary>
public abstract record UserError(string Message, string Code, IReadOnlyList<string> Path);

public sealed record InvalidInputError(string Message, string Code, IReadOnlyList<string> Path) : UserError(Message, Code, Path);

public sealed record NotFoundError(string Message, IReadOnlyList<string> Path, string Id) : UserError(Message, ErrorCodes.NotFound, Path);

public sealed record CodeTakenError(string Message, IReadOnlyList<string> Path, string Value) : UserError(Message, ErrorCodes.CodeTaken, Path);

/// <summary>Collects the errors of one mutation call, prefixing each path with where the input sits.</summary>
public sealed class UserErrorList
{
    private readonly List<UserError> _errors = [];
    private readonly string[] _prefix;

    public UserErrorList(params string[] prefix) => _prefix = prefix;

    public IReadOnlyList<UserError> Errors => _errors;
    public bool Any => _errors.Count > 0;

    public UserErrorList At(params string[] more) => new(_errors, [.. _prefix, .. more]);

    private UserErrorList(List<UserError> shared, string[] prefix) { _errors = shared; _prefix = prefix; }

    private string[] PathTo(string field) => [.. _prefix, field];

    public void Invalid(string field, string code, string message) => _errors.Add(new InvalidInputError(message, code, PathTo(field)));
    public void NotFound(string field, string id, string message) => _errors.Add(new NotFoundError(message, PathTo(field), id));
    public void CodeTaken(string field, string value) => _errors.Add(new CodeTakenError($"The code '{value}' is already in use.", PathTo(field), value));

    public void Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) Invalid(field, ErrorCodes.Required, $"'{field}' must not be empty.");
    }

    public void MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max) Invalid(field, ErrorCodes.TooLong, $"'{field}' is {value.Length} characters long; at most {max} are allowed.");
    }

    public void NotBefore(string laterField, DateOnly? later, string earlierField, DateOnly? earlier)
    {
        if (later is { } l && earlier is { } e && l < e)
            Invalid(laterField, ErrorCodes.EndBeforeStart, $"'{laterField}' ({l:yyyy-MM-dd}) is before '{earlierField}' ({e:yyyy-MM-dd}).");
    }
}
