using System.Text.Json;
using System.Text.Json.Serialization;

namespace HccOrleans.Grains.Notices;

/// <summary>How the engine writes the JSON its adapters receive (portal sync, results, payment orders): camelCase, nulls left out.</summary>
internal static class AdapterJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string Of<T>(T payload) => JsonSerializer.Serialize(payload, Options);
}
