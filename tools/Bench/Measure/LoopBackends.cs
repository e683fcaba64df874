using System.Globalization;
using Npgsql;

namespace HccOrleans.Bench.Measure;

/// <summary>
/// Where the time of each group-commit loop's PostgreSQL backend went while a load ran: on a core, runnable but waiting
/// for one, or asleep (waiting for its loop's next statement). Read from the kernel's scheduler statistics
/// (/proc/&lt;pid&gt;/schedstat), so only for a server on this machine. A loop's backend is named after its loop.
/// </summary>
internal sealed class LoopBackends
{
    private readonly Dictionary<string, (int Pid, Schedule At)> _started;
    private readonly long _startedTicks = Environment.TickCount64;

    private LoopBackends(Dictionary<string, (int Pid, Schedule At)> started) => _started = started;

    public static async Task<LoopBackends> StartAsync(NpgsqlDataSource data)
    {
        await using var command = data.CreateCommand("""
            SELECT pid, split_part(application_name, ' ', 2) FROM pg_stat_activity
            WHERE datname = current_database() AND split_part(application_name, ' ', 2) <> ''
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var started = new Dictionary<string, (int, Schedule)>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            if (Schedule.Of(reader.GetInt32(0)) is { } at)
            {
                started[reader.GetString(1)] = (reader.GetInt32(0), at);
            }
        }

        return new LoopBackends(started);
    }

    /// <summary>One line per loop whose backend lived through the load, busiest first.</summary>
    public IEnumerable<string> Lines()
    {
        var wall = (Environment.TickCount64 - _startedTicks) * 1_000_000.0;
        return _started
            .Select(loop => (Name: loop.Key, Spent: Schedule.Of(loop.Value.Pid) is { } now ? now - loop.Value.At : null))
            .Where(loop => loop.Spent is not null)
            .OrderByDescending(loop => loop.Spent!.Running)
            .Select(loop => string.Create(CultureInfo.InvariantCulture,
                $"{loop.Name}: on a core {100 * loop.Spent!.Running / wall:F0} %, waiting for a core {100 * loop.Spent.Waiting / wall:F0} %, " +
                $"asleep {100 * (wall - loop.Spent.Running - loop.Spent.Waiting) / wall:F0} %"));
    }

    /// <summary>Nanoseconds a process has run on a core and waited runnable for one.</summary>
    private sealed record Schedule(double Running, double Waiting)
    {
        public static Schedule? Of(int pid)
        {
            try
            {
                var fields = File.ReadAllText($"/proc/{pid}/schedstat").Split(' ');
                return new Schedule(double.Parse(fields[0], CultureInfo.InvariantCulture), double.Parse(fields[1], CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                return null;
            }
        }

        public static Schedule operator -(Schedule after, Schedule before) => new(after.Running - before.Running, after.Waiting - before.Waiting);
    }
}
