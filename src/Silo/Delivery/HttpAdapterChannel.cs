using System.Net.Http.Headers;
using System.Net.Http.Json;
using HccOrleans.Persistence.Delivery;

namespace HccOrleans.Silo.Delivery;

/// <summary>
/// A channel behind an HTTP adapter (SMS gateway, Zalo, the citizen's portal account, portal sync): one POST per
/// message, its outbox id as the <c>Idempotency-Key</c> so that a repeat after a crash has no second effect. A 2xx
/// answer is delivered; anything else is tried again.
/// </summary>
public sealed class HttpAdapterChannel(string channel, HttpClient http, Uri endpoint, string? apiKey, Func<OutgoingMessage, HttpContent> body) : IMessageChannel
{
    public string Channel => channel;

    public async Task DeliverAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = body(message) };
        request.Headers.Add("Idempotency-Key", message.Id);
        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A text message: <c>{id, dossier, to, subject, text}</c>.</summary>
    public static HttpContent Text(OutgoingMessage message) =>
        JsonContent.Create(new { id = message.Id, dossier = message.DossierCode, to = message.Address, subject = message.Subject, text = message.Body });

    /// <summary>Portal sync: the status change's JSON as the engine wrote it.</summary>
    public static HttpContent Json(OutgoingMessage message) =>
        new StringContent(message.Body, System.Text.Encoding.UTF8, "application/json");
}
