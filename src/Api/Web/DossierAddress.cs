namespace HccOrleans.Api.Web;

/// <summary>Finds a dossier by either of its names: the registration number it is kept under, or its official code.</summary>
public static class DossierAddress
{
    /// <summary>The dossier <paramref name="code"/> names; an official code issued at receipt leads to its registration number.</summary>
    public static async Task<IDossierGrain> DossierAsync(this IGrainFactory grains, string code) =>
        grains.GetGrain<IDossierGrain>(await grains.GetGrain<IDossierCodeGrain>(code).RegistrationNumberAsync() ?? code);
}
