using HccOrleans.Grains.Hosting;

namespace HccOrleans.Grains.Accounts;

[GenerateSerializer, Alias("hcc.ServiceAccountGrainState")]
public sealed record ServiceAccountGrainState
{
    [Id(0)] public ServiceAccount? Account { get; init; }
}

/// <summary>One service account; the administrator enters it, rotates its secret and deactivates it (never deletes it).</summary>
[GrainType("service-account")]
public sealed class ServiceAccountGrain([PersistentState("service-account", "hcc")] IPersistentState<ServiceAccountGrainState> state) : Grain, IServiceAccountGrain
{
    public Task<ServiceAccount?> GetAsync() => Task.FromResult(state.State.Account);

    public async Task<ServiceAccount> PutAsync(ServiceAccount account)
    {
        var entry = account with { ClientId = this.GetPrimaryKeyString(), Roles = [.. account.Roles.Distinct().Order()] };
        await state.ReplaceAsync(new ServiceAccountGrainState { Account = entry });
        return entry;
    }
}
