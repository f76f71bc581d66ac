using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using GraphQL;
using Microsoft.AspNetCore.DataProtection;

namespace DigitalInitiativer.Api.GraphQL.Relay;

/// <summary>
/// Where a page ends, in the list that gave it out: the sort key values of one item (its keyset position), the list
/// (<see cref="Field"/>, e.g. <c>proposals:ProposalConnection</c>, with its <see cref="Order"/> and its <see cref="Parent"/>
/// object) and, for orders by live figures, the <see cref="Snapshot"/> those figures are read at, so every page ranks
/// by the same figures.
/// </summary>
public sealed record Cursor(
    [property: JsonPropertyName("f")] string Field,
    [property: JsonPropertyName("o")] string Order,
    [property: JsonPropertyName("p")] int? Parent,
    [property: JsonPropertyName("s")] long? Snapshot,
    [property: JsonPropertyName("k")] JsonElement[] Keys);

/// <summary>
/// Turns cursors into opaque strings and back. They are protected with ASP.NET Core Data Protection, whose keys every
/// instance shares through the database, so a cursor cannot be made up or altered: a forged one is refused, never read
/// as a position.
/// </summary>
public sealed class CursorCodec(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("DigitalInitiativer.GraphQL.Cursor.v1");

    public string Encode(Cursor cursor) => Base64Url.EncodeToString(_protector.Protect(JsonSerializer.SerializeToUtf8Bytes(cursor)));

    /// <summary>The cursor, or an <c>INVALID_CURSOR</c> error when it was not given out by this API.</summary>
    public Cursor Decode(string text, string argument)
    {
        try
        {
            if (JsonSerializer.Deserialize<Cursor>(_protector.Unprotect(Base64Url.DecodeFromChars(text))) is { Field: not null, Order: not null, Keys: not null } cursor)
                return cursor;
        }
        catch (Exception e) when (e is FormatException or CryptographicException or JsonException)
        {
        }
        throw Invalid(argument);
    }

    public static ExecutionError Invalid(string argument) =>
        new(GraphQLTexts.InvalidCursor.Format(argument)) { Code = ErrorCodes.InvalidCursor };
}
