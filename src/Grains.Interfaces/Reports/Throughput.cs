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

    public static ThroughputBucket[] Build(IEnumerable<DossierSummary> dossiers, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, TimeZoneInfo zone)
    {
        var judging = new Judging(to, now);
        var asOf = judging.AsOf;
        var weekly = IsWeekly(from, to);
        DateOnly Bucket(DateTimeOffset instant)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
            return weekly ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7)) : day;
        }

        var buckets = new SortedDictionary<DateOnly, (int Received, int Resolved)>();
        for (var day = Bucket(from); day < DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(asOf, zone).DateTime).AddDays(1); day = day.AddDays(weekly ? 7 : 1))
        {
            buckets[day] = (0, 0);
        }

        bool InPeriod(DateTimeOffset? at) => at is { } t && t >= from && judging.Covers(t);
        foreach (var d in dossiers)
        {
            if (InPeriod(d.ReceivedAt) && buckets.TryGetValue(Bucket(d.ReceivedAt!.Value), out var r))
            {
                buckets[Bucket(d.ReceivedAt!.Value)] = (r.Received + 1, r.Resolved);
            }

            if (d.Ended() is { How: Ending.Resolved } ended && InPeriod(ended.At) && buckets.TryGetValue(Bucket(ended.At), out var s))
            {
                buckets[Bucket(ended.At)] = (s.Received, s.Resolved + 1);
            }
        }

        return [.. buckets.Select(b => new ThroughputBucket(b.Key, b.Value.Received, b.Value.Resolved))];
    }
}
