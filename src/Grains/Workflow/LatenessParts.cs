using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Regimes;

namespace HccOrleans.Grains.Workflow;

/// <summary>
/// A dossier's handling, read back from its control log, as the parts lateness is shared among: each step with the
/// agency that held it, and under inter-agency work each agency's part; what each was given and the working time it
/// used since the clock last started, the time the citizen held the dossier (a supplement, a payment that stops the
/// clock) left out. Appraisal under inter-agency work keeps only the time and allowance the parts did not take.
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
        var paymentHeld = rules.PaymentPausesClock(s.Procedure!.Definition);
        var steps = new List<(ProcessingStep Step, DateTimeOffset From, DateTimeOffset To)>();
        var held = new List<(DateTimeOffset From, DateTimeOffset To)>();
        for (var i = 0; i < s.Log.Length; i++)
        {
            var entry = s.Log[i];
            var (from, to) = (entry.At > clockStart ? entry.At : clockStart, i + 1 < s.Log.Length ? s.Log[i + 1].At : end);
            if (to <= from)
            {
                continue;
            }

            if (entry.To == DossierStatus.SupplementRequested || (entry.To == DossierStatus.AwaitingPayment && paymentHeld))
            {
                held.Add((from, to));
            }
            else if (entry.ToStep != ProcessingStep.None && entry.To is DossierStatus.Processing or DossierStatus.AwaitingPayment)
            {
                steps.Add((entry.ToStep, from, to));
            }
        }

        var parts = (s.Parts ?? []).Where(p => p.StartedAt is not null)
            .Select(p => (Part: p, From: Later(p.StartedAt!.Value, clockStart), To: p.CompletedAt ?? end))
            .ToList();
        var partSpans = parts.Select(p => (p.From, p.To)).ToList();
        var result = new List<LatenessPart>();
        foreach (var step in steps.Select(x => x.Step).Distinct())
        {
            var spans = steps.Where(x => x.Step == step).Select(x => (x.From, x.To)).ToList();
            var used = Worked(calendar, spans, held);
            var allowance = Allowance(s, step, calendar);
            if (step == ProcessingStep.Appraise && parts.Count > 0)
            {
                used -= Worked(calendar, Intersect(spans, partSpans), held);
                allowance -= PartsAllowance(s, calendar);
            }

            result.Add(new(EnumWords.Of(step), AgencyOf(s, step), Minutes(Max(allowance, TimeSpan.Zero)), Minutes(Max(used, TimeSpan.Zero))));
        }

        result.AddRange(parts.Select(p => new LatenessPart($"part:{p.Part.AgencyCode}", p.Part.AgencyCode,
            Minutes(PartAllowance(p.Part, calendar)), Minutes(Worked(calendar, [(p.From, p.To)], held)))));
        return result;
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
        var handOver = DossierMoves.HandOverDueAt(s, received, calendar);
        return calendar.WorkingTimeBetween(received, handOver);
    }

    private static TimeSpan PartAllowance(PartProgress part, WorkingCalendar calendar) =>
        calendar.WorkingTimeBetween(part.StartedAt!.Value, Deadlines.DueAt(calendar, calendar.NextWorkingInstant(part.StartedAt.Value), part.TimeLimit));

    // What of appraisal's share the parts take: one order after another, the longest of each order; at once, the longest.
    private static TimeSpan PartsAllowance(DossierState s, WorkingCalendar calendar)
    {
        var started = s.Parts!.Where(p => p.StartedAt is not null).ToList();
        return s.Procedure!.Definition.ModeFor(s.Request!.Channel) == InterAgencyMode.Parallel
            ? started.Select(p => PartAllowance(p, calendar)).DefaultIfEmpty().Max()
            : started.GroupBy(p => p.Order).Aggregate(TimeSpan.Zero, (sum, order) => sum + order.Max(p => PartAllowance(p, calendar)));
    }

    /// <summary>Working time within <paramref name="spans"/>, less what falls in <paramref name="held"/>.</summary>
    private static TimeSpan Worked(WorkingCalendar calendar, IEnumerable<(DateTimeOffset From, DateTimeOffset To)> spans, List<(DateTimeOffset From, DateTimeOffset To)> held) =>
        spans.Aggregate(TimeSpan.Zero, (sum, span) => sum + calendar.WorkingTimeBetween(span.From, span.To)
            - Intersect([span], held).Aggregate(TimeSpan.Zero, (h, overlap) => h + calendar.WorkingTimeBetween(overlap.From, overlap.To)));

    /// <summary>The overlaps of each span with the union of <paramref name="others"/>.</summary>
    private static List<(DateTimeOffset From, DateTimeOffset To)> Intersect(
        IEnumerable<(DateTimeOffset From, DateTimeOffset To)> spans, IEnumerable<(DateTimeOffset From, DateTimeOffset To)> others)
    {
        var union = new List<(DateTimeOffset From, DateTimeOffset To)>();
        foreach (var o in others.Where(o => o.To > o.From).OrderBy(o => o.From))
        {
            if (union.Count > 0 && o.From <= union[^1].To)
            {
                union[^1] = (union[^1].From, Later(union[^1].To, o.To));
            }
            else
            {
                union.Add(o);
            }
        }

        return [.. spans.SelectMany(span => union
            .Select(u => (From: Later(span.From, u.From), To: span.To < u.To ? span.To : u.To))
            .Where(x => x.To > x.From))];
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static int Minutes(TimeSpan time) => (int)Math.Round(time.TotalMinutes, MidpointRounding.AwayFromZero);
}
