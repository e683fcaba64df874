using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>
/// Vietnamese text as typed without accents: lower case, tone and vowel marks removed, đ as d — so "ly lich tu phap"
/// finds "lý lịch tư pháp", and a Telex keyboard left off finds what it means.
/// </summary>
public static class Unaccented
{
    // The catalogue's names are few and change rarely: each is folded once, not at every key press.
    private const int MostRemembered = 50_000;
    private static readonly ConcurrentDictionary<string, string> Folded = new(StringComparer.Ordinal);

    public static string Fold(string text)
    {
        if (Folded.TryGetValue(text, out var known))
        {
            return known;
        }

        var folded = FoldNow(text);
        if (Folded.Count < MostRemembered)
        {
            Folded.TryAdd(text, folded);
        }

        return folded;
    }

    private static string FoldNow(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(c switch { 'đ' => 'd', 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
            }
        }

        return plain.ToString().Normalize(NormalizationForm.FormC);
    }
}
