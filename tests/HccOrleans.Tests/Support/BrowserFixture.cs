using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HccOrleans.Tests.Support;

/// <summary>
/// The co-hosted engine on a real loopback port (Kestrel), on in-memory storage and the fake engine clock, with the
/// test catalogue entered, and one headless Chromium (<see cref="Chromium"/>) that every browser test opens its own context in.
/// </summary>
public sealed class BrowserFixture : WebApplicationFactory<HccOrleans.Silo.SiloProgram>, IAsyncLifetime
{
    private IPlaywright? _playwright;

    public FakeTimeProvider Clock { get; } = new(TestCatalogue.Epoch);

    public int Port { get; } = FreePorts.Next();

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public IBrowser Browser { get; private set; } = null!;

    public JsonSerializerOptions Json => DevTokens.Json;

    public async Task InitializeAsync()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, Port));
        StartServer();
        await EngineHost.SeedAsync(await ClientAsync("admin", ["admin"], ""), Json);
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await DisposeAsync();
    }

    /// <summary>An HTTP client of the real server carrying a development token: to set a scene faster than through pages.</summary>
    public async Task<HttpClient> ClientAsync(string subject, string[] roles, string agency)
    {
        return await DevTokens.SignedInAsync(new HttpClient { BaseAddress = BaseAddress }, subject, roles, agency);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => EngineHost.Configure(builder, Clock, lookupPermitsPerMinute: 1000);

}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
