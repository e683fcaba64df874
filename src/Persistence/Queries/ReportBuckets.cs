using System.Globalization;
using HccOrleans.Grains.Interfaces.Reports;

namespace HccOrleans.Persistence.Queries;

/// <summary>
/// How a period reads the sums of migration 0015: whole months and days of the centers' zone from the sums, and from
/// <see cref="EdgeFrom"/> (its last, unfinished day, when it is judged before its end) the index rows themselves. A
/// period that starts with a month knows its dossiers carried over by their month of receipt (<see cref="FromMonth"/>,
/// yyyy-MM).
/// </summary>
internal sealed record ReportBuckets(DateOnly[] Days, DateOnly[] Months, DateTimeOffset? EdgeFrom, string? FromMonth)
{
    /// <summary>The zone the sums are kept in (hcc_report_day in migration 0015 names the same).</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>
    /// The buckets of [from, to) judged at min(to, now); null when the sums cannot serve the period: it starts inside a
    /// day of the zone, or is judged before it starts.
    /// </summary>
    public static ReportBuckets? Of(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var asOf = new Judging(to, now).AsOf;
        if (asOf < from || Local(from).TimeOfDay != TimeSpan.Zero)
        {
            return null;
        }

        var first = DateOnly.FromDateTime(Local(from).DateTime);
        var last = DateOnly.FromDateTime(Local(asOf).DateTime);
        var edge = Midnight(last);

        // A period judged at its end, which falls at a midnight, has nothing after its last whole day.
        var finished = to <= now && edge == to;
        var days = new List<DateOnly>();
        var months = new List<DateOnly>();
        for (var day = first; day < last;)
        {
            var month = new DateOnly(day.Year, day.Month, 1);
            if (day == month && month.AddMonths(1) <= last)
            {
                months.Add(month);
                day = month.AddMonths(1);
            }
            else
            {
                days.Add(day);
                day = day.AddDays(1);
            }
        }

        return new ReportBuckets([.. days], [.. months], finished ? null : edge, first.Day == 1 ? first.ToString("yyyy-MM", CultureInfo.InvariantCulture) : null);
    }

    /// <summary>Every day the buckets cover, the months' days included, in order.</summary>
    public DateOnly[] EveryDay() =>
        [.. Days.Concat(Months.SelectMany(m => Enumerable.Range(0, m.AddMonths(1).DayNumber - m.DayNumber).Select(m.AddDays))).Order()];

    private static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    private static DateTimeOffset Midnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
