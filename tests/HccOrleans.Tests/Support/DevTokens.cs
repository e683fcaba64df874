using System.Net.Http.Headers;

namespace HccOrleans.Tests.Support;

/// <summary>The JSON the API speaks, and development tokens from <c>POST /api/dev/token</c>: one way for every test.</summary>
public static class DevTokens
{
    /// <summary>The API's JSON contract (enum words, the center's instants), for bodies sent and answers read.</summary>
    public static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>A token for the subject, roles and agency, issued by the engine <paramref name="http"/> talks to.</summary>
    public static async Task<string> IssueAsync(HttpClient http, string subject, IEnumerable<string> roles, string agency, Uri? engine = null)
    {
        var address = engine is null ? new Uri("/api/dev/token", UriKind.Relative) : new Uri(engine, "/api/dev/token");
        using var response = await http.PostAsJsonAsync(address, new { sub = subject, roles = roles.ToArray(), agency }, Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/dev/token answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("token").GetString()!;
    }

    /// <summary><paramref name="client"/>, carrying from now on a token for the subject, roles and agency.</summary>
    public static async Task<HttpClient> SignedInAsync(HttpClient client, string subject, IEnumerable<string> roles, string agency)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await IssueAsync(client, subject, roles, agency));
        return client;
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HccOrleans.Api.Json.ApiJson.Configure(options, TestCalendars.Vietnam);
        return options;
    }
}
