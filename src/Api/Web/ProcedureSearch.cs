using System.Collections.Concurrent;

namespace HccOrleans.Api.Web;

/// <summary>
/// The counter's procedure picker: procedures found by code or name as typed, without accents, every word typed found
/// in the code or the name; the unit's most used first, then those whose name holds the words as typed together, then
/// by name.
/// </summary>
public static class ProcedureSearch
{
    public const int Shown = 10;

    // The catalogue's names are few and change rarely: each is folded once, not at every key press.
    private const int MostRemembered = 50_000;
    private static readonly ConcurrentDictionary<string, string> FoldedNames = new(StringComparer.Ordinal);

    public static IReadOnlyList<ProcedureVersion> Find(IEnumerable<ProcedureVersion> procedures, string? typed, IReadOnlyDictionary<string, int> usage)
    {
        var phrase = Unaccented.Fold(typed?.Trim() ?? "");
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return [.. procedures
            .Select(procedure => (Procedure: procedure, Name: FoldedName(procedure.Definition.Name), Code: procedure.Code.ToLowerInvariant()))
            .Where(p => words.All(word => p.Name.Contains(word, StringComparison.Ordinal) || p.Code.Contains(word, StringComparison.Ordinal)))
            .OrderByDescending(p => usage.GetValueOrDefault(p.Procedure.Code))
            .ThenByDescending(p => phrase.Length > 0 && (p.Name.Contains(phrase, StringComparison.Ordinal) || p.Code.StartsWith(phrase, StringComparison.Ordinal)))
            .ThenBy(p => p.Procedure.Definition.Name, StringComparer.Create(Texts.Vietnamese, ignoreCase: true))
            .Take(Shown)
            .Select(p => p.Procedure)];
    }

    private static string FoldedName(string name)
    {
        if (FoldedNames.TryGetValue(name, out var known))
        {
            return known;
        }

        var folded = Unaccented.Fold(name);
        if (FoldedNames.Count < MostRemembered)
        {
            FoldedNames.TryAdd(name, folded);
        }

        return folded;
    }
}
