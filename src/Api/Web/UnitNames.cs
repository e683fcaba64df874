namespace HccOrleans.Api.Web;

/// <summary>The names of units and agencies for pages and forms, read from the unit directory (a grain call per page).</summary>
public sealed class UnitNames(IGrainFactory grains)
{
    public async Task<IReadOnlyDictionary<string, UnitInfo>> AllAsync() =>
        (await grains.Reference<IUnitDirectoryGrain>(GrainKeys.Units).ListAsync()).ToDictionary(u => u.AgencyCode, StringComparer.Ordinal);

    public static string NameOf(IReadOnlyDictionary<string, UnitInfo> units, string? code) =>
        code is not null && units.TryGetValue(code, out var unit) ? unit.Name : code ?? "—";

    /// <summary>The level of an agency in the directory (Biểu 07b's sections); null when the directory does not know it.</summary>
    public static Func<string, UnitLevel?> LevelOf(IReadOnlyDictionary<string, UnitInfo> units) =>
        code => units.TryGetValue(code, out var unit) ? unit.Level : null;
}
