using HccOrleans.Api.Hosting;
using HccOrleans.Silo.Hosting;

namespace HccOrleans.Bench;

/// <summary>One silo with the engine's own hosting, in this process, on the given PostgreSQL database.</summary>
internal static class BenchSilo
{
    public static async Task<WebApplication> StartAsync(string connectionString, IReadOnlyDictionary<string, string?> overrides)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Hcc"] = connectionString,
            ["Seed:Demo"] = "false",
            ["Calendar:OfficeHours"] = "00:00-24:00",
            ["Orleans:ClusterId"] = "bench",
            ["Orleans:ServiceId"] = "bench",
            ["Auth:SigningKey"] = "benchmark-only-signing-key-not-a-secret-0123456789",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Error",
        }.Concat(overrides));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddHccSilo();
        builder.AddHccApi();
        var app = builder.Build();
        app.MapHccApi();
        await app.StartAsync();
        return app;
    }
}
