namespace HccOrleans.Grains.Calendar;

/// <summary>
/// A provisional year derived from the Labour Code 2019, for years whose official schedule has not been entered:
/// the public holidays of Art. 112 (1 Jan; Tết as the last day of the old lunar year plus days 1–4 of the new;
/// Giỗ Tổ Hùng Vương, 10/3 lunar; 30 Apr; 1 May; 2 Sep with one adjacent day) and, per Art. 111(3), the next
/// working day off for each holiday that falls on a weekend. Swaps of working days cannot be foreseen.
/// </summary>
public static class StatutoryHolidays
{
    /// <summary>Every day off of the provisional year, compensatory days included, in order.</summary>
    public static IReadOnlyList<DateOnly> Provisional(int year)
    {
        var holidays = Holidays(year);
        var daysOff = new SortedSet<DateOnly>(holidays);
        foreach (var weekendHoliday in holidays.Where(HolidayYear.IsWeekend))
        {
            var day = weekendHoliday.AddDays(1);
            while (HolidayYear.IsWeekend(day) || daysOff.Contains(day))
            {
                day = day.AddDays(1);
            }

            daysOff.Add(day);
        }

        return [.. daysOff];
    }

    /// <summary>The public holidays of Art. 112 alone, in order.</summary>
    public static IReadOnlyList<DateOnly> Holidays(int year)
    {
        var newYear = LunarCalendar.NewYear(year);
        var days = new List<DateOnly>
        {
            new(year, 1, 1),
            newYear.AddDays(-1),
            newYear,
            newYear.AddDays(1),
            newYear.AddDays(2),
            newYear.AddDays(3),
            LunarCalendar.ToSolar(year, 3, 10),
            new(year, 4, 30),
            new(year, 5, 1),
            new(year, 9, 2),
            NationalDayCompanion(year),
        };
        return [.. days.Distinct().Order()];
    }

    /// <summary>The day added to 2 Sep: the one that joins the holiday to a weekend where there is a choice.</summary>
    private static DateOnly NationalDayCompanion(int year)
    {
        var nationalDay = new DateOnly(year, 9, 2);
        return nationalDay.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Thursday
            ? nationalDay.AddDays(1)
            : nationalDay.AddDays(-1);
    }
}
