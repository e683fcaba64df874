namespace HccOrleans.Grains.Intake;

[GenerateSerializer, Alias("hcc.DossierCodeState")]
public sealed record DossierCodeState
{
    [Id(0)] public string? RegistrationNumber { get; init; }
}

/// <summary>One official code and the registration number it stands for; written once.</summary>
[GrainType("dossier-code")]
public sealed class DossierCodeGrain(
    [PersistentState("dossier-code", "hcc")] IPersistentState<DossierCodeState> state) : Grain, IDossierCodeGrain
{
    public async Task<string> ClaimAsync(string registrationNumber)
    {
        if (state.State.RegistrationNumber is { } claimed)
        {
            return claimed;
        }

        state.State = new DossierCodeState { RegistrationNumber = registrationNumber };
        await state.WriteStateAsync();
        return registrationNumber;
    }

    public Task<string?> RegistrationNumberAsync() => Task.FromResult(state.State.RegistrationNumber);
}
