using HccOrleans.Domain;
using HccOrleans.Model;

namespace HccOrleans.Dossiers;

/// <summary>The outcome of deciding a command: the next state, or why nothing changes.</summary>
internal readonly record struct Decision(DossierState? Next, Rejection? Rejection)
{
    public static implicit operator Decision(DossierState next) => new(next, null);

    public static implicit operator Decision(Rejection rejection) => new(null, rejection);
}

/// <summary>
/// Decides commands against a dossier: validation (400), stale version and the transition table (409),
/// roles and agency (403), once-only and due-date rules (422), then the new state with its log line.
/// Pure: time and the calendar come in as arguments.
/// </summary>
internal static class DossierMachine
{
    /// <summary>Remaining working time at or below which a dossier counts as due soon (one working day).</summary>
    public static TimeSpan DueSoonWithin(WorkingCalendar calendar) => calendar.WorkingDay;

    public static Decision Decide(DossierState state, DossierCommand command, ActionContext context, DateTimeOffset now, WorkingCalendar calendar)
    {
        var errors = Validate(command);
        if (!errors.IsEmpty)
        {
            return Rejection.Validation(errors.ToDictionary());
        }

        if (context.ExpectedVersion is { } expected && expected != state.Version)
        {
            return new Rejection(RejectionKind.Conflict, "stale-version",
                $"The dossier is at version {state.Version}, not {expected}; reload it and try again.", state.Status, state.Version);
        }

        var from = new Position(state.Status, state.Step);
        if (Workflow.Find(from, command.Action) is not { } transition)
        {
            return new Rejection(RejectionKind.Conflict, "invalid-transition",
                $"'{command.Action}' is not possible while the dossier is {from}.", state.Status, state.Version);
        }

        if (Permissions.Refusal(context.Actor, transition, state.Request!.ReceivingUnit, StepAgency(state)) is { } refusal)
        {
            return new Rejection(RejectionKind.Forbidden, "not-permitted", refusal, state.Status, state.Version);
        }

        if (RuleRefusal(state, command, now, calendar) is { } rule)
        {
            return rule with { CurrentStatus = state.Status, CurrentVersion = state.Version };
        }

        var next = Apply(state with { Status = transition.To.Status, Step = transition.To.Step }, command, now, calendar);
        return Record(next, state, command, context.Actor, now);
    }

    private static ValidationErrors Validate(DossierCommand command)
    {
        var errors = new ValidationErrors();
        switch (command)
        {
            case Refuse c: errors.Require("reason", c.Reason, 2000); break;
            case SendBack c: errors.Require("reason", c.Reason, 2000); break;
            case Withdraw c: errors.Require("reason", c.Reason, 2000); break;
            case Supplement c: errors.Optional("note", c.Note, 2000); break;
            case Approve c: errors.Optional("note", c.Note, 2000); break;
            case Appraise c: errors.Defined("outcome", c.Outcome).Optional("note", c.Note, 2000); break;
            case Return c: errors.Defined("method", c.Method); break;
            case Apologize c: errors.Require("reason", c.Reason, 2000); break;
            case RequestSupplement c:
                errors.Require("reason", c.Reason, 2000);
                if (c.Items is not { Length: > 0 } || c.Items.Any(string.IsNullOrWhiteSpace))
                {
                    errors.Add("items", "must list at least one document to supplement, none blank.");
                }
                else if (c.Items.Length > 50 || c.Items.Any(i => i.Length > 300))
                {
                    errors.Add("items", "must list at most 50 items of at most 300 characters.");
                }

                break;
        }

        return errors;
    }

    private static Rejection? RuleRefusal(DossierState state, DossierCommand command, DateTimeOffset now, WorkingCalendar calendar) => command switch
    {
        RequestSupplement when state.Step == ProcessingStep.Appraise && state.SupplementRequestedInAppraisal =>
            new(RejectionKind.RuleRefused, "supplement-request-once",
                "A supplement may be requested only once during processing (Decree 61/2018 Art. 18)."),
        Apologize when state.Apologized =>
            new(RejectionKind.RuleRefused, "apology-once", "This dossier has already been apologized for; only one apology is allowed."),
        Apologize when Deadlines.Remaining(calendar, now, state.DueAt!.Value) > DueSoonWithin(calendar) =>
            new(RejectionKind.RuleRefused, "apology-not-due",
                "An apology is issued only when the dossier is due within one working day or overdue."),
        Apologize c when c.NewDueAt <= state.DueAt!.Value || c.NewDueAt <= now =>
            new(RejectionKind.Invalid, "validation", "The new due date must be later than both now and the current due date.",
                Errors: new() { ["newDueAt"] = ["must be later than the current due date and now."] }),
        _ => null,
    };

    private static DossierState Apply(DossierState s, DossierCommand command, DateTimeOffset now, WorkingCalendar calendar) => command switch
    {
        Receive c => Received(s, c.CurrentProcedure, now, calendar),
        Refuse => s with { StepDueAt = null },
        RequestSupplement c => s with
        {
            SupplementRequests = s.SupplementRequests + 1,
            SupplementRequestedInAppraisal = s.SupplementRequestedInAppraisal || s.Step == ProcessingStep.Appraise,
            HandlingStarted = s.HandlingStarted || s.Step == ProcessingStep.Appraise,
            SupplementItems = c.Items,
            PausedAt = now,
        },
        Supplement when s.Status == DossierStatus.Submitted => s with { PausedAt = null, SupplementItems = [] },
        Supplement => Resumed(s, now, calendar),
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
        Withdraw => s with
        {
            StepStartedAt = null,
            StepDueAt = null,
            PausedAt = null,
            CompletedAt = s.CompletedAt ?? (s.DueAt is null ? null : now),
            Completion = s.Completion ?? (s.DueAt is { } due ? Deadlines.Classify(calendar, now, due) : null),
            ResolutionWorkingHours = s.ResolutionWorkingHours ?? (s.DueAt is null ? null : ResolutionHours(s, now, calendar)),
        },
        Apologize c => s with { Apologized = true, RescheduledDueAt = c.NewDueAt },
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
    };

