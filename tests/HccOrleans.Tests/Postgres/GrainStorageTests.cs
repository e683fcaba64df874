using HccOrleans.Api.Hosting;
using HccOrleans.Silo.Hosting;
using HccOrleans.Silo.Persistence;
using HccOrleans.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Storage;

namespace HccOrleans.Tests.Postgres;

/// <summary>
/// The grain storage providers' contract on a real PostgreSQL, the same tests for the group-commit provider and for
/// Orleans' ADO.NET provider it stands in for: what was written is read back, a stale version is refused, concurrent
/// writers each get their own answer.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class GrainStorageTests(PostgresServer postgres)
{
    public sealed class ProbeState
    {
        public int Value { get; set; }

        public string Text { get; set; } = "";
    }

    private const string StateName = "probe";

    public static TheoryData<string> Providers => [GrainStorageSetup.GroupCommit, GrainStorageSetup.AdoNet];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WriteReadClear_RoundTripsTheStateAndItsVersion(string provider)
    {
        await using var silo = await StorageSilo.StartAsync(postgres, provider);
        var grain = GrainId.Create("probe", $"p-{Guid.NewGuid():N}");

        var missing = new GrainState<ProbeState>();
        await silo.Storage.ReadStateAsync(StateName, grain, missing);
        Assert.False(missing.RecordExists);
        Assert.Null(missing.ETag);

        var written = new GrainState<ProbeState> { State = new ProbeState { Value = 1, Text = "Hồ sơ đầu tiên" } };
        await silo.Storage.WriteStateAsync(StateName, grain, written);
        Assert.True(written.RecordExists);
        written.State!.Value = 2;
        await silo.Storage.WriteStateAsync(StateName, grain, written);

        var read = new GrainState<ProbeState>();
        await silo.Storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal((true, 2, "Hồ sơ đầu tiên", written.ETag), (read.RecordExists, read.State!.Value, read.State!.Text, read.ETag));

        await silo.Storage.ClearStateAsync(StateName, grain, read);
        Assert.False(read.RecordExists);
        var cleared = new GrainState<ProbeState>();
        await silo.Storage.ReadStateAsync(StateName, grain, cleared);
        Assert.Equal((false, 0, read.ETag), (cleared.RecordExists, cleared.State!.Value, cleared.ETag));

        cleared.State!.Value = 3;
        await silo.Storage.WriteStateAsync(StateName, grain, cleared);
        var again = new GrainState<ProbeState>();
        await silo.Storage.ReadStateAsync(StateName, grain, again);
        Assert.Equal((true, 3), (again.RecordExists, again.State!.Value));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Write_WithAStaleVersion_IsRefusedAndChangesNothing(string provider)
    {
        await using var silo = await StorageSilo.StartAsync(postgres, provider);
        var grain = GrainId.Create("probe", $"p-{Guid.NewGuid():N}");
        var first = new GrainState<ProbeState> { State = new ProbeState { Value = 1 } };
        await silo.Storage.WriteStateAsync(StateName, grain, first);

        var copy = new GrainState<ProbeState>();
        await silo.Storage.ReadStateAsync(StateName, grain, copy);
        first.State!.Value = 2;
        await silo.Storage.WriteStateAsync(StateName, grain, first);

        copy.State!.Value = 99;
        await Assert.ThrowsAsync<InconsistentStateException>(() => silo.Storage.WriteStateAsync(StateName, grain, copy));
        var secondFirstWrite = new GrainState<ProbeState> { State = new ProbeState { Value = 98 } };
        await Assert.ThrowsAsync<InconsistentStateException>(() => silo.Storage.WriteStateAsync(StateName, grain, secondFirstWrite));

        var stored = new GrainState<ProbeState>();
        await silo.Storage.ReadStateAsync(StateName, grain, stored);
        Assert.Equal((2, first.ETag), (stored.State!.Value, stored.ETag));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ConcurrentWriters_OfManyGrains_AllLand_AndOfOneVersion_ExactlyOneWins(string provider)
    {
        await using var silo = await StorageSilo.StartAsync(postgres, provider);
        var grains = Enumerable.Range(0, 300).Select(i => GrainId.Create("probe", $"many-{i}-{Guid.NewGuid():N}")).ToArray();
        await Task.WhenAll(grains.Select(async (grain, i) =>
        {
            var state = new GrainState<ProbeState> { State = new ProbeState { Value = i } };
            for (var round = 0; round < 5; round++)
            {
                state.State!.Text = $"round {round}";
                await silo.Storage.WriteStateAsync(StateName, grain, state);
            }
        }));

        foreach (var (grain, i) in grains.Select((g, i) => (g, i)))
        {
            var read = new GrainState<ProbeState>();
            await silo.Storage.ReadStateAsync(StateName, grain, read);
            Assert.Equal((i, "round 4", "5"), (read.State!.Value, read.State!.Text, read.ETag));
        }

        var contested = GrainId.Create("probe", $"one-{Guid.NewGuid():N}");
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            try
            {
                await silo.Storage.WriteStateAsync(StateName, contested, new GrainState<ProbeState> { State = new ProbeState { Value = i } });
                return i;
            }
            catch (InconsistentStateException)
            {
                return -1;
            }
        }));
        var winner = Assert.Single(outcomes, o => o >= 0);
        var stored = new GrainState<ProbeState>();
        await silo.Storage.ReadStateAsync(StateName, contested, stored);
        Assert.Equal((winner, "1"), (stored.State!.Value, stored.ETag));
    }

    [Fact]
    public async Task EitherProvider_ReadsWhatTheOtherWrote()
    {
        var connectionString = await postgres.CreateDatabaseAsync("storage_both");
        var grain = GrainId.Create("probe", $"p-{Guid.NewGuid():N}");
        var state = new GrainState<ProbeState> { State = new ProbeState { Value = 7, Text = "Sở Tư pháp" } };
        await using (var adoNet = await StorageSilo.StartAsync(postgres, GrainStorageSetup.AdoNet, connectionString))
        {
            await adoNet.Storage.WriteStateAsync(StateName, grain, state);
        }

        await using var groupCommit = await StorageSilo.StartAsync(postgres, GrainStorageSetup.GroupCommit, connectionString);
        var read = new GrainState<ProbeState>();
        await groupCommit.Storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal((7, "Sở Tư pháp", state.ETag), (read.State!.Value, read.State!.Text, read.ETag));
        read.State!.Value = 8;
        await groupCommit.Storage.WriteStateAsync(StateName, grain, read);
        Assert.Equal("2", read.ETag);
    }

    /// <summary>A silo of its own on a migrated database, with the engine's grain storage registration, hosting only storage.</summary>
    private sealed class StorageSilo(IHost host, NpgsqlDataSource database) : IAsyncDisposable
    {
        public IGrainStorage Storage { get; } = host.Services.GetRequiredKeyedService<IGrainStorage>(SiloHostingExtensions.StorageName);

        public static async Task<StorageSilo> StartAsync(PostgresServer postgres, string provider, string? connectionString = null)
        {
            connectionString ??= await postgres.CreateDatabaseAsync("storage");
            var database = PostgresDataSources.Create(connectionString, "storage-tests");
            await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [GrainStorageSetup.ProviderKey] = provider }).Build();
            var host = new HostBuilder()
                .UseOrleans(silo =>
                {
                    silo.UseLocalhostClustering(FreePorts.Next(), FreePorts.Next(), serviceId: "storage-tests", clusterId: $"storage-{Guid.NewGuid():N}");
                    silo.Services.AddSingleton(database);
                    silo.AddHccGrainStorage(configuration);
                })
                .Build();
            await host.StartAsync();
            return new StorageSilo(host, database);
        }

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
            await database.DisposeAsync();
        }
    }
}
