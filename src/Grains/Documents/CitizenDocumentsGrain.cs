namespace HccOrleans.Grains.Documents;

[GenerateSerializer, Alias("hcc.CitizenDocumentsState")]
public sealed record CitizenDocumentsState
{
    [Id(0)] public CitizenDocument[] Documents { get; init; } = [];

    /// <summary>The results issued to this holder, by type: what keeps their document codes unique.</summary>
    [Id(1)] public IssuedResult[] Results { get; init; } = [];
}

[GenerateSerializer, Immutable, Alias("hcc.IssuedResult")]
public sealed record IssuedResult([property: Id(0)] string ResultType, [property: Id(1)] string DossierCode, [property: Id(2)] int Sequence);

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

    public async Task<int> ResultSequenceAsync(string resultType, string dossierCode)
    {
        if (state.State.Results.FirstOrDefault(r => r.ResultType == resultType && r.DossierCode == dossierCode) is { } issued)
        {
            return issued.Sequence;
        }

        var next = new IssuedResult(resultType, dossierCode, state.State.Results.Count(r => r.ResultType == resultType) + 1);
        state.State = state.State with { Results = [.. state.State.Results, next] };
        await state.WriteStateAsync();
        return next.Sequence;
    }
}
