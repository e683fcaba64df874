using HccOrleans.Api.Endpoints;
using HccOrleans.Grains.Interfaces.Reports;

namespace HccOrleans.Api.Web;

/// <summary>
/// Per-person figures for a caller (Decree 118/2025 Art. 34), for the report and its page alike: a leader sees the
/// unit they lead, a director or administrator any unit or all, anyone else their own row.
/// </summary>
public sealed class PeopleFigures(IDossierQueries queries, IGrainFactory grains)
{
    /// <summary>The report, or null when the caller may not see <paramref name="unit"/>.</summary>
    public async Task<PeopleReport?> ForAsync(Actor actor, string? unit, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var seesAll = actor.SeesAll();
        if (!seesAll && actor.Has(Role.Leader))
        {
            if (unit is not null && unit != actor.Agency)
            {
                return null;
            }

            unit = actor.Agency;
        }

        Func<string, string, bool> inScope = seesAll || actor.Has(Role.Leader)
            ? (_, personUnit) => unit is null || personUnit == unit
            : (userName, _) => userName == actor.Subject;
        var people = await grains.Reference<IPeopleDirectoryGrain>(GrainKeys.People).ListAsync();
        var dossiers = await queries.ReceivedBeforeAsync(new Judging(to, now).Until, null);
        return PeopleReport.Build(dossiers, people, from, to, now, seesAll || actor.Has(Role.Leader) ? unit : null, inScope);
    }
}