    private static decimal ResolutionHours(DossierState s, DateTimeOffset now, WorkingCalendar calendar)
    {
        var worked = calendar.WorkingTimeBetween(s.ClockStartedAt!.Value, now) - (s.PausedAt is null ? s.PausedWorkingTime : TimeSpan.Zero);
        return decimal.Round((decimal)Math.Max(0, worked.TotalHours), 2);
    }

    private static DossierState Received(DossierState s, ProcedureVersion procedure, DateTimeOffset now, WorkingCalendar calendar)
    {
        var clockStart = calendar.ClockStart(now);
        var due = Deadlines.DueAt(calendar, clockStart, Deadlines.Applicable(procedure.Definition, s.Request!.Channel));
        var started = s with
        {
            Procedure = procedure,
            ReceivedAt = now,
            ClockStartedAt = clockStart,
            DueAt = due,
            Budget = calendar.WorkingTimeBetween(clockStart, due),
        };
        return EnterStep(started, clockStart, calendar);
    }

    /// <summary>Back to appraisal after a supplement: pause shifts every deadline by the paused working time, restart recomputes from now.</summary>
    private static DossierState Resumed(DossierState s, DateTimeOffset now, WorkingCalendar calendar)
    {
        var paused = calendar.WorkingTimeBetween(s.PausedAt!.Value, now);
        var resumed = s with { PausedAt = null, SupplementItems = [], PausedWorkingTime = s.PausedWorkingTime + paused };
        if (s.Procedure!.Definition.SupplementPolicy == SupplementPolicy.Restart)
        {
            var clockStart = calendar.ClockStart(now);
            var due = Deadlines.DueAt(calendar, clockStart, Deadlines.Applicable(s.Procedure.Definition, s.Request!.Channel));
            return EnterStep(resumed with { ClockStartedAt = clockStart, DueAt = due, Budget = calendar.WorkingTimeBetween(clockStart, due) }, clockStart, calendar);
        }

        var dueAt = calendar.AddWorkingTime(s.DueAt!.Value, paused);
        var stepDue = calendar.AddWorkingTime(s.StepDueAt!.Value, paused);
        return resumed with { DueAt = dueAt, StepDueAt = stepDue < dueAt ? stepDue : dueAt };
    }

    private static DossierState EnterStep(DossierState s, DateTimeOffset start, WorkingCalendar calendar)
    {
        var share = DefaultSteps.Resolve(s.Procedure!.Definition.Steps, s.Procedure.Definition.AgencyCode, s.Step).Share;
        return s with { StepStartedAt = start, StepDueAt = Deadlines.StepDueAt(calendar, start, share, s.Budget, s.DueAt!.Value) };
    }

    private static DossierState Record(DossierState next, DossierState previous, DossierCommand command, Actor actor, DateTimeOffset now)
    {
        var entry = new LogEntry(now, actor.Subject, actor.Agency, command.Action, previous.Status, previous.Step, next.Status, next.Step, Note(command));
        return next with { Version = previous.Version + 1, Log = [.. previous.Log, entry] };
    }

    private static string? Note(DossierCommand command) => command switch
    {
        Refuse c => c.Reason,
        RequestSupplement c => $"{c.Reason} — {string.Join("; ", c.Items)}",
        Supplement c => c.Note,
        Appraise c => string.IsNullOrWhiteSpace(c.Note) ? Word(c.Outcome) : $"{Word(c.Outcome)}: {c.Note}",
        Approve c => c.Note,
        SendBack c => c.Reason,
        Return c => Word(c.Method),
        Withdraw c => c.Reason,
        Apologize c => $"{c.Reason} — new due {c.NewDueAt:yyyy-MM-dd HH:mm zzz}",
        _ => null,
    };

    /// <summary>An enum value as the API spells it (kebab-case), for notes in the control log.</summary>
    private static string Word<TEnum>(TEnum value)
        where TEnum : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>The agency of the dossier's current step, or null outside processing.</summary>
    public static string? StepAgency(DossierState s) =>
        s.Step == ProcessingStep.None || s.Procedure is null
            ? null
            : DefaultSteps.Resolve(s.Procedure.Definition.Steps, s.Procedure.Definition.AgencyCode, s.Step).AgencyCode;

    /// <summary>The first state of a dossier, as registered.</summary>
    public static DossierState Created(NewDossier dossier) => new()
    {
        Version = 1,
        Code = dossier.Code,
        Status = DossierStatus.Submitted,
        Step = ProcessingStep.None,
        Procedure = dossier.Procedure,
        Request = dossier.Request,
        SubmittedAt = dossier.SubmittedAt,
        Log =
        [
            new LogEntry(dossier.SubmittedAt, dossier.SubmittedBy.Subject, dossier.SubmittedBy.Agency, DossierAction.Submit,
                null, ProcessingStep.None, DossierStatus.Submitted, ProcessingStep.None, Word(dossier.Request.Channel)),
        ],
    };
}
