using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Escalations;
using HccOrleans.Grains.Interfaces;
using HccOrleans.Grains.Interfaces.Changes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HccOrleans.Grains.Hosting;

public static class GrainServiceCollectionExtensions
{
    /// <summary>Services the grains need: calendar settings, the calendar loader and its per-silo cache service, and the engine clock.</summary>
    public static IServiceCollection AddHccGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CalendarOptions>().Bind(configuration.GetSection(CalendarOptions.Section))
            .Validate(IsValid, "Calendar settings are invalid: OfficeHours like 07:00-11:30,13:30-17:00, a known TimeZone, LateReceiptCutoff like 15:00.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new CalendarSettings(sp.GetRequiredService<IOptions<CalendarOptions>>().Value));
        services.TryAddSingleton<CalendarLoader>();
        services.AddGrainService<CalendarCacheService>();
        services.TryAddSingleton<ICalendarCacheServiceClient, CalendarCacheServiceClient>();
        services.TryAddKeyedSingleton(EngineClock.Key, TimeProvider.System);
        services.AddOptions<EscalationOptions>().Bind(configuration.GetSection(EscalationOptions.Section))
            .Validate(o => o.DueSoonWithin > TimeSpan.Zero && o.OverdueRepeatEvery > TimeSpan.Zero && o.SupplementTimeout > TimeSpan.Zero && o.PaymentTimeoutDays > 0,
                "Escalations: DueSoonWithin, OverdueRepeatEvery, SupplementTimeout and PaymentTimeoutDays must be positive.")
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton<EngineMetrics>();
        services.TryAddSingleton<IDossierIndexWriter, GrainIndexWriter>();
        services.TryAddSingleton<DossierChangeFeed>();
        services.TryAddSingleton<InMemoryOutbox>();
        services.TryAddSingleton<INotificationSender>(sp => sp.GetRequiredService<InMemoryOutbox>());
        return services;
    }

    private static bool IsValid(CalendarOptions options)
    {
        try
        {
            _ = new CalendarSettings(options);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
