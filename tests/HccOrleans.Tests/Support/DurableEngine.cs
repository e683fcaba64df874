using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HccOrleans.Tests.Support;

/// <summary>The co-hosted engine in the test process on a PostgreSQL database, with settings and services of the test's own.</summary>
public sealed class DurableEngine(string connectionString, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<HccOrleans.Silo.SiloProgram>
{
    /// <summary>An HTTP client carrying a development token for one role and agency.</summary>
    public async Task<HttpClient> ClientAsync(string subject, string role, string agency)
    {
        return await DevTokens.SignedInAsync(CreateClient(), subject, [role], agency);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Hcc", connectionString);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        EngineHost.Configure(builder, new FakeTimeProvider(TestCatalogue.Epoch), 30, services);
    }
}
