using DigitalInitiativer.Api.Data;
using GraphQL.Builders;
using GraphQL.DataLoader;
using GraphQL.MicrosoftDI;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.GraphQL.DataLoading;

/// <summary>Batched reads of stored rows for one request: every id asked for on one level of the result costs one query.</summary>
public sealed class EntityLoader(AppDbContext db, DataLoaderRegistry loaders)
{
    public IDataLoaderResult<T?> ById<T>(int id) where T : class, IEntity =>
        loaders.GetOrAdd<int, T?>($"byId:{typeof(T).Name}", async (ids, ct) =>
            await db.Set<T>().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => (T?)e, ct), null).Load(id);

    /// <summary>Loads, per key, the list of rows that share it: e.g. the children of each unit on a page.</summary>
    public IDataLoaderResult<IReadOnlyList<T>> Grouped<T>(string name, int key, Func<AppDbContext, IReadOnlyCollection<int>, IQueryable<T>> query, Func<T, int> keyOf) =>
        loaders.GetOrAdd<int, IReadOnlyList<T>>(name, async (keys, ct) =>
        {
            var rows = await query(db, keys).ToListAsync(ct);
            return rows.GroupBy(keyOf).ToDictionary(g => g.Key, g => (IReadOnlyList<T>)g.ToList());
        }, []).Load(key);
}

public static class EntityLoaderFieldExtensions
{
    /// <summary>
    /// Resolves a field to the stored row with the id the source holds (null when it holds none), batched per request;
    /// or to the row the source already carries, when <paramref name="alreadyLoaded"/> gives one (e.g. a query that included it).
    /// </summary>
    public static FieldBuilder<TSource, object> ResolveById<TSource, T>(this FieldBuilder<TSource, object> field, Func<TSource, int?> id, Func<TSource, T?>? alreadyLoaded = null)
        where T : class, IEntity =>
        field.Resolve().WithService<EntityLoader>().Resolve((ctx, load) =>
            alreadyLoaded?.Invoke(ctx.Source) is { } found ? found
            : id(ctx.Source) is { } key ? load.ById<T>(key)
            : null);
}

/// <summary>A result that needs no loading.</summary>
public sealed class Loaded<T>(T value) : IDataLoaderResult<T>
{
    public static readonly Loaded<T?> Null = new(default);

    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

    Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
}

public static class DataLoaderResults
{
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> map) => new Mapped<T, TResult>(result, map);

    private sealed class Mapped<T, TResult>(IDataLoaderResult<T> inner, Func<T, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => map(await inner.GetResultAsync(cancellationToken));
        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
