namespace HccOrleans.Grains.Escalations;

/// <summary>The <c>Escalations</c> configuration section.</summary>
public sealed class EscalationOptions
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
    /// period later, so this bounds how late an escalation missed during an outage fires. Orleans' minimum is 1 minute.
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    public EscalationPolicy ToPolicy() => new(DueSoonWithin, OverdueRepeatEvery, SupplementTimeout, PaymentTimeoutDays);
}
