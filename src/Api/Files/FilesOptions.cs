namespace HccOrleans.Api.Files;

/// <summary>The <c>Files</c> section: what an upload may be.</summary>
public sealed class FilesOptions
{
    public const string Section = "Files";

    /// <summary>The largest file accepted; Kestrel's body limit for the upload is set just above it.</summary>
    public long MaxBytes { get; set; } = 30L << 20;

    /// <summary>The media types accepted, as read from the content (see <see cref="MediaTypes"/>).</summary>
    public string[] AllowedTypes { get; set; } = [MediaTypes.Pdf, MediaTypes.Png, MediaTypes.Jpeg];
}
