using System.Threading.Channels;

namespace HccOrleans.Changes;

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

    /// <summary>The batches published from now until <paramref name="cancellationToken"/> ends the subscription.</summary>
    public async IAsyncEnumerable<IReadOnlyList<string>> SubscribeAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<IReadOnlyList<string>>(new BoundedChannelOptions(BufferedBatches) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return batch;
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }
}
