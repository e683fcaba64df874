using System.Text;
using System.Threading.RateLimiting;
using HccOrleans.Api.Endpoints;
using HccOrleans.Api.Json;
using HccOrleans.Api.Queries;
using HccOrleans.Persistence.Queries;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Scalar.AspNetCore;

namespace HccOrleans.Api.Hosting;

public static class ApiHostingExtensions
{
    /// <summary>Everything the HTTP API needs besides an Orleans client or silo: auth, JSON, problems, OpenAPI, limits, health.</summary>
    public static WebApplicationBuilder AddHccApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var zone = services.BindOnce<CalendarOptions>(builder.Configuration, CalendarOptions.Section).Zone();
        services.Configure<JsonOptions>(o => ApiJson.Configure(o.SerializerOptions, zone));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();

        services.AddOptions<AuthOptions>()
            .Bind(builder.Configuration.GetSection(AuthOptions.Section))
            .Validate(o => Encoding.UTF8.GetByteCount(o.SigningKey) >= 32, "Auth:SigningKey must be set to at least 32 bytes.")
            .ValidateOnStart();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<Accounts.ServiceAccounts>();
        services.AddOptions<Files.FilesOptions>().Bind(builder.Configuration.GetSection(Files.FilesOptions.Section));
        services.TryAddSingletonTimeProvider();
        services.AddHccAuthentication(builder.Configuration);

        var lookupPermits = services.BindOnce<LookupOptions>(builder.Configuration, LookupOptions.Section).PermitsPerMinute;
        // Bound here, not inside the limiter's callback: that runs when the app is built, after the services are sealed.
        var feedbackPermits = services.BindOnce<FeedbackOptions>(builder.Configuration, FeedbackOptions.Section).PermitsPerHour;
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            foreach (var policy in new[] { CitizenEndpoints.LookupLimit, CitizenEndpoints.RatingLimit })
            {
                limiter.AddPolicy(policy, http => RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = lookupPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            }

            limiter.AddPolicy(FeedbackEndpoints.FeedbackLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = feedbackPermits, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));

            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Results.Problem(
                    "Too many requests from this address; try again in a minute.",
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: RuleCodes.Title(RuleCodes.RateLimited),
                    type: ProblemResults.TypeOf(RuleCodes.RateLimited)).ExecuteAsync(context.HttpContext);
            };
        });

        services.AddSingleton(new ApiZone(zone));
        services.AddSingleton<EngineNow>();
        var connectionString = builder.Configuration.GetConnectionString("Hcc");
        if (string.IsNullOrEmpty(connectionString))
        {
            services.AddSingleton<IDossierQueries, GrainDossierQueries>();
            services.AddSingleton<IFileStore, Files.InMemoryFileStore>();
        }
        else
        {
            var maxConnections = services.BindOnce<PostgresOptions>(builder.Configuration, PostgresOptions.Section).MaxConnections;
            services.TryAddSingleton(_ => PostgresDataSources.Create(connectionString, "hcc-api", maxConnections));
            var serviceId = services.BindOnce<OrleansSettings>(builder.Configuration, OrleansSettings.Section).ServiceId;
            services.AddSingleton<IDossierQueries>(sp => new PostgresDossierQueries(sp.GetRequiredService<NpgsqlDataSource>(), serviceId));
            services.AddSingleton<IFileStore>(sp => new HccOrleans.Persistence.PostgresFileStore(sp.GetRequiredService<NpgsqlDataSource>(), serviceId,
                sp.GetKeyedService<TimeProvider>(EngineClock.Key) ?? TimeProvider.System));
        }

        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        builder.AddHccWeb();
        builder.AddHccServiceDefaults();
        return builder;
    }

    /// <summary>The middleware pipeline and every endpoint of the contract implemented so far.</summary>
    public static WebApplication MapHccApi(this WebApplication app)
    {
        app.UseHccSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHccUnknownPages();
        app.UseHccWebAssets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseHccDashboardFrame();
        app.UseRateLimiter();

        app.MapOpenApi();
        app.MapScalarApiReference(options => options.WithTitle("HccOrleans API"));
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapHccMetrics();

        app.MapIdentityEndpoints();
        app.MapAccountEndpoints();
        app.MapFileEndpoints();
        app.MapPaymentEndpoints();
        app.MapFeedbackEndpoints();
        app.MapCatalogueEndpoints();
        app.MapDossierEndpoints();
        app.MapReadEndpoints();
        app.MapReportEndpoints();
        app.MapCitizenEndpoints();
        app.MapHccWeb();
        return app;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider) && !d.IsKeyedService))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
