using System.Globalization;
using GraphQL;
using GraphQL.Execution;

namespace DigitalInitiativer.Api.GraphQL;

/// <summary>Per-operation state that each event of a subscription needs in its own scope, e.g. who subscribed and in which language.</summary>
public interface ICarriedToEventScope
{
    void CarryTo(IServiceProvider eventScope);
}

/// <summary>
/// Resolves each event of a subscription in a scope of its own: a fresh DbContext and fresh loaders, so events that
/// arrive together never share a context, and each shows the data as it is when it is sent (GraphQL.NET's documented
/// way: a scoped RequestServices in ProcessDataAsync). Fields within an event run one at a time, as for queries.
/// </summary>
public sealed class ScopedEventsSubscriptionStrategy(IServiceScopeFactory scopes) : SubscriptionExecutionStrategy(new SerialExecutionStrategy())
{
    protected override async ValueTask<ExecutionResult> ProcessDataAsync(global::GraphQL.Execution.ExecutionContext context, ExecutionNode node, object? value)
    {
        var subscriber = context.RequestServices!;
        await using var scope = scopes.CreateAsyncScope();
        foreach (var carried in subscriber.GetServices<ICarriedToEventScope>()) carried.CarryTo(scope.ServiceProvider);
        context.RequestServices = scope.ServiceProvider;
        // An event is resolved where it was published, perhaps in another caller's request: texts follow the subscriber's language.
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = subscriber.GetRequiredService<RequestLanguage>().UICulture;
        try
        {
            return await base.ProcessDataAsync(context, node, value);
        }
        finally
        {
            context.RequestServices = subscriber;
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
