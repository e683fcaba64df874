using HccOrleans.Silo.Providers;
using HccOrleans.Api.Auth;
using HccOrleans.Api.Hosting;
using HccOrleans.Hosting;
using HccOrleans.Grains.Escalations;
using HccOrleans.Grains.Hosting;
using HccOrleans.Grains.Interfaces;
using HccOrleans.Grains.Interfaces.Settings;
using HccOrleans.Persistence;
using HccOrleans.Silo.Delivery;
using HccOrleans.Silo.Seed;
using Npgsql;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace HccOrleans.Silo.Hosting;

public static class SiloHostingExtensions
{
    public const string StorageName = "hcc";
    public const string AdoInvariant = "Npgsql";

    /// <summary>The silo with providers chosen by configuration, the grain services and the demo seed.</summary>
    public static WebApplicationBuilder AddHccSilo(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var settings = builder.Services.BindOnce<OrleansSettings>(configuration, OrleansSettings.Section);
        var connectionString = configuration.GetConnectionString("Hcc");
        var durable = !string.IsNullOrEmpty(connectionString);
        if (durable)
        {
            // Registered before Orleans, so the schema exists before the silo joins the cluster.
            var maxConnections = builder.Services.BindOnce<PostgresOptions>(configuration, PostgresOptions.Section).MaxConnections;
            builder.Services.AddSingleton(_ => PostgresDataSources.Create(connectionString!, "hcc-silo", maxConnections));
            builder.Services.AddSingleton<SchemaMigrator>();
            builder.Services.AddHostedService<SchemaMigrationService>();
            builder.Services.AddSingleton<PostgresOutbox>();
            builder.Services.AddSingleton<INotificationSender>(sp => sp.GetRequiredService<PostgresOutbox>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<PostgresOutbox>());
            builder.Services.AddSingleton<IDossierIndexWriter, DatabaseIndexWriter>();
            builder.Services.AddSingleton<IDossierIndexSource>(DossierIndexRows.Instance);
            builder.Services.AddHostedService<IndexPump>();
            builder.Services.AddHostedService<BacklogGauges>();
            builder.Services.AddOutboxDelivery(configuration);
            builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgresql", tags: ["ready"]);
        }
        else
        {
            builder.Services.AddHostedService<NotDurableWarning>();
        }

        builder.Services.AddHccGrainServices(configuration);
        var escalations = builder.Services.BindOnce<EscalationOptions>(configuration, EscalationOptions.Section);
        var seed = builder.Services.BindOnce<SeedOptions>(configuration, SeedOptions.Section);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            silo.Configure<ReminderOptions>(o =>
            {
                if (escalations.ReminderPeriod < o.MinimumReminderPeriod)
                {
                    o.MinimumReminderPeriod = escalations.ReminderPeriod;
                }
            });
            if (durable)
            {
                silo.ConfigureEndpoints(settings.AdvertisedAddress(), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: settings.ListenOnAnyAddress);
                silo.Configure<ClusterMembershipOptions>(FailoverTiming.Configure);
                silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = FailoverTiming.ResponseTimeout);
                // Every provider on the process's one pool (PostgresDataSources).
                silo.UseAdoNetClustering(o => o.Configure<NpgsqlDataSource>((options, database) =>
                {
                    options.Invariant = AdoInvariant;
                    options.DataSource = database;
                }));
                silo.AddHccReminderTable(configuration);
                silo.AddHccGrainStorage(configuration);
            }
            else
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
                silo.AddMemoryGrainStorage(StorageName);
                silo.UseInMemoryReminderService();
            }

            if (TelemetrySetup.Traces(configuration))
            {
                silo.AddActivityPropagation();
            }

            silo.AddOutgoingGrainCallFilter<RepeatSafeCalls>();
            if (settings.DashboardOn(durable))
            {
                silo.AddDashboard();
                builder.Services.AddSingleton<DashboardHosting>();
            }
            if (seed.Demo)
            {
                // Demo dossiers only where nothing lasts: never into a real center's database.
                var withDossiers = seed.DemoDossiers && !durable;
                silo.AddStartupTask((services, cancellation) => new DemoSeeder(
                    services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<ILogger<DemoSeeder>>(), withDossiers).RunAsync(cancellation));
            }
        });

        return builder;
    }

    /// <summary>
    /// The Orleans dashboard at <c>/dashboard</c> when the silo runs it (<see cref="OrleansSettings.Dashboard"/>): for a
    /// signed-in director or administrator (sign-in cookie or bearer token); everyone else gets 403.
    /// </summary>
    public static WebApplication MapHccDashboard(this WebApplication app)
    {
        if (app.Services.GetService<DashboardHosting>() is null)
        {
            return app;
        }

        app.MapOrleansDashboard(routePrefix: "/dashboard").RequireAuthorization(AuthenticationSetup.DirectorOrAdmin);
        return app;
    }
}
