using Npgsql;

namespace HccOrleans.Api.Hosting;

/// <summary>
/// The one PostgreSQL connection pool of a process: every provider and query of a silo or API process shares it, so
/// "Maximum Pool Size" in the connection string bounds the connections the process opens (docs/decisions/0007).
/// </summary>
public static class PostgresDataSources
{
    public static NpgsqlDataSource Create(string connectionString, string applicationName)
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

        settings.ApplicationName ??= applicationName;
        return NpgsqlDataSource.Create(settings.ConnectionString);
    }
}
