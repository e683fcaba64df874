using System.Globalization;
using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Regimes;

namespace HccOrleans.Grains.Escalations;

/// <summary>A dossier's deadlines as the escalation schedule reads them, and the regime whose rules they follow (Decree 61's when not given).</summary>
public sealed record DeadlineView(
    DossierStatus Status,
    ProcessingStep Step,
    DateTimeOffset? DueAt,
    DateTimeOffset? StepDueAt,
    DateTimeOffset? StepStartedAt,
    DateTimeOffset? PausedAt)
{
    public RegimeRules Rules { get; init; } = InForce.Decree61;

    public FilingChannel Channel { get; init; } = FilingChannel.Direct;

    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>Since when a financial obligation waits, paused or not.</summary>
    public DateTimeOffset? PaymentRequestedAt { get; init; }

    /// <summary>When an open correction of a returned result is due.</summary>
    public DateTimeOffset? CorrectionDueAt { get; init; }

    /// <summary>Inter-agency work: the parts whose time limits escalate while open.</summary>
    public IReadOnlyList<PartProgress> Parts { get; init; } = [];

    /// <summary>Consultations whose dates escalate while unanswered.</summary>
    public IReadOnlyList<Consultation> Consultations { get; init; } = [];

    /// <summary>Whether the processing clock runs: in processing, or awaiting a payment that does not stop it.</summary>
    public bool ClockRuns => Status == DossierStatus.Processing || (Status == DossierStatus.AwaitingPayment && PausedAt is null);
}

/// <summary>One escalation that falls due at <see cref="DueAt"/>; <see cref="Key"/> names it uniquely for its dossier.</summary>
public sealed record EscalationOccurrence(EscalationKind Kind, string Key, DateTimeOffset DueAt, ProcessingStep Step, int Repeat)
{
    /// <summary>The agency it concerns when not the current step's: the part's or the consulted agency.</summary>
    public string? Agency { get; init; }
}

/// <summary>An automatic stop: the awaited supplement or payment did not come by <see cref="At"/>.</summary>
public sealed record ClockStopTimeout(DateTimeOffset At, string Reason)
{
    public const string SupplementNotProvided = "Công dân không bổ sung hồ sơ trong thời hạn (supplement not provided).";
    public const string ObligationNotMet = "Công dân không thực hiện nghĩa vụ tài chính trong thời hạn (obligation not met).";
}

/// <summary>
/// The escalations a dossier's deadlines give, per docs/rules/deadlines-and-calendar.md: due-soon once per due date, step-overdue
/// once per step entry, overdue at the due instant and again every working day. Only a dossier in
/// processing escalates; a supplement or payment request stops the clock, and its own timeout takes over.
/// </summary>
public static class EscalationSchedule
{
    private const int MaxOverdueRepeats = 1000;

    /// <summary>Occurrences due at or before <paramref name="now"/> that <paramref name="recorded"/> does not hold yet, oldest first.</summary>
    public static IReadOnlyList<EscalationOccurrence> Due(DeadlineView view, IReadOnlySet<string> recorded, DateTimeOffset now, WorkingCalendar calendar, EscalationPolicy policy) =>
        Occurrences(view, calendar, policy, now).Where(o => o.DueAt <= now && !recorded.Contains(o.Key)).OrderBy(o => o.DueAt).ToList();

    /// <summary>
    /// When the dossier next needs attention: its earliest unrecorded escalation, or its timeout while the clock
    /// is stopped; null when nothing is pending. An instant at or before <paramref name="now"/> means "at once".
    /// </summary>
    public static DateTimeOffset? NextWakeAt(DeadlineView view, IReadOnlySet<string> recorded, DateTimeOffset now, WorkingCalendar calendar, EscalationPolicy policy)
    {
        if (Timeout(view, calendar, policy) is { } timeout)
        {
            return timeout.At;
        }

        var pending = Occurrences(view, calendar, policy, now).Where(o => !recorded.Contains(o.Key)).Select(o => (DateTimeOffset?)o.DueAt);
        return pending.Min();
    }

    /// <summary>
    /// The latest due instant that counts as due soon at <paramref name="now"/>: a dossier due at or before it has at
    /// most <see cref="EscalationPolicy.DueSoonWithin"/> of working time left (the due-soon escalation's own rule).
    /// </summary>
    public static DateTimeOffset DueSoonUntil(WorkingCalendar calendar, EscalationPolicy policy, DateTimeOffset now) =>
        calendar.NextWorkingInstant(calendar.AddWorkingTime(calendar.NextWorkingInstant(now), policy.DueSoonWithin));

