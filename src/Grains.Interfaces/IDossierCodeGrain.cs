namespace HccOrleans.Grains.Interfaces;

/// <summary>
/// An official dossier code issued at receipt (Decree 118/2025 Art. 28), keyed by the code itself: it names the
/// registration number the dossier is kept under, so that either finds the dossier.
/// </summary>
[Alias("hcc.IDossierCodeGrain")]
public interface IDossierCodeGrain : IGrainWithStringKey
{
    /// <summary>Records the registration number behind this code; a code once given keeps its first dossier.</summary>
    [RepeatSafe, Alias("Claim")] Task<string> ClaimAsync(string registrationNumber);

    /// <summary>The registration number behind this code, or null when the code was never issued.</summary>
    [RepeatSafe, Alias("RegistrationNumber")] Task<string?> RegistrationNumberAsync();
}
