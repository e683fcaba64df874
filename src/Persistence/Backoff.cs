namespace HccOrleans.Persistence;

/// <summary>
/// The wait before the next try of a loop that keeps failing: it doubles from <paramref name="first"/> up to
/// <paramref name="cap"/>, and a success starts it over. A tenth of jitter keeps the loops of many processes apart.
/// </summary>
public sealed class Backoff(TimeSpan first, TimeSpan cap)
{
    private readonly TimeSpan _first = first;
    private TimeSpan _next = first;

    /// <summary>The delay to wait now; the one after it is twice as long, up to the cap.</summary>
    public TimeSpan Next()
    {
        var delay = _next;
        _next = TimeSpan.FromTicks(Math.Min(cap.Ticks, _next.Ticks * 2));
        return delay + TimeSpan.FromTicks((long)(delay.Ticks * 0.1 * Random.Shared.NextDouble()));
    }

    public void Reset() => _next = _first;

    /// <summary>The wait after the <paramref name="failures"/>-th failure in a row, without jitter: <paramref name="first"/> doubled each time, up to <paramref name="cap"/>.</summary>
    public static TimeSpan After(TimeSpan first, TimeSpan cap, int failures) =>
        TimeSpan.FromTicks(Math.Min(cap.Ticks, first.Ticks * (1L << Math.Clamp(failures - 1, 0, 30))));
}
