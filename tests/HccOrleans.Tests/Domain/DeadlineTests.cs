using HccOrleans.Grains.Calendar;
using static HccOrleans.Tests.Support.TestCalendars;

namespace HccOrleans.Tests.Domain;

[Trait("Category", "Domain")]
public sealed class DeadlineTests
{
    private static readonly ProcessingTime OneWorkingDay = new(1, TimeUnit.WorkingDays);

    private static DateTimeOffset DueFor(WorkingCalendar calendar, DateTimeOffset receivedAt, ProcessingTime time) =>
        Deadlines.DueAt(calendar, calendar.ClockStart(receivedAt), time);

    [Fact]
    public void DueAt_ReceivedFriday1600WithOneWorkingDay_IsMonday1600()
    {
        var due = DueFor(Create(), Vn(2025, 3, 7, 16), OneWorkingDay);

        Assert.Equal(Vn(2025, 3, 10, 16), due);
    }

    [Fact]
    public void DueAt_ReceivedDuringLunch_StartsAtAfternoonOpeningAndEndsNextMorningClose()
    {
        var calendar = Create();

        Assert.Equal(Vn(2025, 3, 12, 13, 30), calendar.ClockStart(Vn(2025, 3, 12, 12)));
        Assert.Equal(Vn(2025, 3, 13, 11, 30), DueFor(calendar, Vn(2025, 3, 12, 12), OneWorkingDay));
    }

    [Fact]
    public void DueAt_ReceivedAfterClosing_StartsNextOpeningAndStaysAtEndOfPeriod()
    {
        var calendar = Create();

        Assert.Equal(Vn(2025, 3, 13, 7), calendar.ClockStart(Vn(2025, 3, 12, 18)));
        Assert.Equal(Vn(2025, 3, 13, 17), DueFor(calendar, Vn(2025, 3, 12, 18), OneWorkingDay));
    }

    [Fact]
    public void DueAt_ReceivedAfterLateCutoff_StartsNextWorkingDay()
    {
        var calendar = Create(lateReceiptCutoff: TimeSpan.FromHours(15));

        Assert.Equal(Vn(2025, 3, 13, 14, 59), DueFor(calendar, Vn(2025, 3, 12, 14, 59), OneWorkingDay));
        Assert.Equal(Vn(2025, 3, 13, 17), DueFor(calendar, Vn(2025, 3, 12, 15, 30), OneWorkingDay));
        // A Friday receipt after the cut-off starts on Monday.
        Assert.Equal(Vn(2025, 3, 17, 7), calendar.ClockStart(Vn(2025, 3, 14, 15)));
    }

    [Fact]
    public void DueAt_SpanningTet2025_SkipsTheWholeHolidayWeek()
    {
        // Friday 24 Jan 10:00 leaves 5 working hours that day; 25 Jan–2 Feb is off; 19 hours remain from Monday 3 Feb.
        var due = DueFor(Create(), Vn(2025, 1, 24, 10), new ProcessingTime(3, TimeUnit.WorkingDays));

        Assert.Equal(Vn(2025, 2, 5, 10), due);
    }

