namespace HccOrleans.Silo.Seed;

/// <summary>
/// The years the engine ships as entered data: only years whose announced schedule for public servants is
/// certain (Labour Code holidays, compensatory days and the swaps the Prime Minister approved). Every other
/// year is derived from the Labour Code and shows as provisional until an administrator enters it.
/// </summary>
public static class DemoCalendars
{
    public sealed record Year(int Number, DateOnly[] DaysOff, DateOnly[] WorkingDays);

    /// <summary>
    /// 2019 (Labour Code 2012): 1 Jan with Sat 5 Jan worked for Mon 31 Dec 2018; Tết 4–8 Feb; Giỗ Tổ on Sunday
    /// 14 Apr, so Mon 15 Apr off; 29 Apr off in exchange for Sat 4 May worked, 30 Apr, 1 May; 2 Sep.
    /// </summary>
    public static readonly Year Official2019 = new(
        2019,
        [
            new(2019, 1, 1),
            new(2019, 2, 4), new(2019, 2, 5), new(2019, 2, 6), new(2019, 2, 7), new(2019, 2, 8),
            new(2019, 4, 15),
            new(2019, 4, 29), new(2019, 4, 30), new(2019, 5, 1),
            new(2019, 9, 2),
        ],
        [new(2019, 1, 5), new(2019, 5, 4)]);

    /// <summary>
    /// 2025 as announced: New Year; Tết 27–31 Jan (25 Jan–2 Feb off with the weekends); Giỗ Tổ 7 Apr;
    /// 30 Apr–2 May with Saturday 26 Apr worked in exchange for 2 May; National Day 1–2 Sep.
    /// </summary>
    public static readonly Year Official2025 = new(
        2025,
        [
            new(2025, 1, 1),
            new(2025, 1, 27), new(2025, 1, 28), new(2025, 1, 29), new(2025, 1, 30), new(2025, 1, 31),
            new(2025, 4, 7),
            new(2025, 4, 30), new(2025, 5, 1), new(2025, 5, 2),
            new(2025, 9, 1), new(2025, 9, 2),
        ],
        [new(2025, 4, 26)]);

    /// <summary>
    /// 2026 as announced for public servants: 1–2 Jan off with Saturday 10 Jan worked in exchange for 2 Jan; Tết
    /// 16–20 Feb (14–22 Feb with the weekends); Giỗ Tổ on Sunday 26 Apr, so Monday 27 Apr off; 30 Apr, 1 May;
    /// 31 Aug–2 Sep with Saturday 22 Aug worked in exchange for 31 Aug. 24 Nov is not among them: see
    /// docs/decisions/0012-calendar-2026-and-culture-day.md.
    /// </summary>
    public static readonly Year Official2026 = new(
        2026,
        [
            new(2026, 1, 1), new(2026, 1, 2),
            new(2026, 2, 16), new(2026, 2, 17), new(2026, 2, 18), new(2026, 2, 19), new(2026, 2, 20),
            new(2026, 4, 26), new(2026, 4, 27),
            new(2026, 4, 30), new(2026, 5, 1),
            new(2026, 8, 31), new(2026, 9, 1), new(2026, 9, 2),
        ],
        [new(2026, 1, 10), new(2026, 8, 22)]);

    public static readonly Year[] Official = [Official2019, Official2025, Official2026];
}
