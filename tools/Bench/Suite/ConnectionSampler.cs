using Npgsql;

namespace HccOrleans.Bench.Suite;

/// <summary>The most connections each process (by its application name) held at once, sampled from pg_stat_activity.</summary>
internal sealed class ConnectionSampler : IAsyncDisposable
{
    private readonly NpgsqlDataSource _data;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private readonly Dictionary<string, long> _most = [];

    public ConnectionSampler(string database)
    {
        _data = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database) { ApplicationName = "bench-sampler", MaxPoolSize = 1 }.ConnectionString);
        _sampling = SampleAsync();
    }

    public long MostTotal { get; private set; }

    public IReadOnlyDictionary<string, long> MostByProcess
    {
        get
        {
            lock (_most)
            {
                return new Dictionary<string, long>(_most);
            }
        }
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            await using (var command = _data.CreateCommand("""
                SELECT coalesce(nullif(split_part(application_name, ' ', 1), ''), '(unnamed)'), count(*) FROM pg_stat_activity
                WHERE backend_type = 'client backend' AND application_name <> 'bench-sampler' GROUP BY 1
                """))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                long total = 0;
                while (await reader.ReadAsync())
                {
                    var (name, count) = (reader.GetString(0), reader.GetInt64(1));
                    total += count;
                    lock (_most)
                    {
                        _most[name] = Math.Max(_most.GetValueOrDefault(name), count);
                    }
                }

                MostTotal = Math.Max(MostTotal, total);
            }

            try
            {
                await Task.Delay(200, _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        await _data.DisposeAsync();
        _stop.Dispose();
    }
}
