using System.Diagnostics;
using System.Globalization;
using HccOrleans.Bench;
using HccOrleans.Grains.Interfaces;
using Npgsql;

// Benchmarks of the durable engine on PostgreSQL (not tests): see docs/benchmarks.md.
//   dotnet run -c Release --project tools/Bench -- <server connection string> overdue [count]
//   dotnet run -c Release --project tools/Bench -- <server connection string> capacity [count]
if (args.Length > 0 && args[0] == "http-load")
{
    return await HccOrleans.Bench.Suite.HttpLoad.RunAsync(args);
}

if (args.Length > 0 && args[0] == "engine-round")
{
    return await HccOrleans.Bench.Suite.EngineRound.RunColdAsync(args);
}

if (args.Length > 0 && args[0] == "adapter-sink")
{
    return await HccOrleans.Bench.Suite.AdapterSink.RunAsync(args);
}

if (args.Length > 0 && args[0] == "upload-load")
{
    return await HccOrleans.Bench.Suite.UploadLoad.RunAsync(args);
}

if (args.Length < 2 || args[1] is not ("overdue" or "capacity" or "restart" or "index" or "workload" or "queues" or "profile" or "suite"))
{
    Console.Error.WriteLine("usage: HccOrleans.Bench <server connection string> overdue|capacity|index|profile [count] | restart <database> | workload quang-nam-2019h1 | queues");
    return 2;
}

if (args[1] == "workload")
{
    if (args.Length < 3 || args[2] != "quang-nam-2019h1")
    {
        Console.Error.WriteLine("the only workload preset is quang-nam-2019h1");
        return 2;
    }

    var replayDatabase = await Scenarios.CreateDatabaseAsync(args[0], $"hcc_workload_{DateTime.UtcNow:yyyyMMddHHmmss}");
    return await QuangNamReplay.RunAsync(replayDatabase);
}

if (args[1] == "queues")
{
    return await QueueBenchmark.RunAsync(await Scenarios.CreateDatabaseAsync(args[0], $"hcc_bench_queues_{DateTime.UtcNow:yyyyMMddHHmmss}"));
}

var server = args[0];
if (args[1] == "suite")
{
    // suite [full|smoke] [output file]: the benchmark suite, written into docs/benchmarks.md (scripts/benchmark.sh).
    var size = args.Length > 2 && args[2] == "smoke" ? HccOrleans.Bench.Suite.SuiteSize.Smoke : HccOrleans.Bench.Suite.SuiteSize.Full;
    var started = DateTimeOffset.UtcNow;
    var parts = Environment.GetEnvironmentVariable("HCC_SUITE_PARTS") is { Length: > 0 } named ? named.Split(',').ToHashSet() : null;
    var report = await new HccOrleans.Bench.Suite.BenchmarkSuite(server, size).RunAsync(parts);
    var output = args.Length > 3 ? args[3] : null;
    if (output is not null)
    {
        var command = $"scripts/benchmark.sh{(size == HccOrleans.Bench.Suite.SuiteSize.Smoke ? " smoke" : "")}";
        var took = DateTimeOffset.UtcNow - started;
        var table = parts is null
            ? report.ToMarkdown(command, HccOrleans.Bench.Suite.BenchmarkSuite.Machine(), started, took)
            : HccOrleans.Bench.Suite.SuiteTableMerge.Merge(File.Exists(output) ? File.ReadAllText(output) : "", report, parts,
                $"Parts {string.Join(", ", parts.Order(StringComparer.Ordinal))} measured again {started:yyyy-MM-dd HH:mm} UTC in {took.TotalMinutes:F1} min by `HCC_SUITE_PARTS={string.Join(',', parts)} {command}` on {HccOrleans.Bench.Suite.BenchmarkSuite.Machine()}; the other rows are the run above.");
        HccOrleans.Bench.Suite.SuiteReport.WriteInto(output, table);
        Console.WriteLine($"written into {output}");
    }

    return 0;
}

if (args[1] == "profile")
{
    var dossiers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4_000;
    var overrides = args.Skip(3).Select(a => a.Split('=', 2)).ToDictionary(a => a[0], a => (string?)a[1]);
    return await TransitionProfile.RunAsync(await Scenarios.CreateDatabaseAsync(server, $"hcc_bench_profile_{DateTime.UtcNow:yyyyMMddHHmmss}"), dossiers, overrides);
}

if (args[1] == "restart")
{
    return await Scenarios.RestartAsync(new NpgsqlConnectionStringBuilder(server) { Database = args[2] }.ConnectionString);
}

var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : args[1] switch { "overdue" => 10_000, "index" => 4_000, _ => 100_000 };
if (args[1] == "index")
{
    return await Scenarios.IndexAsync(server, count);
}

