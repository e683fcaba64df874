namespace HccOrleans.Model;

/// <summary>
/// A year's non-working weekdays and worked weekend days. <see cref="Holidays"/> lists every declared
/// day off; one that falls on a weekend gives the next working day off (Labour Code Art. 111(3)).
/// </summary>
[GenerateSerializer, Immutable, Alias("hcc.YearCalendar")]
public sealed record YearCalendar(
    [property: Id(0)] int Year,
    [property: Id(1)] DateOnly[] Holidays,
    [property: Id(2)] DateOnly[] WorkingDays,
    [property: Id(3)] bool Provisional);
