using HccOrleans.Grains.Interfaces;
using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Silo.Seed;

/// <summary>
/// Seeds the demo units (Quảng Nam 2019 and Đà Nẵng 2026), Đà Nẵng's procedures and the shipped calendar years, as an Orleans startup task: the silo is active,
/// and nothing is served before the seed is in. Never overwrites: a unit or procedure that exists, or a year already
/// entered, is left as the administrator made it. A failed seed is logged; the engine runs without demo data.
/// </summary>
internal sealed partial class DemoSeeder(IGrainFactory grains, ILogger<DemoSeeder> logger, bool withDossiers)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SeedAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSeedFailed(logger, exception);
        }
    }

    private async Task SeedAsync()
    {
        var units = grains.Reference<IUnitDirectoryGrain>(GrainKeys.Units);
        // Both structures: the 2019 province for the record (its units end with the mergers of 2025), the city today.
        UnitInfo[] structure = [.. QuangNam2019Units.All, .. DaNang2026.All];
        foreach (var unit in structure)
        {
            if (await units.GetAsync(unit.AgencyCode) is null)
            {
                await units.PutAsync(unit);
            }
        }

        var people = grains.Reference<IPeopleDirectoryGrain>(GrainKeys.People);
        var known = (await people.ListAsync()).Select(p => p.UserName).ToHashSet(StringComparer.Ordinal);
        foreach (var person in DaNang2026People.All.Where(p => !known.Contains(p.UserName)))
        {
            await people.PutAsync(person);
        }

        var created = 0;
        foreach (var (code, definition) in DaNang2026Procedures.All)
        {
            var procedure = grains.Reference<IProcedureGrain>(GrainKeys.Procedure(code));
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

        LogSeeded(logger, structure.Length, created, DaNang2026Procedures.All.Length);

        if (withDossiers)
        {
            await DemoDossiers.SeedAsync(grains);
        }
    }

    private async Task SeedYearAsync(DemoCalendars.Year year)
    {
        var calendar = grains.Reference<IHolidayCalendarGrain>(GrainKeys.Calendar(year.Number));
        if ((await calendar.GetAsync()).Provisional)
        {
            await calendar.PutAsync(year.DaysOff, year.WorkingDays);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo seed: {Units} units, {Created} of {Procedures} procedures created; calendars 2019, 2025 and 2026 entered, other years provisional")]
    private static partial void LogSeeded(ILogger logger, int units, int created, int procedures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo seed failed; the engine runs without demo data")]
    private static partial void LogSeedFailed(ILogger logger, Exception exception);
}
