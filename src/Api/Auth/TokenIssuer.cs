using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HccOrleans.Api.Auth;

/// <summary>Signs tokens with the configured HS256 key: development tokens, and service accounts' tokens.</summary>
public sealed class TokenIssuer(IOptions<AuthOptions> options, TimeProvider time)
{
    public static SymmetricSecurityKey Key(AuthOptions options) => new(Encoding.UTF8.GetBytes(options.SigningKey));

    public string Issue(string subject, IEnumerable<string> roles, string agency) => Issue(subject, roles, agency, options.Value.DevTokenLifetime);

    public string Issue(string subject, IEnumerable<string> roles, string agency, TimeSpan lifetime, params (string Type, string Value)[] extra)
    {
        var auth = options.Value;
        var claims = new List<Claim> { new(HccClaims.Subject, subject), new(HccClaims.Agency, agency) };
        claims.AddRange(roles.Select(role => new Claim(HccClaims.Role, role)));
        claims.AddRange(extra.Select(c => new Claim(c.Type, c.Value)));
        var now = time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(Key(auth), SecurityAlgorithms.HmacSha256),
        });
    }
}
