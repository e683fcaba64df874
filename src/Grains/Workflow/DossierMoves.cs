using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;

namespace HccOrleans.Grains.Workflow;

/// <summary>
/// The moves commands share, on the dossier's clock and records: receipt, pause and resume, entering a step,
/// closing; the due dates, step due dates and the due-date history that reports judge past instants by. Each
/// command's <see cref="DossierCommand.Apply"/> composes them.
/// </summary>
internal static class DossierMoves
{
    /// <summary>Working hours from the clock start at receipt to approval, less every pause: correct under both supplement policies.</summary>
    public static decimal ResolutionHours(DossierState s, DateTimeOffset now, WorkingCalendar calendar)
    {
        var worked = calendar.WorkingTimeBetween((s.ReceiptClockStartedAt ?? s.ClockStartedAt)!.Value, now) - s.PausedWorkingTime;
        return decimal.Round((decimal)Math.Max(0, worked.TotalHours), 2);
    }

    /// <summary>Paper received before this time of day reaches the handling agency the same day (Decree 118/2025 Art. 18).</summary>
    public static readonly TimeSpan SameDayHandOverBefore = TimeSpan.FromHours(15);

    /// <summary>When paper received at <paramref name="receivedAt"/> must reach the agency: for another unit's agency within one working day (Art. 20(1)), for its own by the Art. 18 hand-over.</summary>
    public static DateTimeOffset HandOverDueAt(DossierState s, DateTimeOffset receivedAt, WorkingCalendar calendar) => s.Route is null
        ? calendar.HandOverDueAt(receivedAt, SameDayHandOverBefore)
        : calendar.AddWorkingTime(calendar.NextWorkingInstant(receivedAt), calendar.WorkingDay);

    public static DossierState Received(DossierState s, ProcedureVersion procedure, Move m)
    {
        var (now, calendar) = (m.Now, m.Calendar);
        var (clockStart, due) = Deadlines.AtReceipt(calendar, procedure.Definition, s.Request!.Channel, now, m.Rules.LateReceiptCutoffMovesClock);
        var started = s with
        {
            Procedure = procedure,
            ReceivedAt = now,
            ClockStartedAt = clockStart,
            ReceiptClockStartedAt = clockStart,
            DueAt = due,
            Budget = calendar.WorkingTimeBetween(clockStart, due),
            DueHistory = [new DueChange(now, due, DueChangeReason.Received)],
            Regime = m.Rules.Regime,
        };
        if (started.Step == ProcessingStep.Transfer)
        {
            var handOver = HandOverDueAt(s, now, calendar);
            return started with { StepStartedAt = now, StepDueAt = handOver < due ? handOver : due };
        }

        return EnterStep(started, clockStart, calendar);
    }

    /// <summary>The clock stops; once received, the stop enters the due-date history (a dossier not yet received has no clock).</summary>
    public static DossierState Paused(DossierState s, DateTimeOffset now, DueChangeReason reason) => s with
    {
        PausedAt = now,
        DueHistory = s.DueAt is null ? s.DueHistory : [.. s.DueHistory, new DueChange(now, null, reason)],
    };

    /// <summary>The clock runs again: pause shifts every deadline by the paused working time, restart recomputes from now.</summary>
    public static DossierState Resumed(DossierState s, Move m, SupplementPolicy policy, DueChangeReason reason)
    {
        var (now, calendar) = (m.Now, m.Calendar);
        var paused = calendar.WorkingTimeBetween(s.PausedAt!.Value, now);
        var resumed = s with { PausedAt = null, PausedWorkingTime = s.PausedWorkingTime + paused };
        DossierState next;
        if (policy == SupplementPolicy.Restart)
        {
            var (clockStart, due) = Deadlines.AtReceipt(calendar, s.Procedure!.Definition, s.Request!.Channel, now, m.Rules.LateReceiptCutoffMovesClock);
            next = EnterStep(resumed with
            {
                ClockStartedAt = clockStart, DueAt = due, Budget = calendar.WorkingTimeBetween(clockStart, due),
                Parts = InterAgencyWork.Shifted(s.Parts, paused, calendar),
            }, clockStart, calendar);
        }
        else
        {
            var dueAt = calendar.AddWorkingTime(s.DueAt!.Value, paused);
            var stepDue = calendar.AddWorkingTime(s.StepDueAt!.Value, paused);
            next = resumed with { DueAt = dueAt, StepDueAt = stepDue < dueAt ? stepDue : dueAt, Parts = InterAgencyWork.Shifted(s.Parts, paused, calendar) };
        }

        return next with { DueHistory = [.. next.DueHistory, new DueChange(now, next.DueAt, reason)] };
    }

    public static DossierState EnterStep(DossierState s, DateTimeOffset start, WorkingCalendar calendar)
    {
        var share = DefaultSteps.Resolve(s.Procedure!.Definition.Steps, s.Procedure.Definition.AgencyCode, s.Step).Share;
        // Inter-agency parts start with the first appraisal, under the regime that has them; a second one keeps them.
        var parts = s is { Step: ProcessingStep.Appraise, Parts: null, Regime: Regime.Decree118Of2025 }
            ? InterAgencyWork.Started(s.Procedure.Definition, s.Request!.Channel, start, calendar)
            : s.Parts;
        return s with { StepStartedAt = start, StepDueAt = Deadlines.StepDueAt(calendar, start, share, s.Budget, s.DueAt!.Value), Parts = parts };
    }

    /// <summary>A dossier closed before its result (withdrawn, stopped): no step runs and no clock is paused any more.</summary>
    public static DossierState Closed(DossierState s, DateTimeOffset now) =>
        s with { StepStartedAt = null, StepDueAt = null, PausedAt = null, ClosedAt = now };
}
