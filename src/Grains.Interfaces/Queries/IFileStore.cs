namespace HccOrleans.Grains.Interfaces.Queries;

/// <summary>What the engine knows of a stored file: the media type read from its content, its size and SHA-256.</summary>
public sealed record StoredFile(Guid FileId, string MediaType, long Size, string Sha256, string Name, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>
/// Files (scans of components, results) kept by the engine: written from a stream in chunks, never whole in memory,
/// and all or nothing — a write that fails midway leaves nothing behind.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Stores <paramref name="content"/> (which may throw to abandon the write) as one file; the hash is of exactly the
    /// bytes stored.
    /// </summary>
    Task<StoredFile> SaveAsync(Stream content, string mediaType, string name, string uploadedBy, CancellationToken cancellationToken);

    Task<StoredFile?> FindAsync(Guid fileId, CancellationToken cancellationToken);

    /// <summary>Writes the file's bytes to <paramref name="destination"/> a chunk at a time; false when there is no such file.</summary>
    Task<bool> CopyToAsync(Guid fileId, Stream destination, CancellationToken cancellationToken);
}
