using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using HccOrleans.Grains.Interfaces;

namespace HccOrleans.Persistence.GroupCommit;

/// <summary>
/// How hard each batch loop works, on the <see cref="EngineTelemetry.MeterName"/> meter: how long its batches take,
/// how many items each carries, and how many wait for the next one. A loop whose batch durations add up to nearly one
/// second a second is saturated: every caller then waits for it, whatever the cores or the database have left.
/// Tagged with the loop's name, which names its component and its place (<c>hcc-write-0</c>), never a grain.
/// </summary>
internal static class BatchMetrics
{
    public const string LoopTag = "loop";
    public const string DurationName = "hcc.group_commit.batch.duration";
    public const string SizeName = "hcc.group_commit.batch.size";
    public const string QueuedName = "hcc.group_commit.queued";

    // Static, as the batch's trace source is: the loops of three owners (the grain storage, the reminder table, the
    // outbox) report without a meter factory handed down through each.
    private static readonly Meter Meter = new(EngineTelemetry.MeterName);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(DurationName, "s",
        "Time a batch loop spent on one batch: its round trips and its commit. The sum's rate is the share of the time the loop was busy.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1, 5] });

    private static readonly Histogram<int> Size = Meter.CreateHistogram<int>(SizeName, "{item}",
        "Items (state writes, state reads, reminder writes, notifications) one batch carried.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 1024] });

    private static readonly ConcurrentDictionary<object, (string Loop, Func<int> Waiting)> Running = new();

    static BatchMetrics() =>
        Meter.CreateObservableGauge(QueuedName, Observe, "{item}",
            "Items waiting for a loop's next batch (loops of one kind take from one queue, so each reports the same figure).");

    /// <summary>Whether <paramref name="instrument"/> is one of these (for a listener of this process's loops).</summary>
    public static bool Owns(Instrument instrument) => instrument.Meter == Meter;

    /// <summary>Counts the loop's waiting items until the returned handle is disposed.</summary>
    public static IDisposable Track(string loop, Func<int> waiting)
    {
        var handle = new Handle();
        Running[handle] = (loop, waiting);
        return handle;
    }

    public static void Record(string loop, int items, TimeSpan spent)
    {
        var tag = new KeyValuePair<string, object?>(LoopTag, loop);
        Duration.Record(spent.TotalSeconds, tag);
        Size.Record(items, tag);
    }

    private static IEnumerable<Measurement<int>> Observe() =>
        Running.Values.Select(r => new Measurement<int>(r.Waiting(), new KeyValuePair<string, object?>(LoopTag, r.Loop)));

    private sealed class Handle : IDisposable
    {
        public void Dispose() => Running.TryRemove(this, out _);
    }
}
