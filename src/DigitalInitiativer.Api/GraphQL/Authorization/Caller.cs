using System.Security.Claims;

namespace DigitalInitiativer.Api.GraphQL.Authorization;

/// <summary>Who the caller is, for audit entries and rate limits: the token's object id (Entra ID) or subject, never a name.</summary>
public static class Caller
{
    public const string Anonymous = "anonymous";

    public static string IdOf(ClaimsPrincipal? user) => user?.FindFirst("oid")?.Value ?? user?.FindFirst("sub")?.Value ?? Anonymous;
}
