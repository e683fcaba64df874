using System.Security.Cryptography;
using HccOrleans.Grains.Interfaces.Queries;
using Npgsql;
using NpgsqlTypes;

namespace HccOrleans.Persistence;

/// <summary>Files in PostgreSQL (migration 0010): 1 MiB chunks written in one transaction with the file's row last.</summary>
public sealed class PostgresFileStore(NpgsqlDataSource database, string serviceId, TimeProvider clock) : IFileStore
{
    public const int ChunkBytes = 1 << 20;

    public async Task<StoredFile> SaveAsync(Stream content, string mediaType, string name, string uploadedBy, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkBytes];
        long size = 0;
        for (var seq = 0; ; seq++)
        {
            var filled = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            if (filled == 0)
            {
                break;
            }

            hash.AppendData(buffer, 0, filled);
            size += filled;
            await using var insert = new NpgsqlCommand("INSERT INTO hcc_file_chunk (service_id, file_id, seq, data) VALUES ($1, $2, $3, $4)", connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter { Value = serviceId, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = id, NpgsqlDbType = NpgsqlDbType.Uuid });
            insert.Parameters.Add(new NpgsqlParameter { Value = seq, NpgsqlDbType = NpgsqlDbType.Integer });
            insert.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>> { TypedValue = buffer.AsMemory(0, filled), NpgsqlDbType = NpgsqlDbType.Bytea });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var file = new StoredFile(id, mediaType, size, Convert.ToHexStringLower(hash.GetHashAndReset()), name, uploadedBy, clock.GetUtcNow());
        await using (var row = new NpgsqlCommand(
            "INSERT INTO hcc_file (service_id, id, media_type, size, sha256, name, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", connection, transaction))
        {
            foreach (var value in new object[] { serviceId, id, file.MediaType, file.Size, file.Sha256, file.Name, file.UploadedBy, file.UploadedAt.UtcDateTime })
            {
                row.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await row.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return file;
    }

    public async Task<StoredFile?> FindAsync(Guid fileId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT media_type, size, sha256, name, uploaded_by, uploaded_at FROM hcc_file WHERE service_id = $1 AND id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = serviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = fileId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredFile(fileId, reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5))
            : null;
    }

    public async Task<bool> CopyToAsync(Guid fileId, Stream destination, CancellationToken cancellationToken)
    {
        if (await FindAsync(fileId, cancellationToken) is null)
        {
            return false;
        }

        // One chunk at a time, each streamed from the reader: the file is never whole in memory here either.
        await using var command = database.CreateCommand("SELECT data FROM hcc_file_chunk WHERE service_id = $1 AND file_id = $2 ORDER BY seq");
        command.Parameters.Add(new NpgsqlParameter { Value = serviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = fileId });
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            await using var chunk = await reader.GetStreamAsync(0, cancellationToken);
            await chunk.CopyToAsync(destination, cancellationToken);
        }

        return true;
    }
}
