using HccOrleans.Api.Auth;
using Microsoft.Extensions.Options;

namespace HccOrleans.Tests.Operate;

/// <summary>
/// The hostile corpus over the co-hosted engine behind Kestrel (a real HTTP parser, its limits included): every request
/// gets a 4xx ProblemDetails that names its status, never a 5xx, and a canary dossier, the catalogue and the calendar
/// read the same afterwards.
/// </summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Operate")]
public sealed class HostileCorpusTests(ApiFixture api, ITestOutputHelper output) : ApiTestBase(api)
{
    [Fact]
    public async Task EveryHostileRequest_GetsA4xxProblem_AndChangesNothing()
    {
        await using var engine = new ApiFixture();
        engine.UseKestrel(0);
        await engine.InitializeAsync();
        engine.Clock.StartNextWeek();
        var officer = await engine.ClientAsync(TestCatalogue.Officer.Subject, ["officer"], TestCatalogue.OneStop);
        var canary = await SubmitAsync(officer);
        await ReceiveAsync(officer, canary);
        var director = await engine.ClientAsync("director", ["director"], "");
        var before = await SnapshotAsync(director, canary);

        var corpus = HostileRequest.All().ToList();
        var auth = engine.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var issuer = engine.Services.GetRequiredService<TokenIssuer>();
        var client = engine.CreateClient();
        var wrong = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var kestrel = 0;
        foreach (var request in corpus)
        {
            using var message = request.ToMessage(canary, auth, issuer);
            using var response = await client.SendAsync(message);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            kestrel += RefusedByKestrel(response) ? 1 : 0;
            if (await WhyNotAProblemAsync(response) is { } why)
            {
                wrong.Add($"{request.Name}: {status} {why}");
            }
        }

        RunReport.Write(output, "hostile corpus", $"{corpus.Count} hostile requests: " + string.Join(", ", statuses.Select(s => $"{s.Value} × {s.Key}"))
            + $"; {kestrel} of them refused by Kestrel before the application");
        Assert.True(corpus.Count >= 200, $"the corpus holds {corpus.Count} requests");
        Assert.True(wrong.Count == 0, $"{wrong.Count} hostile requests were not answered with a 4xx ProblemDetails:\n" + string.Join("\n", wrong));
        Assert.Equal(before, await SnapshotAsync(director, canary));
    }

    private static async Task<string?> WhyNotAProblemAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is < 400 or > 499)
        {
            return "is not a 4xx: " + Truncate(await response.Content.ReadAsStringAsync());
        }

        if (RefusedByKestrel(response))
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"is {response.Content.Headers.ContentType?.MediaType ?? "without a body"}, not a ProblemDetails";
        }

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.TryGetProperty("status", out var named) && named.GetInt32() == status ? null : "names another status";
    }

    /// <summary>The canary dossier, the catalogue and the calendar years the tests run in, as the API shows them.</summary>
    private async Task<string> SnapshotAsync(HttpClient director, string canary)
    {
        var parts = new List<string>();
        foreach (var path in new[] { $"/api/dossiers/{canary}", "/api/procedures", "/api/units" }.Concat(TestCatalogue.TestYears.Select(y => $"/api/calendar/{y}")))
        {
            var (response, body) = await SendAsync(director, HttpMethod.Get, path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            parts.Add($"{path}: {body.GetRawText()}");
        }

        return string.Join("\n", parts);
    }

    /// <summary>
    /// A request Kestrel refused before any application code saw it (a NUL in the path, a request line or headers over
    /// its limits): a bodiless 400, 414 or 431 on a connection it closes. The application cannot word these.
    /// </summary>
    private static bool RefusedByKestrel(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestUriTooLong or HttpStatusCode.RequestHeaderFieldsTooLarge
        && response.Headers.ConnectionClose == true && response.Content.Headers.ContentLength == 0;

    private static string Truncate(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
