using Microsoft.AspNetCore.Identity;

namespace HccOrleans.Api.Accounts;

/// <summary>
/// The administrator sets a staff member's password (a first one, or one forgotten): the person must be in the
/// directory, the password pass Identity's validators; the account is created if needed and unlocked.
/// </summary>
public sealed class StaffPasswords(UserManager<StaffAccount> users, PeopleNames people)
{
    /// <summary>Why Identity's validators would refuse <paramref name="password"/>, checked before anything is written; null when it passes.</summary>
    public async Task<Rejection?> CheckAsync(string userName, string? password) =>
        await WeaknessAsync(await users.FindByNameAsync(userName) ?? new StaffAccount { UserName = userName }, password);

    /// <summary>Null when set, else why not. One read of the account and one write, whether it is new or not.</summary>
    public async Task<Rejection?> SetAsync(string userName, string? password)
    {
        if (await people.OfAsync(userName) is null)
        {
            return new Rejection(RejectionKind.NotFound, RuleCodes.PersonNotFound, $"'{userName}' is not in the staff directory; enter the person first.");
        }

        var stored = await users.FindByNameAsync(userName);
        var account = stored ?? new StaffAccount { UserName = userName };
        if (await WeaknessAsync(account, password) is { } weak)
        {
            return weak;
        }

        account.PasswordHash = users.PasswordHasher.HashPassword(account, password!);
        account.AccessFailedCount = 0;
        account.LockoutEnd = null;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        var saved = stored is null ? await users.CreateAsync(account) : await users.UpdateAsync(account);
        return saved.Succeeded ? null : Invalid(saved);
    }

    private async Task<Rejection?> WeaknessAsync(StaffAccount account, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Invalid(["is required."]);
        }

        foreach (var validator in users.PasswordValidators)
        {
            if (await validator.ValidateAsync(users, account, password) is { Succeeded: false } weak)
            {
                return Invalid(weak);
            }
        }

        return null;
    }

    private static Rejection Invalid(IdentityResult result) => Invalid([.. result.Errors.Select(e => e.Description)]);

    private static Rejection Invalid(string[] messages) =>
        new(RejectionKind.Invalid, RuleCodes.Validation, $"password: {string.Join(" ", messages)}", Errors: new() { ["password"] = messages });
}
