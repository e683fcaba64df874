using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using HccOrleans.Persistence;
using HccOrleans.Persistence.GroupCommit;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace HccOrleans.Tests.PostgreSQL;

/// <summary>
/// A batch loop tells an operator how hard it works: each batch's items and the time it took, and the items waiting for
/// the next batch while one is under way. A loop whose batches add up to a second a second is saturated.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class BatchLoopMetricsTests(PostgresServer postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ALoop_RecordsEachBatchsItemsAndTime_AndCountsWhatWaitsMeanwhile()
    {
        // Other tests' loops record on the same meter at the same time: only this loop's name counts here.
        var name = $"metrics-test-{Guid.NewGuid():N}";
        using var seen = new LoopMeasurements(name);
        await using var database = PostgresDataSources.Create(await postgres.CreateDatabaseAsync("batch-metrics"), "batch-metrics-test");
        var queue = Channel.CreateUnbounded<Gated>();
        var first = new Gated();
        var held = new TaskCompletionSource<Stopwatch>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loop = new BatchLoop<Gated>(name, queue.Reader, database, 8, async (connection, batch, cancellationToken) =>
        {
            if (batch.Contains(first))
            {
                held.SetResult(Stopwatch.StartNew());
                await first.Release.Task.WaitAsync(cancellationToken);
            }

            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            foreach (var item in batch)
            {
                item.Done.TrySetResult();
            }
        }, (item, error) => item.Done.TrySetException(error), NullLogger.Instance);
        var running = loop.RunAsync(CancellationToken.None);

        Assert.True(queue.Writer.TryWrite(first));
        var holding = await held.Task.WaitAsync(Patience);
        var waiting = new[] { new Gated(), new Gated(), new Gated() };
        foreach (var item in waiting)
        {
            Assert.True(queue.Writer.TryWrite(item));
        }

        Assert.Equal([3], seen.Queued());
        first.Release.SetResult();
        var heldFor = holding.Elapsed;
        await Task.WhenAll(waiting.Select(w => w.Done.Task)).WaitAsync(Patience);
        queue.Writer.Complete();
        await running.WaitAsync(Patience);

        Assert.Equal([1, 3], seen.Sizes);
        Assert.Equal(2, seen.Durations.Count);
        Assert.True(seen.Durations[0] >= heldFor.TotalSeconds, $"The held batch took {heldFor.TotalSeconds:F4} s; its recorded time was {seen.Durations[0]:F4} s.");
        Assert.Empty(seen.Queued());
    }

    private sealed class Gated : BatchedItem
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The engine meter's batch instruments, as one loop recorded them.</summary>
    private sealed class LoopMeasurements : IDisposable
    {
        private readonly string _loop;
        private readonly MeterListener _listener = new();
        private readonly List<int> _queued = [];

        public LoopMeasurements(string loop)
        {
            _loop = loop;
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (BatchMetrics.Owns(instrument))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            {
                if (Mine(tags) && instrument.Name == BatchMetrics.DurationName)
                {
                    lock (Durations)
                    {
                        Durations.Add(value);
                    }
                }
            });
            _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
            {
                if (!Mine(tags))
                {
                    return;
                }

                var into = instrument.Name == BatchMetrics.QueuedName ? _queued : Sizes;
                lock (into)
                {
                    into.Add(value);
                }
            });
            _listener.Start();
        }

        public List<double> Durations { get; } = [];

        public List<int> Sizes { get; } = [];

        /// <summary>What the queue gauge reads now, once for each of this loop's running instances.</summary>
        public int[] Queued()
        {
            lock (_queued)
            {
                _queued.Clear();
                _listener.RecordObservableInstruments();
                return [.. _queued];
            }
        }

        public void Dispose() => _listener.Dispose();

        private bool Mine(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == BatchMetrics.LoopTag && Equals(tag.Value, _loop))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
