using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HccOrleans.Tests.Api;

/// <summary>Service accounts' client credentials, and an OpenID Connect provider's tokens and sign-in, over HTTP.</summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Api")]
public sealed class AuthApiTests(ApiFixture api) : ApiTestBase(api)
{
    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) => new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    [Fact]
    public async Task ClientCredentials_GiveATokenThatWorks_AndAnInactiveServiceAccountsTokenIsRefused()
    {
        var admin = await Api.ClientAsync("admin", ["admin"], "");
        var (created, account) = await SendAsync(admin, HttpMethod.Put, "/api/service-accounts/portal-adapter", new { name = "Cổng dịch vụ công quốc gia", roles = new[] { "portal" } });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var secret = account.GetProperty("secret").GetString()!;
        var anonymous = Api.CreateClient();

        using var issued = await anonymous.PostAsync("/api/auth/token", Form(("grant_type", "client_credentials"), ("client_id", "portal-adapter"), ("client_secret", secret)));
        var token = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Equal(("Bearer", 900), (token.GetProperty("token_type").GetString(), token.GetProperty("expires_in").GetInt32()));
        var portal = Api.CreateClient();
        portal.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.Created, (await PostSubmissionAsync(portal)).StatusCode);

        // HTTP Basic carries the same credentials (RFC 6749 §2.3.1); a wrong secret and another grant are refused.
        using var basic = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = Form(("grant_type", "client_credentials")) };
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"portal-adapter:{secret}")));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(basic)).StatusCode);
        using var wrong = await anonymous.PostAsync("/api/auth/token", Form(("grant_type", "client_credentials"), ("client_id", "portal-adapter"), ("client_secret", secret + "x")));
        await AssertTokenErrorAsync(wrong, HttpStatusCode.Unauthorized, "invalid_client");
        using var password = await anonymous.PostAsync("/api/auth/token", Form(("grant_type", "password"), ("username", "a"), ("password", "b")));
        await AssertTokenErrorAsync(password, HttpStatusCode.BadRequest, "unsupported_grant_type");

        var (deactivated, _) = await SendAsync(admin, HttpMethod.Put, "/api/service-accounts/portal-adapter", new { name = "Cổng dịch vụ công quốc gia", roles = new[] { "portal" }, active = false });
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostSubmissionAsync(portal)).StatusCode);
        using var refused = await anonymous.PostAsync("/api/auth/token", Form(("grant_type", "client_credentials"), ("client_id", "portal-adapter"), ("client_secret", secret)));
        await AssertTokenErrorAsync(refused, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task SetPassword_ForSomeoneNotInTheDirectory_Is404_AndATooShortPasswordIs400NamingPassword()
    {
        var admin = await Api.ClientAsync("admin", ["admin"], "");

        var (unknown, unknownProblem) = await SendAsync(admin, HttpMethod.Put, "/api/accounts/nobody.here/password", new { password = "mot-mat-khau-dai" });
        var (weak, weakProblem) = await SendAsync(admin, HttpMethod.Put, $"/api/accounts/second.{AgencyA}/password", new { password = "ngan" });
        var (forbidden, _) = await SendAsync(await LeaderAsync(), HttpMethod.Put, $"/api/accounts/second.{AgencyA}/password", new { password = "mot-mat-khau-dai" });

        AssertProblem(unknown, unknownProblem, HttpStatusCode.NotFound, "person-not-found");
        AssertProblem(weak, weakProblem, HttpStatusCode.BadRequest, "validation");
        Assert.True(weakProblem.GetProperty("errors").TryGetProperty("password", out _));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private async Task<HttpResponseMessage> PostSubmissionAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers") { Content = JsonContent.Create(TestCatalogue.Request(channel: FilingChannel.Online), options: Api.Json) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    private static async Task AssertTokenErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((status, error, "invalid-client"), (response.StatusCode, body.GetProperty("error").GetString(), body.GetProperty("rule").GetString()));
    }
}

/// <summary>An OpenID Connect provider played by a local server that signs real RS256 tokens: its access tokens call the API, its sign-in opens a session.</summary>
[Trait("Category", "Api")]
public sealed class OidcApiTests(OidcEngineFixture engine) : IClassFixture<OidcEngineFixture>
{
    private async Task<HttpStatusCode> PutPersonAsync(string token)
    {
        var client = engine.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.PutAsJsonAsync("/api/people/oidc.entered", new { fullName = "Người Nhập Qua Cổng", unit = TestCatalogue.AgencyA, roles = new[] { "specialist" }, active = true }, DevTokens.Json);
        return response.StatusCode;
    }

    [Fact]
    public async Task TheProvidersAccessTokens_CallTheApiWithTheirMappedRoles_AndTokensItDidNotSignAreRefused()
    {
        var provider = engine.Provider;

        Assert.Equal(HttpStatusCode.OK, await PutPersonAsync(provider.AccessToken(new("quan.tri", ["quan-tri"], ""))));
        Assert.Equal(HttpStatusCode.Forbidden, await PutPersonAsync(provider.AccessToken(new("chuyen.vien", ["chuyen-vien"], TestCatalogue.AgencyA))));
        Assert.Equal(HttpStatusCode.Unauthorized, await PutPersonAsync(provider.AccessToken(new("khach", ["khach"], ""))));
        Assert.Equal(HttpStatusCode.Unauthorized, await PutPersonAsync(provider.AccessToken(new("quan.tri", ["quan-tri"], ""), audience: "another-api")));
        Assert.Equal(HttpStatusCode.Unauthorized, await PutPersonAsync(provider.Forged(new("quan.tri", ["quan-tri"], ""))));
    }

    [Fact]
    public async Task SignInThroughTheProvider_RedeemsItsCode_AndOpensASessionWithItsClaimsMapped()
    {
        engine.Provider.NextUser = new("oidc.user", ["chuyen-vien"], TestCatalogue.AgencyA);
        var browser = engine.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var idp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var redeemed = engine.Provider.Redeemed;

        var challenge = await browser.GetAsync("/signin/external?returnUrl=/my-work");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith(new Uri(engine.Provider.Issuer, "/authorize").ToString(), challenge.Headers.Location!.ToString(), StringComparison.Ordinal);
        var authorized = await idp.GetAsync(challenge.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        var callback = await browser.GetAsync(authorized.Headers.Location!.PathAndQuery);
        Assert.True(callback.StatusCode == HttpStatusCode.Redirect, await callback.Content.ReadAsStringAsync());
        Assert.Equal("/my-work", callback.Headers.Location!.OriginalString);
        var work = await browser.GetAsync("/my-work");
        var queue = await browser.GetAsync(work.Headers.Location!.OriginalString);

        Assert.Equal(redeemed + 1, engine.Provider.Redeemed);
        Assert.Equal("/queue/mine", work.Headers.Location.OriginalString);
        Assert.Contains("oidc.user · Chuyên viên · AGA", await queue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInThroughTheProvider_OfSomeoneWithNoRoleOfTheEngine_OpensNoSession()
    {
        engine.Provider.NextUser = new("visitor", ["khach"], "");
        var browser = engine.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var idp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var challenge = await browser.GetAsync("/signin/external");
        var authorized = await idp.GetAsync(challenge.Headers.Location);
        var callback = await browser.GetAsync(authorized.Headers.Location!.PathAndQuery);
        var work = await browser.GetAsync("/my-work");

        Assert.Equal("/signin?external=failed", callback.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, work.StatusCode);
    }
}
