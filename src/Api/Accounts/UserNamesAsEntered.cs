using Microsoft.AspNetCore.Identity;

namespace HccOrleans.Api.Accounts;

/// <summary>User names are the staff directory's keys, matched exactly as entered; Identity's upper-casing would lose them.</summary>
public sealed class UserNamesAsEntered : ILookupNormalizer
{
    public string? NormalizeName(string? name) => name;

    public string? NormalizeEmail(string? email) => email;
}
