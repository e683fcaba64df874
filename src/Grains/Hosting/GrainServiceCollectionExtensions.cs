using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Escalations;
using HccOrleans.Grains.Interfaces.Changes;
using HccOrleans.Grains.Interfaces.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HccOrleans.Grains.Hosting;

public static class GrainServiceCollectionExtensions
{
    /// <summary>Services the grains need: calendar and escalation settings (bound once, checked), the calendar loader and its per-silo cache service, and the engine clock.</summary>
    public static IServiceCollection AddHccGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(CalendarSettingsOf(services.BindOnce<CalendarOptions>(configuration, CalendarOptions.Section)));
        services.TryAddSingleton<CalendarLoader>();
        services.AddGrainService<CalendarCacheService>();
        services.TryAddSingleton<ICalendarCacheServiceClient, CalendarCacheServiceClient>();
        services.TryAddKeyedSingleton(EngineClock.Key, TimeProvider.System);
        services.BindOnce<EscalationOptions>(configuration, EscalationOptions.Section);
        services.BindOnce<Notices.PortalOptions>(configuration, Notices.PortalOptions.Section);
        services.BindOnce<Notices.PaymentOptions>(configuration, Notices.PaymentOptions.Section);
        services.BindOnce<FeedbackOptions>(configuration, FeedbackOptions.Section);
        services.BindOnce<Notices.NotificationOptions>(configuration, Notices.NotificationOptions.Section);
        services.AddMetrics();
        services.TryAddSingleton<EngineMetrics>();
        services.TryAddSingleton<IDossierIndexWriter, GrainIndexWriter>();
        services.TryAddSingleton<DossierChangeFeed>();
        services.TryAddSingleton<InMemoryOutbox>();
        services.TryAddSingleton<INotificationSender>(sp => sp.GetRequiredService<InMemoryOutbox>());
        return services;
    }

    /// <summary>The office hours parsed now, so that periods out of order stop the start like any other wrong setting.</summary>
    private static CalendarSettings CalendarSettingsOf(CalendarOptions options)
    {
        try
        {
            return new CalendarSettings(options);
        }
        catch (FormatException exception)
        {
            throw new OptionsValidationException(CalendarOptions.Section, typeof(CalendarOptions), [$"{CalendarOptions.Section}:{nameof(CalendarOptions.OfficeHours)} {exception.Message}"]);
        }
    }
}
