using HccOrleans.Grains.Interfaces.Settings;

namespace HccOrleans.Grains.Calendar;

/// <summary>The parsed calendar settings every grain shares.</summary>
public sealed class CalendarSettings(CalendarOptions options)
{
    public OfficeHours Hours { get; } = OfficeHours.Parse(options.OfficeHours);

    public TimeZoneInfo Zone { get; } = options.Zone();

    public TimeSpan? LateReceiptCutoff { get; } = options.Cutoff();

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
