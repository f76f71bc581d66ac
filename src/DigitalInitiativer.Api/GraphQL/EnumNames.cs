using GraphQL;

namespace DigitalInitiativer.Api.GraphQL;

public static class EnumNames
{
    /// <summary>An enum value as the schema spells it, e.g. ResultsPublished as RESULTS_PUBLISHED, for messages.</summary>
    public static string GraphQLName(this Enum value) => value.ToString().ToConstantCase();
}
