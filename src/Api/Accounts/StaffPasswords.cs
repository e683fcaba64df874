using Microsoft.AspNetCore.Identity;

namespace HccOrleans.Api.Accounts;

/// <summary>
/// The administrator sets a staff member's password (a first one, or one forgotten): the person must be in the
/// directory, the password pass Identity's validators; the account is created if needed and unlocked.
/// </summary>
public sealed class StaffPasswords(UserManager<StaffAccount> users, PeopleNames people)
{
    /// <summary>Why Identity's validators would refuse <paramref name="password"/>, checked before anything is written; null when it passes.</summary>
    public async Task<Rejection?> CheckAsync(string userName, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Invalid(["is required."]);
        }

        var account = await users.FindByNameAsync(userName) ?? new StaffAccount { UserName = userName };
        foreach (var validator in users.PasswordValidators)
        {
            if (await validator.ValidateAsync(users, account, password) is { Succeeded: false } weak)
            {
                return Invalid(weak);
            }
        }

        return null;
    }

    /// <summary>Null when set, else why not.</summary>
    public async Task<Rejection?> SetAsync(string userName, string? password)
    {
        if (!(await people.AllAsync()).ContainsKey(userName))
        {
            return new Rejection(RejectionKind.NotFound, RuleCodes.PersonNotFound, $"'{userName}' is not in the staff directory; enter the person first.");
        }

        if (await CheckAsync(userName, password) is { } weak)
        {
            return weak;
        }

        var account = await users.FindByNameAsync(userName);
        if (account is null)
        {
            account = new StaffAccount { UserName = userName };
            if (await users.CreateAsync(account) is { Succeeded: false } created)
            {
                return Invalid(created);
            }
        }

        account.PasswordHash = users.PasswordHasher.HashPassword(account, password!);
        account.AccessFailedCount = 0;
        account.LockoutEnd = null;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        return await users.UpdateAsync(account) is { Succeeded: false } saved ? Invalid(saved) : null;
    }

    private static Rejection Invalid(IdentityResult result) => Invalid([.. result.Errors.Select(e => e.Description)]);

    private static Rejection Invalid(string[] messages) =>
        new(RejectionKind.Invalid, RuleCodes.Validation, $"password: {string.Join(" ", messages)}", Errors: new() { ["password"] = messages });
}
