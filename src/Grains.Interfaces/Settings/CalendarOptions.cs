using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace HccOrleans.Grains.Interfaces.Settings;

/// <summary>
/// The <c>Calendar</c> configuration section: the center's office hours, time zone and late-receipt cutoff. Read by
/// the silo (working time) and by the API (the zone of dates in queries and pages), bound once per process.
/// </summary>
public sealed class CalendarOptions : IValidatableObject
{
    public const string Section = "Calendar";

    /// <summary>Daily working periods in local time; the engine checks their order when it starts.</summary>
    [Required]
    public string OfficeHours { get; set; } = "07:00-11:30,13:30-17:00";

    /// <summary>IANA time zone of the center.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Optional local time (e.g. <c>15:00</c>) after which a receipt's clock starts the next working day.</summary>
    public string? LateReceiptCutoff { get; set; }

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public TimeSpan? Cutoff() => TryCutoff(out var cutoff) ? cutoff : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new($"'{TimeZone}' is not a known time zone (e.g. Asia/Ho_Chi_Minh).", [nameof(TimeZone)]);
        }

        if (!string.IsNullOrWhiteSpace(LateReceiptCutoff) && !TryCutoff(out _))
        {
            yield return new($"'{LateReceiptCutoff}' is not a local time of the form HH:mm (e.g. 15:00).", [nameof(LateReceiptCutoff)]);
        }
    }

    private bool TryCutoff(out TimeSpan cutoff)
    {
        cutoff = default;
        return !string.IsNullOrWhiteSpace(LateReceiptCutoff)
            && TimeSpan.TryParseExact(LateReceiptCutoff, @"hh\:mm", CultureInfo.InvariantCulture, out cutoff);
    }
}
