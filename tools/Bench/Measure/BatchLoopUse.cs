using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using HccOrleans.Persistence.GroupCommit;

namespace HccOrleans.Bench.Measure;

/// <summary>
/// How busy each group-commit loop of this process was while it ran: from the loops' own instruments, with the
/// waiting items read every <see cref="Sampling"/>. A loop busy nearly all the time is the one every caller waits for.
/// </summary>
internal sealed class BatchLoopUse : IDisposable
{
    private static readonly TimeSpan Sampling = TimeSpan.FromMilliseconds(10);

    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, Loop> _loops = new(StringComparer.Ordinal);
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Timer _sampler;

    public BatchLoopUse()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (BatchMetrics.Owns(instrument))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) => Update(tags, loop => loop.Busy += seconds));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Update(tags, instrument.Name == BatchMetrics.QueuedName
            ? loop => (loop.Waiting, loop.Samples) = (loop.Waiting + value, loop.Samples + 1)
            : loop => (loop.Batches, loop.Items) = (loop.Batches + 1, loop.Items + value)));
        _listener.Start();
        _sampler = new Timer(_ => _listener.RecordObservableInstruments(), null, Sampling, Sampling);
    }

    /// <summary>One line per loop that carried a batch, busiest first.</summary>
    public IEnumerable<string> Lines()
    {
        var elapsed = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        lock (_loops)
        {
            return [.. _loops.Where(l => l.Value.Batches > 0).OrderByDescending(l => l.Value.Busy).Select(l => string.Create(CultureInfo.InvariantCulture,
                $"{l.Key}: busy {l.Value.Busy / elapsed:P0} of the time, {l.Value.Items / (double)l.Value.Batches:F1} items and {l.Value.Busy * 1000 / l.Value.Batches:F2} ms a batch, {l.Value.Waiting / (double)Math.Max(1, l.Value.Samples):F1} waiting on average"))];
        }
    }

    public void Dispose()
    {
        _sampler.Dispose();
        _listener.Dispose();
    }

    private void Update(ReadOnlySpan<KeyValuePair<string, object?>> tags, Action<Loop> change)
    {
        foreach (var tag in tags)
        {
            if (tag is { Key: BatchMetrics.LoopTag, Value: string name })
            {
                lock (_loops)
                {
                    change(_loops.TryGetValue(name, out var loop) ? loop : _loops[name] = new Loop());
                }

                return;
            }
        }
    }

    private sealed class Loop
    {
        public double Busy { get; set; }
        public long Batches { get; set; }
        public long Items { get; set; }
        public long Waiting { get; set; }
        public long Samples { get; set; }
    }
}
