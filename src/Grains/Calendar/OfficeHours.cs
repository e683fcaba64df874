using System.Globalization;

namespace HccOrleans.Grains.Calendar;

/// <summary>The daily working periods, e.g. <c>07:00-11:30,13:30-17:00</c>, in local time.</summary>
public sealed class OfficeHours
{
    public static readonly OfficeHours Default = Parse("07:00-11:30,13:30-17:00");

    private OfficeHours(IReadOnlyList<(TimeSpan Start, TimeSpan End)> periods)
    {
        Periods = periods;
        WorkingDay = TimeSpan.FromTicks(periods.Sum(p => (p.End - p.Start).Ticks));
    }

    public IReadOnlyList<(TimeSpan Start, TimeSpan End)> Periods { get; }

    /// <summary>The working time of one full day (8 hours by default): the length of one working day.</summary>
    public TimeSpan WorkingDay { get; }

    public TimeSpan Opening => Periods[0].Start;

    public static OfficeHours Parse(string text)
    {
        var periods = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ParsePeriod)
            .OrderBy(p => p.Start)
            .ToList();
        if (periods.Count == 0)
        {
            throw new FormatException("Office hours need at least one period such as 07:00-11:30.");
        }

        for (var i = 1; i < periods.Count; i++)
        {
            if (periods[i].Start < periods[i - 1].End)
            {
                throw new FormatException($"Office periods overlap in '{text}'.");
            }
        }

        return new OfficeHours(periods);
    }

    private static (TimeSpan Start, TimeSpan End) ParsePeriod(string period)
    {
        var bounds = period.Split('-', StringSplitOptions.TrimEntries);
        if (bounds.Length != 2
            || !TryParseTime(bounds[0], out var start)
            || !TryParseTime(bounds[1], out var end)
            || end <= start)
        {
            throw new FormatException($"Office period '{period}' is not of the form HH:mm-HH:mm with start before end.");
        }

        return (start, end);
    }

    /// <summary>HH:mm, where 24:00 is the end of the day.</summary>
    private static bool TryParseTime(string text, out TimeSpan time)
    {
        if (text == "24:00")
        {
            time = TimeSpan.FromHours(24);
            return true;
        }

        return TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out time);
    }
}
