using HccOrleans.Persistence;
using HccOrleans.Silo.Providers;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Storage;
using Orleans.TestingHost;

namespace HccOrleans.Tests.PostgreSQL;

/// <summary>The team's own schema against the Orleans ADO.NET providers' behaviour, on a real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class SchemaTests(PostgresServer postgres)
{
    [Fact]
    public async Task Migrate_FourSilosAtOnceThenAgain_AppliesEveryMigrationExactlyOnce()
    {
        var connectionString = await postgres.CreateDatabaseAsync("schema");
        await using var database = NpgsqlDataSource.Create(connectionString);
        SchemaMigrator Migrator() => new(database, NullLogger<SchemaMigrator>.Instance);

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Migrator().MigrateAsync(CancellationToken.None)));
        var again = await Migrator().MigrateAsync(CancellationToken.None);

        Assert.Equal(SchemaMigrator.Migrations.Select(m => m.Version), concurrent.SelectMany(a => a).Order());
        Assert.Empty(again);
        await using var count = database.CreateCommand("SELECT count(*) FROM hcc_schema_version");
        Assert.Equal((long)SchemaMigrator.Migrations.Count, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AShippedMigrationChangedSinceItWasApplied_StopsTheStart_WithItsName()
    {
        var connectionString = await postgres.CreateDatabaseAsync("checksum");
        await using var database = NpgsqlDataSource.Create(connectionString);
        var migrator = new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(CancellationToken.None);
        await using (var checksums = database.CreateCommand("SELECT count(*) FROM hcc_schema_version WHERE checksum IS NOT NULL"))
        {
            Assert.Equal((long)SchemaMigrator.Migrations.Count, await checksums.ExecuteScalarAsync());
        }

        // What an edited 0006 would look like to this database: its recorded text differs from the build's.
        var edited = SchemaMigrator.Migrations.Single(m => m.Version == 6);
        await using (var tamper = database.CreateCommand("UPDATE hcc_schema_version SET checksum = $1 WHERE version = 6"))
        {
            tamper.Parameters.Add(new NpgsqlParameter { Value = SchemaMigrator.Checksum(edited.Sql + "\n-- an edit") });
            await tamper.ExecuteNonQueryAsync();
        }

        var refusal = await Assert.ThrowsAsync<ChangedMigrationException>(() => migrator.MigrateAsync(CancellationToken.None));
        Assert.Contains(edited.Name, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrationsAppliedBeforeChecksums_AreRecordedWithThisBuildsChecksum()
    {
        var connectionString = await postgres.CreateDatabaseAsync("legacy");
        await using var database = NpgsqlDataSource.Create(connectionString);
        var migrator = new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(CancellationToken.None);
        await using (var forget = database.CreateCommand("UPDATE hcc_schema_version SET checksum = NULL"))
        {
            await forget.ExecuteNonQueryAsync();
        }

        Assert.Empty(await migrator.MigrateAsync(CancellationToken.None));
        await using var recorded = database.CreateCommand("SELECT checksum FROM hcc_schema_version WHERE version = 1");
        Assert.Equal(SchemaMigrator.Checksum(SchemaMigrator.Migrations[0].Sql), await recorded.ExecuteScalarAsync());
    }

    [Fact]
    public async Task GrainStorage_WritesFromAStaleVersion_AreVersionConflicts()
    {
        var connectionString = await postgres.CreateDatabaseAsync("storage");
        await using (var database = NpgsqlDataSource.Create(connectionString))
        {
            await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        }

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.UseStoredJson().AddAdoNetGrainStorage("hcc", o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = connectionString;
        }));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var storage = cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>("hcc");
        var grain = GrainId.Create("dossier", "000.00.99.H47-300107-0001");

        // Two first writes of the same grain: the second finds the row the first created.
        var first = new GrainState<Probe>(new Probe(1));
        var racer = new GrainState<Probe>(new Probe(2));
        await storage.WriteStateAsync("probe", grain, first);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("probe", grain, racer));

        // Two writers that read the same version: one wins, the other is refused and changes nothing.
        var reader1 = new GrainState<Probe>();
        var reader2 = new GrainState<Probe>();
        await storage.ReadStateAsync("probe", grain, reader1);
        await storage.ReadStateAsync("probe", grain, reader2);
        reader1.State = new Probe(10);
        reader2.State = new Probe(20);
        await storage.WriteStateAsync("probe", grain, reader1);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("probe", grain, reader2));

        var reread = new GrainState<Probe>();
        await storage.ReadStateAsync("probe", grain, reread);
        Assert.Equal((10, reader1.ETag), (reread.State!.Value, reread.ETag));

        // The same key under another state name is another row: state names keep grain types apart.
        var other = new GrainState<Probe>();
        await storage.ReadStateAsync("other-probe", grain, other);
        Assert.False(other.RecordExists);
    }

    [GenerateSerializer]
    public sealed record Probe([property: Id(0)] int Value)
    {
        public Probe()
            : this(0)
        {
        }
    }
}
