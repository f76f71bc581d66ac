using System.Buffers.Text;
using System.Text;
using GraphQL;

namespace DigitalInitiativer.Api.GraphQL.Relay;

/// <summary>
/// Opaque global ids: base64url of "TypeName:key". Clients must treat them as opaque strings;
/// the encoding only has to be stable, not secret.
/// </summary>
public readonly record struct GlobalId(string TypeName, string Key)
{
    public static string Encode(string typeName, object key) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{key}"));

    public static bool TryDecode(string? value, out GlobalId id)
    {
        id = default;
        if (string.IsNullOrEmpty(value) || value.Length > 200) return false;
        byte[] bytes;
        try { bytes = Base64Url.DecodeFromChars(value); }
        catch (FormatException) { return false; }
        var text = Encoding.UTF8.GetString(bytes);
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1) return false;
        id = new GlobalId(text[..colon], text[(colon + 1)..]);
        return true;
    }

    /// <summary>The integer key of an id that must belong to <paramref name="typeName"/>, or null when it does not.</summary>
    public static int? TryParseKey(string? value, string typeName) =>
        TryDecode(value, out var id) && id.TypeName == typeName && int.TryParse(id.Key, out var key) && key > 0 ? key : null;

    /// <summary>Like <see cref="TryParseKey"/>, for query arguments: a forged or foreign id is a field error with code INVALID_ID.</summary>
    public static int ParseKey(string value, string typeName, string argumentName) =>
        TryParseKey(value, typeName) ?? throw new ExecutionError(GraphQLTexts.InvalidIdOfType.Format(argumentName, typeName)) { Code = ErrorCodes.InvalidId };
}

public static class GlobalIdArguments
{
    /// <summary>The key behind an optional id argument of the given type; INVALID_ID when it is forged or of another type.</summary>
    public static int? GetOptionalKey(this IResolveFieldContext context, string argument, string typeName) =>
        context.GetArgument<string?>(argument) is { } id ? GlobalId.ParseKey(id, typeName, argument) : null;
}
