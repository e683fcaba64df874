using System.Net.Http.Headers;

namespace HccOrleans.Tests.Support;

/// <summary>Drives a running engine over HTTP as its users would, with development tokens.</summary>
public sealed class EngineHttp : IDisposable
{
    private static readonly JsonSerializerOptions Json = DevTokens.Json;
    private readonly HttpClient _http;
    private readonly Dictionary<string, string> _tokens = [];

    public EngineHttp(Uri baseAddress) => _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public static Actor Admin { get; } = new("admin", [Role.Admin], "");

    /// <summary>Enters the test catalogue, a procedure of <paramref name="seconds"/> working time, and calendars without days off.</summary>
    public async Task SeedAsync(string procedureCode, int seconds)
    {
        foreach (var unit in TestCatalogue.Units)
        {
            await SendAsync(Admin, HttpMethod.Put, $"/api/units/{unit.AgencyCode}", new { unit.Name, unit.ElectronicId, unit.Kind }, HttpStatusCode.OK);
        }

        var definition = TestCatalogue.Procedures[0].Definition with
        {
            ProcessingTime = new ProcessingTime(decimal.Round(seconds / 3600m, 6), TimeUnit.WorkingHours),
        };
        await SendAsync(Admin, HttpMethod.Put, $"/api/procedures/{procedureCode}", definition, HttpStatusCode.OK);
        var thisYear = DateTime.UtcNow.Year;
        foreach (var year in new[] { thisYear, thisYear + 1 })
        {
            var weekends = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365)
                .Select(d => new DateOnly(year, 1, 1).AddDays(d))
                .Where(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                .ToArray();
            await SendAsync(Admin, HttpMethod.Put, $"/api/calendar/{year}", new { holidays = Array.Empty<DateOnly>(), workingDays = weekends }, HttpStatusCode.OK);
        }
    }

    public async Task<DossierSnapshot> SubmitAsync(string procedureCode)
    {
        var request = TestCatalogue.Request(procedureCode);
        return await SendAsync(TestCatalogue.Officer, HttpMethod.Post, "/api/dossiers", request, HttpStatusCode.Created, Guid.NewGuid().ToString());
    }

    public Task<DossierSnapshot> ActAsync(Actor actor, string code, string action, object? body = null) =>
        SendAsync(actor, HttpMethod.Post, $"/api/dossiers/{code}/{action}", body ?? new { }, HttpStatusCode.OK);

    /// <summary>Receives the dossier and, if it came on paper, hands it to the handling agency at once; the dossier after the last move.</summary>
    public async Task<DossierSnapshot> ReceiveAsync(Actor officer, string code)
    {
        var received = await ActAsync(officer, code, "receive");
        return received.Step == ProcessingStep.Transfer ? await ActAsync(officer, code, "transfer") : received;
    }

    /// <summary>The applicant of the test request rates the dossier, anonymously.</summary>
    public async Task RateAsync(string code, string rating)
    {
        using var response = await _http.PostAsJsonAsync($"/api/dossiers/{code}/rating", new { idNumber = TestCatalogue.Request().Applicant.IdNumber, rating }, Json);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"rating {code} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}", null, response.StatusCode);
        }
    }

    /// <summary>A JSON answer other than a dossier's, as it came.</summary>
    public async Task<JsonElement> JsonAsync(Actor actor, HttpMethod method, string url, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(actor));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.StatusCode == expected
            ? JsonDocument.Parse(text).RootElement.Clone()
            : throw new HttpRequestException($"{method} {url} answered {(int)response.StatusCode}: {text}", null, response.StatusCode);
    }

    public Task<DossierSnapshot> GetAsync(string code) =>
        SendAsync(TestCatalogue.Director, HttpMethod.Get, $"/api/dossiers/{code}", null, HttpStatusCode.OK);

    public async Task<DossierSnapshot> SendAsync(Actor actor, HttpMethod method, string url, object? body, HttpStatusCode expected, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(actor));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new HttpRequestException($"{method} {url} answered {(int)response.StatusCode}: {text}", null, response.StatusCode);
        }

        return url.StartsWith("/api/dossiers", StringComparison.Ordinal) ? JsonSerializer.Deserialize<DossierSnapshot>(text, Json)! : null!;
    }

    public void Dispose() => _http.Dispose();

    public async Task<string> TokenAsync(Actor actor)
    {
        if (_tokens.TryGetValue(actor.Subject, out var token))
        {
            return token;
        }

        var roles = actor.Roles.Select(r => r.ToString().ToLowerInvariant()).ToArray();
        token = await DevTokens.IssueAsync(_http, actor.Subject, roles, actor.Agency);
        _tokens[actor.Subject] = token;
        return token;
    }

}
