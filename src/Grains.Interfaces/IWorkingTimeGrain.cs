using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces;

/// <summary>The engine's clock and working-time answers for a page of a work queue.</summary>
/// <param name="Now">The engine's now.</param>
/// <param name="DueSoonUntil">A dossier in processing due at or before this instant is due soon (or overdue before now).</param>
/// <param name="WorkingHoursSince">For each instant asked about, the working hours from it until now.</param>
[GenerateSerializer, Immutable, Alias("hcc.QueueClock")]
public sealed record QueueClock(
    [property: Id(0)] DateTimeOffset Now,
    [property: Id(1)] DateTimeOffset DueSoonUntil,
    [property: Id(2)] decimal[] WorkingHoursSince);

/// <summary>
/// Working-time arithmetic for the read side (which has no calendar of its own): due soon, and time spent in a step.
/// A stateless worker: any silo answers from its own calendar grains.
/// </summary>
[Alias("hcc.IWorkingTimeGrain")]
public interface IWorkingTimeGrain : IGrainWithStringKey
{
    public const string Key = "working-time";

    [Alias("Clock")] Task<QueueClock> ClockAsync(DateTimeOffset[] since);

    /// <summary>The close of the <paramref name="days"/>-th working day after <paramref name="instant"/>'s day: a date a form may propose.</summary>
    [Alias("WorkingDaysAfter")] Task<DateTimeOffset> WorkingDaysAfterAsync(DateTimeOffset instant, int days);

    /// <summary>
    /// Whether a late notice sent now, for a dossier due at <paramref name="due"/>, would count as timely: an extension
    /// proposal (<see cref="DossierAction.ProposeExtension"/>) or an apology (<see cref="DossierAction.Apologize"/>), each by
    /// its own rule — so that a form can say so before it is sent.
    /// </summary>
    [Alias("TimelyNow")] Task<bool> TimelyNowAsync(DossierAction notice, DateTimeOffset due);
}
