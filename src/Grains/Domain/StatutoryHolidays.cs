namespace HccOrleans.Domain;

/// <summary>
/// A provisional year derived from the Labour Code 2019 Art. 112, for years whose official schedule
/// has not been entered: 1 Jan; Tết as the last day of the old lunar year plus days 1–4 of the new;
/// Giỗ Tổ Hùng Vương (10/3 lunar); 30 Apr; 1 May; 2 Sep with one adjacent day.
/// </summary>
public static class StatutoryHolidays
{
    public static IReadOnlyList<DateOnly> Provisional(int year)
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
        return days.Distinct().Order().ToList();
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
