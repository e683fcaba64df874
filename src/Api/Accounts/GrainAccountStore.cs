using Microsoft.AspNetCore.Identity;

namespace HccOrleans.Api.Accounts;

/// <summary>
/// Identity's user store over the account grains: passwords, security stamps, lockout and the authenticator key
/// live in the engine's own storage (PostgreSQL in production), written through the grain's optimistic stamp.
/// </summary>
public sealed class GrainAccountStore(IGrainFactory grains) :
    IUserPasswordStore<StaffAccount>, IUserSecurityStampStore<StaffAccount>, IUserLockoutStore<StaffAccount>,
    IUserTwoFactorStore<StaffAccount>, IUserAuthenticatorKeyStore<StaffAccount>
{
    private IAccountGrain Grain(string userName) => grains.Reference<IAccountGrain>(userName);

    public Task<IdentityResult> CreateAsync(StaffAccount user, CancellationToken cancellationToken) => SaveAsync(user);

    public Task<IdentityResult> UpdateAsync(StaffAccount user, CancellationToken cancellationToken) => SaveAsync(user);

    public Task<IdentityResult> DeleteAsync(StaffAccount user, CancellationToken cancellationToken) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "never-deleted", Description = "Accounts are never deleted; a leaver is made inactive in the staff directory." }));

    public async Task<StaffAccount?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        await Grain(userId).GetAsync() is { } state ? StaffAccount.From(state) : null;

    public Task<StaffAccount?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) => FindByIdAsync(normalizedUserName, cancellationToken);

    public Task<string> GetUserIdAsync(StaffAccount user, CancellationToken cancellationToken) => Task.FromResult(user.UserName);

    public Task<string?> GetUserNameAsync(StaffAccount user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task<string?> GetNormalizedUserNameAsync(StaffAccount user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(StaffAccount user, string? userName, CancellationToken cancellationToken) =>
        userName == user.UserName ? Task.CompletedTask : throw new NotSupportedException("A user name is the directory's key and does not change.");

    public Task SetNormalizedUserNameAsync(StaffAccount user, string? normalizedName, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetPasswordHashAsync(StaffAccount user, string? passwordHash, CancellationToken cancellationToken) => Set(() => user.PasswordHash = passwordHash);

    public Task<string?> GetPasswordHashAsync(StaffAccount user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(StaffAccount user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(StaffAccount user, string stamp, CancellationToken cancellationToken) => Set(() => user.SecurityStamp = stamp);

    public Task<string?> GetSecurityStampAsync(StaffAccount user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(StaffAccount user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(StaffAccount user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken) => Set(() => user.LockoutEnd = lockoutEnd);

    public Task<int> IncrementAccessFailedCountAsync(StaffAccount user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(StaffAccount user, CancellationToken cancellationToken) => Set(() => user.AccessFailedCount = 0);

    public Task<int> GetAccessFailedCountAsync(StaffAccount user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    // Every staff account can be locked out: there is no account that guessing may go on against.
    public Task<bool> GetLockoutEnabledAsync(StaffAccount user, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task SetLockoutEnabledAsync(StaffAccount user, bool enabled, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetTwoFactorEnabledAsync(StaffAccount user, bool enabled, CancellationToken cancellationToken) => Set(() => user.TwoFactorEnabled = enabled);

    public Task<bool> GetTwoFactorEnabledAsync(StaffAccount user, CancellationToken cancellationToken) => Task.FromResult(user.TwoFactorEnabled);

    public Task SetAuthenticatorKeyAsync(StaffAccount user, string key, CancellationToken cancellationToken) => Set(() => user.AuthenticatorKey = key);

    public Task<string?> GetAuthenticatorKeyAsync(StaffAccount user, CancellationToken cancellationToken) => Task.FromResult(user.AuthenticatorKey);

    public void Dispose()
    {
    }

    private async Task<IdentityResult> SaveAsync(StaffAccount user)
    {
        var stamp = Guid.NewGuid().ToString("N");
        if (!await Grain(user.UserName).SaveAsync(user.ToState(stamp), user.StoredStamp))
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
        }

        user.StoredStamp = stamp;
        return IdentityResult.Success;
    }

    private static Task Set(Action change)
    {
        change();
        return Task.CompletedTask;
    }
}
