using System.Collections.Concurrent;

namespace HccOrleans.Grains.Calendar;

/// <summary>
/// Builds a <see cref="WorkingCalendar"/> around an instant from the year grains, through a per-silo cache: a command
/// costs no grain call once its years are here. A year that changes is forgotten on every silo
/// (<see cref="CalendarCacheService"/>); a year is reloaded after <see cref="KeptFor"/> in any case, should a silo
/// have missed the news.
/// </summary>
public sealed class CalendarLoader(IGrainFactory grains, CalendarSettings settings)
{
    // Deadlines reach at most a couple of years ahead; later years fall back to the statutory rule.
    private const int YearsBefore = 1;
    private const int YearsAfter = 2;

    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    // Derived from the statute alone, so the same for ever.
    private static readonly ConcurrentDictionary<int, HolidayYear> Statutory = new();

    private readonly ConcurrentDictionary<int, (HolidayYear Year, long LoadedAt)> _years = new();
    private long _forgotten;

    public async Task<WorkingCalendar> LoadAsync(DateTimeOffset around)
    {
        var first = settings.LocalDate(around).Year - YearsBefore;
        var years = new Dictionary<int, HolidayYear>(YearsBefore + YearsAfter + 1);
        List<int>? missing = null;
        for (var y = first; y <= first + YearsBefore + YearsAfter; y++)
        {
            if (_years.TryGetValue(y, out var cached) && Environment.TickCount64 - cached.LoadedAt < KeptFor.TotalMilliseconds)
            {
                years[y] = cached.Year;
            }
            else
            {
                (missing ??= []).Add(y);
            }
        }

        if (missing is not null)
        {
            var forgotten = Interlocked.Read(ref _forgotten);
            var loaded = await Task.WhenAll(missing.Select(y => grains.Reference<IHolidayCalendarGrain>(GrainKeys.Calendar(y)).GetAsync()));
            foreach (var calendar in loaded)
            {
                var year = HolidayYear.Create(calendar.Year, calendar.Holidays, calendar.WorkingDays);
                years[calendar.Year] = year;
                // A year forgotten while this load was on its way may be older than the change: use it, don't keep it.
                if (Interlocked.Read(ref _forgotten) == forgotten)
                {
                    _years[calendar.Year] = (year, Environment.TickCount64);
                }
            }
        }

        return new WorkingCalendar(
            settings.Hours,
            settings.Zone,
            y => years.TryGetValue(y, out var known) ? known : Statutory.GetOrAdd(y, static y => HolidayYear.Create(y, StatutoryHolidays.Provisional(y), [])),
            settings.LateReceiptCutoff);
    }

    /// <summary>Drops a year whose calendar changed; the next command loads it afresh.</summary>
    public void Forget(int year)
    {
        Interlocked.Increment(ref _forgotten);
        _years.TryRemove(year, out _);
    }
}
