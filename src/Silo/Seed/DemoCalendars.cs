namespace HccOrleans.Silo.Seed;

/// <summary>
/// The years the engine ships as entered data: only years whose announced schedule for public servants is
/// certain (Labour Code holidays, compensatory days and the swaps the Prime Minister approved). Every other
/// year is derived from the Labour Code and shows as provisional until an administrator enters it: 2026 has
/// announced Tết dates but its full list (the National Day days, any swap) was not certain when this shipped.
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

    public static readonly Year[] Official = [Official2019, Official2025];
}
