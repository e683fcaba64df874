using System.Diagnostics;
using Npgsql;

namespace HccOrleans.Bench.Suite;

/// <summary>The outbox's messages to the adapters (rows with a channel), waited for until none waits, and what its delivery loop did.</summary>
internal static class OutboxDrain
{
    /// <param name="Written">Messages written for the adapters, the warm-up's included.</param>
    /// <param name="PerTransition">Those messages over the transitions the dossiers stored.</param>
    /// <param name="Rate">Messages delivered a second, from the first written to the last delivered.</param>
    /// <param name="EmptyAfter">From the end of the measured load to the last message delivered.</param>
    public sealed record Figures(long Written, long Failed, double PerTransition, double Rate, TimeSpan EmptyAfter);

    public static async Task<Figures> WaitAsync(NpgsqlDataSource data, TimeSpan timeout)
    {
        var loadEnded = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var (waiting, delivered) = (-1L, -1L);
        while (clock.Elapsed < timeout)
        {
            (waiting, delivered) = await CountAsync(data);
            if (waiting == 0)
            {
                return await FiguresAsync(data, loadEnded);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"The outbox still had {waiting:N0} messages waiting {timeout} after the load ({delivered:N0} delivered)");
    }

    private static async Task<(long Waiting, long Delivered)> CountAsync(NpgsqlDataSource data)
    {
        await using var command = data.CreateCommand("""
            SELECT count(*) FILTER (WHERE delivered_at IS NULL AND failed_at IS NULL), count(*) FILTER (WHERE delivered_at IS NOT NULL)
            FROM hcc_outbox WHERE channel IS NOT NULL
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<Figures> FiguresAsync(NpgsqlDataSource data, DateTimeOffset loadEnded)
    {
        await using var command = data.CreateCommand("""
            SELECT count(*), count(*) FILTER (WHERE failed_at IS NOT NULL),
                   count(*)::float8 / (SELECT sum(version) FROM hcc_dossier_index),
                   count(*) FILTER (WHERE delivered_at IS NOT NULL) / extract(epoch FROM max(delivered_at) - min(created_at))::float8,
                   greatest(extract(epoch FROM max(delivered_at) - $1), 0)::float8
            FROM hcc_outbox WHERE channel IS NOT NULL
            """);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = loadEnded });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Figures(reader.GetInt64(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3), TimeSpan.FromSeconds(reader.GetDouble(4)));
    }
}
