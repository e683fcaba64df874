namespace HccOrleans.Grains.Interfaces;

/// <summary>
/// A payment reference (a platform's transaction id, a transfer's reference, a receipt number), keyed by the reference:
/// it names the one dossier it paid for, so that the same payment is never recorded for two dossiers (Decree 118/2025
/// Art. 24).
/// </summary>
[Alias("hcc.IPaymentReferenceGrain")]
public interface IPaymentReferenceGrain : IGrainWithStringKey
{
    /// <summary>Records the dossier this reference paid for; a reference once used keeps its first dossier, which is returned.</summary>
    [RepeatSafe, Alias("Claim")] Task<string> ClaimAsync(string registrationNumber);
}
