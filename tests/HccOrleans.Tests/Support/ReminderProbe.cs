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
    /// Completes once the grain's reminder waits for its next tick on its newest schedule, armed after
    /// <paramref name="since"/> (a Stopwatch timestamp): the barrier before moving the fake clock. A wait armed after
    /// the clock moved would count its delay from the new instant and miss the tick; a wait armed for a schedule that
    /// has changed since is about to be cancelled and armed again.
    /// </summary>
    public Task ArmedSinceAsync(GrainId grain, long since, TimeSpan? timeout = null) =>
        WaitAsync(grain, events => events.Any(e => e.At >= since
            && e.Event is ReminderEvents.LocalReminderTickWaitArmed armed
            && armed.ScheduleVersion >= NewestSchedule(events, armed.Identity)), timeout);

    /// <summary>Completes once a tick of the grain's reminder has completed after <paramref name="since"/> (a Stopwatch timestamp).</summary>
    public Task TickedSinceAsync(GrainId grain, long since, TimeSpan? timeout = null) =>
        WaitAsync(grain, events => events.Any(e => e.At >= since && e.Event is ReminderEvents.TickCompleted), timeout);

    private static long NewestSchedule(List<(long At, ReminderEvents.ReminderEvent Event)> events, object identity) =>
        events.Select(e => e.Event).OfType<ReminderEvents.LocalReminderScheduleChanged>()
            .Where(changed => ReferenceEquals(changed.Identity, identity)).Select(changed => changed.ScheduleVersion).DefaultIfEmpty(0).Max();

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
            return string.Join(" → ", (_events.GetValueOrDefault(grain) ?? []).Select(e => Name(e.Event)));
        }
    }

    private static string Name(ReminderEvents.ReminderEvent e) => e switch
    {
        ReminderEvents.LocalReminderScheduleChanged changed => $"ScheduleChanged v{changed.ScheduleVersion}",
        ReminderEvents.LocalReminderTickWaitArmed armed => $"Armed v{armed.ScheduleVersion}",
        _ => e.GetType().Name,
    };

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
