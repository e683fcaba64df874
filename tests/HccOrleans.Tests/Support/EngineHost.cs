using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace HccOrleans.Tests.Support;

/// <summary>What every in-process host of the engine in the tests shares: Development, no demo seed, a cluster of its own, the fake clock.</summary>
public static class EngineHost
{
    public static void Configure(IWebHostBuilder builder, FakeTimeProvider clock, int lookupPermitsPerMinute, Action<IServiceCollection>? services = null)
    {
        Isolated(builder, "Development");
        builder.UseSetting("Lookup:PermitsPerMinute", lookupPermitsPerMinute.ToString(CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(s =>
        {
            s.AddKeyedSingleton<TimeProvider>(EngineClock.Key, clock);
            services?.Invoke(s);
        });
    }

    /// <summary>An engine of its own in <paramref name="environment"/>: no demo seed, its own cluster id and free ports.</summary>
    public static void Isolated(IWebHostBuilder builder, string environment)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("Orleans:ClusterId", $"tests-{Guid.NewGuid():N}");
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Enters the test catalogue through the API, as an administrator would.</summary>
    public static async Task SeedAsync(HttpClient admin, System.Text.Json.JsonSerializerOptions json)
    {
        foreach (var unit in TestCatalogue.Units)
        {
            (await admin.PutAsJsonAsync($"/api/units/{unit.AgencyCode}", new { unit.Name, unit.ElectronicId, unit.Kind }, json)).EnsureSuccessStatusCode();
        }

        foreach (var (code, definition) in TestCatalogue.Procedures)
        {
            (await admin.PutAsJsonAsync($"/api/procedures/{code}", definition, json)).EnsureSuccessStatusCode();
        }

        foreach (var person in TestCatalogue.People)
        {
            (await admin.PutAsJsonAsync($"/api/people/{person.UserName}", new { person.FullName, person.Title, person.Unit, roles = person.Roles.Select(EnumWords.Of), person.Active }, json))
                .EnsureSuccessStatusCode();
        }

        foreach (var year in TestCatalogue.TestYears)
        {
            (await admin.PutAsJsonAsync($"/api/calendar/{year}", new { holidays = Array.Empty<DateOnly>(), workingDays = Array.Empty<DateOnly>() }, json))
                .EnsureSuccessStatusCode();
        }
    }
}
