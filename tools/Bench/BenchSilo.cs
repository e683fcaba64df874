using HccOrleans.Api.Hosting;
using HccOrleans.Hosting;
using HccOrleans.Silo.Hosting;

namespace HccOrleans.Bench;

/// <summary>One silo with the engine's own hosting, in this process, on the given PostgreSQL database.</summary>
internal static class BenchSilo
{
    public static async Task<WebApplication> StartAsync(string connectionString, IReadOnlyDictionary<string, string?> overrides, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        var settings = Settings(connectionString, "bench");
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        services?.Invoke(builder.Services);
        builder.AddHccSilo();
        builder.AddHccApi();
        var app = builder.Build();
        app.MapHccApi();
        await app.StartAsync();
        return app;
    }

    /// <summary>What every silo of the benchmarks runs with, in this process or in a process of its own.</summary>
    public static Dictionary<string, string?> Settings(string connectionString, string clusterId) => new()
    {
        ["ConnectionStrings:Hcc"] = connectionString,
        ["Seed:Demo"] = "false",
        ["Calendar:OfficeHours"] = "00:00-24:00",
        ["Orleans:ClusterId"] = clusterId,
        ["Orleans:ServiceId"] = "bench",
        ["Auth:SigningKey"] = "benchmark-only-signing-key-not-a-secret-0123456789",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Orleans"] = "Error",
    };
}
