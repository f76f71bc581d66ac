namespace DigitalInitiativer.Api.Competitions;

/// <summary>A proposal's new vote count, as pushed to subscribers.</summary>
public sealed record ProposalVotesChanged(int CompetitionId, int ProposalId, int VoteCount);

/// <summary>
/// In-process fan-out of vote count changes to subscriptions. One instance per process; a later issue
/// carries the same events between instances (PostgreSQL LISTEN/NOTIFY) behind this same class.
/// </summary>
public sealed class VoteEvents
{
    private readonly List<Subscription> _subscriptions = [];

    public void Publish(ProposalVotesChanged change)
    {
        Subscription[] targets;
        lock (_subscriptions) targets = _subscriptions.Where(s => s.CompetitionId == change.CompetitionId).ToArray();
        foreach (var target in targets) target.Observer.OnNext(change);
    }

    public IObservable<ProposalVotesChanged> For(int competitionId) => new Stream(this, competitionId);

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
