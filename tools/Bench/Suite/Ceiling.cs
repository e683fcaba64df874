using System.Diagnostics;
using HccOrleans.Bench.Measure;
using Npgsql;

namespace HccOrleans.Bench.Suite;

/// <summary>
/// What PostgreSQL commits when nothing else is in the way: single-row upserts of a payload the size of a stored
/// dossier, each its own transaction, from N concurrent connections (Npgsql, prepared).
/// </summary>
internal static class Ceiling
{
    public static async Task<RoundResult> RunAsync(string database, int operations, int callers)
    {
        await using var data = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database) { MaxPoolSize = callers, NoResetOnClose = true }.ConnectionString);
        await using (var create = data.CreateCommand("CREATE TABLE ceiling (id bigint PRIMARY KEY, version integer NOT NULL, payload bytea NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var payload = new byte[2_000];
        new Random(9).NextBytes(payload);
        var before = await DatabaseCounters.ReadAsync(data);
        var clock = Stopwatch.StartNew();
        await using (var progress = new ProgressLine("ceiling upserts", operations))
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, callers), new ParallelOptions { MaxDegreeOfParallelism = callers }, async (caller, cancellation) =>
            {
                await using var connection = await data.OpenConnectionAsync(cancellation);
                await using var upsert = new NpgsqlCommand("""
                    INSERT INTO ceiling (id, version, payload) VALUES ($1, 1, $2)
                    ON CONFLICT (id) DO UPDATE SET version = ceiling.version + 1, payload = excluded.payload
                    """, connection);
                upsert.Parameters.Add(new NpgsqlParameter<long>());
                upsert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = payload });
                await upsert.PrepareAsync(cancellation);
                for (var i = caller; i < operations; i += callers)
                {
                    // A tenth of the rows, each written ten times: inserts and updates, as a live table sees them.
                    ((NpgsqlParameter<long>)upsert.Parameters[0]).TypedValue = i % (operations / 10);
                    await upsert.ExecuteNonQueryAsync(cancellation);
                    progress.Add();
                }
            });
        }

        var elapsed = clock.Elapsed;
        var spent = await DatabaseCounters.ReadAsync(data) - before;
        return new RoundResult(operations / elapsed.TotalSeconds, elapsed, (double)spent.Commits / operations, spent.ServerCpu.TotalMicroseconds / operations);
    }
}
