using HccOrleans.Grains.Hosting;

namespace HccOrleans.Grains.Catalogue;

[GenerateSerializer, Alias("hcc.ProcedureDirectoryState")]
public sealed record ProcedureDirectoryState
{
    [Id(0)] public Dictionary<string, ProcedureVersion> Current { get; init; } = [];
}

[GrainType("procedure-directory")]
public sealed class ProcedureDirectoryGrain(
    [PersistentState("procedure-directory", "hcc")] IPersistentState<ProcedureDirectoryState> state) : Grain, IProcedureDirectoryGrain
{
    public async Task UpsertAsync(ProcedureVersion current)
    {
        if (state.State.Current.TryGetValue(current.Code, out var known) && known.Version >= current.Version)
        {
            return;
        }

        await state.ReplaceAsync(new ProcedureDirectoryState { Current = new(state.State.Current) { [current.Code] = current } });
    }

    public Task<ProcedureVersion[]> ListAsync() =>
        Task.FromResult(state.State.Current.Values.OrderBy(p => p.Code, StringComparer.Ordinal).ToArray());
}