    /// <summary>
    /// When an unanswered supplement request (15 working days from the next working instant) or an unmet
    /// financial obligation (30 calendar days) stops the dossier; null while the clock runs.
    /// </summary>
    public static ClockStopTimeout? Timeout(DeadlineView view, WorkingCalendar calendar, EscalationPolicy policy) => view switch
    {
        { Status: DossierStatus.SupplementRequested, PausedAt: { } pausedAt, Rules.UnansweredSupplementStops: true } =>
            new(calendar.AddWorkingTime(calendar.NextWorkingInstant(pausedAt), policy.SupplementTimeout), ClockStopTimeout.SupplementNotProvided),
        { Status: DossierStatus.AwaitingPayment, PausedAt: { } pausedAt, Rules.UnmetPaymentStops: true } =>
            new(calendar.EndOfCalendarDays(pausedAt, policy.PaymentTimeoutDays), ClockStopTimeout.ObligationNotMet),
        _ => null,
    };

    /// <summary>Every occurrence up to <paramref name="until"/>, plus the first overdue repeat after it.</summary>
    public static IEnumerable<EscalationOccurrence> Occurrences(DeadlineView view, WorkingCalendar calendar, EscalationPolicy policy, DateTimeOffset until) =>
        Waiting(view, calendar, policy).Concat(Processing(view, calendar, policy, until));

    /// <summary>What the regime escalates while a dossier waits: for an officer online, for the citizen, or for a correction.</summary>
    private static IEnumerable<EscalationOccurrence> Waiting(DeadlineView view, WorkingCalendar calendar, EscalationPolicy policy)
    {
        var rules = view.Rules;
        if (view is { Status: DossierStatus.Submitted, Channel: FilingChannel.Online })
        {
            var submitted = Stamp(view.SubmittedAt);
            if (rules.OnlineAlertAfter is { } alertAfter)
            {
                yield return new(EscalationKind.OnlineAlert, $"online-alert/{submitted}", view.SubmittedAt + alertAfter, ProcessingStep.None, 0);
            }

            if (rules.OnlineReceptionWithin is { } within)
            {
                var limit = calendar.AddWorkingTime(calendar.NextWorkingInstant(view.SubmittedAt), within);
                yield return new(EscalationKind.OnlineReceptionOverdue, $"online-reception/{submitted}", limit, ProcessingStep.None, 0);
            }
        }

        if (view is { Status: DossierStatus.SupplementRequested, Step: ProcessingStep.Appraise, PausedAt: { } notice } && rules.SupplementClosureDays is { } days)
        {
            yield return new(EscalationKind.SupplementUnanswered, $"supplement-unanswered/{Stamp(notice)}", calendar.EndOfCalendarDays(notice, days), view.Step, 0);
        }

        if (view is { Status: DossierStatus.AwaitingPayment, PaymentRequestedAt: { } requested } && !rules.UnmetPaymentStops)
        {
            yield return new(EscalationKind.PaymentUnmet, $"payment-unmet/{Stamp(requested)}", calendar.EndOfCalendarDays(requested, policy.PaymentTimeoutDays), view.Step, 0);
        }

        if (view is { Status: DossierStatus.Returned, CorrectionDueAt: { } correctionDue })
        {
            yield return new(EscalationKind.CorrectionOverdue, $"correction-overdue/{Stamp(correctionDue)}", correctionDue, ProcessingStep.None, 0);
        }
    }

    private static IEnumerable<EscalationOccurrence> Processing(DeadlineView view, WorkingCalendar calendar, EscalationPolicy policy, DateTimeOffset until)
    {
        if (view is not { ClockRuns: true, DueAt: { } due })
        {
            yield break;
        }

        yield return new(EscalationKind.DueSoon, DueSoonKey(due), calendar.SubtractWorkingTime(due, policy.DueSoonWithin), view.Step, 0);

        foreach (var part in view.Parts.Where(p => p is { IsOpen: true, DueAt: not null }))
        {
            yield return new(EscalationKind.PartOverdue, $"part-overdue/{part.AgencyCode}/{Stamp(part.StartedAt!.Value)}", part.DueAt!.Value, view.Step, 0) { Agency = part.AgencyCode };
        }

        foreach (var consultation in view.Consultations.Where(c => c.IsOpen))
        {
            yield return new(EscalationKind.ConsultationOverdue, $"consultation-overdue/{consultation.Id}", consultation.DueAt, view.Step, 0) { Agency = consultation.Agency };
        }

        if (view is { StepDueAt: { } stepDue, StepStartedAt: { } stepStarted })
        {
            yield return new(EscalationKind.StepOverdue, $"step-overdue/{EnumWords.Of(view.Step)}/{Stamp(stepStarted)}", stepDue, view.Step, 0);
        }

        for (var repeat = 0; repeat < MaxOverdueRepeats; repeat++)
        {
            var at = calendar.AddWorkingTime(due, policy.OverdueRepeatEvery * repeat);
            yield return new(EscalationKind.Overdue, $"overdue/{Stamp(due)}/{repeat}", at, view.Step, repeat);
            if (at > until)
            {
                yield break;
            }
        }
    }

    /// <summary>The key of the due-soon escalation of a due instant: one per due date, whatever moves it later.</summary>
    public static string DueSoonKey(DateTimeOffset due) => $"due-soon/{Stamp(due)}";

    private static string Stamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
