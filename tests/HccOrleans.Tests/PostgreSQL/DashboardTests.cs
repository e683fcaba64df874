namespace HccOrleans.Tests.PostgreSQL;

/// <summary>The Orleans dashboard of a cluster on PostgreSQL, opened in Chromium by a signed-in director: there only when asked for.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class DashboardTests(PostgresServer postgres)
{
    [Fact]
    public async Task Dashboard_OfATwoSiloCluster_ListsBothSilosForADirectorAndRefusesASpecialist()
    {
        var connectionString = await postgres.CreateDatabaseAsync("dashboard");
        var cluster = $"dashboard-{Guid.NewGuid():N}"[..20];
        await using var silos = await SiloCluster.StartAsync(connectionString, cluster, settings: new Dictionary<string, string> { ["Orleans:Dashboard"] = "true" });
        var (first, second) = (silos[0], silos[1]);
        using (var http = new EngineHttp(first.BaseAddress))
        {
            await http.SeedAsync("9.000700.000.00.00.T", seconds: 3600);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var director = await (await browser.NewContextAsync(new() { BaseURL = first.BaseAddress.ToString() })).NewPageAsync();
        await Chromium.SignInAsync(director, "director", "director", "");

        var page = await director.GotoAsync("/dashboard/");
        Assert.Equal(200, page!.Status);
        // Membership converges within seconds: ask the dashboard's own data until both silos are active in it.
        var hosts = Array.Empty<string>();
        for (var waited = Stopwatch.StartNew(); hosts.Length < 2 && waited.Elapsed < TimeSpan.FromSeconds(60);)
        {
            var counters = await director.APIRequest.GetAsync("/dashboard/DashboardCounters");
            Assert.Equal(200, counters.Status);
            hosts = [.. JsonDocument.Parse(await counters.TextAsync()).RootElement.GetProperty("hosts").EnumerateArray()
                .Where(h => h.GetProperty("status").GetString() == "Active").Select(h => h.GetProperty("siloAddress").GetString()!)];
            if (hosts.Length < 2)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }

        Assert.Equal(2, hosts.Distinct().Count());

        var specialist = await (await browser.NewContextAsync(new() { BaseURL = second.BaseAddress.ToString() })).NewPageAsync();
        await Chromium.SignInAsync(specialist, "specialist.aga", "specialist", TestCatalogue.AgencyA);
        Assert.Equal(403, (await specialist.GotoAsync("/dashboard/"))!.Status);
        Assert.Equal(403, (await specialist.APIRequest.GetAsync("/dashboard/DashboardCounters")).Status);
    }

    [Fact]
    public async Task Dashboard_OnPostgreSQL_IsOffUnlessAskedFor_AndTheMonitorPageSaysSo()
    {
        var connectionString = await postgres.CreateDatabaseAsync("dashboard-off");
        await using var silos = await SiloCluster.StartAsync(connectionString, $"nodash-{Guid.NewGuid():N}"[..20], silos: 1);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var director = await (await browser.NewContextAsync(new() { BaseURL = silos[0].BaseAddress.ToString() })).NewPageAsync();
        await Chromium.SignInAsync(director, "director", "director", "");

        Assert.Equal(404, (await director.APIRequest.GetAsync("/dashboard/DashboardCounters")).Status);
        Assert.Equal(200, (await director.GotoAsync("/monitor"))!.Status);
        Assert.Contains("Orleans:Dashboard=true", await director.Locator("#dashboard-off").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await director.Locator("iframe.monitor-frame").CountAsync());
    }
}
