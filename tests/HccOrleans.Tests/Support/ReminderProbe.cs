using Orleans.Reminders.Diagnostics;

namespace HccOrleans.Tests.Support;

/// <summary>
/// Watches the reminder service's diagnostic events, so a test can wait for a reminder's tick (or for it to re-arm
/// after a tick) before it looks or moves the fake clock again (a wait armed after the jump would wait for fake
/// time that never passes).
/// </summary>
public sealed class ReminderProbe : IObserver<ReminderEvents.ReminderEvent>, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<GrainId, List<(long At, ReminderEvents.ReminderEvent Event)>> _events = [];
    private readonly List<(GrainId Grain, Func<List<(long At, ReminderEvents.ReminderEvent Event)>, bool> Reached, TaskCompletionSource Signal)> _waiters = [];
    private readonly IDisposable _subscription;

    public ReminderProbe() => _subscription = ReminderEvents.AllEvents.Subscribe(this);

    /// <summary>
    /// Completes once a tick of the grain's reminder that ended after <paramref name="since"/> (a
    /// <see cref="System.Diagnostics.Stopwatch"/> timestamp) is followed by a wait armed for the next tick.
    /// </summary>
    public Task ArmedAfterTickSinceAsync(GrainId grain, long since, TimeSpan? timeout = null) =>
        WaitAsync(grain, events =>
        {
            var completed = events.FindIndex(e => e.At >= since && e.Event is ReminderEvents.TickCompleted or ReminderEvents.TickFailed);
            return completed >= 0 && events.Skip(completed + 1).Any(e => e.Event is ReminderEvents.LocalReminderTickWaitArmed);
        }, timeout);

    /// <summary>
    /// Completes once the grain's reminder has armed its wait after <paramref name="since"/> (a Stopwatch timestamp):
    /// the barrier before moving the fake clock past a reminder just registered. A wait armed after the clock moved
    /// would count its delay from the new instant and miss the tick.
    /// </summary>
    public Task ArmedSinceAsync(GrainId grain, long since, TimeSpan? timeout = null) =>
        WaitAsync(grain, events => events.Any(e => e.At >= since && e.Event is ReminderEvents.LocalReminderTickWaitArmed), timeout);

    /// <summary>Completes once a tick of the grain's reminder has completed after <paramref name="since"/> (a Stopwatch timestamp).</summary>
    public Task TickedSinceAsync(GrainId grain, long since, TimeSpan? timeout = null) =>
        WaitAsync(grain, events => events.Any(e => e.At >= since && e.Event is ReminderEvents.TickCompleted), timeout);

    private Task WaitAsync(GrainId grain, Func<List<(long At, ReminderEvents.ReminderEvent Event)>, bool> reached, TimeSpan? timeout)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (reached(_events.GetValueOrDefault(grain) ?? []))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((grain, reached, signal));
        }

        return Waits.WithinAsync(signal.Task, timeout ?? TimeSpan.FromSeconds(20), () => $"a reminder event of {grain}; it saw: {Describe(grain)}");
    }

    /// <summary>The grain's reminder events so far, for failure messages.</summary>
    public string Describe(GrainId grain)
    {
        lock (_gate)
        {
            return string.Join(" → ", (_events.GetValueOrDefault(grain) ?? []).Select(e => e.Event.GetType().Name));
        }
    }

    public void OnNext(ReminderEvents.ReminderEvent value)
    {
        lock (_gate)
        {
            if (!_events.TryGetValue(value.GrainId, out var events))
            {
                events = [];
                _events[value.GrainId] = events;
            }

            events.Add((System.Diagnostics.Stopwatch.GetTimestamp(), value));
            foreach (var waiter in _waiters.Where(w => w.Grain == value.GrainId && w.Reached(events)).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose() => _subscription.Dispose();
}
