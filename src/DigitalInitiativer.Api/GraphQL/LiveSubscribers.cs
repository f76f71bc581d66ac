namespace DigitalInitiativer.Api.GraphQL;

/// <summary>The live subscriptions of this instance, by what they follow (a competition, a person): an observable per key, and events handed to every observer of their key.</summary>
public sealed class LiveSubscribers<TKey, TEvent> where TKey : notnull
{
    private readonly List<Subscription> _subscriptions = [];

    public IObservable<TEvent> For(TKey key) => new Stream(this, key);

    public void Publish(TKey key, TEvent change)
    {
        Subscription[] targets;
        lock (_subscriptions) targets = _subscriptions.Where(s => EqualityComparer<TKey>.Default.Equals(s.Key, key)).ToArray();
        foreach (var target in targets) target.Observer.OnNext(change);
    }

    public int Count(TKey key)
    {
        lock (_subscriptions) return _subscriptions.Count(s => EqualityComparer<TKey>.Default.Equals(s.Key, key));
    }

    private sealed record Subscription(TKey Key, IObserver<TEvent> Observer);

    private sealed class Stream(LiveSubscribers<TKey, TEvent> subscribers, TKey key) : IObservable<TEvent>
    {
        public IDisposable Subscribe(IObserver<TEvent> observer)
        {
            var subscription = new Subscription(key, observer);
            lock (subscribers._subscriptions) subscribers._subscriptions.Add(subscription);
            return new Unsubscriber(() => { lock (subscribers._subscriptions) subscribers._subscriptions.Remove(subscription); });
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
