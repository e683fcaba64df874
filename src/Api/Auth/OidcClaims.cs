using System.Security.Claims;

namespace HccOrleans.Api.Auth;

/// <summary>A provider's identity as the engine's claims (<c>sub</c>, <c>role</c>, <c>agency</c>); null when it maps to no engine role.</summary>
public static class OidcClaims
{
    public static ClaimsIdentity? Map(ClaimsPrincipal external, OidcOptions options, string authenticationType)
    {
        var subject = external.FindFirstValue(options.SubjectClaim) ?? external.FindFirstValue("sub");
        var roles = external.FindAll(options.RoleClaim)
            .SelectMany(c => c.Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
            .Select(value => options.Roles.TryGetValue(value, out var mapped) ? mapped : value)
            .Where(role => HccClaims.Roles.ContainsKey(role))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (string.IsNullOrWhiteSpace(subject) || roles.Length == 0)
        {
            return null;
        }

        Claim[] claims = [new(HccClaims.Subject, subject), .. roles.Select(r => new Claim(HccClaims.Role, r)), new(HccClaims.Agency, external.FindFirstValue(options.UnitClaim) ?? "")];
        return new ClaimsIdentity(claims, authenticationType, HccClaims.Subject, HccClaims.Role);
    }
}
