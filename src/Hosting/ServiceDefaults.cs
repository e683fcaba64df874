namespace HccOrleans.Hosting;

/// <summary>What every process of the engine sets up alike, whatever else it hosts.</summary>
public static class ServiceDefaults
{
    /// <summary>A stop bounded by <c>Shutdown:Bound</c>, an outage of PostgreSQL told once, and OpenTelemetry.</summary>
    public static WebApplicationBuilder AddHccServiceDefaults(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var shutdown = services.BindOnce<ShutdownOptions>(builder.Configuration, ShutdownOptions.Section);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdown.Graceful);
        services.AddHostedService<ShutdownWatchdog>();
        services.AddOutageAwareLogging();
        builder.AddHccTelemetry();
        return builder;
    }
}
