using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;

namespace HccOrleans.Grains.Workflow;

/// <summary>
/// Inter-agency work (liên thông, Decree 118/2025 Art. 20(2)): when appraisal starts each agency of the procedure gets
/// its part, all at once (parallel) or one order after another (sequential), each due its own time limit after it
/// starts; an agency ends its part with complete-part, the next order starts then, and the lead agency issues the
/// result once every part is complete.
/// </summary>
internal static class InterAgencyWork
{
    /// <summary>The parts of a dossier entering appraisal at <paramref name="start"/>; those of the first order (or all) started.</summary>
    public static PartProgress[]? Started(ProcedureDefinition procedure, FilingChannel channel, DateTimeOffset start, WorkingCalendar calendar)
    {
        if (!procedure.IsInterAgency)
        {
            return null;
        }

        var parts = procedure.Agencies!.OrderBy(a => a.Order).Select(a => new PartProgress(a.AgencyCode, a.Order, a.TimeLimit)).ToArray();
        var first = parts[0].Order;
        var parallel = procedure.ModeFor(channel) == InterAgencyMode.Parallel;
        return [.. parts.Select(p => parallel || p.Order == first ? Start(p, start, calendar) : p)];
    }

    /// <summary>The parts once <paramref name="agency"/> completes its own: under sequential work the next order starts when its order is done.</summary>
    public static PartProgress[] Completed(PartProgress[] parts, string agency, string? note, DateTimeOffset now, WorkingCalendar calendar)
    {
        var done = parts.Select(p => p.AgencyCode == agency ? p with { CompletedAt = now, Note = note } : p).ToArray();
        if (done.Any(p => p.IsOpen) || done.FirstOrDefault(p => p.StartedAt is null) is not { } next)
        {
            return done;
        }

        return [.. done.Select(p => p.StartedAt is null && p.Order == next.Order ? Start(p, now, calendar) : p)];
    }

    /// <summary>Open parts' deadlines moved on by the working time the clock stood still.</summary>
    public static PartProgress[]? Shifted(PartProgress[]? parts, TimeSpan paused, WorkingCalendar calendar) =>
        parts?.Select(p => p is { IsOpen: true, DueAt: { } due } ? p with { DueAt = calendar.AddWorkingTime(due, paused) } : p).ToArray();

    public static bool AllComplete(DossierState s) => s.Parts is null || s.Parts.All(p => p.CompletedAt is not null);

    private static PartProgress Start(PartProgress part, DateTimeOffset at, WorkingCalendar calendar) =>
        part with { StartedAt = at, DueAt = Deadlines.DueAt(calendar, calendar.NextWorkingInstant(at), part.TimeLimit) };
}
