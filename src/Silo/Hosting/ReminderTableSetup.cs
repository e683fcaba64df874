using HccOrleans.Silo.Providers;
using HccOrleans.Grains.Interfaces.Settings;
using HccOrleans.Persistence.GroupCommit;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace HccOrleans.Silo.Hosting;

/// <summary>
/// The durable reminder table: Orleans' ADO.NET table with its upserts group-committed by default, or the ADO.NET
/// table alone with <c>Reminders:Provider=adonet</c>. Both use the same table, rows and version rule.
/// </summary>
public static class ReminderTableSetup
{
    public const string ProviderKey = "Reminders:Provider";
    public const string OptionsSection = "Reminders:GroupCommit";

    public static ISiloBuilder AddHccReminderTable(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.UseAdoNetReminderService(o => o.Configure<NpgsqlDataSource>((options, database) =>
        {
            options.Invariant = SiloHostingExtensions.AdoInvariant;
            options.DataSource = database;
        }));
        var provider = configuration[ProviderKey] ?? GrainStorageSetup.GroupCommit;
        switch (provider)
        {
            case GrainStorageSetup.GroupCommit:
                // One writer keeps up: a batch commits while the next one gathers.
                var options = BoundSettings.Checked(configuration, OptionsSection, new GroupCommitOptions { Writers = 1 });
                var adoNet = silo.Services.Last(d => d.ServiceType == typeof(IReminderTable));
                silo.Services.Remove(adoNet);
                silo.Services.AddSingleton<IReminderTable>(services => new GroupCommitReminderTable(
                    (IReminderTable)ActivatorUtilities.CreateInstance(services, adoNet.ImplementationType!),
                    services.GetRequiredService<NpgsqlDataSource>(),
                    services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
                    options,
                    services.GetRequiredService<ILogger<GroupCommitReminderTable>>()));
                return silo;
            case GrainStorageSetup.AdoNet:
                return silo;
            default:
                throw new InvalidOperationException(
                    $"{ProviderKey} is '{provider}'; it is '{GrainStorageSetup.GroupCommit}' (the default) or '{GrainStorageSetup.AdoNet}'.");
        }
    }
}
