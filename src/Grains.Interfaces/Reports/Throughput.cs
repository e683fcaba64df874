using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces.Reports;

/// <summary>Dossiers received and resolved in one day or week of a period.</summary>
public sealed record ThroughputBucket(DateOnly Start, int Received, int Resolved);

/// <summary>
/// Received and resolved per day (per ISO week for periods longer than <see cref="DailyUpTo"/> days) over
/// [from, min(to, now)]: receipt at <see cref="DossierSummary.ReceivedAt"/>, resolution at approval, as report II.06a counts them.
/// </summary>
public static class Throughput
{
    public const int DailyUpTo = 62;

    public static bool IsWeekly(DateTimeOffset from, DateTimeOffset to) => (to - from).TotalDays > DailyUpTo;

    public static ThroughputBucket[] Build(IEnumerable<DossierSummary> dossiers, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, TimeZoneInfo zone) =>
        Build(Days(dossiers, from, to, now, zone), from, to, now, zone);

    /// <summary>
    /// Received and resolved per day of the zone over [from, min(to, now)]: the definition that the database's
    /// aggregate (Persistence/Queries/PostgresPeriodFacts.cs) must equal.
    /// </summary>
    public static ThroughputBucket[] Days(IEnumerable<DossierSummary> dossiers, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, TimeZoneInfo zone)
    {
        var judging = new Judging(to, now);
        bool InPeriod(DateTimeOffset? at) => at is { } t && t >= from && judging.Covers(t);
        DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

        var list = dossiers.ToList();
        var received = list.Where(d => InPeriod(d.ReceivedAt)).Select(d => (Day: Day(d.ReceivedAt!.Value), Received: 1, Resolved: 0));
        var resolved = list.Select(d => d.Ended()).Where(e => e is { How: Ending.Resolved } && InPeriod(e.Value.At)).Select(e => (Day: Day(e!.Value.At), Received: 0, Resolved: 1));
        return [.. received.Concat(resolved).GroupBy(x => x.Day).OrderBy(g => g.Key).Select(g => new ThroughputBucket(g.Key, g.Sum(x => x.Received), g.Sum(x => x.Resolved)))];
    }

    /// <summary>The period's buckets (days, or ISO weeks from their Monday) from its counts per day.</summary>
    public static ThroughputBucket[] Build(IEnumerable<ThroughputBucket> days, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, TimeZoneInfo zone)
    {
        var asOf = new Judging(to, now).AsOf;
        var weekly = IsWeekly(from, to);
        DateOnly Bucket(DateOnly day) => weekly ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7)) : day;
        DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

        var buckets = new SortedDictionary<DateOnly, (int Received, int Resolved)>();
        for (var day = Bucket(Day(from)); day < Day(asOf).AddDays(1); day = day.AddDays(weekly ? 7 : 1))
        {
            buckets[day] = (0, 0);
        }

        foreach (var day in days)
        {
            if (buckets.TryGetValue(Bucket(day.Start), out var counts))
            {
                buckets[Bucket(day.Start)] = (counts.Received + day.Received, counts.Resolved + day.Resolved);
            }
        }

        return [.. buckets.Select(b => new ThroughputBucket(b.Key, b.Value.Received, b.Value.Resolved))];
    }
}
