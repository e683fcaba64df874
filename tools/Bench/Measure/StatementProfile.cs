using Npgsql;

namespace HccOrleans.Bench.Measure;

/// <summary>The statements PostgreSQL ran since the last reset (pg_stat_statements), most expensive first.</summary>
internal static class StatementProfile
{
    public sealed record Statement(string Text, long Calls, long Rows, double TotalMilliseconds);

    /// <summary>False when the server was not started with pg_stat_statements in shared_preload_libraries.</summary>
    public static async Task<bool> ResetAsync(NpgsqlDataSource data)
    {
        try
        {
            await using var create = data.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            await create.ExecuteNonQueryAsync();
            await using var reset = data.CreateCommand("SELECT pg_stat_statements_reset()");
            await reset.ExecuteNonQueryAsync();
            return true;
        }
        catch (PostgresException)
        {
            return false;
        }
    }

    public static async Task<IReadOnlyList<Statement>> TopAsync(NpgsqlDataSource data, int count)
    {
        await using var command = data.CreateCommand("""
            SELECT regexp_replace(query, '\s+', ' ', 'g'), calls, rows, total_exec_time
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY total_exec_time DESC
            LIMIT $1
            """);
        command.Parameters.AddWithValue(count);
        var top = new List<Statement>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            top.Add(new Statement(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetDouble(3)));
        }

        return top;
    }
}