var database = await Scenarios.CreateDatabaseAsync(server, $"hcc_bench_{args[1]}_{DateTime.UtcNow:yyyyMMddHHmmss}");
Console.WriteLine($"# {args[1]}: {count:N0} dossiers, database {new NpgsqlConnectionStringBuilder(database).Database}, {Environment.ProcessorCount} cores");
return args[1] == "overdue" ? await Scenarios.OverdueAsync(database, count) : await Scenarios.CapacityAsync(database, count, server);


internal static class Scenarios
{
    private const int Parallel = 64;

    /// <summary>(a) N dossiers whose deadlines fall in the same minute: how long until every overdue escalation fired, and how late.</summary>
    public static async Task<int> OverdueAsync(string database, int count)
    {
        await using var app = await BenchSilo.StartAsync(database, new Dictionary<string, string?> { ["Escalations:DueSoonWithin"] = "00:00:05" });
        var grains = app.Services.GetRequiredService<IGrainFactory>();

        // A warm-up sizes the deadline so that registering everything ends before the first dossier falls due.
        await Workload.SeedAsync(grains, "9.900001.B", TimeSpan.FromHours(1));
        var warmup = await Workload.RegisterAsync(grains, "9.900001.B", 500, Parallel, "warmup");
        var estimate = TimeSpan.FromSeconds(warmup.TotalSeconds / 500 * count * 1.5 + 30);
        await Workload.SeedAsync(grains, "9.900002.B", estimate);
        var registration = await Workload.RegisterAsync(grains, "9.900002.B", count, Parallel, "overdue");
        Console.WriteLine($"registered {count:N0} dossiers in {registration.TotalSeconds:F1} s ({count / registration.TotalSeconds:F0}/s); processing time {estimate.TotalSeconds:F0} s");

        await using var data = NpgsqlDataSource.Create(database);
        var deadline = Stopwatch.StartNew();
        long fired;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            // The warm-up's dossiers fall due an hour later: every overdue row so far belongs to the measured run.
            fired = await ScalarAsync<long>(data, "SELECT count(*) FROM hcc_outbox WHERE kind = 'overdue' AND recipient_role = 'director'");
        }
        while (fired < count && deadline.Elapsed < estimate + TimeSpan.FromMinutes(10));

