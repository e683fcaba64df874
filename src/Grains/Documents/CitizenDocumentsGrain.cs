namespace HccOrleans.Grains.Documents;

[GenerateSerializer, Alias("hcc.CitizenDocumentsState")]
public sealed record CitizenDocumentsState
{
    [Id(0)] public CitizenDocument[] Documents { get; init; } = [];
}

/// <summary>One applicant's digitised documents, in the order they came; a file is recorded once.</summary>
[GrainType("citizen-documents")]
public sealed class CitizenDocumentsGrain(
    [PersistentState("citizen-documents", "hcc")] IPersistentState<CitizenDocumentsState> state) : Grain, ICitizenDocumentsGrain
{
    public async Task AddAsync(CitizenDocument[] documents)
    {
        var known = state.State.Documents.Select(d => d.FileId).ToHashSet();
        var added = documents.Where(d => known.Add(d.FileId)).ToArray();
        if (added.Length == 0)
        {
            return;
        }

        state.State = state.State with { Documents = [.. state.State.Documents, .. added] };
        await state.WriteStateAsync();
    }

    public Task<CitizenDocument[]> ListAsync() => Task.FromResult(state.State.Documents);
}
