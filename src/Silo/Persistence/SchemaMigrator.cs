using System.Reflection;
using Npgsql;

namespace HccOrleans.Silo.Persistence;

/// <summary>
/// Applies the embedded SQL migrations (<c>Migrations/NNNN_name.sql</c>) that the database lacks, in order,
/// in one transaction under an advisory lock: silos starting together apply each migration exactly once.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource database, ILogger<SchemaMigrator> logger)
{
    // Any constant shared by every silo of every deployment; it only serialises migrators.
    private const long AdvisoryLockKey = 0x4843_434F_5253_4348;

    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations { get; } = Load();

    /// <summary>Brings the schema up to date; returns the versions this call applied.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS hcc_schema_version (
                version    integer     NOT NULL PRIMARY KEY,
                name       text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellationToken);

        var present = new HashSet<int>();
        await using (var read = new NpgsqlCommand("SELECT version FROM hcc_schema_version", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                present.Add(reader.GetInt32(0));
            }
        }

        var applied = new List<int>();
        foreach (var (version, name, sql) in Migrations.Where(m => !present.Contains(m.Version)))
        {
            await ExecuteAsync(connection, transaction, sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO hcc_schema_version (version, name) VALUES ($1, $2)", connection, transaction)
            {
                Parameters = { new() { Value = version }, new() { Value = name } },
            };
            await record.ExecuteNonQueryAsync(cancellationToken);
            applied.Add(version);
        }

        await transaction.CommitAsync(cancellationToken);
        LogMigrated(logger, applied.Count, Migrations.Count);
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<(int, string, string)> Load()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        const string prefix = "HccOrleans.Silo.Persistence.Migrations.";
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
