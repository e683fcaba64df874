namespace HccOrleans.Domain;

/// <summary>When escalations fall due, in working time.</summary>
/// <param name="DueSoonWithin">Due soon once at most this much working time remains (one working day).</param>
/// <param name="OverdueRepeatEvery">Overdue repeats after each such stretch of working time (one working day).</param>
/// <param name="SupplementTimeout">A supplement request unanswered for this long closes the dossier (15 working days).</param>
public sealed record EscalationPolicy(TimeSpan DueSoonWithin, TimeSpan OverdueRepeatEvery, TimeSpan SupplementTimeout)
{
    public static readonly EscalationPolicy Default = new(TimeSpan.FromHours(8), TimeSpan.FromHours(8), TimeSpan.FromHours(8 * 15));
}
