namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>When each regime took effect: the one place the date of the change is written.</summary>
public static class RegimeDates
{
    /// <summary>Decree 118/2025/NĐ-CP in force (its Art. 40): 1 July 2025, 00:00 in Vietnam.</summary>
    public static readonly DateTimeOffset Decree118InForce = new(2025, 7, 1, 0, 0, 0, TimeSpan.FromHours(7));

    /// <summary>The regime of something received (online: submitted) at <paramref name="instant"/>.</summary>
    public static Regime At(DateTimeOffset instant) => instant < Decree118InForce ? Regime.Decree61Of2018 : Regime.Decree118Of2025;

    /// <summary>The regime of dossiers received on <paramref name="day"/> (a local date in Vietnam).</summary>
    public static Regime On(DateOnly day) => At(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)));
}
