using System.Globalization;
using Npgsql;

namespace HccOrleans.Bench.Measure;

/// <summary>What PostgreSQL did between two snapshots: commits of one database, and the CPU of every server process.</summary>
internal sealed record DatabaseCounters(long Commits, long Rollbacks, TimeSpan ServerCpu)
{
    public static async Task<DatabaseCounters> ReadAsync(NpgsqlDataSource data)
    {
        await using var command = data.CreateCommand("""
            SELECT xact_commit, xact_rollback, pg_backend_pid() FROM pg_stat_database WHERE datname = current_database()
            """);
        // The statistics of this backend's own transaction are flushed at its end: read them in a fresh one.
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new DatabaseCounters(reader.GetInt64(0), reader.GetInt64(1), CpuOfServer(reader.GetInt32(2)));
    }

    public static DatabaseCounters operator -(DatabaseCounters after, DatabaseCounters before) =>
        new(after.Commits - before.Commits, after.Rollbacks - before.Rollbacks, after.ServerCpu - before.ServerCpu);

    /// <summary>
    /// The server's process, for reading its CPU later without a connection: a peer that holds every connection the
    /// server allows leaves none for a reading.
    /// </summary>
    public static async Task<int> PostmasterAsync(NpgsqlDataSource data)
    {
        await using var command = data.CreateCommand("SELECT pg_backend_pid()");
        var backend = (int)(await command.ExecuteScalarAsync())!;
        return Stat(backend)?.ParentPid ?? throw new InvalidOperationException($"PostgreSQL's backend {backend} is not a process of this machine.");
    }

    private static TimeSpan CpuOfServer(int backendPid) => Stat(backendPid)?.ParentPid is { } postmaster ? CpuOfServerUnder(postmaster) : TimeSpan.Zero;

    /// <summary>
    /// The postmaster's own CPU, the CPU of its children that exited (cutime/cstime) and of those alive: every
    /// backend's work, whichever connection did it.
    /// </summary>
    public static TimeSpan CpuOfServerUnder(int parent)
    {
        if (Stat(parent) is not { } main)
        {
            return TimeSpan.Zero;
        }

        var ticks = main.Own + main.Children;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Stat(pid) is { } child && child.ParentPid == parent)
            {
                ticks += child.Own;
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private sealed record ProcessTicks(int ParentPid, long Own, long Children);

    private static ProcessTicks? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name, which is in parentheses and may hold spaces.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
            return new ProcessTicks((int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
