using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HccOrleans.Tests.Operate;

/// <summary>Outside Development the engine refuses to start without a signing key of at least 32 bytes, and offers its accounts, not the demo users.</summary>
[Trait("Category", "Operate")]
public sealed class StartupSecurityTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("only-31-bytes-long-0123456789ab")]
    public void Production_WithAMissingOrShortSigningKey_RefusesToStart(string? key)
    {
        using var engine = new ProductionEngine(key);
        var refusal = Assert.ThrowsAny<Exception>(() => engine.CreateClient());
        Assert.Contains("Auth:SigningKey", Flatten(refusal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithA32ByteSigningKey_Starts_WithTheAccountSignInAndNoDevelopmentPicker()
    {
        await using var engine = new ProductionEngine("exactly-32-bytes-long-0123456789");
        using var client = engine.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        var signIn = await client.GetStringAsync("/signin");
        Assert.Contains("id=\"password-form\"", signIn, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-subject", signIn, StringComparison.Ordinal);
        using var devToken = await client.PostAsJsonAsync("/api/dev/token", new { sub = "admin", roles = new[] { "admin" }, agency = "" });
        Assert.Equal(System.Net.HttpStatusCode.NotFound, devToken.StatusCode);
    }

    private static string Flatten(Exception exception) =>
        exception is AggregateException aggregate ? string.Join(" ", aggregate.InnerExceptions.Select(Flatten)) : exception + (exception.InnerException is { } inner ? Flatten(inner) : "");

    private sealed class ProductionEngine(string? signingKey) : WebApplicationFactory<HccOrleans.Silo.SiloProgram>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            EngineHost.Isolated(builder, "Production");
            if (signingKey is not null)
            {
                builder.UseSetting("Auth:SigningKey", signingKey);
            }
        }
    }
}
