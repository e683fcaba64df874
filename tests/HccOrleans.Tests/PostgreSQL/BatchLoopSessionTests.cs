using System.Threading.Channels;
using HccOrleans.Persistence;
using HccOrleans.Persistence.GroupCommit;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace HccOrleans.Tests.PostgreSQL;

/// <summary>
/// A group-commit loop's session keeps one plan per statement, scans no table and names its loop after its process, and
/// its connection goes back to the pool with PostgreSQL's defaults and the process's name, so the next borrower plans
/// and scans as it would anywhere else.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class BatchLoopSessionTests(PostgresServer postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ALoopsSession_KeepsOnePlanAndScansNoTable_AndReturnsItsConnectionAsLent()
    {
        // The product's pool (it does not reset sessions), with one connection, so the borrower after the loop gets the
        // very session the loop used.
        await using var database = PostgresDataSources.Create(await postgres.CreateDatabaseAsync("batch-session"), "batch-session-test", maxConnections: 1);
        var queue = Channel.CreateUnbounded<Probe>();
        var loop = new BatchLoop<Probe>("session-test", queue.Reader, database, 8, ReadSettingsAsync,
            (probe, error) => probe.Seen.TrySetException(error), NullLogger.Instance);
        var running = loop.RunAsync(CancellationToken.None);

        var probe = new Probe();
        Assert.True(queue.Writer.TryWrite(probe));
        var inLoop = await probe.Seen.Task.WaitAsync(Patience);
        queue.Writer.Complete();
        await running.WaitAsync(Patience);

        Assert.Equal(("force_generic_plan", "off", "batch-session-test session-test"), (inLoop.PlanCacheMode, inLoop.SequentialScans, inLoop.Name));
        await using var next = await database.OpenConnectionAsync();
        var after = await SettingsAsync(next);
        Assert.Equal(inLoop.Backend, after.Backend);
        Assert.Equal(("auto", "on", "batch-session-test"), (after.PlanCacheMode, after.SequentialScans, after.Name));
    }

    private static async Task ReadSettingsAsync(NpgsqlConnection connection, IReadOnlyList<Probe> batch, CancellationToken cancellationToken)
    {
        var settings = await SettingsAsync(connection);
        foreach (var probe in batch)
        {
            probe.Seen.TrySetResult(settings);
        }
    }

    private static async Task<Settings> SettingsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT current_setting('plan_cache_mode'), current_setting('enable_seqscan'), pg_backend_pid(), current_setting('application_name')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return new Settings(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3));
    }

    private sealed record Settings(string PlanCacheMode, string SequentialScans, int Backend, string Name);

    private sealed class Probe : BatchedItem
    {
        public TaskCompletionSource<Settings> Seen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
