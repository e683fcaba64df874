namespace HccOrleans.Api.Files;

/// <summary>
/// A file's media type read from its first bytes (the signatures of the formats a center scans to), never from its
/// name; and the type a name or a declared <c>Content-Type</c> claims, to catch a file labelled as what it is not.
/// </summary>
public static class MediaTypes
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int HeadLength = 8;

    private static readonly (string Type, byte[] Signature)[] Signatures =
    [
        (Pdf, "%PDF-"u8.ToArray()),
        (Png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        (Jpeg, [0xFF, 0xD8, 0xFF]),
    ];

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = Pdf, [".png"] = Png, [".jpg"] = Jpeg, [".jpeg"] = Jpeg,
    };

    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        foreach (var (type, signature) in Signatures)
        {
            if (head.StartsWith(signature))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>The type the file's name claims by its extension; null for a name without a known one.</summary>
    public static string? OfName(string name) => Extensions.GetValueOrDefault(Path.GetExtension(name));

    /// <summary>The type a part's <c>Content-Type</c> claims; null when it claims nothing in particular.</summary>
    public static string? Declared(string? contentType) =>
        contentType is null || contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase) ? null : contentType.Split(';')[0].Trim().ToLowerInvariant();
}
