using System.Text.RegularExpressions;
using HccOrleans.Api.Endpoints;

namespace HccOrleans.Api.Web;

/// <summary>
/// What the header's search box was given, as words to find (docs/rules/reception-and-routing.md "Finding a dossier"):
/// the receipt's QR code (the lookup address, a scanner types it) reads as the dossier code it carries; anything else
/// is folded without accents and split into words, each of which the dossier's search text must hold.
/// </summary>
public static partial class StaffSearch
{
    public const int MaxLength = 200;
    public const int MaxWords = 6;

    /// <summary>Trigram search needs three letters to use its index; shorter words are left out.</summary>
    public const int ShortestWord = 3;

    /// <summary>The words to find, or why there are none.</summary>
    public static (string[] Words, string? Problem) Words(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return ([], "is required: an official code, a registration number, an ID number or a name (accents may be left out).");
        }

        if (typed.Length > MaxLength)
        {
            return ([], $"is at most {MaxLength} characters.");
        }

        var text = QrCode().Match(typed) is { Success: true } qr ? Uri.UnescapeDataString(qr.Groups[1].Value) : typed;
        var words = Unaccented.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(word => word.Length >= ShortestWord).Distinct(StringComparer.Ordinal).Take(MaxWords).ToArray();
        return words.Length > 0 ? (words, null) : ([], $"needs a word of at least {ShortestWord} letters or digits.");
    }

    public const int Results = 20;

    /// <summary>The index query of a search: the words, within what <paramref name="actor"/> may see, newest first.</summary>
    public static DossierQuery Query(string[] words, Actor actor, DateTimeOffset now) => new()
    {
        Search = words, ScopeAgency = actor.SeesAll() ? null : actor.Agency, Now = now,
        PageSize = Results, Sort = DossierSort.Received, Descending = true,
    };

    [GeneratedRegex(@"[?&]code=([^&#\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex QrCode();
}
