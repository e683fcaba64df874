using HccOrleans.Grains.Calendar;

namespace HccOrleans.Tests.Domain;

[Trait("Category", "Domain")]
public sealed class HolidayTests
{
    [Theory]
    [InlineData(1985, 1, 21)] // Vietnam's Tết differs from China's (20 Feb) this year: reckoned at UTC+7
    [InlineData(2019, 2, 5)]
    [InlineData(2020, 1, 25)]
    [InlineData(2021, 2, 12)]
    [InlineData(2022, 2, 1)]
    [InlineData(2023, 1, 22)]
    [InlineData(2024, 2, 10)]
    [InlineData(2025, 1, 29)]
    [InlineData(2026, 2, 17)]
    [InlineData(2027, 2, 6)]
    public void NewYear_KnownYears_IsTheDayOfTet(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), LunarCalendar.NewYear(year));

    [Theory]
    [InlineData(2019, 4, 14)]
    [InlineData(2020, 4, 2)]  // a year with a leap fourth month: the third is unaffected
    [InlineData(2023, 4, 29)] // a year with a leap second month: the third starts one lunation later
    [InlineData(2024, 4, 18)]
    [InlineData(2025, 4, 7)]
    [InlineData(2026, 4, 26)]
    public void ToSolar_TenthOfThirdMonth_IsGioToHungVuong(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), LunarCalendar.ToSolar(year, 3, 10));

    [Fact]
    public void Provisional_2026_HasTheLabourCodeDaysAndCompensation()
    {
        var holidays = StatutoryHolidays.Holidays(2026);
        var days = StatutoryHolidays.Provisional(2026);
        var year = HolidayYear.Create(2026, days, []);

        Assert.Contains(new DateOnly(2026, 1, 1), days);
        Assert.Equal([new(2026, 2, 16), new(2026, 2, 17), new(2026, 2, 18), new(2026, 2, 19), new(2026, 2, 20)],
            days.Where(d => d.Month == 2));
        Assert.Contains(new DateOnly(2026, 4, 26), days);
        Assert.Contains(new DateOnly(2026, 4, 27), days); // Giỗ Tổ on Sunday: Monday off (Art. 111(3))
        Assert.False(year.IsWorkingDay(new DateOnly(2026, 4, 27)));
        Assert.True(year.IsWorkingDay(new DateOnly(2026, 4, 28)));
        Assert.Contains(new DateOnly(2026, 4, 30), days);
        Assert.Contains(new DateOnly(2026, 5, 1), days);
        Assert.Contains(new DateOnly(2026, 9, 2), days);
        Assert.Contains(new DateOnly(2026, 9, 1), days);
        Assert.Equal((11, 12), (holidays.Count, days.Count));
    }

    [Fact]
    public void Provisional_TwoWeekendHolidays_GiveTwoDistinctWeekdaysOff()
    {
        // 2023 by the statute alone: Giỗ Tổ on Saturday 29 Apr, 30 Apr a Sunday, 1 May a Monday — so 2 and 3 May
        // are the days off for the weekend holidays (as the announced schedule had it: 29 Apr–3 May).
        var year = HolidayYear.Create(2023, StatutoryHolidays.Provisional(2023), []);

        Assert.False(year.IsWorkingDay(new DateOnly(2023, 5, 2)));
        Assert.False(year.IsWorkingDay(new DateOnly(2023, 5, 3)));
        Assert.True(year.IsWorkingDay(new DateOnly(2023, 5, 4)));
    }

    [Fact]
    public void Entered_SundayHolidayWithItsAnnouncedMonday_GivesExactlyThatMonday()
    {
        // 2026 as an administrator would enter it: Giỗ Tổ on Sunday 26 Apr, and the announced Monday 27 Apr off.
        var year = HolidayYear.Create(2026, [new(2026, 4, 26), new(2026, 4, 27), new(2026, 4, 30), new(2026, 5, 1)], []);

        Assert.False(year.IsWorkingDay(new DateOnly(2026, 4, 27)));
        Assert.True(year.IsWorkingDay(new DateOnly(2026, 4, 28)));
        Assert.True(year.IsWorkingDay(new DateOnly(2026, 4, 29)));
        Assert.True(year.IsWorkingDay(new DateOnly(2026, 5, 4)));
    }

    [Fact]
    public void Entered_WeekendDayOff_AddsNothing()
    {
        var year = HolidayYear.Create(2023, [new(2023, 4, 29), new(2023, 4, 30), new(2023, 5, 1)], []);

        Assert.True(year.IsWorkingDay(new DateOnly(2023, 5, 2)));
        Assert.False(year.IsWorkingDay(new DateOnly(2023, 5, 1)));
    }
}
