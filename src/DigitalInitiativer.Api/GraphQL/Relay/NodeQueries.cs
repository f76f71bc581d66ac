using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.DataLoading;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace DigitalInitiativer.Api.GraphQL.Relay;

/// <summary>
/// How node(id:) fetches one type that implements Node. Each feature registers a source for each of its node types
/// (scoped, so it can ask who is calling); a schema test checks that none is missing.
/// </summary>
public interface INodeSource
{
    string TypeName { get; }

    /// <summary>The object with this key, or null when none exists or the caller may not see it; null instead of a result when the key is malformed.</summary>
    IDataLoaderResult<object?>? Load(string key);
}

/// <summary>A stored entity, batched per request, shown only when <paramref name="visible"/> says the caller may see it.</summary>
public sealed class EntityNodeSource<T>(string typeName, EntityLoader loader, Func<T, ValueTask<bool>>? visible) : INodeSource where T : class, IEntity
{
    public string TypeName => typeName;

    public IDataLoaderResult<object?>? Load(string key) =>
        int.TryParse(key, out var id) && id > 0 ? new Visible(loader.ById<T>(id), visible) : null;

    private sealed class Visible(IDataLoaderResult<T?> found, Func<T, ValueTask<bool>>? visible) : IDataLoaderResult<object?>
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default) =>
            await found.GetResultAsync(cancellationToken) is { } entity && (visible is null || await visible(entity)) ? entity : null;
    }
}

public static class NodeSourceRegistration
{
    /// <summary>Registers node(id:) for a stored entity type; <paramref name="visible"/> decides, per request, whether the caller may see one.</summary>
    public static IServiceCollection AddNodeSource<T>(this IServiceCollection services, string typeName, Func<IServiceProvider, T, ValueTask<bool>>? visible = null)
        where T : class, IEntity =>
        services.AddScoped<INodeSource>(sp => new EntityNodeSource<T>(typeName, sp.GetRequiredService<EntityLoader>(), visible is null ? null : entity => visible(sp, entity)));
}

public static class NodeQueries
{
    public const int MaxIds = 100;

    public static void AddNodeQueries(this ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("Fetches any object by its global id. Returns null when no object has the id, or when it is another person's data "
                + "the caller may not see; a malformed id is an INVALID_ID error.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The object's global id.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithService<IEnumerable<INodeSource>>()
            .Resolve((ctx, sources) => Lookup(ByType(sources), ctx.GetArgument<string>("id")));

        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description($"Fetches several objects by global id, in the order given, with null where node(id:) would give null. At most {MaxIds} ids.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The objects' global ids.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithService<IEnumerable<INodeSource>>()
            .Resolve((ctx, sources) =>
            {
                var ids = ctx.GetArgument<List<string>>("ids");
                if (ids.Count > MaxIds)
                    throw new ExecutionError(GraphQLTexts.TooManyIds.Format(MaxIds, ids.Count)) { Code = ErrorCodes.PaginationOutOfRange };
                var byType = ByType(sources);
                return new All(ids.Select(id => Lookup(byType, id)).ToList());
            });
    }

    private static Dictionary<string, INodeSource> ByType(IEnumerable<INodeSource> sources) => sources.ToDictionary(s => s.TypeName);

    /// <summary>What node(id:) gives for a stored global id, e.g. what a notification is about: null when the caller may not see it.</summary>
    public static IDataLoaderResult<object?> Lookup(IEnumerable<INodeSource> sources, string id) => Lookup(ByType(sources), id);

    private static IDataLoaderResult<object?> Lookup(Dictionary<string, INodeSource> sources, string id)
    {
        if (GlobalId.TryDecode(id, out var globalId) && sources.TryGetValue(globalId.TypeName, out var source) && source.Load(globalId.Key) is { } result)
            return result;
        throw new ExecutionError(GraphQLTexts.InvalidGlobalId.Format(id)) { Code = ErrorCodes.InvalidId };
    }

    private sealed class All(IReadOnlyList<IDataLoaderResult<object?>> parts) : IDataLoaderResult<object?[]>
    {
        public async Task<object?[]> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = new object?[parts.Count];
            for (var i = 0; i < parts.Count; i++) values[i] = await parts[i].GetResultAsync(cancellationToken);
            return values;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
