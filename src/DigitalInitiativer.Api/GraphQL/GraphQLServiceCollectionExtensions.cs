using System.Text.Encodings.Web;
using System.Text.Unicode;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.GraphQL.Limits;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.GraphQL.Transport;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.PersistedDocuments;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace DigitalInitiativer.Api.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>
    /// The GraphQL engine and its transport, limits and loaders, for the schema <typeparamref name="TSchema"/>. It knows no
    /// feature: the composition root (Schema/) hands it the schema and what it adds to the pipeline.
    /// </summary>
    public static IServiceCollection AddGraphQLEngine<TSchema>(this IServiceCollection services, Action<IGraphQLBuilder> pipeline) where TSchema : global::GraphQL.Types.Schema
    {
        services.AddScoped<DataLoaderRegistry>();
        services.AddScoped<EntityLoader>();
        services.AddScoped<RequestLanguage>();
        services.AddScoped<ICarriedToEventScope>(sp => sp.GetRequiredService<RequestLanguage>());
        services.AddSingleton<IConfigureExecution, RequestLanguageFromCulture>();
        services.AddDataProtection();
        services.AddSingleton<CursorCodec>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddSingleton<GraphQLWebSocketHandler>();
        services.AddSingleton<TrustedDocuments>();
        services.AddSingleton<IPersistedDocumentLoader>(sp => sp.GetRequiredService<TrustedDocuments>());
        // Registered before AddGraphQL, which keeps them instead of its defaults.
        services.AddSingleton<IDocumentBuilder, LimitedDocumentBuilder>();
        services.AddSingleton<IDocumentValidator, GuardsFirstDocumentValidator>();
        services.AddGraphQL(graphQL => pipeline(graphQL
            .AddSchema<TSchema>()
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All))
            .AddGraphTypes(typeof(TSchema).Assembly)
            // One DbContext per request is not thread-safe, so fields run one at a time; batching keeps that cheap.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            .AddExecutionStrategy<ScopedEventsSubscriptionStrategy>(OperationType.Subscription)
            // documentId requests are always understood; whether query text is refused is the transport's decision (GraphQL:OnlyTrustedDocuments).
            .UsePersistedDocuments(options => options.AllowOnlyPersistedDocuments = false)
            .AddErrorInfoProvider<SafeErrorInfoProvider>()
            .AddUnhandledExceptionHandler(UnhandledErrors.Handle)
            .AddValidationRule<AuthorizationValidationRule>()
            .AddValidationRule<MaxAliasesRule>()
            .AddValidationRule<PlainTextInputRule>()
            .AddValidationRule<RepeatedFieldsRule>()
            .AddValidationRule<ExpandedSizeRule>()
            .AddComplexityAnalyzer((complexity, provider) =>
            {
                var settings = provider.GetRequiredService<IOptions<GraphQLSettings>>().Value;
                complexity.MaxDepth = settings.MaxDepth;
                complexity.MaxComplexity = settings.MaxComplexity;
                var meter = provider.GetRequiredService<ComplexityMeter>();
                complexity.ValidateComplexityDelegate = context =>
                {
                    if (!IntrospectionOnly.Is(context.ValidationContext)) return meter.RecordAsync(context);
                    context.Error = null;
                    return Task.CompletedTask;
                };
            })
            // After the complexity analyzer, so that a mutation it refuses takes no permit.
            .AddValidationRule<MutationRateLimitRule>()
            .ConfigureExecutionOptions(options =>
            {
                var services = options.RequestServices!;
                options.Timeout = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<GraphQLSettings>>().Value.ExecutionTimeoutSeconds);
                options.TimeoutAction = TimeoutAction.ReturnTimeoutError;
                if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment())
                    options.ValidationRules = (options.ValidationRules ?? DocumentValidator.CoreRules).Append(NoIntrospectionValidationRule.Instance);
            })));
        services.AddSingleton<ComplexityMeter>();
        services.AddScoped<MutationQuota>();
        services.AddCallerRateLimits();
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<IConfigureExecution>(sp => sp.GetRequiredService<DocumentCache>());
        return services;
    }
}
