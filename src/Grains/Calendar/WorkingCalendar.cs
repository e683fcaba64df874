namespace HccOrleans.Grains.Calendar;

/// <summary>
/// Working-time arithmetic in the center's local time: office hours, weekends, holidays,
/// compensatory and swapped days, and the late-receipt cut-off.
/// </summary>
public sealed class WorkingCalendar
{
    // A calendar with no working day for ten years is a configuration error, not a long wait.
    private const int MaxDaysScanned = 3660;

    private readonly OfficeHours _hours;
    private readonly TimeZoneInfo _zone;
    private readonly Func<int, HolidayYear> _year;
    private readonly TimeSpan? _lateReceiptCutoff;
    private readonly Dictionary<int, HolidayYear> _years = [];

    /// <param name="year">The holidays of a year; called at most once per year.</param>
    public WorkingCalendar(OfficeHours hours, TimeZoneInfo zone, Func<int, HolidayYear> year, TimeSpan? lateReceiptCutoff = null)
    {
        _hours = hours;
        _zone = zone;
        _year = year;
        _lateReceiptCutoff = lateReceiptCutoff;
    }

    public TimeSpan WorkingDay => _hours.WorkingDay;

    /// <summary>The same calendar with one year replaced: how it stood before that year was changed.</summary>
    public WorkingCalendar With(HolidayYear replaced) =>
        new(_hours, _zone, y => y == replaced.Year ? replaced : _year(y), _lateReceiptCutoff);

    public TimeZoneInfo Zone => _zone;

    public bool IsWorkingDay(DateOnly day)
    {
        if (!_years.TryGetValue(day.Year, out var year))
        {
            year = _year(day.Year);
            _years[day.Year] = year;
        }

        return year.IsWorkingDay(day);
    }

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>Whether <paramref name="instant"/> lies in office hours of a working day, its periods' ends included (where a due instant may stand).</summary>
    public bool IsWorkingInstant(DateTimeOffset instant)
    {
        var local = ToLocal(instant).DateTime;
        var timeOfDay = local.TimeOfDay;
        return IsWorkingDay(DateOnly.FromDateTime(local)) && _hours.Periods.Any(p => timeOfDay >= p.Start && timeOfDay <= p.End);
    }

    /// <summary>The instant itself when it is working time, else the next opening.</summary>
    public DateTimeOffset NextWorkingInstant(DateTimeOffset instant)
    {
        var local = ToLocal(instant).DateTime;
        var day = DateOnly.FromDateTime(local);
        var timeOfDay = local.TimeOfDay;
        for (var scanned = 0; scanned < MaxDaysScanned; scanned++)
        {
            if (IsWorkingDay(day))
            {
                foreach (var (start, end) in _hours.Periods)
                {
                    if (timeOfDay < end)
                    {
                        return At(day, Max(timeOfDay, start));
                    }
                }
            }

            day = day.AddDays(1);
            timeOfDay = TimeSpan.Zero;
        }

        throw NoWorkingTime();
    }

    /// <summary>
    /// When the clock starts for something received at <paramref name="receivedAt"/>: the next working instant, or after
    /// the cut-off the next working day where <paramref name="cutoffMovesClock"/> (the regime says whether it does).
    /// </summary>
    public DateTimeOffset ClockStart(DateTimeOffset receivedAt, bool cutoffMovesClock = true)
    {
        var local = ToLocal(receivedAt).DateTime;
        var day = DateOnly.FromDateTime(local);
        if (cutoffMovesClock && _lateReceiptCutoff is { } cutoff && local.TimeOfDay >= cutoff && IsWorkingDay(day))
        {
            return NextWorkingInstant(At(day.AddDays(1), TimeSpan.Zero));
        }

        return NextWorkingInstant(receivedAt);
    }

    /// <summary>
    /// Adds working time, skipping non-working time. A result that falls exactly at the end of a
    /// working period stays there rather than moving to the next opening.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset from, TimeSpan amount)
    {
        if (amount <= TimeSpan.Zero)
        {
            return from;
        }

        var local = ToLocal(from).DateTime;
        var day = DateOnly.FromDateTime(local);
        var timeOfDay = local.TimeOfDay;
        var remaining = amount;
        for (var scanned = 0; scanned < MaxDaysScanned; scanned++)
        {
            if (IsWorkingDay(day))
            {
                foreach (var (start, end) in _hours.Periods)
                {
                    if (timeOfDay >= end)
                    {
                        continue;
                    }

                    var begin = Max(timeOfDay, start);
                    var available = end - begin;
                    if (remaining <= available)
                    {
                        return At(day, begin + remaining);
                    }

                    remaining -= available;
                }
            }

            day = day.AddDays(1);
            timeOfDay = TimeSpan.Zero;
        }

        throw NoWorkingTime();
    }

