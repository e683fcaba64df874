namespace HccOrleans.Tests.Operate;

/// <summary>Every response forbids sniffing and framing; the center's pages also carry a content security policy.</summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Operate")]
public sealed class SecurityHeaderTests(ApiFixture api) : ApiTestBase(api)
{
    [Fact]
    public async Task Pages_CarryAContentSecurityPolicy_AndEveryResponseForbidsSniffingAndFraming()
    {
        var client = Api.CreateClient();
        var page = await client.GetAsync("/signin");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);

        var api = await client.GetAsync("/api/dossiers/000.00.99.H47-300107-9999");
        foreach (var response in new[] { page, api })
        {
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        }

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/dossiers");
        preflight.Headers.Add("Origin", "https://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        var crossOrigin = await client.SendAsync(preflight);
        Assert.False(crossOrigin.Headers.Contains("Access-Control-Allow-Origin"), "no cross-origin access unless configured");
    }
}
