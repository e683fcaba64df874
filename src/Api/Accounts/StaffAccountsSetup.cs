using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HccOrleans.Api.Accounts;

/// <summary>Staff accounts in the host: Identity over the account grains, the second factor's cookie, and sessions that end with the person.</summary>
public static class StaffAccountsSetup
{
    /// <summary>
    /// Staff accounts through ASP.NET Core Identity's <see cref="UserManager{TUser}"/> over the account grains: its
    /// password hasher and validators, its lockout, and the replay-protected TOTP provider for the second factor.
    /// </summary>
    public static void AddStaffAccounts(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(AccountSignIn.SecondFactorScheme, o =>
        {
            o.Cookie.Name = "hcc.second-factor";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            o.SlidingExpiration = false;
        });
        services.AddSingleton<ILookupNormalizer, UserNamesAsEntered>();
        services.AddIdentityCore<StaffAccount>()
            .AddUserStore<GrainAccountStore>()
            .AddTokenProvider<ReplayProtectedTotp>(ReplayProtectedTotp.Name);
        services.AddOptions<IdentityOptions>().Configure<IOptions<AuthOptions>>((identity, auth) =>
        {
            identity.Password = new PasswordOptions
            {
                RequiredLength = auth.Value.MinPasswordLength,
                RequireDigit = false,
                RequireLowercase = false,
                RequireUppercase = false,
                RequireNonAlphanumeric = false,
                RequiredUniqueChars = 4,
            };
            identity.Lockout.MaxFailedAccessAttempts = auth.Value.MaxFailedAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = auth.Value.LockoutFor;
            identity.Lockout.AllowedForNewUsers = true;
            identity.Tokens.AuthenticatorTokenProvider = ReplayProtectedTotp.Name;
            identity.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
        });
        services.AddScoped<AccountSignIn>();
        services.AddScoped<StaffPasswords>();
    }

    /// <summary>
    /// A session ends on the next request once its person is made inactive in the staff directory: a leaver's browser
    /// does not keep working for the rest of its eight hours. A user name the directory does not know (a demo user, a
    /// provider's user not entered) is left alone.
    /// </summary>
    public static async Task EndSessionsOfInactivePeopleAsync(CookieValidatePrincipalContext context)
    {
        var userName = context.Principal?.FindFirst(HccClaims.Subject)?.Value;
        if (userName is not null && await context.HttpContext.RequestServices.GetRequiredService<PeopleNames>().OfAsync(userName) is { Active: false })
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
