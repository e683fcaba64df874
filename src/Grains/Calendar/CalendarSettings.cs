using System.Globalization;

namespace HccOrleans.Grains.Calendar;

/// <summary>The <c>Calendar</c> configuration section.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>Daily working periods in local time.</summary>
    public string OfficeHours { get; set; } = "07:00-11:30,13:30-17:00";

    /// <summary>IANA time zone of the center.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Optional local time (e.g. <c>15:00</c>) after which a receipt's clock starts the next working day.</summary>
    public string? LateReceiptCutoff { get; set; }
}

/// <summary>The parsed, validated calendar settings every grain shares.</summary>
public sealed class CalendarSettings
{
    public CalendarSettings(CalendarOptions options)
    {
        Hours = OfficeHours.Parse(options.OfficeHours);
        Zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        if (!string.IsNullOrWhiteSpace(options.LateReceiptCutoff))
        {
            LateReceiptCutoff = TimeSpan.TryParseExact(options.LateReceiptCutoff, @"hh\:mm", CultureInfo.InvariantCulture, out var cutoff)
                ? cutoff
                : throw new FormatException($"Calendar:LateReceiptCutoff '{options.LateReceiptCutoff}' is not of the form HH:mm.");
        }
    }

    public OfficeHours Hours { get; }

    public TimeZoneInfo Zone { get; }

    public TimeSpan? LateReceiptCutoff { get; }

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
