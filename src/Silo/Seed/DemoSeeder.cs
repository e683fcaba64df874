using HccOrleans.Grains;

namespace HccOrleans.Silo.Seed;

/// <summary>
/// Seeds the demo units, procedures and calendars once the silo runs. Never overwrites: a unit or
/// procedure that exists, or a year entered as official, is left as the administrator made it.
/// </summary>
internal sealed partial class DemoSeeder(IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<DemoSeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await ApplicationStartedAsync(stoppingToken))
        {
            return;
        }

        try
        {
            await SeedAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSeedFailed(logger, exception);
        }
    }

    private async Task SeedAsync()
    {
        var units = grains.GetGrain<IUnitDirectoryGrain>(GrainKeys.Units);
        foreach (var unit in DemoUnits.All)
        {
            if (await units.GetAsync(unit.AgencyCode) is null)
            {
                await units.PutAsync(unit);
            }
        }

        var created = 0;
        foreach (var (code, definition) in DemoProcedures.All)
        {
            var procedure = grains.GetGrain<IProcedureGrain>(GrainKeys.Procedure(code));
            if (await procedure.GetCurrentAsync() is null)
            {
                await procedure.PutAsync(definition);
                created++;
            }
        }

        await SeedYearAsync(DemoCalendars.Official2025.Year, DemoCalendars.Official2025.Holidays, DemoCalendars.Official2025.WorkingDays, provisional: false);
        foreach (var year in DemoCalendars.ProvisionalYears)
        {
            await SeedYearAsync(year, DemoCalendars.Provisional(year), [], provisional: true);
        }

        LogSeeded(logger, DemoUnits.All.Length, created, DemoProcedures.All.Length);
    }

    private async Task SeedYearAsync(int year, DateOnly[] holidays, DateOnly[] workingDays, bool provisional)
    {
        var calendar = grains.GetGrain<IHolidayCalendarGrain>(GrainKeys.Calendar(year));
        if ((await calendar.GetAsync()).Provisional)
        {
            await calendar.PutAsync(holidays, workingDays, provisional);
        }
    }

    private async Task<bool> ApplicationStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo seed: {Units} units, {Created} of {Procedures} procedures created, calendars 2025-2027")]
    private static partial void LogSeeded(ILogger logger, int units, int created, int procedures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo seed failed; the engine runs without demo data")]
    private static partial void LogSeedFailed(ILogger logger, Exception exception);
}
