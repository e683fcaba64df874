namespace HccOrleans.Tests.Operate;

/// <summary>
/// The API as its own process, an Orleans client of a silo process on PostgreSQL, as a center deploys it behind a load
/// balancer: it starts, serves the catalogue, a submission and its receipt, and takes a citizen's feedback.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Operate")]
public sealed class ApiProcessTests(PostgresServer postgres)
{
    private const string Procedure = "9.000701.000.00.00.T";

    [Fact]
    public async Task TheApiProcess_StartsAsAClientOfTheCluster_AndServesDossiersAndFeedback()
    {
        var connectionString = await postgres.CreateDatabaseAsync("api_process");
        var cluster = $"api-{Guid.NewGuid():N}"[..20];
        await using var silo = new SiloProcess(connectionString, cluster);
        silo.Start();
        await silo.WaitReadyAsync();
        await using var api = new SiloProcess(connectionString, cluster, program: "Api");
        api.Start();
        await api.WaitReadyAsync();

        using var engine = new EngineHttp(api.BaseAddress);
        await engine.SeedAsync(Procedure, seconds: 36_000);
        var submitted = await engine.SubmitAsync(Procedure);
        var received = await engine.ReceiveAsync(TestCatalogue.Officer, submitted.Code);
        Assert.Equal(DossierStatus.Processing, received.Status);
        Assert.Equal(received.Version, (await engine.GetAsync(received.OfficialCode ?? received.Code)).Version);

        using var citizen = new HttpClient { BaseAddress = api.BaseAddress };
        using var feedback = await citizen.PostAsJsonAsync("/api/feedback", new { about = "regulation", content = "Đề nghị niêm yết thêm mẫu tờ khai", contact = "0905111222" });
        Assert.Equal(HttpStatusCode.Created, feedback.StatusCode);
    }
}
