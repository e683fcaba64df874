using System.Diagnostics;
using HccOrleans.Grains.Interfaces;

namespace HccOrleans.Persistence.GroupCommit;

/// <summary>Something a caller queued for a batch, with the span it was queued from (none when nothing traces).</summary>
internal abstract class BatchedItem
{
    public ActivityContext Caller { get; } = Activity.Current?.Context ?? default;
}

/// <summary>
/// A batch's span: its own trace (it serves many requests), linked to the span of each caller in it, so a request's
/// trace leads to the round trip and the commit that made its write durable. Nothing is started when nothing listens.
/// </summary>
internal static class BatchTracing
{
    private static readonly ActivitySource Source = new(EngineTelemetry.ActivitySourceName);

    public static Activity? Start<T>(string loop, IReadOnlyList<T> batch)
        where T : BatchedItem
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var links = batch.Select(item => item.Caller).Where(caller => caller != default).Distinct().Select(caller => new ActivityLink(caller));
        var activity = Source.StartActivity($"batch {loop}", ActivityKind.Internal, parentContext: default, links: links);
        activity?.SetTag("hcc.batch.size", batch.Count);
        return activity;
    }
}
