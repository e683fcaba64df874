namespace HccOrleans.Api.Auth;

/// <summary>The <c>Auth</c> configuration section: JWT (HS256) validation and development tokens.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>HS256 key, at least 32 bytes of UTF-8.</summary>
    public string SigningKey { get; set; } = "";

    public string Issuer { get; set; } = "hcc";

    public string Audience { get; set; } = "hcc-api";

    /// <summary>Enables <c>POST /api/dev/token</c>; default true only in Development.</summary>
    public bool? DevTokens { get; set; }

    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
