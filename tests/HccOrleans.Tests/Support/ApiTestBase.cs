namespace HccOrleans.Tests.Support;

public abstract class ApiTestBase(ApiFixture api)
{
    protected ApiFixture Api => api;

    protected Task<HttpClient> OfficerAsync() => api.ClientAsync(TestCatalogue.Officer.Subject, ["officer"], TestCatalogue.OneStop);

    protected Task<HttpClient> SpecialistAsync(string agency = TestCatalogue.AgencyA) => api.ClientAsync($"specialist.{agency}", ["specialist"], agency);

    protected Task<HttpClient> LeaderAsync(string agency = TestCatalogue.AgencyA) => api.ClientAsync($"leader.{agency}", ["leader"], agency);

    protected async Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(
        HttpClient client, HttpMethod method, string url, object? body = null, string? ifMatch = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body, options: api.Json);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    protected Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(HttpClient client, string url, object? body = null, string? ifMatch = null) =>
        SendAsync(client, HttpMethod.Post, url, body ?? new { }, ifMatch);

    /// <summary>Submits the standard test request (or <paramref name="request"/>) and returns the new dossier's code.</summary>
    protected async Task<string> SubmitAsync(HttpClient officer, SubmissionRequest? request = null)
    {
        var (response, body) = await SendAsync(officer, HttpMethod.Post, "/api/dossiers", request ?? TestCatalogue.Request(), idempotencyKey: Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return body.GetProperty("code").GetString()!;
    }

    /// <summary>Receives the dossier and, if it came on paper, hands it to the handling agency at the same instant; returns the last answer.</summary>
    protected async Task<(HttpResponseMessage Response, JsonElement Body)> ReceiveAsync(HttpClient officer, string code, string? ifMatch = null)
    {
        var received = await PostAsync(officer, $"/api/dossiers/{code}/receive", ifMatch: ifMatch);
        Assert.Equal(HttpStatusCode.OK, received.Response.StatusCode);
        return received.Body.GetProperty("step").GetString() == "transfer"
            ? await PostAsync(officer, $"/api/dossiers/{code}/transfer")
            : received;
    }

    /// <summary>An instant as a query-string value, with its offset.</summary>
    protected static string Instant(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));

    protected static void AssertProblem(HttpResponseMessage response, JsonElement body, HttpStatusCode status, string? rule = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        if (rule is not null)
        {
            Assert.Equal(rule, body.GetProperty("rule").GetString());
            Assert.Equal($"urn:hcc:problem:{rule}", body.GetProperty("type").GetString());
        }
    }
}
