using Microsoft.Extensions.Time.Testing;

namespace HccOrleans.Tests.Support;

public static class ClockExtensions
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>Moves a shared clock forward to the next Monday 08:00 in Vietnam: a fresh, known week for one test.</summary>
    public static DateTimeOffset StartNextWeek(this FakeTimeProvider clock)
    {
        var local = clock.GetUtcNow().ToOffset(Vietnam);
        var daysAhead = ((int)DayOfWeek.Monday - (int)local.DayOfWeek + 7) % 7;
        var monday = new DateTimeOffset(local.Date.AddDays(daysAhead == 0 ? 7 : daysAhead).AddHours(8), Vietnam);
        clock.SetUtcNow(monday);
        return monday;
    }

    /// <summary>Sets the clock to a later instant of the current test's week.</summary>
    public static void MoveTo(this FakeTimeProvider clock, DateTimeOffset instant) => clock.SetUtcNow(instant);
}