    [Fact]
    public void DueAt_ProvisionalYearWithHolidayOnSunday_GivesMondayOff()
    {
        // Giỗ Tổ 2026 falls on Sunday 26 Apr: the provisional year derives Monday 27 Apr as the compensatory day.
        var calendar = Create(null, [.. StatutoryHolidays.Provisional(2026)]);

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 4, 27)));
        Assert.Equal(Vn(2026, 4, 28, 16), DueFor(calendar, Vn(2026, 4, 24, 16), OneWorkingDay));
    }

    [Fact]
    public void DueAt_EnteredYearWithSundayHolidayAndItsMonday_SkipsExactlyThatMonday()
    {
        // Entered as announced: Sunday 26 Apr and Monday 27 Apr off; nothing more is derived, so Tuesday works.
        var calendar = Create(null, new DateOnly(2026, 4, 26), new DateOnly(2026, 4, 27));

        Assert.Equal(Vn(2026, 4, 28, 16), DueFor(calendar, Vn(2026, 4, 24, 16), OneWorkingDay));
        Assert.Equal(Vn(2026, 4, 29, 16), DueFor(calendar, Vn(2026, 4, 24, 16), new ProcessingTime(2, TimeUnit.WorkingDays)));
    }

    [Fact]
    public void DueAt_SwappedWorkingSaturday_CountsAsWorkingDay()
    {
        // 2025: Saturday 26 Apr was worked in exchange for Friday 2 May.
        var calendar = Create();

        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 4, 26)));
        Assert.Equal(Vn(2025, 4, 26, 16), DueFor(calendar, Vn(2025, 4, 25, 16), OneWorkingDay));
    }

    [Fact]
    public void DueAt_DaysUnit_EndsAtTheCloseOfTheLastDay()
    {
        // Civil Code Art. 147: Monday 3 Mar is not counted; three days end on Thursday 6 Mar, at the close of office hours.
        Assert.Equal(Vn(2025, 3, 6, 17), DueFor(Create(), Vn(2025, 3, 3, 10), new ProcessingTime(3, TimeUnit.Days)));
    }

    [Fact]
    public void DueAt_DaysUnitEndingOnASaturday_MovesToTheCloseOfMonday()
    {
        // Monday 3 Mar 2025 + 5 days = Saturday 8 Mar, not a working day (Art. 148): Monday 10 Mar 17:00.
        Assert.Equal(Vn(2025, 3, 10, 17), DueFor(Create(), Vn(2025, 3, 3, 10), new ProcessingTime(5, TimeUnit.Days)));
    }

    [Fact]
    public void DueAt_DaysUnitEndingOnATetDay_MovesPastTheWholeHoliday()
    {
        // Wednesday 22 Jan 2025 + 5 days = Monday 27 Jan, the first day of Tết; 27–31 Jan off, 1–2 Feb weekend: Monday 3 Feb 17:00.
        Assert.Equal(Vn(2025, 2, 3, 17), DueFor(Create(), Vn(2025, 1, 22, 10), new ProcessingTime(5, TimeUnit.Days)));
    }

    [Fact]
    public void DueAt_DaysUnitLandingOnHoliday_MovesToNextWorkingDay()
    {
        // Monday 28 Apr 2025 + 2 days = 30 Apr (holiday); 1–2 May holidays, 3–4 May weekend: Monday 5 May 17:00.
        Assert.Equal(Vn(2025, 5, 5, 17), DueFor(Create(), Vn(2025, 4, 28, 9), new ProcessingTime(2, TimeUnit.Days)));
    }

    [Fact]
    public void DueAt_DaysUnitReceivedAfterTheCutoff_CountsFromTheNextWorkingDay()
    {
        // After a 15:00 cut-off the clock starts on Tuesday, which is then the day not counted.
        var calendar = Create(lateReceiptCutoff: TimeSpan.FromHours(15));

        Assert.Equal(Vn(2025, 3, 7, 17), DueFor(calendar, Vn(2025, 3, 3, 16), new ProcessingTime(3, TimeUnit.Days)));
    }

    [Fact]
    public void DueAt_WorkingHoursUnit_CountsHoursAcrossLunch()
    {
        var due = DueFor(Create(), Vn(2025, 3, 12, 10), new ProcessingTime(4, TimeUnit.WorkingHours));

        Assert.Equal(Vn(2025, 3, 12, 16), due);
    }

    [Fact]
    public void StepDueAt_SharesOfTheBudget_NeverPassTheDossierDue()
    {
        var calendar = Create();
        var start = Vn(2025, 3, 10, 7);
        var due = Deadlines.DueAt(calendar, start, new ProcessingTime(10, TimeUnit.WorkingDays));
        var budget = calendar.WorkingTimeBetween(start, due);

        Assert.Equal(TimeSpan.FromHours(80), budget);
        Assert.Equal(Vn(2025, 3, 18, 17), Deadlines.StepDueAt(calendar, start, 0.7m, budget, due));
        Assert.Equal(due, Deadlines.StepDueAt(calendar, Vn(2025, 3, 20, 7), 0.7m, budget, due));
    }

    [Fact]
    public void WorkingTimeBetween_AcrossLunchNightAndWeekend_CountsOnlyOfficeHours()
    {
        var calendar = Create();

        Assert.Equal(TimeSpan.FromHours(19), calendar.WorkingTimeBetween(Vn(2025, 3, 11, 10), Vn(2025, 3, 13, 15)));
        Assert.Equal(TimeSpan.FromHours(2), calendar.WorkingTimeBetween(Vn(2025, 3, 14, 16), Vn(2025, 3, 17, 8)));
    }

    [Theory]
    [InlineData(2025, 3, 20, 16, 0, CompletionClass.Early)]
    [InlineData(2025, 3, 21, 9, 0, CompletionClass.OnTime)]
    [InlineData(2025, 3, 21, 10, 0, CompletionClass.OnTime)]
    [InlineData(2025, 3, 21, 10, 1, CompletionClass.Late)]
    public void Classify_AgainstDueFriday1000_IsEarlyOnTimeOrLate(int y, int m, int d, int h, int min, CompletionClass expected) =>
        Assert.Equal(expected, Deadlines.Classify(Create(), Vn(y, m, d, h, min), Vn(2025, 3, 21, 10)));

    [Fact]
    public void OfficeHours_AroundTheClock_CountsWholeDays()
    {
        var calendar = new WorkingCalendar(OfficeHours.Parse("00:00-24:00"), Vietnam, y => HolidayYear.Create(y, [], []));

        Assert.Equal(TimeSpan.FromHours(24), calendar.WorkingDay);
        Assert.Equal(Vn(2025, 3, 11, 1, 30), calendar.AddWorkingTime(Vn(2025, 3, 10, 23, 30), TimeSpan.FromHours(2)));
    }

    [Theory]
    [InlineData("7:00-11:30")]
    [InlineData("11:30-07:00")]
    [InlineData("07:00-11:30,11:00-17:00")]
    [InlineData("")]
    public void OfficeHours_Malformed_AreRejected(string text) =>
        Assert.Throws<FormatException>(() => OfficeHours.Parse(text));
}
