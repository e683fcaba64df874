using System.Collections.Concurrent;
using Npgsql;

namespace HccOrleans.Tests.PostgreSQL;

/// <summary>
/// The group-commit storage and reminder table answer a writer only after its batch committed: a silo SIGKILLed while
/// batches are in flight loses none of the writes it acknowledged, nor the deadline reminder of a dossier it received.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class GroupCommitCrashTests(PostgresServer postgres)
{
    private const string Procedure = "9.000700.000.00.00.T";
    private const int Writers = 48;

    [Fact]
    public async Task Sigkill_WhileBatchesAreInFlight_LosesNoAcknowledgedWrite()
    {
        var connectionString = await postgres.CreateDatabaseAsync("crash");
        var cluster = $"crash-{Guid.NewGuid():N}"[..20];
        await using var silo = new SiloProcess(connectionString, cluster);
        silo.Start();
        await silo.WaitReadyAsync();
        using var http = new EngineHttp(silo.BaseAddress);
        await http.SeedAsync(Procedure, seconds: 36_000);

        // Every acknowledged answer: the dossier and the version the engine said it stored.
        var acknowledged = new ConcurrentDictionary<string, long>();
        var receipts = new ConcurrentDictionary<string, bool>();
        var cutOff = 0;
        var released = 0;
        using var enough = new SemaphoreSlim(0);
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                try
                {
                    var submitted = await http.SubmitAsync(Procedure);
                    acknowledged[submitted.Code] = submitted.Version;
                    var received = await http.ReceiveAsync(Officer, submitted.Code);
                    acknowledged[received.Code] = received.Version;
                    receipts[received.Code] = true;
                    if (acknowledged.Count >= 300 && Interlocked.Exchange(ref released, 1) == 0)
                    {
                        enough.Release();
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    // The silo died under this request: it was never acknowledged.
                    Interlocked.Increment(ref cutOff);
                    return;
                }
            }
        })).ToArray();

        Assert.True(await enough.WaitAsync(TimeSpan.FromMinutes(3)), $"the writers got {acknowledged.Count} of 300 dossiers acknowledged in 3 minutes ({cutOff} cut off)");
        silo.Kill();
        await Task.WhenAll(writers);
        Assert.True(cutOff > 0, "no request was in flight when the silo was killed");
        // A receipt registers the dossier's deadline reminder before it is answered.
        var withoutReminder = receipts.Keys.Except(await ReminderHoldersAsync(connectionString, receipts.Keys)).ToList();
        Assert.Empty(withoutReminder);

        silo.Start();
        await silo.WaitReadyAsync();
        var lost = new List<string>();
        foreach (var (code, version) in acknowledged)
        {
            var stored = await http.GetAsync(code);
            if (stored.Version < version)
            {
                lost.Add($"{code}: acknowledged version {version}, stored {stored.Version}");
            }
        }

        Assert.Empty(lost);
    }

    private static async Task<IEnumerable<string>> ReminderHoldersAsync(string connectionString, IEnumerable<string> codes)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var command = database.CreateCommand("SELECT grainid FROM orleansreminderstable WHERE grainid = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = codes.Select(code => $"dossier/{code}").ToArray() });
        var holders = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            holders.Add(reader.GetString(0)["dossier/".Length..]);
        }

        return holders;
    }
}
