using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Regimes;
using HccOrleans.Silo.Seed;

namespace HccOrleans.Tests.Domain;

/// <summary>The 2026 calendar the engine ships, day by day against the announcements, and what it does to a due date.</summary>
[Trait("Category", "Domain")]
public sealed class Calendar2026Tests
{
    private static readonly HolidayYear Shipped = HolidayYear.Create(2026, DemoCalendars.Official2026.DaysOff, DemoCalendars.Official2026.WorkingDays);

    [Theory]
    [InlineData(1, 2, false)]  // Friday 2 Jan off, in exchange for Saturday 10 Jan
    [InlineData(1, 10, true)]
    [InlineData(8, 31, false)] // Monday 31 Aug off, in exchange for Saturday 22 Aug
    [InlineData(8, 22, true)]
    [InlineData(2, 16, false)] // Tết: the last day of Ất Tỵ
    [InlineData(2, 20, false)]
    [InlineData(2, 23, true)]
    [InlineData(4, 27, false)] // Giỗ Tổ on Sunday 26 Apr
    [InlineData(9, 1, false)]
    [InlineData(9, 3, true)]
    [InlineData(11, 24, true)] // not a statutory holiday, and no 2026 announcement gives it
    public void Shipped2026_IsTheAnnouncedSchedule(int month, int day, bool working) =>
        Assert.Equal(working, Shipped.IsWorkingDay(new DateOnly(2026, month, day)));

    [Fact]
    public void Shipped2026_HasTwentyFiveDaysOffWithTheWeekendsJoiningThem()
    {
        // The announced total: 4 days at New Year, 9 at Tết, 3 at Giỗ Tổ, 4 at 30 Apr–1 May, 5 at National Day.
        (DateOnly From, DateOnly To)[] breaks = [(new(2026, 1, 1), new(2026, 1, 4)), (new(2026, 2, 14), new(2026, 2, 22)),
            (new(2026, 4, 25), new(2026, 4, 27)), (new(2026, 4, 30), new(2026, 5, 3)), (new(2026, 8, 29), new(2026, 9, 2))];

        foreach (var (from, to) in breaks)
        {
            Assert.All(Days(from, to), d => Assert.False(Shipped.IsWorkingDay(d), $"{d} should be off"));
            Assert.True(Shipped.IsWorkingDay(to.AddDays(1)), $"{to.AddDays(1)} should be worked again");
        }

        Assert.Equal(25, breaks.Sum(b => b.To.DayNumber - b.From.DayNumber + 1));
    }

    [Fact]
    public void CultureDay_IsNotDerivedForLaterYears()
    {
        Assert.DoesNotContain(StatutoryHolidays.Provisional(2027), d => d.Month == 11);
        Assert.DoesNotContain(StatutoryHolidays.Provisional(2030), d => d.Month == 11);
    }

    [Fact]
    public void ReceivedFriday20Nov_WithFiveWorkingDays_IsDueFriday27NovAt0800()
    {
        var calendar = new WorkingCalendar(OfficeHours.Default, TestCalendars.Vietnam,
            y => y == 2026 ? Shipped : HolidayYear.Create(y, StatutoryHolidays.Provisional(y), []));
        var procedure = TestCatalogue.Procedures.Single(p => p.Code == TestCatalogue.CounterOnly).Definition;
        var received = TestCalendars.Vn(2026, 11, 20, 8);

        var (clockStart, due) = Deadlines.AtReceipt(calendar, procedure, FilingChannel.Direct, received, InForce.At(received).LateReceiptCutoffMovesClock);

        // By hand, 8 working hours a day: Fri 20 Nov 08:00–17:00 gives 7 h; Mon 23, Tue 24 (worked), Wed 25 and
        // Thu 26 give 32 h; the fortieth hour ends at 08:00 on Fri 27 Nov. Were 24 Nov off, it would be Mon 30 Nov 08:00.
        Assert.Equal(received, clockStart);
        Assert.Equal(TestCalendars.Vn(2026, 11, 27, 8), due);
    }

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
