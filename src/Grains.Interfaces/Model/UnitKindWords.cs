using System.Text.Json;
using System.Text.Json.Serialization;

namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>
/// A unit's kind in JSON: written as v2.0 spells it, read in both spellings, so that v1.1 clients and unit rows stored
/// before v2.0 keep working (one-stop is a service center, agency a handling agency).
/// </summary>
public sealed class UnitKindWords : JsonConverter<UnitKind>
{
    private static readonly Dictionary<string, UnitKind> Legacy = new(StringComparer.Ordinal)
    {
        ["one-stop"] = UnitKind.ServiceCenter,
        ["agency"] = UnitKind.HandlingAgency,
    };

    public static bool TryParse(string? word, out UnitKind kind) =>
        EnumWords.TryParse(word, out kind) || (word is not null && Legacy.TryGetValue(word, out kind));

    public override UnitKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && TryParse(reader.GetString(), out var kind)
            ? kind
            : throw new JsonException($"kind must be one of: {EnumWords.All<UnitKind>()} (v1.1: one-stop, agency).");

    public override void Write(Utf8JsonWriter writer, UnitKind value, JsonSerializerOptions options) =>
        writer.WriteStringValue(EnumWords.Of(value));
}
