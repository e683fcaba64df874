using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace HccOrleans.Api.Pages;

/// <summary>
/// What a person typed into an action's form that the engine refused, carried to the page shown after the refusal
/// (post/redirect/get) so that the form comes back filled and only the wrong field needs typing again.
/// </summary>
public sealed record TypedForm(string Action, Dictionary<string, string> Values)
{
    private const string Key = "Typed";
    private static readonly HashSet<string> NotTyped = new(StringComparer.OrdinalIgnoreCase) { "__RequestVerificationToken", "action", "version" };

    public static void Keep(ITempDataDictionary temp, string action, IFormCollection form) =>
        temp[Key] = JsonSerializer.Serialize(new TypedForm(action,
            form.Where(field => !NotTyped.Contains(field.Key)).ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal)));

    public static TypedForm? Take(ITempDataDictionary temp) => temp[Key] is string json ? JsonSerializer.Deserialize<TypedForm>(json) : null;

    /// <summary>The value typed into <paramref name="field"/> of <paramref name="action"/>'s form, if that form was the one refused.</summary>
    public string? Of(DossierAction action, string field) =>
        Action == EnumWords.Of(action) && Values.TryGetValue(field, out var value) ? value : null;
}
