using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Participations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace DigitalInitiativer.Api.Analytics;

/// <summary>A participation as the figures count it: taken from the participations at the last refresh, withdrawn ones left out.</summary>
public sealed class CountedParticipation
{
    public int PersonId { get; private set; }
    public int InitiativeId { get; private set; }
    public InitiativeKind Kind { get; private set; }

    /// <summary>The day the participation started, or, if it never did, the day of enrolment.</summary>
    public DateOnly BeganOn { get; private set; }

    public bool Completed { get; private set; }

    /// <summary>Sessions the person came to, as hosts recorded them.</summary>
    public int Visits { get; private set; }
}

/// <summary>One refresh of the counted participations.</summary>
public sealed class AnalyticsRefresh
{
    public int Id { get; private set; }
    public DateTime RefreshedAtUtc { get; private set; }
    public int Participations { get; private set; }

    public static AnalyticsRefresh At(DateTime utcNow, int participations) => new() { RefreshedAtUtc = utcNow, Participations = participations };
}

public static class AnalyticsData
{
    public static DbSet<CountedParticipation> CountedParticipations(this AppDbContext db) => db.Set<CountedParticipation>();

    public static DbSet<AnalyticsRefresh> AnalyticsRefreshes(this AppDbContext db) => db.Set<AnalyticsRefresh>();
}

public sealed class CountedParticipationConfiguration : IEntityTypeConfiguration<CountedParticipation>
{
    public void Configure(EntityTypeBuilder<CountedParticipation> participation)
    {
        participation.ToTable("analytics_participations");
        participation.HasKey(p => new { p.InitiativeId, p.PersonId });
        participation.HasIndex(p => p.PersonId);
    }
}

public sealed class AnalyticsRefreshConfiguration : IEntityTypeConfiguration<AnalyticsRefresh>
{
    public void Configure(EntityTypeBuilder<AnalyticsRefresh> refresh) => refresh.ToTable("analytics_refreshes");
}

/// <summary>
/// The participations every figure counts, copied from the live table at most once per
/// <see cref="AnalyticsSettings.RefreshHours"/>. Figures that followed each write at once would let anyone who can
/// write (a manager recording participation) draw new noise at will, record by record, and average or fish the true
/// counts out of it; with a refresh a day, each try costs a day and shows in the audit log.
/// </summary>
public sealed class AnalyticsSnapshot(AppDbContext db, TimeProvider clock, IOptions<AnalyticsSettings> settings)
{
    public async Task<DateTime?> RefreshedAtAsync(CancellationToken cancellationToken) =>
        await db.AnalyticsRefreshes().OrderByDescending(r => r.Id).Select(r => (DateTime?)r.RefreshedAtUtc).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Refreshes when the last refresh is older than the interval (or there was none); true when it did.</summary>
    public async Task<bool> RefreshIfDueAsync(CancellationToken cancellationToken)
    {
        var last = await RefreshedAtAsync(cancellationToken);
        if (last is { } at && clock.GetUtcNow().UtcDateTime - at < TimeSpan.FromHours(settings.Value.RefreshHours)) return false;
        await RefreshAsync(cancellationToken);
        return true;
    }

    public Task RefreshAsync(CancellationToken cancellationToken) => RefreshAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>
    /// Replaces the counted participations with the live ones, in one transaction: a reader sees the old set or the new
    /// one. Also for generators that load data straight into the database.
    /// </summary>
    public static async Task RefreshAsync(AppDbContext db, DateTime utcNow, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ClaimFigureInputsAsync(cancellationToken);
        // Set-based statements: a copy of up to millions of rows should not pass through the app.
        await db.Database.ExecuteSqlAsync($"DELETE FROM analytics_participations", cancellationToken);
        var copied = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO analytics_participations ("PersonId", "InitiativeId", "Kind", "BeganOn", "Completed", "Visits")
            SELECT p."PersonId", p."InitiativeId", i."Kind", COALESCE(p."StartedOn", p."EnrolledOn"), p."Status" = {(int)ParticipationStatus.Completed}, p."Visits"
            FROM participations p JOIN initiatives i ON i."Id" = p."InitiativeId"
            WHERE p."Status" <> {(int)ParticipationStatus.Withdrawn}
            """, cancellationToken);
        db.AnalyticsRefreshes().Add(AnalyticsRefresh.At(utcNow, copied));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>Refreshes the counted participations when they are due, checking every few minutes, and computes the figures most asked for after any change.</summary>
public sealed partial class AnalyticsRefresher(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AnalyticsSettings> settings, ILogger<AnalyticsRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckEvery, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<AnalyticsSnapshot>().RefreshIfDueAsync(stoppingToken)) Refreshed(logger);
                if (settings.Value.WarmFigures) await scope.ServiceProvider.GetRequiredService<AnalyticsReads>().WarmAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                RefreshFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refreshed the participations that analytics count.")]
    private static partial void Refreshed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing the participations that analytics count failed; figures stay as they were.")]
    private static partial void RefreshFailed(ILogger logger, Exception exception);
}
