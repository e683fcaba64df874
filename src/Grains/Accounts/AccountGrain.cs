using HccOrleans.Grains.Hosting;

namespace HccOrleans.Grains.Accounts;

[GenerateSerializer, Alias("hcc.AccountGrainState")]
public sealed record AccountGrainState
{
    [Id(0)] public AccountState? Account { get; init; }
}

/// <summary>One staff account's credentials, stored as the engine stores everything; written only over the stamp it was read with.</summary>
[GrainType("account")]
public sealed class AccountGrain([PersistentState("account", "hcc")] IPersistentState<AccountGrainState> state) : Grain, IAccountGrain
{
    public Task<AccountState?> GetAsync() => Task.FromResult(state.State.Account);

    public async Task<bool> SaveAsync(AccountState next, string? expectedStamp)
    {
        if (state.State.Account?.ConcurrencyStamp != expectedStamp || next.UserName != this.GetPrimaryKeyString())
        {
            return false;
        }

        await state.ReplaceAsync(new AccountGrainState { Account = next });
        return true;
    }
}
