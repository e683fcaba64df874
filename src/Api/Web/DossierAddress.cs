namespace HccOrleans.Api.Web;

/// <summary>Finds a dossier by either of its names: the registration number it is kept under, or its official code.</summary>
public static class DossierAddress
{
    /// <summary>
    /// The dossier <paramref name="code"/> names. Most addresses are the registration number, and the dossier itself
    /// says so from memory; only another code is looked up as an official code issued at receipt.
    /// </summary>
    public static async Task<IDossierGrain> DossierAsync(this IGrainFactory grains, string code)
    {
        var kept = grains.Reference<IDossierGrain>(code);
        return await kept.ExistsAsync() || await grains.Reference<IDossierCodeGrain>(code).RegistrationNumberAsync() is not { } registration
            ? kept
            : grains.Reference<IDossierGrain>(registration);
    }
}
