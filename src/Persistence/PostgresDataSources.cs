using Npgsql;

namespace HccOrleans.Persistence;

/// <summary>
/// The one PostgreSQL connection pool of a process: every provider and query of a silo or API process shares it, so
/// the pool's size bounds the connections the process opens (docs/decisions/0007): <see cref="PostgresOptions.MaxConnections"/>,
/// else "Maximum Pool Size" of the connection string when it is set, else <see cref="DefaultMaxConnections"/>.
/// </summary>
public static class PostgresDataSources
{
    /// <summary>
    /// Enough for the silo's batch loops, reminders, clustering, outbox and queries; small enough that four processes
    /// fit a stock PostgreSQL (max_connections = 100). Callers beyond it wait for a connection rather than fail.
    /// </summary>
    public const int DefaultMaxConnections = 20;

    private const int NpgsqlDefaultPoolSize = 100;

    public static NpgsqlDataSource Create(string connectionString, string applicationName, int? maxConnections = null)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // Nothing here leaves session state behind (transaction-scoped settings and locks only): skip the reset
            // round trip (DISCARD ALL) each time a connection goes back to the pool.
            NoResetOnClose = true,
        };
        if (settings.MaxAutoPrepare == 0)
        {
            // The providers' statements are few and repeated: parse and plan each once per connection.
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }

        if (maxConnections is { } max)
        {
            settings.MaxPoolSize = max;
        }
        else if (settings.MaxPoolSize == NpgsqlDefaultPoolSize)
        {
            settings.MaxPoolSize = DefaultMaxConnections;
        }

        settings.ApplicationName ??= applicationName;
        return NpgsqlDataSource.Create(settings.ConnectionString);
    }
}
