namespace HccOrleans.Grains.Escalations;

/// <summary>When escalations and automatic stops fall due.</summary>
/// <param name="DueSoonWithin">Due soon once at most this much working time remains (one working day).</param>
/// <param name="OverdueRepeatEvery">Overdue repeats after each such stretch of working time (one working day).</param>
/// <param name="SupplementTimeout">A supplement request unanswered for this much working time stops the dossier (15 working days).</param>
/// <param name="PaymentTimeoutDays">A financial obligation not met within this many calendar days stops the dossier (30 days, counted as Civil Code Art. 147–148 count).</param>
public sealed record EscalationPolicy(TimeSpan DueSoonWithin, TimeSpan OverdueRepeatEvery, TimeSpan SupplementTimeout, int PaymentTimeoutDays)
{
    public static readonly EscalationPolicy Default = new(TimeSpan.FromHours(8), TimeSpan.FromHours(8), TimeSpan.FromHours(8 * 15), 30);

    /// <summary>
    /// Whether an apology (form 04) sent with <paramref name="remaining"/> working time left is in time: docs/rules/lifecycle.md
    /// draws one line a working day before the due instant, the due-soon escalation fires on it
    /// (<see cref="EscalationSchedule"/>), and an apology sent before the dossier crossed it (or on it) is in time.
    /// </summary>
    public bool IsApologyInTime(TimeSpan remaining) => remaining >= DueSoonWithin;
}
