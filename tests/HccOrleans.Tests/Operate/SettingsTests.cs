using HccOrleans.Api.Hosting;
using HccOrleans.Hosting;
using HccOrleans.Grains.Escalations;
using HccOrleans.Grains.Interfaces.Settings;
using HccOrleans.Silo.Seed;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace HccOrleans.Tests.Operate;

/// <summary>
/// Settings are bound once per process and checked before anything runs: a wrong one stops the start naming the
/// section, the setting and why; the silo, the grains and the API share one instance of each. The demo seed is an
/// Orleans startup task, so it is in before the first request is served.
/// </summary>
[Trait("Category", "Operate")]
public sealed class SettingsTests
{
    [Theory]
    [InlineData("Calendar:TimeZone", "Mars/Olympus_Mons", "Calendar:TimeZone")]
    [InlineData("Calendar:OfficeHours", "13:30-17:00,07:00-14:00", "Calendar:OfficeHours")]
    [InlineData("Calendar:LateReceiptCutoff", "3pm", "Calendar:LateReceiptCutoff")]
    [InlineData("Escalations:DueSoonWithin", "-08:00:00", "Escalations:DueSoonWithin")]
    [InlineData("Escalations:PaymentTimeoutDays", "0", "Escalations:PaymentTimeoutDays")]
    [InlineData("Lookup:PermitsPerMinute", "0", "Lookup:PermitsPerMinute")]
    [InlineData("Orleans:AdvertisedIPAddress", "not-an-address", "Orleans:AdvertisedIPAddress")]
    [InlineData("Orleans:ClusterId", "", "Orleans:ClusterId")]
    [InlineData("Metrics:AllowedNetworks", "10.0.0.0/8, intranet", "Metrics:AllowedNetworks")]
    [InlineData("Shutdown:Bound", "00:02:00", "Shutdown:Bound")]
    public void AWrongSetting_StopsTheStartNamingIt(string key, string value, string named)
    {
        using var engine = new Engine(new() { [key] = value });

        var refusal = Assert.ThrowsAny<Exception>(() => engine.CreateClient());

        var options = Assert.IsType<OptionsValidationException>(Innermost(refusal, e => e is OptionsValidationException));
        Assert.Contains(options.Failures, failure => failure.StartsWith(named, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EachSection_IsBoundOnceAndSharedByTheSiloTheGrainsAndTheApi()
    {
        await using var engine = new Engine(new() { ["Escalations:DueSoonWithin"] = "16:00:00", ["Calendar:LateReceiptCutoff"] = "15:00" });
        using var client = engine.CreateClient();

        Assert.Same(Bound<CalendarOptions>(engine), engine.Services.GetRequiredService<IOptions<CalendarOptions>>().Value);
        Assert.Same(Bound<EscalationOptions>(engine), engine.Services.GetRequiredService<IOptions<EscalationOptions>>().Value);
        Assert.Same(Bound<OrleansSettings>(engine), engine.Services.GetRequiredService<IOptions<OrleansSettings>>().Value);
        Assert.Same(Bound<LookupOptions>(engine), engine.Services.GetRequiredService<IOptions<LookupOptions>>().Value);
        Assert.Same(Bound<SeedOptions>(engine), engine.Services.GetRequiredService<IOptions<SeedOptions>>().Value);
        Assert.Same(Bound<MetricsOptions>(engine), engine.Services.GetRequiredService<IOptions<MetricsOptions>>().Value);
        Assert.Equal(TimeSpan.FromHours(16), engine.Services.GetRequiredService<IOptions<EscalationOptions>>().Value.DueSoonWithin);
        Assert.Equal(TimeSpan.FromHours(15), engine.Services.GetRequiredService<HccOrleans.Grains.Calendar.CalendarSettings>().LateReceiptCutoff);
    }

    [Fact]
    public async Task TheDemoSeed_IsInBeforeTheFirstRequest()
    {
        await using var engine = new Engine(new() { ["Seed:Demo"] = "true", ["Seed:DemoDossiers"] = "false" });
        using var client = await DevTokens.SignedInAsync(engine.CreateClient(), "director", ["director"], "");

        var procedures = await client.GetFromJsonAsync<JsonElement>("/api/procedures");

        Assert.Equal(DaNang2026Procedures.All.Select(p => p.Code).Order(StringComparer.Ordinal),
            procedures.EnumerateArray().Select(p => p.GetProperty("code").GetString()!).Order(StringComparer.Ordinal));
        var units = await client.GetFromJsonAsync<JsonElement>("/api/units");
        Assert.Equal(QuangNam2019Units.All.Length + DaNang2026.All.Length, units.GetArrayLength());
        var year2026 = await client.GetFromJsonAsync<JsonElement>("/api/calendar/2026");
        Assert.False(year2026.GetProperty("provisional").GetBoolean());
        Assert.Contains("2026-08-31", year2026.GetProperty("holidays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["2026-01-10", "2026-08-22"], year2026.GetProperty("workingDays").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task TheQuickStart_OpensOnTheDaNangCity_WithEveryDemoDossierFiled()
    {
        await using var engine = new Engine(new() { ["Seed:Demo"] = "true", ["Seed:DemoDossiers"] = "true" });
        using var client = await DevTokens.SignedInAsync(engine.CreateClient(), "director", ["director"], "");

        var dossiers = await client.GetFromJsonAsync<JsonElement>("/api/dossiers?pageSize=100");

        var items = dossiers.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(16, items.Length);
        Assert.Contains(items, d => d.GetProperty("receivingUnit").GetString() == DaNang2026.CommuneCenter("TAMKY") && d.GetProperty("handlingAgency").GetString() == DaNang2026.Finance);
        Assert.Contains(items, d => d.GetProperty("handlingAgency").GetString() == DaNang2026.CommuneCommittee("SONTRA"));
        var signIn = await engine.CreateClient().GetStringAsync("/signin");
        Assert.Contains($"value=\"{DaNang2026.Center}\"", signIn, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"TTHCC\"", signIn, StringComparison.Ordinal);
    }

    /// <summary>The one instance bound for the process (registering another would make two).</summary>
    private static T Bound<T>(Engine engine)
        where T : class => Assert.Single(engine.Services.GetServices<IOptions<T>>().OfType<OptionsWrapper<T>>()).Value;

    private static Exception? Innermost(Exception exception, Func<Exception, bool> match) => exception switch
    {
        _ when match(exception) => exception,
        AggregateException aggregate => aggregate.InnerExceptions.Select(e => Innermost(e, match)).FirstOrDefault(e => e is not null),
        { InnerException: { } inner } => Innermost(inner, match),
        _ => null,
    };

    private sealed class Engine(Dictionary<string, string> settings) : WebApplicationFactory<HccOrleans.Silo.SiloProgram>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            EngineHost.Isolated(builder, "Development");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
