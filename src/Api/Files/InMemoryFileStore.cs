using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace HccOrleans.Api.Files;

/// <summary>The quick start's files, in the process's memory like the rest of its data; production keeps them in PostgreSQL.</summary>
public sealed class InMemoryFileStore(EngineNow clock) : IFileStore
{
    private readonly ConcurrentDictionary<Guid, (StoredFile File, byte[] Bytes)> _files = new();

    public async Task<StoredFile> SaveAsync(Stream content, string mediaType, string name, string uploadedBy, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        var bytes = copy.ToArray();
        var file = new StoredFile(Guid.NewGuid(), mediaType, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), name, uploadedBy, clock.Now);
        _files[file.FileId] = (file, bytes);
        return file;
    }

    public Task<StoredFile?> FindAsync(Guid fileId, CancellationToken cancellationToken) =>
        Task.FromResult(_files.TryGetValue(fileId, out var entry) ? entry.File : null);

    public async Task<bool> CopyToAsync(Guid fileId, Stream destination, CancellationToken cancellationToken)
    {
        if (!_files.TryGetValue(fileId, out var entry))
        {
            return false;
        }

        await destination.WriteAsync(entry.Bytes, cancellationToken);
        return true;
    }
}
