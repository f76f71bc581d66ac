using System.Text.Json;
using GraphQL;

namespace DigitalInitiativer.Api.GraphQL.Transport;

/// <summary>Variables or extensions as a request sends them, read the same way over HTTP and over the WebSocket.</summary>
public static class RequestInputs
{
    /// <summary>
    /// False for JSON that does not make inputs: not an object, a key twice (GraphQL.NET's reader adds to a dictionary),
    /// or values the reader refuses.
    /// </summary>
    public static bool TryRead(this IGraphQLTextSerializer serializer, string json, out Inputs inputs)
    {
        try
        {
            inputs = serializer.Deserialize<Inputs>(json) ?? Inputs.Empty;
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            inputs = Inputs.Empty;
            return false;
        }
    }
}
