using System.Text.Json;
using System.Text.Json.Serialization;
using HccOrleans.Grains.Dossiers;

namespace HccOrleans.Grains.Notices;

/// <summary>
/// A message an HTTP adapter receives of a transition (portal sync, results, payment orders): its payload as JSON
/// (camelCase, nulls left out), under an id of the dossier, the version and the recipient.
/// </summary>
internal static class AdapterJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static Notification Message<T>(DossierState next, DateTimeOffset now, EscalationKind kind, string recipient, Destination destination, T payload) =>
        new($"{next.Code}/v{next.Version}/{recipient}", next.Code, kind, recipient, next.Procedure!.Definition.AgencyCode, next.DueAt ?? now, now, 0,
            JsonSerializer.Serialize(payload, Options))
        {
            Destination = destination,
        };
}
