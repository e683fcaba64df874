using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Regimes;

namespace HccOrleans.Grains.Workflow;

/// <summary>
/// A dossier's handling, read back from its control log, as the parts lateness is shared among: each step with the
/// agency that held it, what the procedure gave it and the working time it used since the clock last started, the
/// time the citizen held the dossier (a supplement, a payment that stops the clock) left out.
/// </summary>
internal static class LatenessParts
{
    /// <summary>The shares of a dossier completed at <paramref name="completedAt"/> after <paramref name="dueAt"/>; null when it was not late.</summary>
    public static LatenessShare[]? Of(DossierState s, DateTimeOffset completedAt, DateTimeOffset dueAt, WorkingCalendar calendar, RegimeRules rules)
    {
        if (completedAt <= dueAt || s.ClockStartedAt is not { } clockStart)
        {
            return null;
        }

        var late = Minutes(calendar.WorkingTimeBetween(dueAt, completedAt));
        return LatenessAttribution.Share(late, Parts(s, clockStart, completedAt, calendar, rules));
    }

    private static List<LatenessPart> Parts(DossierState s, DateTimeOffset clockStart, DateTimeOffset end, WorkingCalendar calendar, RegimeRules rules)
    {
        var used = new Dictionary<ProcessingStep, TimeSpan>();
        var order = new List<ProcessingStep>();
        var paymentHeld = rules.PaymentPausesClock(s.Procedure!.Definition);
        for (var i = 0; i < s.Log.Length; i++)
        {
            var entry = s.Log[i];
            var from = entry.At > clockStart ? entry.At : clockStart;
            var to = i + 1 < s.Log.Length ? s.Log[i + 1].At : end;
            var citizenHeld = entry.To == DossierStatus.SupplementRequested || (entry.To == DossierStatus.AwaitingPayment && paymentHeld);
            if (to <= from || citizenHeld || entry.ToStep == ProcessingStep.None || entry.To != DossierStatus.Processing && entry.To != DossierStatus.AwaitingPayment)
            {
                continue;
            }

            if (!used.ContainsKey(entry.ToStep))
            {
                order.Add(entry.ToStep);
            }

            used[entry.ToStep] = used.GetValueOrDefault(entry.ToStep) + calendar.WorkingTimeBetween(from, to);
        }

        return [.. order.Select(step => new LatenessPart(EnumWords.Of(step), AgencyOf(s, step), Minutes(Allowance(s, step, calendar)), Minutes(used[step])))];
    }

    private static string AgencyOf(DossierState s, ProcessingStep step) => step == ProcessingStep.Transfer
        ? s.Request!.ReceivingUnit
        : DefaultSteps.Resolve(s.Procedure!.Definition.Steps, s.Procedure.Definition.AgencyCode, step).AgencyCode;

    // The hand-over has the time the rules give paper to reach the agency; every other step its share of the budget.
    private static TimeSpan Allowance(DossierState s, ProcessingStep step, WorkingCalendar calendar)
    {
        if (step != ProcessingStep.Transfer)
        {
            return s.Budget * (double)DefaultSteps.Resolve(s.Procedure!.Definition.Steps, s.Procedure.Definition.AgencyCode, step).Share;
        }

        var received = s.ReceivedAt!.Value;
        var handOver = s.Route is null
            ? calendar.HandOverDueAt(received, DossierMoves.SameDayHandOverBefore)
            : calendar.AddWorkingTime(calendar.NextWorkingInstant(received), calendar.WorkingDay);
        return calendar.WorkingTimeBetween(received, handOver);
    }

    private static int Minutes(TimeSpan time) => (int)Math.Round(time.TotalMinutes, MidpointRounding.AwayFromZero);
}
