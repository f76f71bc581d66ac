using GraphQL.DataLoader;

namespace DigitalInitiativer.Api.GraphQL.DataLoading;

/// <summary>
/// Collects keys while GraphQL.NET walks one level of the result, then fetches them all with one call
/// the first time any of the results is awaited. The execution strategies defer fields that return
/// <see cref="IDataLoaderResult"/> until their siblings are done, which is what makes the batching work.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
    TValue missing)
    where TKey : notnull
{
    private readonly HashSet<TKey> _queued = [];
    private readonly Dictionary<TKey, TValue> _loaded = [];
    private readonly SemaphoreSlim _dispatch = new(1, 1);

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (_queued)
        {
            if (!_loaded.ContainsKey(key)) _queued.Add(key);
        }
        return new Pending(this, key);
    }

    private async Task<TValue> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        await _dispatch.WaitAsync(cancellationToken);
        try
        {
            TKey[] keys;
            lock (_queued)
            {
                keys = [.. _queued];
                _queued.Clear();
            }
            if (keys.Length > 0)
            {
                var found = await fetch(keys, cancellationToken);
                foreach (var k in keys) _loaded[k] = found.TryGetValue(k, out var value) ? value : missing;
            }
            return _loaded.TryGetValue(key, out var result) ? result : missing;
        }
        finally
        {
            _dispatch.Release();
        }
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);
        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}

/// <summary>One set of loaders per request (scoped), so cached results never leak between callers.</summary>
public sealed class DataLoaderRegistry
{
    private readonly Dictionary<string, object> _loaders = [];

    public BatchLoader<TKey, TValue> GetOrAdd<TKey, TValue>(
        string name,
        Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
        TValue missing)
        where TKey : notnull
    {
        lock (_loaders)
        {
            if (!_loaders.TryGetValue(name, out var loader))
                _loaders[name] = loader = new BatchLoader<TKey, TValue>(fetch, missing);
            return (BatchLoader<TKey, TValue>)loader;
        }
    }
}
