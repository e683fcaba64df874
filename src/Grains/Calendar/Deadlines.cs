namespace HccOrleans.Grains.Calendar;

/// <summary>The step shares of docs/rules/deadlines-and-calendar.md when a procedure gives none: appraise 70%, approve 20%, return 10%.</summary>
public static class DefaultSteps
{
    public static StepAssignment[] For(string handlingAgency) =>
    [
        new(ProcessingStep.Appraise, handlingAgency, 0.7m),
        new(ProcessingStep.Approve, handlingAgency, 0.2m),
        new(ProcessingStep.Return, handlingAgency, 0.1m),
    ];

    /// <summary>The procedure's own steps where it names one, the default share and agency otherwise.</summary>
    public static StepAssignment Resolve(IReadOnlyList<StepAssignment> steps, string handlingAgency, ProcessingStep step) =>
        steps.FirstOrDefault(s => s.Step == step) ?? For(handlingAgency).First(s => s.Step == step);
}

/// <summary>Deadline arithmetic: due dates at receipt, step due dates, supplement pauses and restarts, completion class.</summary>
public static class Deadlines
{
    /// <summary>The processing time that applies: the online one for online dossiers when the procedure has one.</summary>
    public static ProcessingTime Applicable(ProcedureDefinition procedure, FilingChannel channel) =>
        channel == FilingChannel.Online && procedure.OnlineProcessingTime is { } online ? online : procedure.ProcessingTime;

    /// <summary>
    /// The due instant of a clock that started at <paramref name="clockStart"/> (already a working instant). A period
    /// in calendar days follows Civil Code 2015 Art. 147–148: see <see cref="WorkingCalendar.EndOfCalendarDays"/>.
    /// </summary>
    public static DateTimeOffset DueAt(WorkingCalendar calendar, DateTimeOffset clockStart, ProcessingTime time) => time.Unit switch
    {
        TimeUnit.WorkingDays => calendar.AddWorkingTime(clockStart, calendar.WorkingDay * (double)time.Value),
        TimeUnit.WorkingHours => calendar.AddWorkingTime(clockStart, TimeSpan.FromHours((double)time.Value)),
        TimeUnit.Days => calendar.EndOfCalendarDays(clockStart, (int)time.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(time), time.Unit, null),
    };

    /// <summary>The clock start and due instant of a dossier of <paramref name="procedure"/> received at <paramref name="receivedAt"/>.</summary>
    public static (DateTimeOffset ClockStart, DateTimeOffset DueAt) AtReceipt(
        WorkingCalendar calendar, ProcedureDefinition procedure, FilingChannel channel, DateTimeOffset receivedAt, bool cutoffMovesClock)
    {
        var clockStart = calendar.ClockStart(receivedAt, cutoffMovesClock);
        return (clockStart, DueAt(calendar, clockStart, Applicable(procedure, channel)));
    }

    /// <summary>
    /// The appointment for a dossier received at <paramref name="from"/>: the same clock start and due instant a
    /// receipt gives, and each step's due instant if every step takes its whole share.
    /// </summary>
    public static DuePreview Preview(WorkingCalendar calendar, ProcedureVersion procedure, FilingChannel channel, DateTimeOffset from, bool cutoffMovesClock)
    {
        var definition = procedure.Definition;
        var (clockStart, due) = AtReceipt(calendar, definition, channel, from, cutoffMovesClock);
        var budget = calendar.WorkingTimeBetween(clockStart, due);
        var steps = new List<StepDue>();
        var stepStart = clockStart;
        foreach (var step in new[] { ProcessingStep.Appraise, ProcessingStep.Approve, ProcessingStep.Return })
        {
            var assignment = DefaultSteps.Resolve(definition.Steps, definition.AgencyCode, step);
            var stepDue = StepDueAt(calendar, stepStart, assignment.Share, budget, due);
            steps.Add(new StepDue(step, assignment.AgencyCode, stepDue));
            stepStart = stepDue;
        }

        return new DuePreview(new ProcedureRef(procedure.Code, procedure.Version, definition.Name), channel, Applicable(definition, channel),
            from, clockStart, due, [.. steps]);
    }

    /// <summary>
    /// A step's due instant: its share of the dossier's working-time budget counted from the step's start,
    /// never later than the dossier's due instant.
    /// </summary>
    public static DateTimeOffset StepDueAt(WorkingCalendar calendar, DateTimeOffset stepStart, decimal share, TimeSpan budget, DateTimeOffset dossierDueAt)
    {
        var stepDue = calendar.AddWorkingTime(calendar.NextWorkingInstant(stepStart), budget * (double)share);
        return stepDue < dossierDueAt ? stepDue : dossierDueAt;
    }

    /// <summary>Completion class: early before the due day, on time by the due instant, late after it.</summary>
    public static CompletionClass Classify(WorkingCalendar calendar, DateTimeOffset completedAt, DateTimeOffset dueAt)
    {
        if (completedAt > dueAt)
        {
            return CompletionClass.Late;
        }

        return calendar.LocalDate(completedAt) < calendar.LocalDate(dueAt) ? CompletionClass.Early : CompletionClass.OnTime;
    }

    /// <summary>Remaining working time until <paramref name="dueAt"/>; negative once it has passed.</summary>
    public static TimeSpan Remaining(WorkingCalendar calendar, DateTimeOffset now, DateTimeOffset dueAt) =>
        now <= dueAt ? calendar.WorkingTimeBetween(now, dueAt) : -calendar.WorkingTimeBetween(dueAt, now);
}
