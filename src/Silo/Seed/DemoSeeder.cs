using HccOrleans.Grains.Interfaces;

namespace HccOrleans.Silo.Seed;

/// <summary>
/// Seeds the demo units, procedures and the shipped calendar years once the silo runs. Never overwrites: a
/// unit or procedure that exists, or a year already entered, is left as the administrator made it.
/// </summary>
internal sealed partial class DemoSeeder(IGrainFactory grains, IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<DemoSeeder> logger) : BackgroundService
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

        foreach (var year in DemoCalendars.Official)
        {
            await SeedYearAsync(year);
        }

        LogSeeded(logger, DemoUnits.All.Length, created, DemoProcedures.All.Length);

        // Demo dossiers only where nothing lasts: never into a real center's database.
        if (string.IsNullOrEmpty(configuration.GetConnectionString("Hcc")) && configuration.GetValue("Seed:DemoDossiers", true))
        {
            await DemoDossiers.SeedAsync(grains);
        }
    }

    private async Task SeedYearAsync(DemoCalendars.Year year)
    {
        var calendar = grains.GetGrain<IHolidayCalendarGrain>(GrainKeys.Calendar(year.Number));
        if ((await calendar.GetAsync()).Provisional)
        {
            await calendar.PutAsync(year.DaysOff, year.WorkingDays);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo seed: {Units} units, {Created} of {Procedures} procedures created; calendars 2019 and 2025 entered, other years provisional")]
    private static partial void LogSeeded(ILogger logger, int units, int created, int procedures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo seed failed; the engine runs without demo data")]
    private static partial void LogSeedFailed(ILogger logger, Exception exception);
}
