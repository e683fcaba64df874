using System.Reflection;
using Npgsql;

namespace HccOrleans.Persistence;

/// <summary>
/// Applies the embedded SQL migrations (<c>Migrations/NNNN_name.sql</c>) that the database lacks, in order,
/// in one transaction under an advisory lock: silos starting together apply each migration exactly once.
/// Each applied migration's SHA-256 is recorded; a shipped migration whose text changed since stops the start-up
/// (<see cref="ChangedMigrationException"/>): a change to the schema is a new migration, never an edited one.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource database, ILogger<SchemaMigrator> logger)
{
    // Any constant shared by every silo of every deployment; it only serialises migrators.
    private const long AdvisoryLockKey = 0x4843_434F_5253_4348;

    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations { get; } = Load();

    /// <summary>Brings the schema up to date; returns the versions this call applied.</summary>
    public Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken) => MigrateAsync(int.MaxValue, cancellationToken);

    /// <summary>
    /// Applies the missing migrations up to version <paramref name="through"/> only: the schema an older build left,
    /// for trying the next migration on it.
    /// </summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(int through, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS hcc_schema_version (
                version    integer     NOT NULL PRIMARY KEY,
                name       text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now());
            ALTER TABLE hcc_schema_version ADD COLUMN IF NOT EXISTS checksum text NULL;
            """, cancellationToken);

        var present = new Dictionary<int, string?>();
        await using (var read = new NpgsqlCommand("SELECT version, checksum FROM hcc_schema_version", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                present[reader.GetInt32(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
            }
        }

        foreach (var (version, name, sql) in Migrations.Where(m => present.ContainsKey(m.Version)))
        {
            var shipped = Checksum(sql);
            if (present[version] is not { } recorded)
            {
                // Applied before checksums were kept: this build's text is taken as what was applied.
                await RecordChecksumAsync(connection, transaction, version, shipped, cancellationToken);
            }
            else if (recorded != shipped)
            {
                throw new ChangedMigrationException(name, recorded, shipped);
            }
        }

        var applied = new List<int>();
        foreach (var (version, name, sql) in Migrations.Where(m => !present.ContainsKey(m.Version) && m.Version <= through))
        {
            await ExecuteAsync(connection, transaction, sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO hcc_schema_version (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction)
            {
                Parameters = { new() { Value = version }, new() { Value = name }, new() { Value = Checksum(sql) } },
            };
            await record.ExecuteNonQueryAsync(cancellationToken);
            applied.Add(version);
        }

        await transaction.CommitAsync(cancellationToken);
        LogMigrated(logger, applied.Count, Migrations.Count);
        return applied;
    }

    /// <summary>The SHA-256 of a migration's text, line endings made alike (a checkout may turn them).</summary>
    public static string Checksum(string sql) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));

    private static async Task RecordChecksumAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int version, string checksum, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("UPDATE hcc_schema_version SET checksum = $2 WHERE version = $1", connection, transaction)
        {
            Parameters = { new() { Value = version }, new() { Value = checksum } },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<(int, string, string)> Load()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        const string prefix = "HccOrleans.Persistence.Migrations.";
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n[prefix.Length..^".sql".Length])
            .Order(StringComparer.Ordinal)
            .Select(name => (int.Parse(name[..4], System.Globalization.CultureInfo.InvariantCulture), name, Read(assembly, prefix + name + ".sql")))];
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema: applied {Applied} of {Known} migrations (the rest were present)")]
    private static partial void LogMigrated(ILogger logger, int applied, int known);
}
