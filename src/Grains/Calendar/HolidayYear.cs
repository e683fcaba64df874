namespace HccOrleans.Grains.Calendar;

/// <summary>
/// The days off and worked weekend days of one year, exactly as listed: an entered year is the announced
/// schedule and nothing is derived from it (compensatory days are derived only for provisional years, by
/// <see cref="StatutoryHolidays"/>). A weekend date among the days off changes nothing.
/// </summary>
public sealed class HolidayYear
{
    private HolidayYear(int year, HashSet<DateOnly> daysOff, HashSet<DateOnly> workedWeekendDays)
    {
        Year = year;
        DaysOff = daysOff;
        WorkedWeekendDays = workedWeekendDays;
    }

    public int Year { get; }

    public IReadOnlySet<DateOnly> DaysOff { get; }

    public IReadOnlySet<DateOnly> WorkedWeekendDays { get; }

    public static HolidayYear Create(int year, IEnumerable<DateOnly> daysOff, IEnumerable<DateOnly> workingDays) =>
        new(year, daysOff.ToHashSet(), workingDays.ToHashSet());

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool IsWorkingDay(DateOnly day) =>
        WorkedWeekendDays.Contains(day) || (!IsWeekend(day) && !DaysOff.Contains(day));
}
