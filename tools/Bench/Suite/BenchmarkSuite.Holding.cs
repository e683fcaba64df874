using System.Diagnostics;
using Npgsql;

namespace HccOrleans.Bench.Suite;

internal sealed partial class BenchmarkSuite
{
    private static readonly TimeSpan HoldingSpread = TimeSpan.FromDays(30);

    /// <summary>
    /// Goal 3: N pending deadlines (dossiers in processing with a deadline reminder each, spread over the next 30 days,
    /// loaded in bulk through SQL) held by one silo started in a fresh process: its memory, its time to ready, and what
    /// one reminder refresh reads from PostgreSQL (the start reads the silo's whole range, as every refresh does).
    /// </summary>
    private async Task HoldingAsync()
    {
        Console.Error.WriteLine($"# holding: {size.HoldingDeadlines:N0} pending deadlines on one silo");
        var database = await NewDatabaseAsync("holding");
        var template = await DeadlineLoad.TemplateAsync(database);
        var first = DateTimeOffset.UtcNow.AddDays(1);
        var step = HoldingSpread / size.HoldingDeadlines;
        var loading = Stopwatch.StartNew();
        await DeadlineLoad.LoadAsync(database, template, size.HoldingDeadlines, i => first + step * i);
        var loaded = loading.Elapsed;

        await using var data = NpgsqlDataSource.Create(database);
        var before = await ReminderTableReadsAsync(data);
        var silo = await ChildProcess.RunAsync(typeof(BenchmarkSuite).Assembly.Location,
            [new NpgsqlConnectionStringBuilder(database) { Database = "postgres" }.ConnectionString, "restart", new NpgsqlConnectionStringBuilder(database).Database!],
            "silo restart", TimeSpan.FromMinutes(10));
        // A backend's statistics reach pg_stat_* when it exits; the silo's pool closed as its process ended.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var reads = await ReminderTableReadsAsync(data) - before;

        const string Section = "3 holding";
        _report.Figure(Section, $"{size.HoldingDeadlines:N0} pending deadlines loaded through SQL (COPY: dossier state + reminder row each)", $"{loaded.TotalSeconds:F0} s");
        _report.Figure(Section, "silo restarted on them: host started and cluster joined / reminder service started", $"{silo["started"]:F1} / {silo["reminders"]:F1} s");
        _report.Figure(Section, "silo memory after the reminder service started: working set / managed heap", $"{silo["working_set_mib"]:F0} / {silo["managed_mib"]:F0} MiB");
        _report.Figure(Section, "one reminder refresh (the start's): queries on the reminder table / rows read", $"{reads.Scans:N0} / {reads.Rows:N0}");
        _report.Ratio("3", $"reminder rows one silo read on its start / the {size.HoldingDeadlines:N0} deadlines asked", reads.Rows / (double)size.HoldingDeadlines, 1.0);
        _report.Note(Section, $"deadlines spread evenly over {HoldingSpread.TotalDays:F0} days; Orleans keeps in memory only the reminders due within its loading window (10 min), so memory does not grow with the count, but every refresh (5 min) reads the silo's whole range of rows.");
    }

    private sealed record TableReads(long Scans, long Rows)
    {
        public static TableReads operator -(TableReads after, TableReads before) => new(after.Scans - before.Scans, after.Rows - before.Rows);
    }

    private static async Task<TableReads> ReminderTableReadsAsync(NpgsqlDataSource data)
    {
        await using var command = data.CreateCommand("""
            SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0), coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)
            FROM pg_stat_user_tables WHERE relname = 'orleansreminderstable'
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new TableReads(reader.GetInt64(0), reader.GetInt64(1));
    }
}
