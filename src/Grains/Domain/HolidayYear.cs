namespace HccOrleans.Domain;

/// <summary>The days off and worked weekend days of one year, with compensatory days applied.</summary>
public sealed class HolidayYear
{
    private HolidayYear(int year, HashSet<DateOnly> daysOff, HashSet<DateOnly> workedWeekendDays)
    {
        Year = year;
        DaysOff = daysOff;
        WorkedWeekendDays = workedWeekendDays;
    }

    public int Year { get; }

    /// <summary>Declared holidays plus the compensatory days that weekend holidays give.</summary>
    public IReadOnlySet<DateOnly> DaysOff { get; }

    public IReadOnlySet<DateOnly> WorkedWeekendDays { get; }

    /// <summary>
    /// Builds a year from declared days off: a declared day that falls on a weekend gives the next
    /// weekday that is neither declared nor already given (Labour Code 2019 Art. 111(3)).
    /// </summary>
    public static HolidayYear Create(int year, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workingDays)
    {
        var declared = holidays.ToHashSet();
        var daysOff = new HashSet<DateOnly>(declared);
        foreach (var weekendHoliday in declared.Where(IsWeekend).Order())
        {
            var day = weekendHoliday.AddDays(1);
            while (IsWeekend(day) || daysOff.Contains(day))
            {
                day = day.AddDays(1);
            }

            daysOff.Add(day);
        }

        return new HolidayYear(year, daysOff, workingDays.ToHashSet());
    }

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool IsWorkingDay(DateOnly day) =>
        WorkedWeekendDays.Contains(day) || (!IsWeekend(day) && !DaysOff.Contains(day));
}
