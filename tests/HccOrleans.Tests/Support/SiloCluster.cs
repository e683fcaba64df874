namespace HccOrleans.Tests.Support;

/// <summary>Silo processes of one cluster on one database, started together and ready; disposing ends them all.</summary>
public sealed class SiloCluster : IAsyncDisposable
{
    private readonly SiloProcess[] _silos;

    private SiloCluster(SiloProcess[] silos) => _silos = silos;

    public SiloProcess this[int index] => _silos[index];

    public static async Task<SiloCluster> StartAsync(string connectionString, string clusterId, int silos = 2, IReadOnlyDictionary<string, string>? settings = null)
    {
        var cluster = new SiloCluster([.. Enumerable.Range(0, silos).Select(_ => new SiloProcess(connectionString, clusterId, settings))]);
        try
        {
            foreach (var silo in cluster._silos)
            {
                silo.Start();
            }

            await Task.WhenAll(cluster._silos.Select(silo => silo.WaitReadyAsync()));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }
}
