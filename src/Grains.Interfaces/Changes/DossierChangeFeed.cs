using System.Threading.Channels;

namespace HccOrleans.Grains.Interfaces.Changes;

/// <summary>
/// The process's feed of dossiers whose index rows changed, for pages that update themselves: the in-memory
/// index publishes each dossier it indexes; on PostgreSQL a listener publishes what the indexer notifies.
/// Each subscriber has a small buffer of its own: a slow page drops the oldest batches, never slows the engine.
/// </summary>
public sealed class DossierChangeFeed
{
    /// <summary>Stands for "many dossiers changed": a page should reload whatever it shows.</summary>
    public const string Everything = "*";

    private const int BufferedBatches = 32;
    private readonly Lock _gate = new();
    private readonly List<Channel<IReadOnlyList<string>>> _subscribers = [];

    public void Publish(IReadOnlyList<string> codes)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(codes);
            }
        }
    }

    /// <summary>The batches published from now until the subscription is disposed.</summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<IReadOnlyList<string>>(new BoundedChannelOptions(BufferedBatches) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        return new Subscription(channel.Reader, () =>
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        });
    }

    /// <summary>A subscriber's batches; disposing it stops them.</summary>
    public sealed class Subscription(ChannelReader<IReadOnlyList<string>> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<IReadOnlyList<string>> Reader => reader;

        public void Dispose() => unsubscribe();
    }
}
