using HccOrleans.Grains.Dossiers;
using HccOrleans.Silo.Hosting;
using Orleans.Storage;

namespace HccOrleans.Tests.PostgreSQL;

/// <summary>
/// Orleans' System.Text.Json storage serializer, as the engine configures it, reads the rows the engine's former
/// serializer of its own wrote (<c>Stored/dossier-state-2026-11.json</c>, its bytes for a paid and apologized dossier)
/// and writes the same bytes again: the stored contract did not change with the serializer.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class StoredJsonTests(PostgresServer postgres)
{
    private static readonly byte[] WrittenBefore = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "PostgreSQL", "Stored", "dossier-state-2026-11.json"));

    public static TheoryData<string> Providers => [GrainStorageSetup.GroupCommit, GrainStorageSetup.AdoNet];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RowsOfThePreviousSerializer_ReadWithEveryFieldAndWriteBackTheSameBytes(string provider)
    {
        await using var silo = await ProviderSilo.StartAsync(postgres, GrainStorageSetup.ProviderKey, provider, (builder, configuration) =>
        {
            builder.AddHccGrainStorage(configuration);
            builder.AddAdoNetGrainStorage("before", o => o.Configure<Npgsql.NpgsqlDataSource>((storage, database) =>
            {
                storage.Invariant = SiloHostingExtensions.AdoInvariant;
                storage.DataSource = database;
                storage.GrainStorageSerializer = new Verbatim(WrittenBefore);
            }));
        });
        var grain = GrainId.Create("dossier", $"000.00.99.H47-251127-{Random.Shared.Next(10_000):D4}");
        await silo.Services.GetRequiredKeyedService<IGrainStorage>("before").WriteStateAsync("dossier", grain, new GrainState<DossierState>(new DossierState()));

        var read = new GrainState<DossierState>();
        await silo.Services.GetRequiredKeyedService<IGrainStorage>(SiloHostingExtensions.StorageName).ReadStateAsync("dossier", grain, read);

        var s = read.State!;
        Assert.Equal((5L, DossierStatus.Processing, ProcessingStep.Appraise, FilingChannel.Direct), (s.Version, s.Status, s.Step, s.Request!.Channel));
        Assert.Equal("Nguyễn Thị Ánh Tuyết", s.Request.Applicant.Name);
        Assert.Equal(new PaymentObligation(1_500_000m, "Lệ phí cấp giấy phép", Vn(2025, 3, 11, 10), Vn(2025, 3, 13, 15), "BL-0042"), s.Payment);
        Assert.Equal(new Apology(Vn(2025, 3, 14, 9), "Hồ sơ cần xin ý kiến liên ngành", Vn(2025, 4, 4, 17), Timely: true), s.Apology);
        Assert.Equal([DossierAction.Submit, DossierAction.Receive, DossierAction.RequestPayment, DossierAction.Pay, DossierAction.Apologize], s.Log.Select(l => l.Action));
        Assert.Equal(TimeSpan.FromHours(19), s.PausedWorkingTime);
        Assert.Equal(
            System.Text.Encoding.UTF8.GetString(WrittenBefore),
            System.Text.Encoding.UTF8.GetString(silo.Services.GetRequiredService<IGrainStorageSerializer>().Serialize(s).ToArray()));
    }

    private static DateTimeOffset Vn(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Writes the given bytes whatever the state: the former serializer's output, as it sits in a row.</summary>
    private sealed class Verbatim(byte[] payload) : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => new(payload);

        public T Deserialize<T>(BinaryData input) => throw new NotSupportedException("Only writes the former bytes.");
    }
}
