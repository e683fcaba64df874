using HccOrleans.Grains.Hosting;

namespace HccOrleans.Grains.Catalogue;

[GenerateSerializer, Alias("hcc.UnitDirectoryState")]
public sealed record UnitDirectoryState
{
    [Id(0)] public Dictionary<string, UnitInfo> Units { get; init; } = [];
}

[GrainType("unit-directory")]
public sealed class UnitDirectoryGrain(
    [PersistentState("units", "hcc")] IPersistentState<UnitDirectoryState> state) : Grain, IUnitDirectoryGrain
{
    public async Task<WriteResult<UnitInfo>> PutAsync(UnitInfo unit)
    {
        var errors = CatalogueRules.Validate(unit);
        if (!errors.IsEmpty)
        {
            return new(null, Rejection.Validation(errors.ToDictionary()));
        }

        var clash = state.State.Units.Values.FirstOrDefault(u =>
            u.AgencyCode != unit.AgencyCode && string.Equals(u.ElectronicId, unit.ElectronicId, StringComparison.OrdinalIgnoreCase));
        if (clash is not null)
        {
            return new(null, new Rejection(RejectionKind.Conflict, RuleCodes.ElectronicIdTaken,
                $"Electronic ID {unit.ElectronicId} already belongs to {clash.AgencyCode}; dossier codes must stay unique."));
        }

        if (state.State.Units.TryGetValue(unit.AgencyCode, out var known) && known == unit)
        {
            return new(unit, null);
        }

        await state.ReplaceAsync(new UnitDirectoryState { Units = new(state.State.Units) { [unit.AgencyCode] = unit } });

        return new(unit, null);
    }

    public Task<UnitInfo[]> ListAsync() =>
        Task.FromResult(state.State.Units.Values.OrderBy(u => u.AgencyCode, StringComparer.Ordinal).ToArray());

    public Task<UnitInfo?> GetAsync(string agencyCode) =>
        Task.FromResult(state.State.Units.GetValueOrDefault(agencyCode));
}
