using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.Identity;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.GraphQL;

/// <summary>Graph types are singletons; everything per-request comes from the request's service scope.</summary>
public static class ResolveFieldContextExtensions
{
    public static AppDbContext Db(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<AppDbContext>();

    public static DataLoaderRegistry Loaders(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<DataLoaderRegistry>();

    public static Viewer Viewer(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<Viewer>();

    public static DateTime Now(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    public static IDataLoaderResult<T?> LoadById<T>(this IResolveFieldContext context, int id) where T : class, IEntity
    {
        var db = context.Db();
        return context.Loaders()
            .GetOrAdd<int, T?>($"byId:{typeof(T).Name}", async (ids, ct) =>
                await db.Set<T>().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => (T?)e, ct), null)
            .Load(id);
    }

    /// <summary>Loads, per key, the list of rows that share it: e.g. the participations of each initiative on a page.</summary>
    public static IDataLoaderResult<IReadOnlyList<T>> LoadGrouped<T>(this IResolveFieldContext context, string name, int key,
        Func<AppDbContext, IReadOnlyCollection<int>, IQueryable<T>> query, Func<T, int> keyOf)
    {
        var db = context.Db();
        return context.Loaders()
            .GetOrAdd<int, IReadOnlyList<T>>(name, async (keys, ct) =>
            {
                var rows = await query(db, keys).ToListAsync(ct);
                return rows.GroupBy(keyOf).ToDictionary(g => g.Key, g => (IReadOnlyList<T>)g.ToList());
            }, [])
            .Load(key);
    }

    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> map) => new MappedResult<T, TResult>(result, map);

    private sealed class MappedResult<T, TResult>(IDataLoaderResult<T> inner, Func<T, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => map(await inner.GetResultAsync(cancellationToken));
        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
