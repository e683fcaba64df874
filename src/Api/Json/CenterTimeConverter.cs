using System.Text.Json;
using System.Text.Json.Serialization;

namespace HccOrleans.Api.Json;

/// <summary>Writes instants at the center's offset (<c>2019-08-06T09:30:00+07:00</c>); reads any ISO-8601 offset.</summary>
public sealed class CenterTimeConverter(TimeZoneInfo zone) : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var value)
            || text!.Length < 20 || !(text.EndsWith('Z') || text[^6] is '+' or '-'))
        {
            throw new JsonException($"'{text}' is not an ISO-8601 instant with an offset, such as 2019-08-06T09:30:00+07:00.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
}
