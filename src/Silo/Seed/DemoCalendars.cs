using HccOrleans.Domain;

namespace HccOrleans.Silo.Seed;

/// <summary>Holiday calendars shipped with the engine: the official 2025 schedule and provisional later years.</summary>
internal static class DemoCalendars
{
    /// <summary>
    /// 2025 as announced for public servants: New Year; Tết 27–31 Jan (25 Jan–2 Feb off with the weekends);
    /// Giỗ Tổ 7 Apr; 30 Apr–2 May with Saturday 26 Apr worked in exchange for 2 May; National Day 1–2 Sep.
    /// </summary>
    public static readonly (int Year, DateOnly[] Holidays, DateOnly[] WorkingDays) Official2025 = (
        2025,
        [
            new(2025, 1, 1),
            new(2025, 1, 27), new(2025, 1, 28), new(2025, 1, 29), new(2025, 1, 30), new(2025, 1, 31),
            new(2025, 4, 7),
            new(2025, 4, 30), new(2025, 5, 1), new(2025, 5, 2),
            new(2025, 9, 1), new(2025, 9, 2),
        ],
        [new(2025, 4, 26)]);

    public static readonly int[] ProvisionalYears = [2026, 2027];

    public static DateOnly[] Provisional(int year) => [.. StatutoryHolidays.Provisional(year)];
}
