using System.Security.Claims;
using Model = HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Api.Auth;

/// <summary>The claims of the contract (<c>sub</c>, <c>role</c>, <c>agency</c>) and the role words of the API.</summary>
public static class HccClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Agency = "agency";

    public static readonly IReadOnlyDictionary<string, Model.Role> Roles = new Dictionary<string, Model.Role>(StringComparer.Ordinal)
    {
        ["officer"] = Model.Role.Officer,
        ["specialist"] = Model.Role.Specialist,
        ["leader"] = Model.Role.Leader,
        ["director"] = Model.Role.Director,
        ["admin"] = Model.Role.Admin,
        ["portal"] = Model.Role.Portal,
    };

    /// <summary>The actor a validated token describes; unknown role words are ignored, never mapped to System.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(Subject) ?? "",
        [.. user.FindAll(Role).Select(c => Roles.GetValueOrDefault(c.Value)).Where(r => r != default).Distinct()],
        user.FindFirstValue(Agency) ?? "");
}
