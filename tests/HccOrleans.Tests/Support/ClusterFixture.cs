using HccOrleans.Grains.Hosting;
using Microsoft.Extensions.Time.Testing;
using Orleans.Reminders;
using Orleans.TestingHost;

namespace HccOrleans.Tests.Support;

/// <summary>
/// One two-silo in-memory cluster for all grain tests, with the engine clock on a fake time provider.
/// Tests in the collection run one at a time; each takes a fresh week with <see cref="ClockExtensions.StartNextWeek"/>.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(TestCatalogue.Epoch);

    /// <summary>Every notification the silos send, shared by both silos.</summary>
    public RecordingNotificationSender Notifications { get; } = new();

    public ReminderProbe Reminders { get; } = new();

    /// <summary>Holds a grain method's calls on both silos while a test looks at what waits for them.</summary>
    public CallHolds Holds { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("hcc");
            silo.UseInMemoryReminderService();
            silo.AddIncomingGrainCallFilter(Holds.InvokeAsync);
            // Every reminder stays loaded, so that one jump of the fake clock fires it.
            silo.Configure<ReminderOptions>(o => o.ReminderLoadingWindow = TimeSpan.FromDays(3650));
        });
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddHccGrainServices(host.Configuration);
            host.Services.AddKeyedSingleton<TimeProvider>(EngineClock.Key, Clock);
            host.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, Clock);
            host.Services.AddSingleton<INotificationSender>(Notifications);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        await SeedAsync(Cluster.Client);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Reminders.Dispose();
    }

    public static async Task SeedAsync(IGrainFactory grains)
    {
        foreach (var unit in TestCatalogue.Units)
        {
            Assert.Null((await grains.GetGrain<IUnitDirectoryGrain>(GrainKeys.Units).PutAsync(unit)).Rejection);
        }

        foreach (var (code, definition) in TestCatalogue.Procedures)
        {
            Assert.Null((await grains.GetGrain<IProcedureGrain>(GrainKeys.Procedure(code)).PutAsync(definition)).Rejection);
        }

        foreach (var year in TestCatalogue.TestYears)
        {
            Assert.Null((await grains.GetGrain<IHolidayCalendarGrain>(GrainKeys.Calendar(year)).PutAsync([], [])).Rejection);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
