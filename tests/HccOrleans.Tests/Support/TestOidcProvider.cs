using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HccOrleans.Tests.Support;

/// <summary>
/// The other side of OpenID Connect, played on a real port: discovery, signing keys (RSA), an authorization endpoint
/// that signs in <see cref="NextUser"/> without asking, and a token endpoint that redeems its codes (PKCE checked)
/// for an ID token and an access token, both RS256-signed. It also mints access tokens directly, for API callers.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "hcc-engine";
    public const string ClientSecret = "test-client-secret";

    /// <summary>Who the provider says signs in, as the provider names roles (its own words) and units.</summary>
    public sealed record User(string UserName, string[] Roles, string Unit);

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key-1" };
    private readonly ConcurrentDictionary<string, (User User, string Nonce, string Challenge)> _codes = new();
    private readonly WebApplication _app;

    public User NextUser { get; set; } = new("oidc.user", ["chuyen-vien"], TestCatalogue.AgencyA);

    /// <summary>How many codes were redeemed at the token endpoint: the engine's back channel really called.</summary>
    public int Redeemed { get; private set; }

    public Uri Issuer { get; private set; } = null!;

    private TestOidcProvider()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer.ToString().TrimEnd('/'),
            ["authorization_endpoint"] = new Uri(Issuer, "/authorize").ToString(),
            ["token_endpoint"] = new Uri(Issuer, "/token").ToString(),
            ["jwks_uri"] = new Uri(Issuer, "/jwks").ToString(),
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        _app.MapGet("/authorize", (HttpRequest request) =>
        {
            var query = request.Query;
            if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256")
            {
                return Results.BadRequest("unexpected authorization request");
            }

            var code = Guid.NewGuid().ToString("N");
            _codes[code] = (NextUser, query["nonce"].ToString(), query["code_challenge"].ToString());
            return Results.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"].ToString())}");
        });
        _app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret
                || !_codes.TryRemove(form["code"].ToString(), out var granted)
                || Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != granted.Challenge)
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            Redeemed++;
            return Results.Json(new
            {
                id_token = Token(granted.User, ClientId, ("nonce", granted.Nonce)),
                access_token = AccessToken(granted.User),
                token_type = "Bearer",
                expires_in = 300,
            });
        });
    }

    public static async Task<TestOidcProvider> StartAsync()
    {
        var provider = new TestOidcProvider();
        await provider._app.StartAsync();
        var address = provider._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Issuer = new Uri(address.TrimEnd('/') + "/");
        return provider;
    }

    /// <summary>An access token for the engine's API, as the provider issues them to its clients.</summary>
    public string AccessToken(User user, string? audience = null) => Token(user, audience ?? ClientId);

    /// <summary>A token signed by a key the provider never published: what a forger would send.</summary>
    public string Forged(User user)
    {
        var other = new RsaSecurityKey(RSA.Create(2048)) { KeyId = _key.KeyId };
        return Token(user, ClientId, credentials: new SigningCredentials(other, SecurityAlgorithms.RsaSha256));
    }

    private string Token(User user, string audience, (string Type, string Value)? extra = null, SigningCredentials? credentials = null)
    {
        var claims = new List<Claim> { new("sub", $"id-{user.UserName}"), new("preferred_username", user.UserName), new("unit", user.Unit) };
        claims.AddRange(user.Roles.Select(r => new Claim("role", r)));
        if (extra is { } more)
        {
            claims.Add(new Claim(more.Type, more.Value));
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer.ToString().TrimEnd('/'),
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = credentials ?? new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
