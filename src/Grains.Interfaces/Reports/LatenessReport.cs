using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces.Reports;

/// <summary>One agency's part in the period's lateness: the late dossiers it carried a share of, and the working minutes.</summary>
public sealed record LatenessByAgency(string Agency, int Dossiers, int Minutes);

/// <summary>
/// Who made the period's resolved dossiers late, summed by agency from each dossier's shares: the agencies that
/// carried most first. <see cref="LateDossiers"/> and <see cref="Minutes"/> are the whole lateness, which the rows add up to.
/// </summary>
public sealed record LatenessReport(DateTimeOffset From, DateTimeOffset To, DateTimeOffset AsOf, int LateDossiers, int Minutes, LatenessByAgency[] Rows)
{
    public static LatenessReport Build(DateTimeOffset from, DateTimeOffset to, DateTimeOffset asOf, IReadOnlyCollection<LatenessShare[]> dossiers)
    {
        var rows = dossiers
            .SelectMany(shares => shares.Where(s => s.ShareMinutes > 0).GroupBy(s => s.Agency).Select(g => (Agency: g.Key, Minutes: g.Sum(s => s.ShareMinutes))))
            .GroupBy(x => x.Agency)
            .Select(g => new LatenessByAgency(g.Key, g.Count(), g.Sum(x => x.Minutes)))
            .OrderByDescending(r => r.Minutes).ThenBy(r => r.Agency, StringComparer.Ordinal)
            .ToArray();
        return new LatenessReport(from, to, asOf, dossiers.Count, dossiers.Sum(shares => shares.Sum(s => s.ShareMinutes)), rows);
    }
}
