using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HccOrleans.Tests.Support;

/// <summary>
/// The co-hosted engine on a real loopback port (Kestrel), on in-memory storage and the fake engine clock, and one
/// headless Chromium (<see cref="Chromium"/>) that every browser test opens its own context in. What it is seeded with
/// is the subclass's: the test catalogue, or the quick start's demo.
/// </summary>
public abstract class BrowserEngine(DateTimeOffset start) : WebApplicationFactory<HccOrleans.Silo.SiloProgram>, IAsyncLifetime
{
    private IPlaywright? _playwright;

    public FakeTimeProvider Clock { get; } = new(start);

    public int Port { get; } = FreePorts.Next();

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public IBrowser Browser { get; private set; } = null!;

    public JsonSerializerOptions Json => DevTokens.Json;

    public async Task InitializeAsync()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, Port));
        StartServer();
        await SeedAsync();
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

    /// <summary>What the engine holds before the first test: entered through the API, or seeded by the silo itself.</summary>
    protected abstract Task SeedAsync();

    /// <summary>Wrong passwords or codes before a staff account locks, in the browser tests (the engine's default is 5).</summary>
    public const int MaxFailedAttempts = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        EngineHost.Configure(builder, Clock, lookupPermitsPerMinute: 1000);
        builder.UseSetting("Auth:MaxFailedAttempts", MaxFailedAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>The browser tests' engine, with the test catalogue entered.</summary>
public sealed class BrowserFixture() : BrowserEngine(TestCatalogue.Epoch)
{
    protected override async Task SeedAsync() => await EngineHost.SeedAsync(await ClientAsync("admin", ["admin"], ""), Json);
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
