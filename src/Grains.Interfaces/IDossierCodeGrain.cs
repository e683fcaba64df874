namespace HccOrleans.Grains.Interfaces;

/// <summary>
/// A key that belongs to one dossier for good, written once: an official dossier code issued at receipt (Decree
/// 118/2025 Art. 28), keyed by the code itself, so that either the code or the registration number finds the dossier;
/// or a payment reference (<see cref="GrainKeys.PaymentReference"/>), so that one payment is never recorded for two
/// dossiers (Art. 24).
/// </summary>
[Alias("hcc.IDossierCodeGrain")]
public interface IDossierCodeGrain : IGrainWithStringKey
{
    /// <summary>Records the registration number behind this code; a code once given keeps its first dossier.</summary>
    [RepeatSafe, Alias("Claim")] Task<string> ClaimAsync(string registrationNumber);

    /// <summary>The registration number behind this code, or null when the code was never issued.</summary>
    [RepeatSafe, Alias("RegistrationNumber")] Task<string?> RegistrationNumberAsync();
}
