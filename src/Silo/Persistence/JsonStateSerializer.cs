using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using HccOrleans.Grains.Interfaces.Model;
using Orleans.Storage;

namespace HccOrleans.Silo.Persistence;

/// <summary>
/// Grain state as UTF-8 JSON: camelCase properties, enums by name, no CLR type names. See
/// docs/decisions/0002-storage-serializer.md for why.
/// </summary>
public sealed class JsonStateSerializer : IGrainStorageSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Vietnamese text as UTF-8 (2–3 bytes a letter), not \uXXXX escapes (6): state is stored, never put in a page.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        IgnoreReadOnlyProperties = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(EnumWords.Policy) },
    };

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>(Options)!;
}
