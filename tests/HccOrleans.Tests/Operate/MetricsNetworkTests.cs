namespace HccOrleans.Tests.Operate;

/// <summary>A Prometheus server inside the center's network scrapes /metrics without a token; one outside it cannot.</summary>
[Trait("Category", "Operate")]
public sealed class MetricsNetworkTests
{
    [Theory]
    [InlineData("127.0.0.0/8", HttpStatusCode.OK)]
    [InlineData("10.0.0.0/8, 192.168.0.0/16", HttpStatusCode.Unauthorized)]
    public async Task Metrics_AreOpenWithoutAToken_OnlyToTheConfiguredNetworks(string networks, HttpStatusCode expected)
    {
        await using var fixture = new ApiFixture();
        await using var engine = fixture.WithWebHostBuilder(builder => builder.UseSetting($"{HccOrleans.Hosting.MetricsOptions.Section}:{nameof(HccOrleans.Hosting.MetricsOptions.AllowedNetworks)}", networks));
        engine.UseKestrel(0);
        using var prometheus = engine.CreateClient();
        Assert.Equal(expected, (await prometheus.GetAsync("/metrics")).StatusCode);
    }
}
