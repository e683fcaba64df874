using System.Globalization;

namespace HccOrleans.Grains.Validation;

/// <summary>
/// What free text may hold: printable characters, line breaks and tabs. Control characters (NUL among them),
/// invisible formatting characters (bidirectional overrides that make "gnp.exe" read as "exe.png", zero-width
/// spaces) and broken UTF-16 are refused: they end up in printed forms, exports and other systems.
/// </summary>
public static class TextRules
{
    /// <summary>Why the text is refused, or null when it is fine.</summary>
    public static string? Problem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "is not valid Unicode text.";
            }

            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                return "must not contain control characters.";
            }

            if (char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return "must not contain invisible formatting characters (direction overrides, zero-width spaces).";
            }
        }

        return null;
    }
}
