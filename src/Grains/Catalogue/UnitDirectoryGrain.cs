using HccOrleans.Grains.Hosting;

namespace HccOrleans.Grains.Catalogue;

[GenerateSerializer, Alias("hcc.UnitDirectoryState")]
public sealed record UnitDirectoryState
{
    [Id(0)] public Dictionary<string, UnitInfo> Units { get; init; } = [];
}

/// <summary>Every unit ever entered, never deleted: a unit that merged or was renamed ends and names its successor.</summary>
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

        if (Refusal(unit) is { } refusal)
        {
            return new(null, refusal);
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

    // Answered here rather than from the whole list: every submission asks, and the directory stays in its grain.
    public Task<ReceptionUnits> ReceptionAsync(string receivingUnit, string? agency, DateOnly day)
    {
        var competent = agency is null ? null : state.State.Units.GetValueOrDefault(agency);
        return Task.FromResult(new ReceptionUnits(
            state.State.Units.GetValueOrDefault(receivingUnit), competent, competent is null ? null : UnitTree.OneStopOf(state.State.Units.Values, competent, day)));
    }

    private Rejection? Refusal(UnitInfo unit)
    {
        var others = state.State.Units.Values.Where(u => u.AgencyCode != unit.AgencyCode).ToArray();

        // Two units alive on the same day never share an ID: dossier codes must stay unique. A successor may take up
        // the ID its predecessor ended with.
        if (others.FirstOrDefault(u => u.Overlaps(unit) && string.Equals(u.ElectronicId, unit.ElectronicId, StringComparison.OrdinalIgnoreCase)) is { } clash)
        {
            return new(RejectionKind.Conflict, RuleCodes.ElectronicIdTaken,
                $"Electronic ID {unit.ElectronicId} already belongs to {clash.AgencyCode}; dossier codes must stay unique.");
        }

        if (unit.Parent is { } parent && !state.State.Units.ContainsKey(parent))
        {
            return Missing("parent", parent);
        }

        var successor = unit.Successor is { } code ? state.State.Units.GetValueOrDefault(code) : null;
        if (successor is not null && Overlapping(unit, successor) is { } overlap)
        {
            return overlap;
        }

        return others.Where(u => u.Successor == unit.AgencyCode).Select(predecessor => Overlapping(predecessor, unit)).FirstOrDefault(r => r is not null);
    }

    private static Rejection? Overlapping(UnitInfo predecessor, UnitInfo successor) =>
        successor.ValidFrom is not { } from || predecessor.ValidTo < from
            ? null
            : new(RejectionKind.RuleRefused, RuleCodes.UnitOverlapsSuccessor,
                $"{predecessor.AgencyCode} runs until {predecessor.ValidTo:yyyy-MM-dd} but its successor {successor.AgencyCode} begins on {from:yyyy-MM-dd}: a unit must end before its successor begins.",
                Errors: new() { ["validTo"] = [$"must be before {from:yyyy-MM-dd}, when {successor.AgencyCode} begins."] });

    private static Rejection Missing(string field, string code) =>
        new(RejectionKind.RuleRefused, RuleCodes.UnitNotFound, $"No unit has code '{code}'; enter it first.",
            Errors: new() { [field] = [$"'{code}' is not a unit."] });
}
