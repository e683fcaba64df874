using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Persistence;

/// <summary>
/// The stored contract of grain state: UTF-8 JSON with camelCase properties, enums by their kebab-case words, nulls
/// left out, no CLR type names. Orleans' own System.Text.Json storage serializer writes it, configured with these options (Silo/Providers/StoredJsonSetup.cs); rows
/// written before (by the engine's serializer of its own) read the same. See docs/decisions/0002-storage-and-schema.md.
/// </summary>
public static class StoredJson
{
    /// <summary>The contract's options, for what reads or writes stored JSON outside a storage provider (SQL projections, tools).</summary>
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions());

    /// <summary>Sets <paramref name="options"/> to the stored contract (the silo's storage serializer takes it so).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        // Vietnamese text as UTF-8 (2–3 bytes a letter), not \uXXXX escapes (6): state is stored, never put in a page.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        // Properties only: Orleans' default also writes public fields, which the contract never had.
        options.IncludeFields = false;
        options.IgnoreReadOnlyProperties = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(EnumWords.JsonConverter());
        return options;
    }
}
