using System.Net;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HccOrleans.Hosting;

/// <summary>
/// OpenTelemetry in every process (silo with the API, API client): the engine's meter, Orleans', ASP.NET Core's,
/// Npgsql's and the runtime's; a Prometheus scrape at <c>/metrics</c> for directors, administrators and the
/// configured networks; OTLP export of metrics and traces when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
/// <remarks>
/// Traces are recorded only when something takes them (OTLP, or <c>Telemetry:Tracing=true</c>): an activity per
/// grain call costs the engine a few per cent, which nobody should pay for spans that go nowhere.
/// </remarks>
public static class TelemetrySetup
{
    public const string TracingKey = "Telemetry:Tracing";
    public const string MetricsPolicy = "metrics-readers";
    private const string OrleansMeter = "Microsoft.Orleans";
    private static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static WebApplicationBuilder AddHccTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var otlp = Exports(configuration);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(metrics => metrics
                .AddMeter(EngineTelemetry.MeterName, OrleansMeter)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                // Every scrape reads the instruments now: a cached answer would hide what just happened.
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        if (Traces(configuration))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(OrleansSources)
                .AddSource(EngineTelemetry.ActivitySourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/metrics"))
                .AddNpgsql());
        }

        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        var networks = builder.Services.BindOnce<MetricsOptions>(configuration, MetricsOptions.Section).Networks();
        builder.Services.AddAuthorizationBuilder().AddPolicy(MetricsPolicy, policy => policy.RequireAssertion(context =>
            context.User.IsInRole("director") || context.User.IsInRole("admin")
            || (context.Resource is HttpContext { Connection.RemoteIpAddress: { } address } && networks.Any(n => n.Contains(Normal(address))))));
        return builder;
    }

    /// <summary>Whether this process records traces; Orleans propagates them across grain calls only then (its call filters cost even without a listener).</summary>
    public static bool Traces(IConfiguration configuration) => configuration.GetValue(TracingKey, Exports(configuration));

    /// <summary>The scrape endpoint; who may read it is <see cref="MetricsPolicy"/>.</summary>
    public static WebApplication MapHccMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(MetricsPolicy);
        return app;
    }

    private static bool Exports(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    private static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
