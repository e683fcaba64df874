using HccOrleans.Silo.Providers;
using HccOrleans.Grains.Interfaces.Settings;
using HccOrleans.Persistence;
using HccOrleans.Persistence.GroupCommit;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace HccOrleans.Silo.Hosting;

/// <summary>
/// The durable grain storage: the group-commit provider by default, or Orleans' ADO.NET provider with
/// <c>Storage:Provider=adonet</c>. Both use the same table, rows and version rule, so either reads what the other wrote.
/// </summary>
public static class GrainStorageSetup
{
    public const string ProviderKey = "Storage:Provider";
    public const string GroupCommit = "group-commit";
    public const string AdoNet = "adonet";

    public static ISiloBuilder AddHccGrainStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        var provider = configuration[ProviderKey] ?? GroupCommit;
        silo.UseStoredJson();
        switch (provider)
        {
            case GroupCommit:
                var options = BoundSettings.Checked(configuration, GroupCommitOptions.Section, new GroupCommitOptions());
                silo.Services.AddSingleton<IStateProjection>(services => new DossierIndexProjection(
                    services.GetRequiredService<IOptions<Orleans.Configuration.ClusterOptions>>().Value.ServiceId, DossierIndexRows.Instance));
                silo.Services.AddGrainStorage(SiloHostingExtensions.StorageName, (services, name) => new GroupCommitGrainStorage(
                    name,
                    services.GetRequiredService<NpgsqlDataSource>(),
                    services.GetRequiredService<IOptions<Orleans.Configuration.ClusterOptions>>(),
                    options,
                    services.GetRequiredService<IGrainStorageSerializer>(),
                    services.GetRequiredService<IActivatorProvider>(),
                    services.GetServices<IStateProjection>(),
                    services.GetRequiredService<ILogger<GroupCommitGrainStorage>>()));
                return silo;
            case AdoNet:
                return silo.AddAdoNetGrainStorage(SiloHostingExtensions.StorageName, o => o.Configure<NpgsqlDataSource, IGrainStorageSerializer>((storage, database, serializer) =>
                {
                    storage.Invariant = SiloHostingExtensions.AdoInvariant;
                    storage.DataSource = database;
                    storage.GrainStorageSerializer = serializer;
                }));
            default:
                throw new InvalidOperationException($"{ProviderKey} is '{provider}'; it is '{GroupCommit}' (the default) or '{AdoNet}'.");
        }
    }
}
