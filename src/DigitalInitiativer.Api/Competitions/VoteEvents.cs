using System.Text.Json;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Competitions;

/// <summary>A proposal's new vote count, as pushed to subscribers.</summary>
public sealed record ProposalVotesChanged(int CompetitionId, int ProposalId, int VoteCount);

/// <summary>
/// Fan-out of vote count changes to subscriptions.
/// <list type="bullet">
/// <item>On SQLite there is one process, and a committed change goes straight to its subscribers.</item>
/// <item>On PostgreSQL several instances share the database. <see cref="CompetitionStore"/> sends the change with
/// NOTIFY from inside the vote's transaction, so PostgreSQL delivers it only if the vote commits, in commit order, to
/// every instance's <see cref="PostgresListener"/>, this one included, which hands it to <see cref="Deliver(string)"/>.</item>
/// </list>
/// </summary>
public sealed class VoteEvents : IPostgresChannel
{
    public const string PostgresChannel = "digitalinitiativer_votes";

    public string Name => PostgresChannel;

    private readonly LiveSubscribers<int, ProposalVotesChanged> _subscribers = new();

    /// <summary>After the vote's transaction committed.</summary>
    public void Committed(AppDbContext db, ProposalVotesChanged change)
    {
        if (!db.Database.IsNpgsql()) Deliver(change);
    }

    /// <summary>Hands a NOTIFY payload from the listener to this instance's subscribers; a payload it cannot read is dropped.</summary>
    public bool Deliver(string payload)
    {
        ProposalVotesChanged? change;
        try { change = JsonSerializer.Deserialize<ProposalVotesChanged>(payload); }
        catch (JsonException) { return false; }
        if (change is null) return false;
        Deliver(change);
        return true;
    }

    public void Deliver(ProposalVotesChanged change) => _subscribers.Publish(change.CompetitionId, change);

    public IObservable<ProposalVotesChanged> For(int competitionId) => _subscribers.For(competitionId);

    /// <summary>How many subscriptions on this instance follow the competition.</summary>
    public int SubscriberCount(int competitionId) => _subscribers.Count(competitionId);
}
