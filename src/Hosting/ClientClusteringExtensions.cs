using Orleans.Configuration;

namespace HccOrleans.Hosting;

public static class ClientClusteringExtensions
{
    /// <summary>Finds the gateways in PostgreSQL when a connection string is set, else on this host (the in-memory quick start).</summary>
    public static IClientBuilder UseHccClientClustering(this IClientBuilder client, IConfiguration configuration)
    {
        var settings = client.Services.BindOnce<OrleansSettings>(configuration, OrleansSettings.Section);
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = FailoverTiming.ResponseTimeout);
        client.AddOutgoingGrainCallFilter<RepeatSafeCalls>();
        var connectionString = configuration.GetConnectionString("Hcc");
        if (string.IsNullOrEmpty(connectionString))
        {
            return client.UseLocalhostClustering(settings.GatewayPort, settings.ServiceId, settings.ClusterId);
        }

        return client.UseAdoNetClustering(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = connectionString;
        });
    }
}
