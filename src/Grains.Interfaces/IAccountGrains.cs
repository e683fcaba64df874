using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces;

/// <summary>
/// A staff member's sign-in credentials, keyed by the directory's user name: what ASP.NET Core Identity's user store
/// keeps, in the engine's storage. A write names the concurrency stamp it read, so two sign-ins racing over the
/// failed-attempt count or the last TOTP step cannot both win.
/// </summary>
public interface IAccountGrain : IGrainWithStringKey
{
    [RepeatSafe, Alias("Get")] Task<AccountState?> GetAsync();

    /// <summary>Stores <paramref name="next"/> if the stored stamp is still <paramref name="expectedStamp"/> (null: no account yet); false otherwise.</summary>
    [Alias("Save")] Task<bool> SaveAsync(AccountState next, string? expectedStamp);
}

/// <summary>A machine client (the portal, payment and messaging adapters) that exchanges its secret for a token.</summary>
public interface IServiceAccountGrain : IGrainWithStringKey
{
    [RepeatSafe, Alias("Get")] Task<ServiceAccount?> GetAsync();

    [Alias("Put")] Task<ServiceAccount> PutAsync(ServiceAccount account);
}
