using DigitalInitiativer.Api.GraphQL.Relay;

namespace DigitalInitiativer.Tests.Infrastructure;

public static class GlobalIds
{
    public static string Of(string typeName, object key) => GlobalId.Encode(typeName, key);
}
