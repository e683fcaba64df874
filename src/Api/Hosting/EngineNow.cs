namespace HccOrleans.Api.Hosting;

/// <summary>
/// "Now" for the read side (overdue filters, KPIs): the engine's clock when the API is co-hosted with a silo
/// (so tests on a fake clock agree with the grains), the system clock otherwise.
/// </summary>
public sealed class EngineNow(IServiceProvider services)
{
    private readonly TimeProvider _time = services.GetKeyedService<TimeProvider>(EngineClock.Key) ?? TimeProvider.System;

    public DateTimeOffset Now => _time.GetUtcNow();
}

/// <summary>The center's time zone, for reading dates in query strings.</summary>
public sealed class ApiZone(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The instant a day of the center begins.</summary>
    public DateTimeOffset Midnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
