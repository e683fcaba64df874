namespace HccOrleans.Grains.Workflow;

[GenerateSerializer, Alias("hcc.PaymentReferenceState")]
public sealed record PaymentReferenceState
{
    [Id(0)] public string? RegistrationNumber { get; init; }
}

/// <summary>One payment reference and the dossier it paid for; written once.</summary>
[GrainType("payment-reference")]
public sealed class PaymentReferenceGrain(
    [PersistentState("payment-reference", "hcc")] IPersistentState<PaymentReferenceState> state) : Grain, IPaymentReferenceGrain
{
    public async Task<string> ClaimAsync(string registrationNumber)
    {
        if (state.State.RegistrationNumber is { } claimed)
        {
            return claimed;
        }

        state.State = new PaymentReferenceState { RegistrationNumber = registrationNumber };
        await state.WriteStateAsync();
        return registrationNumber;
    }
}
