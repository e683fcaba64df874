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

    /// <summary>Wrong passwords or codes in a row before a staff account is locked.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan LockoutFor { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The shortest password an administrator may set.</summary>
    public int MinPasswordLength { get; set; } = 10;

    /// <summary>Sign-in and API tokens through an OpenID Connect provider; not configured when null.</summary>
    public OidcOptions? Oidc { get; set; }

    /// <summary>How long a service account's token lives.</summary>
    public TimeSpan ServiceTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
