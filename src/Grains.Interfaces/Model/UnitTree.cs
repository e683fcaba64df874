using System.Globalization;

namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>The units a submission is routed by; any may be missing from the directory.</summary>
[GenerateSerializer, Immutable, Alias("hcc.ReceptionUnits")]
public sealed record ReceptionUnits(
    [property: Id(0)] UnitInfo? Receiving,
    [property: Id(1)] UnitInfo? Agency,
    [property: Id(2)] UnitInfo? AgencyOneStop);

/// <summary>What the unit hierarchy answers: the organ a form is headed with, an agency's own one-stop unit.</summary>
public static class UnitTree
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// The governing organ printed above a unit's name on a form (Decree 30/2020 heading), in capitals: its parent's
    /// name; null when the unit has no parent entered.
    /// </summary>
    public static string? Organ(IReadOnlyDictionary<string, UnitInfo> units, string? code) =>
        code is not null && units.TryGetValue(code, out var unit) && unit.Parent is { } parent && units.TryGetValue(parent, out var organ)
            ? organ.Name.ToUpper(Vietnamese)
            : null;

    /// <summary>
    /// The service center that is an agency's own one-stop unit on a day: of the agency's level, under the same
    /// People's Committee as the agency, or under the agency itself (a commune's center under its committee).
    /// </summary>
    public static UnitInfo? OneStopOf(IEnumerable<UnitInfo> units, UnitInfo agency, DateOnly day) =>
        units.Where(u => u.Kind == UnitKind.ServiceCenter && u.Level == agency.Level && u.ExistsOn(day) && u.Parent is not null
                && (u.Parent == agency.Parent || u.Parent == agency.AgencyCode))
            .OrderBy(u => u.AgencyCode, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>Whether <paramref name="receiving"/> is <paramref name="oneStop"/> or one of its reception points.</summary>
    public static bool IsPartOf(UnitInfo receiving, UnitInfo oneStop) =>
        receiving.AgencyCode == oneStop.AgencyCode || (receiving.Kind == UnitKind.ReceptionPoint && receiving.Parent == oneStop.AgencyCode);
}
