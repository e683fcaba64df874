using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HccOrleans.Api.Hosting;

/// <summary>Ready when a grain call round-trips through the cluster and its storage.</summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var units = await grains.Reference<IUnitDirectoryGrain>(GrainKeys.Units).ListAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy($"{units.Length} units known");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The cluster or its storage did not answer.", exception);
        }
    }
}
