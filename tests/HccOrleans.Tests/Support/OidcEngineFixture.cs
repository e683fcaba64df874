using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HccOrleans.Tests.Support;

/// <summary>
/// The co-hosted engine configured to sign staff in through <see cref="TestOidcProvider"/> and to accept its access
/// tokens, mapping the provider's role words ("chuyen-vien", "quan-tri") to the engine's roles.
/// </summary>
public sealed class OidcEngineFixture : WebApplicationFactory<HccOrleans.Silo.SiloProgram>, IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(TestCatalogue.Epoch);

    public TestOidcProvider Provider { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await TestOidcProvider.StartAsync();
        await EngineHost.SeedAsync(await DevTokens.SignedInAsync(CreateClient(), "admin", ["admin"], ""), DevTokens.Json);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Provider.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        EngineHost.Configure(builder, Clock, lookupPermitsPerMinute: 100);
        builder.UseSetting("Auth:Oidc:Authority", Provider.Issuer.ToString().TrimEnd('/'));
        builder.UseSetting("Auth:Oidc:ClientId", TestOidcProvider.ClientId);
        builder.UseSetting("Auth:Oidc:ClientSecret", TestOidcProvider.ClientSecret);
        builder.UseSetting("Auth:Oidc:DisplayName", "Cổng xác thực thử nghiệm");
        builder.UseSetting("Auth:Oidc:RequireHttpsMetadata", "false");
        builder.UseSetting("Auth:Oidc:Roles:chuyen-vien", "specialist");
        builder.UseSetting("Auth:Oidc:Roles:quan-tri", "admin");
    }
}
