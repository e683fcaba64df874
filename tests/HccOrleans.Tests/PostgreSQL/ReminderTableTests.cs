using HccOrleans.Silo.Hosting;

namespace HccOrleans.Tests.PostgreSQL;

/// <summary>
/// The reminder tables' contract on a real PostgreSQL, the same tests for the group-committed table and for Orleans'
/// ADO.NET table it wraps: what was registered is read back, a stale version cannot remove a row, concurrent
/// registrations each get their own version and none is lost.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class ReminderTableTests(PostgresServer postgres)
{
    private static readonly DateTime Start = new(2026, 11, 30, 1, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string> Providers => [GrainStorageSetup.GroupCommit, GrainStorageSetup.AdoNet];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UpsertReadRemove_RoundTripsTheReminderAndItsVersion(string provider)
    {
        await using var silo = await StartAsync(provider);
        var grain = GrainId.Create("dossier", $"r-{Guid.NewGuid():N}");
        Assert.Null(await Table(silo).ReadRow(grain, "deadlines"));

        var first = await Table(silo).UpsertRow(Entry(grain, Start, TimeSpan.FromMinutes(5)));
        var moved = await Table(silo).UpsertRow(Entry(grain, Start.AddHours(-2), TimeSpan.FromMinutes(10)));
        Assert.NotEqual(first, moved);

        var read = await Table(silo).ReadRow(grain, "deadlines");
        Assert.Equal((Start.AddHours(-2), TimeSpan.FromMinutes(10), moved), (read!.StartAt, read.Period, read.ETag));
        var hash = grain.GetUniformHashCode();
        var inRange = await Table(silo).ReadRows(hash - 1, hash);
        Assert.Contains(inRange.Reminders, r => r.GrainId == grain && r.ETag == moved);

        Assert.False(await Table(silo).RemoveRow(grain, "deadlines", first!));
        Assert.NotNull(await Table(silo).ReadRow(grain, "deadlines"));
        Assert.True(await Table(silo).RemoveRow(grain, "deadlines", moved!));
        Assert.Null(await Table(silo).ReadRow(grain, "deadlines"));
        Assert.Empty((await Table(silo).ReadRows(grain)).Reminders);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ConcurrentUpserts_OfManyGrains_AllLand_AndOfOneRow_EachGetsItsOwnVersion(string provider)
    {
        await using var silo = await StartAsync(provider);
        var grains = Enumerable.Range(0, 300).Select(i => GrainId.Create("dossier", $"many-{i}-{Guid.NewGuid():N}")).ToArray();
        var answers = await Task.WhenAll(grains.Select(async (grain, i) =>
        {
            var versions = new List<string?>();
            for (var round = 0; round < 5; round++)
            {
                versions.Add(await Table(silo).UpsertRow(Entry(grain, Start.AddMinutes(i + round), TimeSpan.FromMinutes(5))));
            }

            return versions;
        }));

        Assert.All(answers, versions => Assert.Equal(["0", "1", "2", "3", "4"], versions));
        foreach (var (grain, i) in grains.Select((g, i) => (g, i)))
        {
            var read = await Table(silo).ReadRow(grain, "deadlines");
            Assert.Equal((Start.AddMinutes(i + 4), "4"), (read!.StartAt, read.ETag));
        }

        // Forty registrations of one reminder at once: none is lost, each is told a version of its own.
        var contested = GrainId.Create("dossier", $"one-{Guid.NewGuid():N}");
        var contestedVersions = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Table(silo).UpsertRow(Entry(contested, Start.AddMinutes(i), TimeSpan.FromMinutes(5)))));
        Assert.Equal(Enumerable.Range(0, 40).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), contestedVersions.Order());
        Assert.Equal("39", (await Table(silo).ReadRow(contested, "deadlines"))!.ETag);
    }

    [Fact]
    public async Task EitherTable_ReadsAndRemovesWhatTheOtherWrote()
    {
        var connectionString = await postgres.CreateDatabaseAsync("reminders_both");
        var grain = GrainId.Create("dossier", $"r-{Guid.NewGuid():N}");
        string? version;
        await using (var adoNet = await StartAsync(GrainStorageSetup.AdoNet, connectionString))
        {
            version = await Table(adoNet).UpsertRow(Entry(grain, Start, TimeSpan.FromMinutes(5)));
        }

        await using (var groupCommit = await StartAsync(GrainStorageSetup.GroupCommit, connectionString))
        {
            Assert.Equal(version, (await Table(groupCommit).ReadRow(grain, "deadlines"))!.ETag);
            version = await Table(groupCommit).UpsertRow(Entry(grain, Start.AddDays(1), TimeSpan.FromMinutes(5)));
            Assert.Equal("1", version);
        }

        await using var again = await StartAsync(GrainStorageSetup.AdoNet, connectionString);
        Assert.Equal((Start.AddDays(1), version), ((await Table(again).ReadRow(grain, "deadlines"))!.StartAt, (await Table(again).ReadRow(grain, "deadlines"))!.ETag));
        Assert.True(await Table(again).RemoveRow(grain, "deadlines", version!));
    }

    private static ReminderEntry Entry(GrainId grain, DateTime startAt, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = "deadlines", StartAt = startAt, Period = period };

    private Task<ProviderSilo> StartAsync(string provider, string? connectionString = null) =>
        ProviderSilo.StartAsync(postgres, ReminderTableSetup.ProviderKey, provider, (builder, configuration) => builder.AddHccReminderTable(configuration), connectionString);

    private static IReminderTable Table(ProviderSilo silo) => silo.Services.GetRequiredService<IReminderTable>();
}
