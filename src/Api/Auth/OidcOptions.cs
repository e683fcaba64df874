namespace HccOrleans.Api.Auth;

/// <summary>
/// <c>Auth:Oidc</c>: staff sign in through an OpenID Connect provider (the province's identity service), and API
/// clients may call with that provider's access tokens. Its claims become the engine's: a subject, roles (through
/// <see cref="Roles"/> where the provider names them its own way) and the unit.
/// </summary>
public sealed class OidcOptions
{
    /// <summary>The provider's issuer URL; its discovery document and signing keys are read from there.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>What the sign-in page calls the provider.</summary>
    public string DisplayName { get; set; } = "hệ thống xác thực";

    /// <summary>The audience the provider's access tokens for this API carry; the client id when empty.</summary>
    public string Audience { get; set; } = "";

    public string SubjectClaim { get; set; } = "preferred_username";

    public string RoleClaim { get; set; } = "role";

    public string UnitClaim { get; set; } = "unit";

    /// <summary>The provider's role values and the engine's role each stands for; a value already an engine role word maps to itself.</summary>
    public Dictionary<string, string> Roles { get; set; } = [];

    /// <summary>Off only for a provider on plain HTTP in a closed network or a test.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
