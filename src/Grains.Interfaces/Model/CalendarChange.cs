namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>
/// A change of one year's calendar that open dossiers' due dates follow: the year as it was before, so that each
/// dossier keeps the working time it was granted, measured in the calendar it was granted in.
/// </summary>
[GenerateSerializer, Immutable, Alias("hcc.CalendarChange")]
public sealed record CalendarChange(
    [property: Id(0)] string Id,
    [property: Id(1)] int Year,
    [property: Id(2)] YearCalendar Before,
    [property: Id(3)] string By,
    [property: Id(4)] DateTimeOffset At);

/// <summary>How far the recompute of a calendar change has gone.</summary>
[GenerateSerializer, Immutable, Alias("hcc.DueRecomputeProgress")]
public sealed record DueRecomputeProgress(
    [property: Id(0)] string ChangeId,
    [property: Id(1)] int Year,
    [property: Id(2)] int Total,
    [property: Id(3)] int Done,
    [property: Id(4)] int Moved,
    [property: Id(5)] int Unchanged,
    [property: Id(6)] string[] Failed,
    [property: Id(7)] DateTimeOffset StartedAt,
    [property: Id(8)] DateTimeOffset? FinishedAt)
{
    public bool Running => FinishedAt is null;
}
