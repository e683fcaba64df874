namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>A staff account as Identity's store keeps it: the password's hash, lockout, and the authenticator for TOTP.</summary>
[GenerateSerializer, Immutable, Alias("hcc.AccountState")]
public sealed record AccountState
{
    [Id(0)] public required string UserName { get; init; }
    [Id(1)] public string? PasswordHash { get; init; }
    [Id(2)] public required string SecurityStamp { get; init; }
    [Id(3)] public required string ConcurrencyStamp { get; init; }
    [Id(4)] public int AccessFailedCount { get; init; }
    [Id(5)] public DateTimeOffset? LockoutEnd { get; init; }
    [Id(6)] public bool TwoFactorEnabled { get; init; }
    /// <summary>The shared TOTP secret, base32, as the person's authenticator app holds it.</summary>
    [Id(7)] public string? AuthenticatorKey { get; init; }
    /// <summary>The 30-second step of the last TOTP code accepted: a code of that step or an earlier one is a replay.</summary>
    [Id(8)] public long LastTotpStep { get; init; }
}

/// <summary>A service account: its client id, the hash of its secret, the roles and unit its tokens carry, and whether it may still get tokens.</summary>
[GenerateSerializer, Immutable, Alias("hcc.ServiceAccount")]
public sealed record ServiceAccount
{
    [Id(0)] public required string ClientId { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required Role[] Roles { get; init; }
    [Id(3)] public string Unit { get; init; } = "";
    [Id(4)] public string? SecretHash { get; init; }
    [Id(5)] public bool Active { get; init; }
}
