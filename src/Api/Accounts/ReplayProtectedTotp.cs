using Microsoft.AspNetCore.Identity;

namespace HccOrleans.Api.Accounts;

/// <summary>
/// The authenticator token provider of staff accounts: a code of the current 30-second step, or of the one before or
/// after (clocks drift), and never a code of a step already used. The step accepted is stored with the account over
/// its concurrency stamp, so the same code presented twice at once is accepted once.
/// </summary>
public sealed class ReplayProtectedTotp(EngineNow clock) : IUserTwoFactorTokenProvider<StaffAccount>
{
    public const string Name = "hcc-totp";

    /// <summary>How many steps either side of now a code may come from.</summary>
    public const int Window = 1;

    public Task<string> GenerateAsync(string purpose, UserManager<StaffAccount> manager, StaffAccount user) =>
        throw new NotSupportedException("Codes come from the person's authenticator app, never from the engine.");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffAccount> manager, StaffAccount user)
    {
        var code = new string(token.Where(char.IsAsciiDigit).ToArray());
        if (code.Length != 6 || await manager.GetAuthenticatorKeyAsync(user) is not { } text || Totp.KeyOf(text) is not { Length: > 0 } key)
        {
            return false;
        }

        var now = Totp.StepAt(clock.Now);
        for (var step = now - Window; step <= now + Window; step++)
        {
            if (step > user.LastTotpStep && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(Totp.Code(key, step)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                user.LastTotpStep = step;
                return (await manager.UpdateAsync(user)).Succeeded;
            }
        }

        return false;
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffAccount> manager, StaffAccount user) => Task.FromResult(user.AuthenticatorKey is not null);
}
