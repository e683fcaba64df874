using Orleans.Configuration;

namespace HccOrleans.Api.Hosting;

public static class ClientClusteringExtensions
{
    /// <summary>Connects to the silo gateway on this host (the in-memory quick start).</summary>
    public static IClientBuilder UseHccClientClustering(this IClientBuilder client, IConfiguration configuration)
    {
        var settings = OrleansSettings.From(configuration);
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        if (!string.IsNullOrEmpty(configuration.GetConnectionString("Hcc")))
        {
            throw new NotSupportedException("ConnectionStrings:Hcc is set, but PostgreSQL clustering is not wired into the API client yet.");
        }

        return client.UseLocalhostClustering(settings.GatewayPort, settings.ServiceId, settings.ClusterId);
    }
}
