using System.Collections.Concurrent;

namespace HccOrleans.Api.Web;

/// <summary>
/// What each unit's counter received most over the last 90 days, read from the index at most once every few minutes
/// per unit: the picker asks at every key press, and the order it gives need not follow each new dossier.
/// </summary>
public sealed class ProcedureUsage(IDossierQueries queries, EngineNow clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(90);
    private static readonly TimeSpan Fresh = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (DateTimeOffset ReadAt, IReadOnlyDictionary<string, int> Counts)> _units = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, int>> OfAsync(string unit)
    {
        var now = clock.Now;
        if (_units.TryGetValue(unit, out var known) && (now - known.ReadAt).Duration() < Fresh)
        {
            return known.Counts;
        }

        var counts = await queries.ProcedureUsageAsync(unit, now - Window);
        _units[unit] = (now, counts);
        return counts;
    }
}
