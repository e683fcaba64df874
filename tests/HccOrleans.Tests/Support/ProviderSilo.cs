using HccOrleans.Api.Hosting;
using HccOrleans.Hosting;
using HccOrleans.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace HccOrleans.Tests.Support;

/// <summary>
/// A silo of its own on a migrated database that hosts only the providers under test, registered as the engine
/// registers them (one configuration key chooses which), for the providers' contract tests.
/// </summary>
public sealed class ProviderSilo(IHost host, NpgsqlDataSource database) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;

    public static async Task<ProviderSilo> StartAsync(
        PostgresServer postgres, string providerKey, string provider, Action<ISiloBuilder, IConfiguration> register, string? connectionString = null)
    {
        connectionString ??= await postgres.CreateDatabaseAsync("providers");
        var database = PostgresDataSources.Create(connectionString, "provider-tests");
        await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [providerKey] = provider }).Build();
        var host = new HostBuilder()
            .UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(FreePorts.Next(), FreePorts.Next(), serviceId: "provider-tests", clusterId: $"providers-{Guid.NewGuid():N}");
                silo.Services.AddSingleton(database);
                register(silo, configuration);
            })
            .Build();
        await host.StartAsync();
        return new ProviderSilo(host, database);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        await database.DisposeAsync();
    }
}
