using HccOrleans.Domain;
using HccOrleans.Grains;
using HccOrleans.Hosting;
using HccOrleans.Model;
using Microsoft.Extensions.DependencyInjection;

namespace HccOrleans.Catalogue;

[GenerateSerializer, Alias("hcc.ProcedureState")]
public sealed record ProcedureState
{
    [Id(0)] public ProcedureVersion[] Versions { get; init; } = [];
}

[GrainType("procedure")]
public sealed class ProcedureGrain(
    [PersistentState("procedure", "hcc")] IPersistentState<ProcedureState> state,
    [FromKeyedServices(EngineClock.Key)] TimeProvider clock) : Grain, IProcedureGrain
{
    private string Code => this.GetPrimaryKeyString()["procedure/".Length..];

    public async Task<WriteResult<ProcedureVersion>> PutAsync(ProcedureDefinition definition)
    {
        definition = definition with { Steps = definition.Steps ?? [] };
        var errors = CatalogueRules.Validate(definition);
        if (!errors.IsEmpty)
        {
            return new(null, Rejection.Validation(errors.ToDictionary()));
        }

        var current = state.State.Versions.LastOrDefault();
        if (current is null || !CatalogueRules.SameDefinition(current.Definition, definition))
        {
            current = new ProcedureVersion(Code, (current?.Version ?? 0) + 1, definition, clock.GetUtcNow());
            await state.ReplaceAsync(state.State with { Versions = [.. state.State.Versions, current] });
        }

        // Always refresh the directory, so a retry mends a directory write that failed last time.
        await GrainFactory.GetGrain<IProcedureDirectoryGrain>(GrainKeys.ProcedureDirectory).UpsertAsync(current);
        return new(current, null);
    }

    public Task<ProcedureVersion?> GetCurrentAsync() => Task.FromResult(state.State.Versions.LastOrDefault());

    public Task<ProcedureVersion?> GetVersionAsync(int version) =>
        Task.FromResult(state.State.Versions.FirstOrDefault(v => v.Version == version));
}
