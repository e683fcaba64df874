namespace HccOrleans.Grains.Interfaces.Reports;

/// <summary>The kinds of official report period (Decree 09/2019/NĐ-CP Art. 12).</summary>
public enum PeriodKind
{
    Month = 1,
    Quarter = 2,
    Half = 3,
    Year = 4,
}

/// <summary>
/// An official report period: its first and last days, the form that reports it (the one in force at its end), and
/// the day by which a unit sends it (the 20th of its last month; the province compiles by the 23rd).
/// </summary>
public sealed record ReportPeriod(PeriodKind Kind, int Year, int Number, string Label, DateOnly First, DateOnly Last, string Form, DateOnly SendBy);

/// <summary>
/// The official periods: a month runs from the 15th of the month before to the 14th of its own; a quarter from the
/// 15th of the month before its first to the 14th of its last; the half year from 15 Dec to 14 Jun; the year from
/// 15 Dec to 14 Dec (Decree 09/2019 Art. 12). Circular 09/2026/TT-BTP asks for the months other than those that close a
/// quarter, the first and third quarters, the half year and the year; the other months and quarters are covered by
/// the longer reports that end with them.
/// </summary>
public static class ReportPeriods
{
    /// <summary>The day from which periods are reported on Biểu 07a/07b (Circular 09/2026/TT-BTP in force).</summary>
    public static readonly DateOnly Form07aFrom = new(2026, 8, 1);

    public static readonly int[] ReportedMonths = [1, 2, 4, 5, 7, 8, 10, 11];

    public static readonly int[] ReportedQuarters = [1, 3];

    /// <summary>The day of the period's last month by which a unit sends its report (Circular 09/2026 Art. 11).</summary>
    public const int UnitsSendBy = 20;

    /// <summary>The form in force at a period's end: Biểu 07a for a period whose last day is on or after 1 Aug 2026, II.06a before.</summary>
    public static string FormAt(DateOnly last) => last >= Form07aFrom ? "07a" : "II.06a";

    public static IReadOnlyList<ReportPeriod> Of(PeriodKind? kind, int year) => kind switch
    {
        PeriodKind.Month => [.. ReportedMonths.Select(m => Period(PeriodKind.Month, year, m, $"Tháng {m}/{year}", From15th(year, m - 1), m))],
        PeriodKind.Quarter => [.. ReportedQuarters.Select(q => Period(PeriodKind.Quarter, year, q, $"Quý {Roman(q)}/{year}", From15th(year, (3 * q) - 3), 3 * q))],
        PeriodKind.Half => [Period(PeriodKind.Half, year, 1, $"6 tháng đầu năm {year}", From15th(year, 0), 6)],
        PeriodKind.Year => [Period(PeriodKind.Year, year, 1, $"Năm {year}", From15th(year, 0), 12)],
        null => [.. Enum.GetValues<PeriodKind>().SelectMany(k => Of(k, year))],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static ReportPeriod Period(PeriodKind kind, int year, int number, string label, DateOnly first, int lastMonth)
    {
        var last = new DateOnly(year, lastMonth, 14);
        return new ReportPeriod(kind, year, number, label, first, last, FormAt(last), new DateOnly(year, lastMonth, UnitsSendBy));
    }

    /// <summary>The 15th of <paramref name="month"/> of <paramref name="year"/>, month 0 being December of the year before.</summary>
    private static DateOnly From15th(int year, int month) => month == 0 ? new DateOnly(year - 1, 12, 15) : new DateOnly(year, month, 15);

    private static string Roman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
