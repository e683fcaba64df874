namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>Who performs an action: the token's subject, roles and agency (an officer's receiving unit).</summary>
[GenerateSerializer, Immutable, Alias("hcc.Actor")]
public sealed record Actor(
    [property: Id(0)] string Subject,
    [property: Id(1)] Role[] Roles,
    [property: Id(2)] string Agency)
{
    public static Actor System { get; } = new("system", [Role.System], "");

    public bool Has(Role role) => Roles.Contains(role);
}
