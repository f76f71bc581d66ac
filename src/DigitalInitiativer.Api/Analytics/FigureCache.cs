using DigitalInitiativer.Api.Data;
using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace DigitalInitiativer.Api.Analytics;

/// <summary>Figures kept in the cache say how many cells they hold, so the cache's size limit is a limit on memory.</summary>
public interface ICachedFigures
{
    int Cells { get; }
}

/// <summary>
/// Protected figures computed once per version of their inputs (<see cref="FigureInputsVersion"/>) and shared by every
/// request on this instance. The figures are a function of the data alone, whoever asks and whichever unit or role they
/// read, so a table protected for one reader is the table for all; answers read cells out of it in milliseconds.
/// A computation runs once however many ask for it at the same time, in a scope of its own, so a reader who leaves
/// does not cancel it for the others. Any write to an input moves the version, so the next answer is computed afresh.
/// </summary>
public sealed class FigureCache(IServiceScopeFactory scopes, IOptions<AnalyticsSettings> settings, IHostApplicationLifetime lifetime) : IDisposable
{
    private readonly MemoryCache _figures = new(new MemoryCacheOptions { SizeLimit = settings.Value.CachedCells });

    /// <summary>Where the last figures computed for a shape are kept, for readers who should not wait for the next.</summary>
    private const long LastComputed = -1;

    /// <param name="earlierWhileComputing">
    /// When the figures for this version are still being computed after <see cref="AnalyticsSettings.WaitForFreshSeconds"/>,
    /// return the last figures computed for the shape instead (protected as ever, from a moment earlier), so that at
    /// national scale a change does not leave readers waiting for a minute. Computations that build on other figures
    /// ask without it, so all figures of one answer come from the same data.
    /// </param>
    public async Task<T> GetAsync<T>(long version, string shape, Func<AppDbContext, CancellationToken, Task<T>> compute, CancellationToken cancellationToken,
        bool earlierWhileComputing = false)
        where T : class, ICachedFigures
    {
        if (!settings.Value.CacheFigures) return await RunAsync(compute, cancellationToken);

        // Figures of a newer version (computed since this request read the version) are newer data, never older.
        if (_figures.TryGetValue((LastComputed, shape), out (long Version, ICachedFigures Figures) newest) && newest.Version >= version) return (T)newest.Figures;

        var key = (version, shape);
        Lazy<Task<ICachedFigures>> computation;
        // GetOrCreate alone may create twice for two readers at once; each computation must run once.
        lock (_figures)
            computation = _figures.GetOrCreate(key, entry =>
            {
                // Sized once computed; until then it takes one unit.
                entry.Size = 1;
                entry.SlidingExpiration = TimeSpan.FromHours(settings.Value.RefreshHours);
                return new Lazy<Task<ICachedFigures>>(() => ComputeAsync(key, async (db, ct) => (ICachedFigures)await compute(db, ct)));
            })!;
        var task = computation.Value;
        if (earlierWhileComputing && !task.IsCompleted && _figures.TryGetValue((LastComputed, shape), out (long Version, ICachedFigures Figures) last) && last.Version < version)
        {
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(settings.Value.WaitForFreshSeconds), cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            if (!task.IsCompleted) return (T)last.Figures;
        }
        return (T)await task.WaitAsync(cancellationToken);
    }

    /// <summary>Whether figures of this shape are kept, computed, for this version.</summary>
    public bool Holds(long version, string shape) =>
        _figures.TryGetValue((version, shape), out Lazy<Task<ICachedFigures>>? kept) && kept is { IsValueCreated: true, Value.IsCompletedSuccessfully: true };

    private async Task<ICachedFigures> ComputeAsync((long Version, string Shape) key, Func<AppDbContext, CancellationToken, Task<ICachedFigures>> compute)
    {
        try
        {
            // A computation at national scale runs for longer than a reader's request; it runs once, however many wait.
            var figures = await RunAsync(compute, lifetime.ApplicationStopping);
            var kept = new MemoryCacheEntryOptions { Size = Math.Max(1, figures.Cells), SlidingExpiration = TimeSpan.FromHours(settings.Value.RefreshHours) };
            // Kept again with its real size, as a finished computation, so readers still waiting are unaffected.
            _figures.Set(key, new Lazy<Task<ICachedFigures>>(Task.FromResult(figures)), kept);
            lock (_figures)
                if (!_figures.TryGetValue((LastComputed, key.Shape), out (long Version, ICachedFigures) last) || last.Version < key.Version)
                {
                    _figures.Set((LastComputed, key.Shape), (key.Version, figures), kept);
                    // Figures of an older version are read by no one who arrives from now on: make room.
                    if (last.Version != key.Version) _figures.Remove((last.Version, key.Shape));
                }
            return figures;
        }
        catch
        {
            // A failed computation is not kept: the next reader tries again.
            _figures.Remove(key);
            throw;
        }
    }

    /// <summary>One computation, in a scope of its own, with its own SQL timeout, in one snapshot of the data.</summary>
    private async Task<T> RunAsync<T>(Func<AppDbContext, CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(settings.Value.ComputeTimeoutMinutes));
        await using var snapshot = await BeginSnapshotAsync(db, cancellationToken);
        return await compute(db, cancellationToken);
    }

    /// <summary>
    /// Every statement of one computation reads the same data, so a table and the tables its gates are checked against
    /// (a reach row and the waves' populations) never come from two states. A read-only snapshot that blocks no writer:
    /// REPEATABLE READ on PostgreSQL, a deferred transaction in WAL mode on SQLite. Disposing it rolls back nothing.
    /// </summary>
    private static async Task<IAsyncDisposable> BeginSnapshotAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql()) return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var snapshot = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(snapshot, cancellationToken);
        return snapshot;
    }

    public void Dispose() => _figures.Dispose();
}
