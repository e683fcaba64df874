using System.Globalization;
using System.Text;

namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>
/// Vietnamese text as typed without accents: lower case, tone and vowel marks removed, đ as d — so "ly lich tu phap"
/// finds "lý lịch tư pháp", and a Telex keyboard left off finds what it means.
/// </summary>
public static class Unaccented
{
    public static string Fold(string text)
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
