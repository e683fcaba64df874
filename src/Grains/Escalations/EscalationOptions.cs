using System.ComponentModel.DataAnnotations;

namespace HccOrleans.Grains.Escalations;

/// <summary>The <c>Escalations</c> configuration section.</summary>
public sealed class EscalationOptions : IValidatableObject
{
    public const string Section = "Escalations";

    /// <summary>Due soon once at most this much working time remains (default one working day).</summary>
    public TimeSpan DueSoonWithin { get; set; } = EscalationPolicy.Default.DueSoonWithin;

    /// <summary>Overdue repeats after each such stretch of working time (default one working day).</summary>
    public TimeSpan OverdueRepeatEvery { get; set; } = EscalationPolicy.Default.OverdueRepeatEvery;

    /// <summary>An unanswered supplement request stops the dossier after this much working time (default 15 working days).</summary>
    public TimeSpan SupplementTimeout { get; set; } = EscalationPolicy.Default.SupplementTimeout;

    /// <summary>
    /// A financial obligation not met within this many calendar days stops the dossier (default 30), counted like a
    /// procedure's period in days: the day of the request is not counted, and the period ends at the close of a working day.
    /// </summary>
    public int PaymentTimeoutDays { get; set; } = EscalationPolicy.Default.PaymentTimeoutDays;

    /// <summary>
    /// Period of the per-dossier deadline reminder. A tick missed while no silo held the reminder comes one
    /// period later, so this bounds how late an escalation missed during an outage fires. Below Orleans' minimum
    /// (1 minute) the silo lowers that minimum to this period.
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    public EscalationPolicy ToPolicy() => new(DueSoonWithin, OverdueRepeatEvery, SupplementTimeout, PaymentTimeoutDays);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(DueSoonWithin), DueSoonWithin), (nameof(OverdueRepeatEvery), OverdueRepeatEvery), (nameof(SupplementTimeout), SupplementTimeout) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return new($"must be a positive stretch of working time (e.g. 08:00:00 for one working day), not {value}.", [name]);
            }
        }

        if (PaymentTimeoutDays <= 0)
        {
            yield return new($"must be a positive number of days, not {PaymentTimeoutDays}.", [nameof(PaymentTimeoutDays)]);
        }

        if (ReminderPeriod <= TimeSpan.Zero)
        {
            yield return new($"must be a positive period (e.g. 00:01:00), not {ReminderPeriod}.", [nameof(ReminderPeriod)]);
        }
    }
}
