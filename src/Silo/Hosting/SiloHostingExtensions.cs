using HccOrleans.Api.Hosting;
using HccOrleans.Hosting;
using HccOrleans.Silo.Seed;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace HccOrleans.Silo.Hosting;

public static class SiloHostingExtensions
{
    public const string StorageName = "hcc";

    /// <summary>The silo with providers chosen by configuration, the grain services and the demo seed.</summary>
    public static WebApplicationBuilder AddHccSilo(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var settings = OrleansSettings.From(configuration);
        builder.Services.AddHccGrainServices(configuration);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            if (string.IsNullOrEmpty(configuration.GetConnectionString("Hcc")))
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
                silo.AddMemoryGrainStorage(StorageName);
                silo.UseInMemoryReminderService();
                builder.Services.AddHostedService<NotDurableWarning>();
            }
            else
            {
                throw new NotSupportedException("ConnectionStrings:Hcc is set, but the PostgreSQL providers are not wired in yet.");
            }

            silo.AddDashboard();
        });

        if (configuration.GetValue("Seed:Demo", true))
        {
            builder.Services.AddHostedService<DemoSeeder>();
        }

        return builder;
    }

    /// <summary>
    /// The Orleans dashboard at <c>/dashboard</c>, for directors and administrators. Development leaves it
    /// open so that a browser can reach it without a token (<c>Dashboard:RequireAuthorization</c> overrides).
    /// </summary>
    public static WebApplication MapHccDashboard(this WebApplication app)
    {
        var dashboard = app.MapOrleansDashboard(routePrefix: "/dashboard");
        if (app.Configuration.GetValue("Dashboard:RequireAuthorization", !app.Environment.IsDevelopment()))
        {
            dashboard.RequireAuthorization(policy => policy.RequireRole("director", "admin"));
        }

        return app;
    }
}
