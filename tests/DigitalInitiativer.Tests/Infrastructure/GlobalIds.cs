using DigitalInitiativer.Api.GraphQL.Relay;

namespace DigitalInitiativer.Tests.Infrastructure;

public static class GlobalIds
{
    public static string Of(string typeName, object key) => GlobalId.Encode(typeName, key);

    /// <summary>The database key inside a global id the API returned.</summary>
    public static int KeyOf(string id) => GlobalId.TryDecode(id, out var decoded) ? int.Parse(decoded.Key) : throw new ArgumentException($"'{id}' is not a global id.");
}
