using System.Text.Json;
using DigitalInitiativer.Api.Data;
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
/// every instance's <see cref="PostgresVoteListener"/>, this one included, which hands it to <see cref="Deliver(string)"/>.</item>
/// </list>
/// </summary>
public sealed class VoteEvents
{
    public const string PostgresChannel = "digitalinitiativer_votes";

    private readonly List<Subscription> _subscriptions = [];

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

    public void Deliver(ProposalVotesChanged change)
    {
        Subscription[] targets;
        lock (_subscriptions) targets = _subscriptions.Where(s => s.CompetitionId == change.CompetitionId).ToArray();
        foreach (var target in targets) target.Observer.OnNext(change);
    }

    public IObservable<ProposalVotesChanged> For(int competitionId) => new Stream(this, competitionId);

    /// <summary>How many subscriptions on this instance follow the competition.</summary>
    public int SubscriberCount(int competitionId)
    {
        lock (_subscriptions) return _subscriptions.Count(s => s.CompetitionId == competitionId);
    }

    private sealed record Subscription(int CompetitionId, IObserver<ProposalVotesChanged> Observer);

    private sealed class Stream(VoteEvents events, int competitionId) : IObservable<ProposalVotesChanged>
    {
        public IDisposable Subscribe(IObserver<ProposalVotesChanged> observer)
        {
            var subscription = new Subscription(competitionId, observer);
            lock (events._subscriptions) events._subscriptions.Add(subscription);
            return new Unsubscriber(() => { lock (events._subscriptions) events._subscriptions.Remove(subscription); });
        }
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose();
        }
    }
}
