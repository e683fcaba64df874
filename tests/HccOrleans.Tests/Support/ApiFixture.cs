using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HccOrleans.Tests.Support;

/// <summary>
/// The co-hosted engine (silo + API, as <c>dotnet run --project src/Silo</c> starts it) in the test process, on
/// fault-injecting in-memory storage and the fake engine clock, with the test catalogue entered through the API.
/// </summary>
public sealed class ApiFixture : WebApplicationFactory<HccOrleans.Silo.SiloProgram>, IAsyncLifetime
{
    public const int LookupPermitsPerMinute = 5;

    public FakeTimeProvider Clock { get; } = new(TestCatalogue.Epoch);

    public JsonSerializerOptions Json => DevTokens.Json;

    /// <summary>What the host logged, every category from Debug up.</summary>
    public LogCollector Logs { get; } = new();

    public async Task InitializeAsync() => await EngineHost.SeedAsync(await ClientAsync("admin", ["admin"], ""), Json);

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>An HTTP client carrying a development token for the given subject, roles and agency.</summary>
    public async Task<HttpClient> ClientAsync(string subject, string[] roles, string agency)
    {
        return await DevTokens.SignedInAsync(CreateClient(), subject, roles, agency);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        EngineHost.Configure(builder, Clock, LookupPermitsPerMinute, services =>
        {
            services.AddFaultInjectionMemoryStorage("hcc");
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
        });

}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
