using HccOrleans.Grains.Calendar;

namespace HccOrleans.Tests.Support;

public static class TestCalendars
{
    public static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>The 2025 schedule as announced (Tết 27–31 Jan, Giỗ Tổ 7 Apr, 30 Apr–2 May with Saturday 26 Apr worked, 1–2 Sep).</summary>
    public static readonly DateOnly[] Holidays2025 =
    [
        new(2025, 1, 1), new(2025, 1, 27), new(2025, 1, 28), new(2025, 1, 29), new(2025, 1, 30), new(2025, 1, 31),
        new(2025, 4, 7), new(2025, 4, 30), new(2025, 5, 1), new(2025, 5, 2), new(2025, 9, 1), new(2025, 9, 2),
    ];

    public static readonly DateOnly[] WorkingDays2025 = [new(2025, 4, 26)];

    /// <summary>Default office hours; 2025 as announced; any other year with the given holidays (none by default).</summary>
    public static WorkingCalendar Create(TimeSpan? lateReceiptCutoff = null, params DateOnly[] otherHolidays) =>
        new(
            OfficeHours.Default,
            Vietnam,
            year => year == 2025
                ? HolidayYear.Create(year, Holidays2025, WorkingDays2025)
                : HolidayYear.Create(year, otherHolidays.Where(d => d.Year == year), []),
            lateReceiptCutoff);

    /// <summary>A local Vietnam instant.</summary>
    public static DateTimeOffset Vn(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));
}
