using System.Text.Encodings.Web;
using System.Text.Unicode;
using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.GraphQL.Transport;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace DigitalInitiativer.Api.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>The one schema setup, used by the host and by the tests (including the schema file check).</summary>
    public static IServiceCollection AddDigitalInitiativerGraphQL(this IServiceCollection services)
    {
        services.AddScoped<DataLoaderRegistry>();
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<AppSchema>()
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All))
            .AddGraphTypes(typeof(AppSchema).Assembly)
            // One DbContext per request is not thread-safe, so fields run one at a time; batching keeps that cheap.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            .AddErrorInfoProvider(options => options.ExposeExceptionDetails = false)
            .AddUnhandledExceptionHandler(UnhandledErrors.Handle));
        return services;
    }
}
