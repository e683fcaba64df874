using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace HccOrleans.Api.Accounts;

/// <summary>Where a sign-in attempt stands: signed in, waiting for a TOTP code (or for the authenticator to be set up), or refused.</summary>
public enum SignInStep
{
    Done,
    NeedsCode,
    NeedsEnrolment,
    Refused,
}

/// <summary>An attempt's outcome; <see cref="EnrolmentKey"/> is the new authenticator secret shown once, at enrolment.</summary>
public sealed record SignInAttempt(SignInStep Step, string? Error = null, string? EnrolmentKey = null);

/// <summary>
/// Staff sign-in with the engine's own accounts: the password (every failure counted toward lockout), then for
/// directors and administrators a TOTP code from their authenticator, set up at their first sign-in. Between the two
/// the person holds only a five-minute second-factor cookie. The roles and unit signed in with are the staff
/// directory's; an inactive person cannot sign in whatever their password.
/// </summary>
public sealed partial class AccountSignIn(UserManager<StaffAccount> users, PeopleNames people, BrowserSignIn browser, ILogger<AccountSignIn> logger)
{
    public const string SecondFactorScheme = "hcc.second-factor";

    private const string WrongCredentials = "Tên đăng nhập hoặc mật khẩu không đúng.";

    /// <summary>Directors and administrators see and change everything: their accounts need a second factor.</summary>
    public static bool NeedsSecondFactor(Person person) => person.Roles.Any(r => r is Role.Director or Role.Admin);

    public async Task<SignInAttempt> PasswordAsync(HttpContext http, string? userName, string? password)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return new(SignInStep.Refused, "Hãy nhập tên đăng nhập và mật khẩu.");
        }

        var (person, account) = await FindAsync(userName.Trim());
        if (person is null || account?.PasswordHash is null)
        {
            LogRefused(logger, userName.Trim(), "no such active account");
            return new(SignInStep.Refused, WrongCredentials);
        }

        if (await users.IsLockedOutAsync(account))
        {
            return Locked(account);
        }

        if (!await users.CheckPasswordAsync(account, password))
        {
            return await FailedAsync(account, WrongCredentials);
        }

        await users.ResetAccessFailedCountAsync(account);
        if (!NeedsSecondFactor(person))
        {
            await browser.AsPersonAsync(http, person, "password");
            return new(SignInStep.Done);
        }

        var pending = new ClaimsIdentity([new Claim(ClaimTypes.Name, person.UserName)], SecondFactorScheme);
        await http.SignInAsync(SecondFactorScheme, new ClaimsPrincipal(pending));
        if (account.TwoFactorEnabled && account.AuthenticatorKey is not null)
        {
            return new(SignInStep.NeedsCode);
        }

        await users.ResetAuthenticatorKeyAsync(account);
        return new(SignInStep.NeedsEnrolment, EnrolmentKey: account.AuthenticatorKey);
    }

    /// <summary>The second step: the code of the person who gave the right password within the last five minutes.</summary>
    public async Task<SignInAttempt> CodeAsync(HttpContext http, string? code)
    {
        var pending = await http.AuthenticateAsync(SecondFactorScheme);
        if (pending.Principal?.Identity?.Name is not { } userName)
        {
            return new(SignInStep.Refused, "Phiên đăng nhập đã hết hạn: hãy nhập lại mật khẩu.");
        }

        var (person, account) = await FindAsync(userName);
        if (person is null || account is null)
        {
            return new(SignInStep.Refused, WrongCredentials);
        }

        if (await users.IsLockedOutAsync(account))
        {
            await http.SignOutAsync(SecondFactorScheme);
            return Locked(account);
        }

        var enrolling = !account.TwoFactorEnabled;
        if (!await users.VerifyTwoFactorTokenAsync(account, ReplayProtectedTotp.Name, code ?? ""))
        {
            var failed = await FailedAsync(account, "Mã xác thực không đúng, đã hết hiệu lực hoặc đã được dùng: hãy nhập mã mới trên ứng dụng xác thực.");
            if (await users.IsLockedOutAsync(account))
            {
                await http.SignOutAsync(SecondFactorScheme);
                return failed;
            }

            return failed with { Step = enrolling ? SignInStep.NeedsEnrolment : SignInStep.NeedsCode, EnrolmentKey = enrolling ? account.AuthenticatorKey : null };
        }

        if (enrolling)
        {
            await users.SetTwoFactorEnabledAsync(account, true);
        }

        await users.ResetAccessFailedCountAsync(account);
        await http.SignOutAsync(SecondFactorScheme);
        await browser.AsPersonAsync(http, person, "password and TOTP");
        return new(SignInStep.Done);
    }

    /// <summary>Who is between the password and the code, and the authenticator key to set up if they have none yet; null when no one is.</summary>
    public async Task<(string UserName, string? EnrolmentKey)?> PendingAsync(HttpContext http)
    {
        if ((await http.AuthenticateAsync(SecondFactorScheme)).Principal?.Identity?.Name is not { } userName
            || await users.FindByNameAsync(userName) is not { } account)
        {
            return null;
        }

        return (userName, account.TwoFactorEnabled ? null : account.AuthenticatorKey);
    }

    private async Task<(Person? Person, StaffAccount? Account)> FindAsync(string userName)
    {
        var person = await people.OfAsync(userName);
        return (person is { Active: true } ? person : null, await users.FindByNameAsync(userName));
    }

    private async Task<SignInAttempt> FailedAsync(StaffAccount account, string error)
    {
        await users.AccessFailedAsync(account);
        if (await users.IsLockedOutAsync(account))
        {
            LogLockedOut(logger, account.UserName);
            return Locked(account);
        }

        var left = users.Options.Lockout.MaxFailedAccessAttempts - account.AccessFailedCount;
        LogRefused(logger, account.UserName, "wrong password or code");
        return new(SignInStep.Refused, $"{error} Còn {left} lần thử trước khi tài khoản bị tạm khoá.");
    }

    private SignInAttempt Locked(StaffAccount account) => new(SignInStep.Refused,
        $"Tài khoản tạm khoá do nhập sai quá {users.Options.Lockout.MaxFailedAccessAttempts} lần; hãy thử lại sau {Math.Ceiling(users.Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes)} phút hoặc liên hệ quản trị hệ thống.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for {UserName}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string userName, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {UserName} locked out after repeated failures")]
    private static partial void LogLockedOut(ILogger logger, string userName);
}
