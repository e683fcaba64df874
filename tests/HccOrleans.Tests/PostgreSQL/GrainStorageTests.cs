using HccOrleans.Grains.Dossiers;
using HccOrleans.Silo.Hosting;
using Orleans.Storage;

namespace HccOrleans.Tests.PostgreSQL;

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
    private const string DossierStateName = "dossier";

    public static TheoryData<string> Providers => [GrainStorageSetup.GroupCommit, GrainStorageSetup.AdoNet];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WriteReadClear_RoundTripsTheStateAndItsVersion(string provider)
    {
        await using var silo = await StartAsync(provider);
        var grain = GrainId.Create("probe", $"p-{Guid.NewGuid():N}");

        var missing = new GrainState<ProbeState>();
        await Storage(silo).ReadStateAsync(StateName, grain, missing);
        Assert.False(missing.RecordExists);
        Assert.Null(missing.ETag);

        var written = new GrainState<ProbeState> { State = new ProbeState { Value = 1, Text = "Hồ sơ đầu tiên" } };
        await Storage(silo).WriteStateAsync(StateName, grain, written);
        Assert.True(written.RecordExists);
        written.State!.Value = 2;
        await Storage(silo).WriteStateAsync(StateName, grain, written);

        var read = new GrainState<ProbeState>();
        await Storage(silo).ReadStateAsync(StateName, grain, read);
        Assert.Equal((true, 2, "Hồ sơ đầu tiên", written.ETag), (read.RecordExists, read.State!.Value, read.State!.Text, read.ETag));

        await Storage(silo).ClearStateAsync(StateName, grain, read);
        Assert.False(read.RecordExists);
        var cleared = new GrainState<ProbeState>();
        await Storage(silo).ReadStateAsync(StateName, grain, cleared);
        Assert.Equal((false, 0, read.ETag), (cleared.RecordExists, cleared.State!.Value, cleared.ETag));

        cleared.State!.Value = 3;
        await Storage(silo).WriteStateAsync(StateName, grain, cleared);
        var again = new GrainState<ProbeState>();
        await Storage(silo).ReadStateAsync(StateName, grain, again);
        Assert.Equal((true, 3), (again.RecordExists, again.State!.Value));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Write_WithAStaleVersion_IsRefusedAndChangesNothing(string provider)
    {
        await using var silo = await StartAsync(provider);
        var grain = GrainId.Create("probe", $"p-{Guid.NewGuid():N}");
        var first = new GrainState<ProbeState> { State = new ProbeState { Value = 1 } };
        await Storage(silo).WriteStateAsync(StateName, grain, first);

        var copy = new GrainState<ProbeState>();
        await Storage(silo).ReadStateAsync(StateName, grain, copy);
        first.State!.Value = 2;
        await Storage(silo).WriteStateAsync(StateName, grain, first);

        copy.State!.Value = 99;
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage(silo).WriteStateAsync(StateName, grain, copy));
        var secondFirstWrite = new GrainState<ProbeState> { State = new ProbeState { Value = 98 } };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage(silo).WriteStateAsync(StateName, grain, secondFirstWrite));

        var stored = new GrainState<ProbeState>();
        await Storage(silo).ReadStateAsync(StateName, grain, stored);
        Assert.Equal((2, first.ETag), (stored.State!.Value, stored.ETag));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ConcurrentWriters_OfManyGrains_AllLand_AndOfOneVersion_ExactlyOneWins(string provider)
    {
        await using var silo = await StartAsync(provider);
        var grains = Enumerable.Range(0, 300).Select(i => GrainId.Create("probe", $"many-{i}-{Guid.NewGuid():N}")).ToArray();
        await Task.WhenAll(grains.Select(async (grain, i) =>
        {
            var state = new GrainState<ProbeState> { State = new ProbeState { Value = i } };
            for (var round = 0; round < 5; round++)
            {
                state.State!.Text = $"round {round}";
                await Storage(silo).WriteStateAsync(StateName, grain, state);
            }
        }));

        foreach (var (grain, i) in grains.Select((g, i) => (g, i)))
        {
            var read = new GrainState<ProbeState>();
            await Storage(silo).ReadStateAsync(StateName, grain, read);
            Assert.Equal((i, "round 4", "5"), (read.State!.Value, read.State!.Text, read.ETag));
        }

        var contested = GrainId.Create("probe", $"one-{Guid.NewGuid():N}");
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            try
            {
                await Storage(silo).WriteStateAsync(StateName, contested, new GrainState<ProbeState> { State = new ProbeState { Value = i } });
                return i;
            }
            catch (InconsistentStateException)
            {
                return -1;
            }
        }));
        var winner = Assert.Single(outcomes, o => o >= 0);
        var stored = new GrainState<ProbeState>();
        await Storage(silo).ReadStateAsync(StateName, contested, stored);
        Assert.Equal((winner, "1"), (stored.State!.Value, stored.ETag));
    }

    [Fact]
    public async Task EitherProvider_ReadsWhatTheOtherWrote()
    {
        var connectionString = await postgres.CreateDatabaseAsync("storage_both");
        var grain = GrainId.Create("probe", $"p-{Guid.NewGuid():N}");
        var state = new GrainState<ProbeState> { State = new ProbeState { Value = 7, Text = "Sở Tư pháp" } };
        await using (var adoNet = await StartAsync(GrainStorageSetup.AdoNet, connectionString))
        {
            await Storage(adoNet).WriteStateAsync(StateName, grain, state);
        }

        await using var groupCommit = await StartAsync(GrainStorageSetup.GroupCommit, connectionString);
        var read = new GrainState<ProbeState>();
        await Storage(groupCommit).ReadStateAsync(StateName, grain, read);
        Assert.Equal((7, "Sở Tư pháp", state.ETag), (read.State!.Value, read.State!.Text, read.ETag));
        read.State!.Value = 8;
        await Storage(groupCommit).WriteStateAsync(StateName, grain, read);
        Assert.Equal("2", read.ETag);
    }

    [Fact]
    public async Task ADossierWriteThatLostItsVersionCheck_LeavesTheIndexRowAsTheWinnerWroteIt()
    {
        var connectionString = await postgres.CreateDatabaseAsync("storage_index");
        await using var silo = await StartAsync(GrainStorageSetup.GroupCommit, connectionString);
        var received = TestDossiers.ReceivedMonday0800();
        var grain = GrainId.Create("dossier", received.Code);
        var first = new GrainState<DossierState> { State = received };
        await Storage(silo).WriteStateAsync(DossierStateName, grain, first);

        // Two activations for a moment (a hand-off between silos): each took the same version a step further. The one
        // the store refuses must not reach the index either, though its row would carry the same dossier version.
        DossierState Renamed(string name) => received with { Version = received.Version + 1, Request = received.Request! with { Applicant = received.Request.Applicant with { Name = name } } };
        var winner = new GrainState<DossierState> { State = Renamed("Người ghi trước"), ETag = first.ETag };
        var loser = new GrainState<DossierState> { State = Renamed("Người ghi sau"), ETag = first.ETag };
        await Storage(silo).WriteStateAsync(DossierStateName, grain, winner);
        // A write queued beside the loser (most likely in its batch) still lands.
        var otherGrain = GrainId.Create("probe", $"p-{Guid.NewGuid():N}");
        var refused = Assert.ThrowsAsync<InconsistentStateException>(() => Storage(silo).WriteStateAsync(DossierStateName, grain, loser));
        await Storage(silo).WriteStateAsync(StateName, otherGrain, new GrainState<ProbeState> { State = new ProbeState { Value = 1 } });
        await refused;
        var other = new GrainState<ProbeState>();
        await Storage(silo).ReadStateAsync(StateName, otherGrain, other);
        Assert.Equal((1, "1"), (other.State!.Value, other.ETag));

        await using var database = Npgsql.NpgsqlDataSource.Create(connectionString);
        await using var command = database.CreateCommand("SELECT applicant_name, version FROM hcc_dossier_index WHERE code = $1");
        command.Parameters.AddWithValue(received.Code);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"No index row for {received.Code}.");
        Assert.Equal(("Người ghi trước", received.Version + 1), (reader.GetString(0), reader.GetInt64(1)));
    }

    private Task<ProviderSilo> StartAsync(string provider, string? connectionString = null) =>
        ProviderSilo.StartAsync(postgres, GrainStorageSetup.ProviderKey, provider, (builder, configuration) => builder.AddHccGrainStorage(configuration), connectionString);

    private static IGrainStorage Storage(ProviderSilo silo) => silo.Services.GetRequiredKeyedService<IGrainStorage>(SiloHostingExtensions.StorageName);
}
