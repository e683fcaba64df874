using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Workflow;

/// <summary>
/// What an allowed command does to the dossier's clock and records: the due dates, pauses, step due dates and
/// the due-date history that reports judge past instants by. Called by <see cref="DossierMachine"/> once every
/// check has passed, on a state already at the transition's position.
/// </summary>
internal static class DossierMoves
{
    public static DossierState Apply(DossierState s, DossierCommand command, DateTimeOffset now, WorkingCalendar calendar) => command switch
    {
        Receive c => Received(s, c.CurrentProcedure, now, calendar),
        Refuse => s with { StepDueAt = null },
        RequestSupplement c => Paused(
            s with
            {
                SupplementRequests = s.SupplementRequests + 1,
                SupplementRequestedInAppraisal = s.SupplementRequestedInAppraisal || s.Step == ProcessingStep.Appraise,
                HandlingStarted = s.HandlingStarted || s.Step == ProcessingStep.Appraise,
                SupplementItems = c.Items,
            },
            now,
            DueChangeReason.SupplementRequested),
        Supplement when s.Status == DossierStatus.Submitted => s with { PausedAt = null, SupplementItems = [] },
        Supplement => Resumed(s with { SupplementItems = [] }, now, calendar, s.Procedure!.Definition.SupplementPolicy, DueChangeReason.Supplemented),
        RequestPayment c => Paused(s with { Payment = new(c.Amount, c.Note, now), HandlingStarted = true }, now, DueChangeReason.PaymentRequested),
        // A payment always resumes by the pause rule, whatever the procedure's supplement policy (domain.md).
        Pay c => Resumed(s with { Payment = s.Payment! with { PaidAt = now, ReceiptNumber = c.ReceiptNumber } }, now, calendar,
            SupplementPolicy.Pause, DueChangeReason.Paid),
        Appraise c => EnterStep(s with { Appraisal = c.Outcome, HandlingStarted = true }, now, calendar),
        Approve => EnterStep(
            s with
            {
                Outcome = s.Appraisal == AppraisalOutcome.Eligible ? DossierOutcome.Granted : DossierOutcome.Denied,
                CompletedAt = now,
                Completion = Deadlines.Classify(calendar, now, s.DueAt!.Value),
                ResolutionWorkingHours = ResolutionHours(s, now, calendar),
            },
            now,
            calendar),
        SendBack => EnterStep(s with { Appraisal = null }, now, calendar),
        Return c => s with { ReturnedAt = now, ReturnMethod = c.Method, StepStartedAt = null, StepDueAt = null },
        Withdraw or Stop => s with { StepStartedAt = null, StepDueAt = null, PausedAt = null, ClosedAt = now },
        Apologize c => s with
        {
            Apologized = true,
            RescheduledDueAt = c.NewDueAt,
            Apology = new Apology(now, c.Reason, c.NewDueAt, Deadlines.IsTimelyApology(calendar, now, s.DueAt!.Value)),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
    };

    /// <summary>Working hours from the clock start at receipt to approval, less every pause: correct under both supplement policies.</summary>
    private static decimal ResolutionHours(DossierState s, DateTimeOffset now, WorkingCalendar calendar)
    {
        var worked = calendar.WorkingTimeBetween((s.ReceiptClockStartedAt ?? s.ClockStartedAt)!.Value, now) - s.PausedWorkingTime;
        return decimal.Round((decimal)Math.Max(0, worked.TotalHours), 2);
    }

    private static DossierState Received(DossierState s, ProcedureVersion procedure, DateTimeOffset now, WorkingCalendar calendar)
    {
        var (clockStart, due) = Deadlines.AtReceipt(calendar, procedure.Definition, s.Request!.Channel, now);
        var started = s with
        {
            Procedure = procedure,
            ReceivedAt = now,
            ClockStartedAt = clockStart,
            ReceiptClockStartedAt = clockStart,
            DueAt = due,
            Budget = calendar.WorkingTimeBetween(clockStart, due),
            DueHistory = [new DueChange(now, due, DueChangeReason.Received)],
        };
        return EnterStep(started, clockStart, calendar);
    }

    /// <summary>The clock stops; once received, the stop enters the due-date history (a dossier not yet received has no clock).</summary>
    private static DossierState Paused(DossierState s, DateTimeOffset now, DueChangeReason reason) => s with
    {
        PausedAt = now,
        DueHistory = s.DueAt is null ? s.DueHistory : [.. s.DueHistory, new DueChange(now, null, reason)],
    };

    /// <summary>The clock runs again: pause shifts every deadline by the paused working time, restart recomputes from now.</summary>
    private static DossierState Resumed(DossierState s, DateTimeOffset now, WorkingCalendar calendar, SupplementPolicy policy, DueChangeReason reason)
    {
        var paused = calendar.WorkingTimeBetween(s.PausedAt!.Value, now);
        var resumed = s with { PausedAt = null, PausedWorkingTime = s.PausedWorkingTime + paused };
        DossierState next;
        if (policy == SupplementPolicy.Restart)
        {
            var (clockStart, due) = Deadlines.AtReceipt(calendar, s.Procedure!.Definition, s.Request!.Channel, now);
            next = EnterStep(resumed with { ClockStartedAt = clockStart, DueAt = due, Budget = calendar.WorkingTimeBetween(clockStart, due) }, clockStart, calendar);
        }
        else
        {
            var dueAt = calendar.AddWorkingTime(s.DueAt!.Value, paused);
            var stepDue = calendar.AddWorkingTime(s.StepDueAt!.Value, paused);
            next = resumed with { DueAt = dueAt, StepDueAt = stepDue < dueAt ? stepDue : dueAt };
        }

        return next with { DueHistory = [.. next.DueHistory, new DueChange(now, next.DueAt, reason)] };
    }

    private static DossierState EnterStep(DossierState s, DateTimeOffset start, WorkingCalendar calendar)
    {
        var share = DefaultSteps.Resolve(s.Procedure!.Definition.Steps, s.Procedure.Definition.AgencyCode, s.Step).Share;
        return s with { StepStartedAt = start, StepDueAt = Deadlines.StepDueAt(calendar, start, share, s.Budget, s.DueAt!.Value) };
    }
}
