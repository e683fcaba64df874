using System.Text.Json;
using System.Text.Json.Serialization;

namespace HccOrleans.Api.Json;

public static class ApiJson
{
    /// <summary>camelCase properties, kebab-case enum words, instants at the center's offset.</summary>
    public static void Configure(JsonSerializerOptions options, TimeZoneInfo zone)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(EnumWords.JsonConverter(allowIntegerValues: false));
        options.Converters.Add(new CenterTimeConverter(zone));
    }
}