    /// <summary>
    /// The earliest instant from which only <paramref name="amount"/> of working time remains until
    /// <paramref name="to"/>: the inverse of <see cref="AddWorkingTime"/>. A result that would fall exactly at an
    /// opening moves back to the end of the previous working period, where the condition first holds.
    /// </summary>
    public DateTimeOffset SubtractWorkingTime(DateTimeOffset to, TimeSpan amount)
    {
        if (amount <= TimeSpan.Zero)
        {
            return to;
        }

        var local = ToLocal(to).DateTime;
        var day = DateOnly.FromDateTime(local);
        var timeOfDay = local.TimeOfDay;
        var remaining = amount;
        for (var scanned = 0; scanned < MaxDaysScanned; scanned++)
        {
            if (IsWorkingDay(day))
            {
                for (var i = _hours.Periods.Count - 1; i >= 0; i--)
                {
                    var (start, end) = _hours.Periods[i];
                    if (timeOfDay <= start)
                    {
                        continue;
                    }

                    var finish = timeOfDay < end ? timeOfDay : end;
                    var available = finish - start;
                    if (remaining < available)
                    {
                        return At(day, finish - remaining);
                    }

                    remaining -= available;
                }
            }

            day = day.AddDays(-1);
            timeOfDay = TimeSpan.FromHours(24);
        }

        throw NoWorkingTime();
    }

    /// <summary>The working time inside [from, to); zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var start = ToLocal(from).DateTime;
        var end = ToLocal(to).DateTime;
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(start); day <= DateOnly.FromDateTime(end); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            var midnight = day.ToDateTime(TimeOnly.MinValue);
            foreach (var (periodStart, periodEnd) in _hours.Periods)
            {
                var overlapStart = Max(start, midnight + periodStart);
                var overlapEnd = Min(end, midnight + periodEnd);
                if (overlapEnd > overlapStart)
                {
                    total += overlapEnd - overlapStart;
                }
            }
        }

        return total;
    }

    /// <summary>
    /// The end of a period of <paramref name="days"/> calendar days that starts at <paramref name="clockStart"/>
    /// (Civil Code 2015 Art. 147–148): the day the clock starts is not counted, the period ends at the close of
    /// office hours on its last day, and a last day that is not a working day gives way to the next working day.
    /// </summary>
    public DateTimeOffset EndOfCalendarDays(DateTimeOffset clockStart, int days)
    {
        var day = LocalDate(clockStart).AddDays(days);
        for (var scanned = 0; !IsWorkingDay(day); scanned++)
        {
            if (scanned >= MaxDaysScanned)
            {
                throw NoWorkingTime();
            }

            day = day.AddDays(1);
        }

        return At(day, _hours.Periods[^1].End);
    }

    /// <summary>The close of the <paramref name="days"/>-th working day after the local date of <paramref name="instant"/> (that day itself not counted).</summary>
    public DateTimeOffset EndOfWorkingDaysAfter(DateTimeOffset instant, int days)
    {
        var day = LocalDate(instant);
        for (int counted = 0, scanned = 0; counted < days; scanned++)
        {
            if (scanned >= MaxDaysScanned)
            {
                throw NoWorkingTime();
            }

            day = day.AddDays(1);
            counted += IsWorkingDay(day) ? 1 : 0;
        }

        return At(day, _hours.Periods[^1].End);
    }

    /// <summary>
    /// When a paper dossier received at <paramref name="receivedAt"/> must reach the handling agency: the close of the
    /// receipt day when received on a working day before <paramref name="sameDayBefore"/>, else the end of the first
    /// working hour of the next working day.
    /// </summary>
    public DateTimeOffset HandOverDueAt(DateTimeOffset receivedAt, TimeSpan sameDayBefore)
    {
        var local = ToLocal(receivedAt).DateTime;
        var day = DateOnly.FromDateTime(local);
        if (IsWorkingDay(day) && local.TimeOfDay < sameDayBefore)
        {
            return At(day, _hours.Periods[^1].End);
        }

        return AddWorkingTime(NextWorkingInstant(At(day.AddDays(1), TimeSpan.Zero)), TimeSpan.FromHours(1));
    }

    private DateTimeOffset At(DateOnly day, TimeSpan timeOfDay)
    {
        var local = day.ToDateTime(TimeOnly.MinValue) + timeOfDay;
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static InvalidOperationException NoWorkingTime() =>
        new("The calendar has no working time within ten years; check the office hours and holidays.");
}
