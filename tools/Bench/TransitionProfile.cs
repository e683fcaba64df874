using System.Globalization;
using HccOrleans.Bench.Measure;
using Npgsql;

namespace HccOrleans.Bench;

/// <summary>
/// The cost of one transition: N five-step dossiers through the grains on one silo, with what PostgreSQL committed and
/// ran (pg_stat_statements) and the CPU of the silo and of the server per transition.
/// </summary>
internal static class TransitionProfile
{
    private const int DefaultCallers = 100;

    public static async Task<int> RunAsync(string database, int count, IReadOnlyDictionary<string, string?> settings)
    {
        // Fewer callers make smaller batches: the cost of a quiet hour's writes, not a full load's.
        var parallel = settings.TryGetValue("Bench:Callers", out var callers) ? int.Parse(callers!, CultureInfo.InvariantCulture) : DefaultCallers;

        var siloDatabase = settings.TryGetValue("Bench:ConnectionOptions", out var options) ? $"{database};{options}" : database;
        await using var app = await BenchSilo.StartAsync(siloDatabase, settings);
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        await using var data = NpgsqlDataSource.Create(database);
        if (settings.TryGetValue("Bench:Index", out var index) && index == "off")
        {
            await using var disable = data.CreateCommand("ALTER TABLE orleansstorage DISABLE TRIGGER hcc_dossier_index");
            await disable.ExecuteNonQueryAsync();
        }

        await Workload.SeedAsync(grains, "9.900005.B", TimeSpan.FromDays(5));
        await Workload.ProcessAsync(grains, "9.900005.B", Math.Min(count, 1_000), parallel, "warmup");

        var statements = await StatementProfile.ResetAsync(data);
        var before = await DatabaseCounters.ReadAsync(data);
        var siloCpu = ProcessCpu.Start();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        using var gc = new GcPauses();
        using var loops = new BatchLoopUse();
        var backends = await LoopBackends.StartAsync(data);
        var elapsed = await Workload.ProcessAsync(grains, "9.900005.B", count, parallel, "profile");
        var silo = siloCpu.Spent;
        var loopUse = loops.Lines().ToArray();
        var backendUse = backends.Lines().ToArray();
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var paused = gc.TakeSummary();
        var spent = await DatabaseCounters.ReadAsync(data) - before;

        var transitions = count * (double)Workload.TransitionsPerDossier;
        Console.WriteLine($"{count:N0} dossiers × {Workload.TransitionsPerDossier} transitions, {parallel} concurrent callers: {transitions / elapsed.TotalSeconds:F0} transitions/s ({elapsed.TotalSeconds:F1} s)");
        Console.WriteLine($"per transition: {spent.Commits / transitions:F2} commits, {spent.Rollbacks / transitions:F2} rollbacks, " +
            $"silo CPU {silo.TotalMicroseconds / transitions:F0} µs, PostgreSQL CPU {spent.ServerCpu.TotalMicroseconds / transitions:F0} µs, " +
            $"silo allocations {allocated / transitions / 1024:F1} KiB");
        Console.WriteLine($"garbage collection in the silo's process: {paused}");
        Console.WriteLine("group-commit loops:");
        foreach (var line in loopUse)
        {
            Console.WriteLine($"  {line}");
        }

        Console.WriteLine("their PostgreSQL backends:");
        foreach (var line in backendUse)
        {
            Console.WriteLine($"  {line}");
        }

        Console.WriteLine($"dossier state after its {Workload.TransitionsPerDossier} transitions: {await PayloadBytesAsync(data):F0} bytes");
        if (statements)
        {
            Console.WriteLine("statements by total time (calls per transition, mean ms):");
            foreach (var statement in await StatementProfile.TopAsync(data, 15))
            {
                var text = statement.Text.Length > 110 ? statement.Text[..110] + "…" : statement.Text;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {statement.Calls / transitions,6:F2} {statement.TotalMilliseconds / Math.Max(1, statement.Calls),7:F3} ms  {text}"));
            }
        }

        await app.StopAsync();
        return 0;
    }

    private static async Task<double> PayloadBytesAsync(NpgsqlDataSource data)
    {
        await using var command = data.CreateCommand("SELECT coalesce(avg(length(payloadbinary)), 0)::float8 FROM orleansstorage WHERE graintypestring = 'dossier'");
        return (double)(await command.ExecuteScalarAsync())!;
    }
}
