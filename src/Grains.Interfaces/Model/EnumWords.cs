using System.Text.Json;
using System.Text.Json.Serialization;

namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>
/// Enum values as the contract spells them: the kebab-case words of docs/rules/lifecycle.md (<c>supplement-requested</c>).
/// The one place that converts, for JSON, query strings, SQL columns and log notes alike.
/// </summary>
public static class EnumWords
{
    public static JsonNamingPolicy Policy => JsonNamingPolicy.KebabCaseLower;

    /// <summary>Enums in JSON as their words; numbers are refused where the caller writes them (the API), read elsewhere.</summary>
    public static JsonStringEnumConverter JsonConverter(bool allowIntegerValues = true) => new(Policy, allowIntegerValues);

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Words<TEnum>.Of.TryGetValue(value, out var word) ? word : Policy.ConvertName(value.ToString());

    public static bool TryParse<TEnum>(string? word, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), word, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The word's value; throws on a word the enum does not know (data written by the engine itself).</summary>
    public static TEnum Parse<TEnum>(string word)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(word, out var value) ? value : throw new FormatException($"'{word}' is not a {typeof(TEnum).Name}.");

    /// <summary>Every word of the enum, comma-separated, for error messages.</summary>
    public static string All<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(v => Of(v)));

    // Converted once per enum: every index row and log note spells several of them.
    private static class Words<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly IReadOnlyDictionary<TEnum, string> Of =
            Enum.GetValues<TEnum>().Distinct().ToDictionary(v => v, v => NamedWord(v) ?? Policy.ConvertName(v.ToString()));

        // A member whose words are not its name's (a decree's number and year) says them, as the JSON converter reads them.
        private static string? NamedWord(TEnum value) =>
            typeof(TEnum).GetField(value.ToString())?.GetCustomAttributes(typeof(JsonStringEnumMemberNameAttribute), false)
                .OfType<JsonStringEnumMemberNameAttribute>().FirstOrDefault()?.Name;
    }
}
