using HccOrleans.Domain;
using HccOrleans.Grains;

namespace HccOrleans.Hosting;

/// <summary>Builds a <see cref="WorkingCalendar"/> from the year grains around an instant.</summary>
public sealed class CalendarLoader(IGrainFactory grains, CalendarSettings settings)
{
    // Deadlines reach at most a couple of years ahead; later years fall back to the statutory rule.
    private const int YearsBefore = 1;
    private const int YearsAfter = 2;

    public async Task<WorkingCalendar> LoadAsync(DateTimeOffset around)
    {
        var year = settings.LocalDate(around).Year;
        var loaded = await Task.WhenAll(Enumerable.Range(year - YearsBefore, YearsBefore + YearsAfter + 1)
            .Select(y => grains.GetGrain<IHolidayCalendarGrain>(GrainKeys.Calendar(y)).GetAsync()));
        var years = loaded.ToDictionary(y => y.Year, y => HolidayYear.Create(y.Year, y.Holidays, y.WorkingDays));
        return new WorkingCalendar(
            settings.Hours,
            settings.Zone,
            y => years.TryGetValue(y, out var known) ? known : HolidayYear.Create(y, StatutoryHolidays.Provisional(y), []),
            settings.LateReceiptCutoff);
    }
}
