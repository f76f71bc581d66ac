using System.Security.Cryptography;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Competitions;

/// <summary>
/// Submitting, co-authoring, voting and commenting count as taking part in the competition's initiative, so
/// Initiative.reach shows which profile groups the competition reached, exactly as for a course.
/// <para>
/// Secret ballot: they are recorded once, when voting has closed, for everyone at once, in a random order and with the
/// same dates (the initiative's start). While people vote, nothing a manager can see about people changes, so the
/// participant list cannot be laid beside the vote counts to link a voter to a proposal. Everyone who took part up to
/// then is recorded; comments written after that are not participation.
/// </para>
/// </summary>
public static class CompetitionParticipation
{
    /// <summary>Records the competition's participants unless that was done already; returns how many were new.</summary>
    public static async Task<int> RecordOnceAsync(AppDbContext db, int competitionId, DateTime utcNow, CancellationToken cancellationToken)
    {
        await using var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        // The claim makes this happen once, also when several instances notice the close at the same moment.
        var claimed = await db.Competitions().Where(c => c.Id == competitionId && c.ParticipationRecordedAtUtc == null)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.ParticipationRecordedAtUtc, utcNow), cancellationToken);
        if (claimed == 0) return 0;

        var startsOn = await db.Initiatives().Where(i => i.Id == competitionId).Select(i => i.StartsOn).SingleAsync(cancellationToken);
        var proposals = db.Proposals().Where(p => p.CompetitionId == competitionId).Select(p => p.Id);
        var people = await db.ProposalAuthors().Where(a => proposals.Contains(a.ProposalId)).Select(a => a.PersonId)
            .Union(db.Votes().Where(v => v.CompetitionId == competitionId && v.VoterPersonId != null).Select(v => v.VoterPersonId!.Value))
            .Union(db.ProposalComments().Where(c => proposals.Contains(c.ProposalId)).Select(c => c.AuthorPersonId))
            .Where(id => db.Persons().Any(p => p.Id == id && p.ErasedAtUtc == null))
            .ToArrayAsync(cancellationToken);
        RandomNumberGenerator.Shuffle(people.AsSpan());

        var today = DateOnly.FromDateTime(utcNow);
        var completedOn = today < startsOn ? startsOn : today;
        var added = 0;
        foreach (var personId in people)
        {
            added += await db.Database.ExecuteSqlAsync($"""
                INSERT INTO participations ("PersonId", "InitiativeId", "Status", "EnrolledOn", "StartedOn", "CompletedOn")
                VALUES ({personId}, {competitionId}, {(int)ParticipationStatus.Completed}, {startsOn}, {startsOn}, {completedOn})
                ON CONFLICT ("InitiativeId", "PersonId") DO NOTHING
                """, cancellationToken);
        }
        if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
        return added;
    }
}

/// <summary>How often the app looks for competitions whose voting has closed by their schedule, from "Competitions".</summary>
public sealed class CompetitionSettings
{
    public const string Section = "Competitions";

    public double CloseCheckSeconds { get; set; } = 60;
}

/// <summary>
/// Phases move on by the clock, so nothing happens in the database when a schedule's voting closes. This service looks
/// every <see cref="CompetitionSettings.CloseCheckSeconds"/> for closed competitions whose participation is not
/// recorded yet. A manager who moves a competition on by hand records it at once.
/// </summary>
public sealed partial class CompetitionCloser(IServiceScopeFactory scopes, TimeProvider clock, Microsoft.Extensions.Options.IOptions<CompetitionSettings> settings,
    ILogger<CompetitionCloser> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.Value.CloseCheckSeconds), clock);
        do
        {
            try
            {
                await RecordClosedAsync(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> RecordClosedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Competitions().Where(IdeaCompetition.ClosedWithParticipationUnrecorded(now)).Select(c => c.Id).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var id in due) added += await CompetitionParticipation.RecordOnceAsync(db, id, now, cancellationToken);
        return added;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording the participants of closed competitions failed; trying again at the next check.")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
