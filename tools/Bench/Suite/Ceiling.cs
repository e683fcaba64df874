using System.Diagnostics;
using HccOrleans.Bench.Measure;
using Npgsql;

namespace HccOrleans.Bench.Suite;

/// <summary>
/// What PostgreSQL commits when nothing else is in the way: upserts of a payload the size of a stored dossier from N
/// concurrent connections (Npgsql, prepared), each its own transaction (the one-commit baseline) or
/// <c>rowsPerCommit</c> of them sent as one batch, one transaction (the batched ceiling, as pgbench would batch).
/// </summary>
internal static class Ceiling
{
    public static async Task<RoundResult> RunAsync(string database, int operations, int callers, int rowsPerCommit = 1)
    {
        await using var data = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database) { MaxPoolSize = callers, NoResetOnClose = true }.ConnectionString);
        await using (var create = data.CreateCommand("CREATE TABLE ceiling (id bigint PRIMARY KEY, version integer NOT NULL, payload bytea NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var payload = new byte[2_000];
        new Random(9).NextBytes(payload);
        var before = await DatabaseCounters.ReadAsync(data);
        long written = 0;
        var clock = Stopwatch.StartNew();
        await using (var progress = new ProgressLine("ceiling upserts", operations))
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, callers), new ParallelOptions { MaxDegreeOfParallelism = callers }, async (caller, cancellation) =>
            {
                await using var connection = await data.OpenConnectionAsync(cancellation);
                // A batch is one implicit transaction: one commit for its rows.
                await using var batch = new NpgsqlBatch(connection);
                for (var row = 0; row < rowsPerCommit; row++)
                {
                    batch.BatchCommands.Add(new NpgsqlBatchCommand("""
                        INSERT INTO ceiling (id, version, payload) VALUES ($1, 1, $2)
                        ON CONFLICT (id) DO UPDATE SET version = ceiling.version + 1, payload = excluded.payload
                        """) { Parameters = { new NpgsqlParameter<long>(), new NpgsqlParameter<byte[]> { TypedValue = payload } } });
                }

                await batch.PrepareAsync(cancellation);
                var mine = Enumerable.Range(0, operations).Where(i => i % callers == caller).ToArray();
                foreach (var chunk in mine.Chunk(rowsPerCommit).Where(c => c.Length == rowsPerCommit))
                {
                    for (var row = 0; row < rowsPerCommit; row++)
                    {
                        // A tenth of the rows, each written ten times: inserts and updates, as a live table sees them; each caller its
                        // own rows, so that two batches never wait on each other in opposite orders.
                        ((NpgsqlParameter<long>)batch.BatchCommands[row].Parameters[0]).TypedValue = (long)(chunk[row] % (operations / 10)) * callers + caller;
                    }

                    await batch.ExecuteNonQueryAsync(cancellation);
                    progress.Add(rowsPerCommit);
                    Interlocked.Add(ref written, rowsPerCommit);
                }
            });
        }

        var elapsed = clock.Elapsed;
        var spent = await DatabaseCounters.ReadAsync(data) - before;
        // A caller's last rows that do not fill a batch are left out, and out of the count.
        return new RoundResult(written / elapsed.TotalSeconds, elapsed, (double)spent.Commits / written, spent.ServerCpu.TotalMicroseconds / written);
    }
}
