namespace DigitalInitiativer.Api.GraphQL.Transport;

/// <summary>Settings of the GraphQL HTTP endpoint, bound from the "GraphQL" configuration section.</summary>
public sealed class GraphQLHttpOptions
{
    public const string Section = "GraphQL";

    /// <summary>Largest accepted request body; larger ones get 413.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;
}
