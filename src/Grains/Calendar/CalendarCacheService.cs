using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Runtime.Services;
using Orleans.Services;

namespace HccOrleans.Grains.Calendar;

/// <summary>One per silo: forgets a year in that silo's <see cref="CalendarLoader"/> cache.</summary>
public interface ICalendarCacheService : IGrainService
{
    Task ForgetAsync(int year);
}

[Reentrant]
public sealed class CalendarCacheService(GrainId id, Silo silo, ILoggerFactory loggers, CalendarLoader calendars)
    : GrainService(id, silo, loggers), ICalendarCacheService
{
    public Task ForgetAsync(int year)
    {
        calendars.Forget(year);
        return Task.CompletedTask;
    }
}

public interface ICalendarCacheServiceClient : IGrainServiceClient<ICalendarCacheService>
{
    /// <summary>Makes every active silo forget the year: a command that starts after this returns sees the change.</summary>
    Task ForgetEverywhereAsync(int year);
}

public sealed class CalendarCacheServiceClient(IServiceProvider services, IGrainFactory grains)
    : GrainServiceClient<ICalendarCacheService>(services), ICalendarCacheServiceClient
{
    public async Task ForgetEverywhereAsync(int year)
    {
        var silos = await grains.Reference<IManagementGrain>(0).GetHosts(onlyActive: true);
        await Task.WhenAll(silos.Keys.Select(silo => GetGrainService(silo).ForgetAsync(year)));
    }
}
