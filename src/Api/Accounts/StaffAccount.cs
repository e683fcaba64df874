namespace HccOrleans.Api.Accounts;

/// <summary>
/// The user Identity's <see cref="Microsoft.AspNetCore.Identity.UserManager{TUser}"/> works on: a staff account read
/// from its grain, changed by the manager, written back over the stamp it was read with. Roles and unit are the
/// staff directory's, not the account's.
/// </summary>
public sealed class StaffAccount
{
    public required string UserName { get; init; }
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    /// <summary>The stamp of the stored version this was read from (null: not stored yet).</summary>
    public string? StoredStamp { get; set; }
    public int AccessFailedCount { get; set; }
    public DateTimeOffset? LockoutEnd { get; set; }
    public bool TwoFactorEnabled { get; set; }
    public string? AuthenticatorKey { get; set; }
    public long LastTotpStep { get; set; }

    public static StaffAccount From(AccountState s) => new()
    {
        UserName = s.UserName,
        PasswordHash = s.PasswordHash,
        SecurityStamp = s.SecurityStamp,
        StoredStamp = s.ConcurrencyStamp,
        AccessFailedCount = s.AccessFailedCount,
        LockoutEnd = s.LockoutEnd,
        TwoFactorEnabled = s.TwoFactorEnabled,
        AuthenticatorKey = s.AuthenticatorKey,
        LastTotpStep = s.LastTotpStep,
    };

    public AccountState ToState(string stamp) => new()
    {
        UserName = UserName,
        PasswordHash = PasswordHash,
        SecurityStamp = SecurityStamp,
        ConcurrencyStamp = stamp,
        AccessFailedCount = AccessFailedCount,
        LockoutEnd = LockoutEnd,
        TwoFactorEnabled = TwoFactorEnabled,
        AuthenticatorKey = AuthenticatorKey,
        LastTotpStep = LastTotpStep,
    };
}