        await using var stats = data.CreateCommand("""
            SELECT count(*),
                   min(due_at), max(due_at), max(fired_at),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM fired_at - due_at)),
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM fired_at - due_at)),
                   max(extract(epoch FROM fired_at - due_at))
            FROM hcc_outbox
            WHERE kind = 'overdue' AND recipient_role = 'director'
            """);
        await using var reader = await stats.ExecuteReaderAsync();
        await reader.ReadAsync();
        var firstDue = reader.GetFieldValue<DateTimeOffset>(1);
        var lastDue = reader.GetFieldValue<DateTimeOffset>(2);
        var lastFired = reader.GetFieldValue<DateTimeOffset>(3);
        Console.WriteLine($"overdue escalations recorded: {reader.GetInt64(0):N0} of {count:N0}");
        Console.WriteLine($"deadlines spread over {(lastDue - firstDue).TotalSeconds:F1} s; all fired {(lastFired - firstDue).TotalSeconds:F1} s after the first deadline, {(lastFired - lastDue).TotalSeconds:F1} s after the last");
        Console.WriteLine($"lateness (fired - due): p50 {reader.GetDouble(4):F2} s, p99 {reader.GetDouble(5):F2} s, max {reader.GetDouble(6):F2} s");
        await app.StopAsync();
        return 0;
    }

    /// <summary>(b) N active dossiers with deadlines on one silo: registration rate, memory, restart-to-ready.</summary>
    public static async Task<int> CapacityAsync(string database, int count, string server)
    {
        var app = await BenchSilo.StartAsync(database, new Dictionary<string, string?>());
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        await Workload.SeedAsync(grains, "9.900003.B", TimeSpan.FromDays(5));
        var registration = await Workload.RegisterAsync(grains, "9.900003.B", count, Parallel, "capacity");
        Console.WriteLine($"registered {count:N0} dossiers with deadline reminders in {registration.TotalSeconds:F1} s ({count / registration.TotalSeconds:F0}/s, {2 * count / registration.TotalSeconds:F0} persisted transitions/s)");
        Console.WriteLine($"memory with every dossier activated: {Memory()}");

        var management = grains.Reference<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        Console.WriteLine($"memory after idle activations were collected: {Memory()}");

        await using var data = NpgsqlDataSource.Create(database);
        Console.WriteLine($"reminder rows: {await ScalarAsync<long>(data, "SELECT count(*) FROM orleansreminderstable"):N0}");
        await app.StopAsync();
        await app.DisposeAsync();

        // The restart runs in a fresh process, as a real one would: cold JIT, empty caches.
        var host = Environment.ProcessPath!;
        string[] arguments = [server, "restart", new NpgsqlConnectionStringBuilder(database).Database!];
        using var restart = Process.Start(new ProcessStartInfo(host, Path.GetFileNameWithoutExtension(host) == "dotnet" ? [typeof(Scenarios).Assembly.Location, .. arguments] : arguments)
        {
            RedirectStandardOutput = true,
        })!;
        Console.Write(await restart.StandardOutput.ReadToEndAsync());
        await restart.WaitForExitAsync();
        return restart.ExitCode;
    }

    /// <summary>A silo starting on a database that already holds many dossiers and reminders: time to ready.</summary>
    public static async Task<int> RestartAsync(string database)
    {
        var reminderService = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Orleans.Reminders.Diagnostics.ReminderEvents.ServiceEvents.Subscribe(new ServiceStartedObserver(reminderService));
        var clock = Stopwatch.StartNew();
        await using var app = await BenchSilo.StartAsync(database, new Dictionary<string, string?>());
        var started = clock.Elapsed;
        var units = await app.Services.GetRequiredService<IGrainFactory>().Reference<IUnitDirectoryGrain>(GrainKeys.Units).ListAsync();
        var firstRead = clock.Elapsed;
        await reminderService.Task.WaitAsync(TimeSpan.FromMinutes(5));
        Console.WriteLine($"restart in a new process: host started and cluster joined {started.TotalSeconds:F1} s, first grain read from storage {firstRead.TotalSeconds:F1} s ({units.Length} units), reminder service started {clock.Elapsed.TotalSeconds:F1} s");
        var reminders = clock.Elapsed;
        Console.WriteLine($"memory of the restarted silo: {Memory()}");
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"result started={started.TotalSeconds:F2} reminders={reminders.TotalSeconds:F2} working_set_mib={process.WorkingSet64 / 1048576.0:F0} managed_mib={GC.GetTotalMemory(forceFullCollection: false) / 1048576.0:F0}"));
        await app.StopAsync();
        return 0;
    }

    private sealed class ServiceStartedObserver(TaskCompletionSource started) : IObserver<Orleans.Reminders.Diagnostics.ReminderEvents.ReminderServiceEvent>
    {
        public void OnNext(Orleans.Reminders.Diagnostics.ReminderEvents.ReminderServiceEvent value)
        {
            if (value is Orleans.Reminders.Diagnostics.ReminderEvents.ReminderServiceStarted)
            {
                started.TrySetResult();
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    /// <summary>The same five-step workload with the index trigger off and on, alternating, each on a fresh database.</summary>
    public static async Task<int> IndexAsync(string server, int count)
    {
        Console.WriteLine($"# index: {count:N0} dossiers × {Workload.TransitionsPerDossier} persisted transitions per round, {Environment.ProcessorCount} cores");
        var rates = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
        // The first round warms the JIT and PostgreSQL's caches and is not counted.
        var rounds = new (bool IndexOn, bool Counted)[] { (true, false), (false, true), (true, true), (false, true), (true, true) };
        foreach (var (indexOn, counted) in rounds)
        {
            var database = await CreateDatabaseAsync(server, $"hcc_bench_index_{(indexOn ? "on" : "off")}_{DateTime.UtcNow:HHmmssfff}");
            await using var app = await BenchSilo.StartAsync(database, new Dictionary<string, string?>());
            if (!indexOn)
            {
                await using var data = NpgsqlDataSource.Create(database);
                await using var disable = data.CreateCommand("ALTER TABLE orleansstorage DISABLE TRIGGER hcc_dossier_index");
                await disable.ExecuteNonQueryAsync();
            }

            var grains = app.Services.GetRequiredService<IGrainFactory>();
            await Workload.SeedAsync(grains, "9.900004.B", TimeSpan.FromDays(5));
            var elapsed = await Workload.ProcessAsync(grains, "9.900004.B", count, Parallel, "index");
            var rate = count * Workload.TransitionsPerDossier / elapsed.TotalSeconds;
            if (counted)
            {
                rates[indexOn].Add(rate);
            }

            Console.WriteLine($"index {(indexOn ? "on " : "off")}: {rate:F0} transitions/s ({elapsed.TotalSeconds:F1} s){(counted ? "" : " — warm-up, not counted")}");
            await app.StopAsync();
        }

        Console.WriteLine($"index on / index off: {rates[true].Average() / rates[false].Average():P0} (means {rates[true].Average():F0} vs {rates[false].Average():F0} transitions/s)");
        return 0;
    }

    public static async Task<string> CreateDatabaseAsync(string server, string name)
    {
        await using (var admin = NpgsqlDataSource.Create(server))
        await using (var create = admin.CreateCommand($"CREATE DATABASE \"{name}\""))
        {
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 60 }.ConnectionString;
    }

    private static string Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return $"managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F0} MiB, working set {process.WorkingSet64 / 1048576.0:F0} MiB";
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
