using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Escalations;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow;

/// <summary>The outcome of deciding a command: the next state, or why nothing changes.</summary>
internal readonly record struct Decision(DossierState? Next, Rejection? Rejection)
{
    public static implicit operator Decision(DossierState next) => new(next, null);

    public static implicit operator Decision(Rejection rejection) => new(null, rejection);
}

/// <summary>
/// Decides commands against a dossier: validation (400), stale version and the transition table (409),
/// roles and agency (403), then the command's own rules (422) and move (<see cref="DossierCommand"/>),
/// recorded with its log line. Pure: time and the calendar come in as arguments.
/// </summary>
internal static class DossierMachine
{
    public static Decision Decide(
        DossierState state, DossierCommand command, ActorContext context, DateTimeOffset now, WorkingCalendar calendar, EscalationPolicy? policy = null)
    {
        var errors = new ValidationErrors();
        command.Validate(errors);
        if (!errors.IsEmpty)
        {
            return Rejection.Validation(errors.ToDictionary());
        }

        if (context.ExpectedVersion is { } expected && expected != state.Version)
        {
            return new Rejection(RejectionKind.Conflict, RuleCodes.StaleVersion,
                $"The dossier is at version {state.Version}, not {expected}; reload it and try again.", state.Status, state.Version);
        }

        var from = new Position(state.Status, state.Step);
        if (TransitionTable.Find(from, command.Action) is not { } transition || !transition.IsOpenTo(context.Actor))
        {
            return new Rejection(RejectionKind.Conflict, RuleCodes.InvalidTransition,
                $"'{EnumWords.Of(command.Action)}' is not possible while the dossier is {from}.", state.Status, state.Version);
        }

        if (Permissions.Refusal(context.Actor, transition, state.Request!.ReceivingUnit, StepAgency(state)) is { } refusal)
        {
            return new Rejection(RejectionKind.Forbidden, RuleCodes.NotPermitted, refusal, state.Status, state.Version);
        }

        if (command.Refusal(state, now) is { } rule)
        {
            return rule with { CurrentStatus = state.Status, CurrentVersion = state.Version };
        }

        var next = command.Apply(state with { Status = transition.To.Status, Step = transition.To.Step }, now, calendar, policy ?? EscalationPolicy.Default);
        return Record(next, state, command, context.Actor, now);
    }

    /// <summary>
    /// The actions <paramref name="actor"/> may take on the dossier now: the table's moves from its position that the
    /// actor's role and agency allow, less those a once-only rule already rules out. What a page offers, and only that.
    /// </summary>
    public static IReadOnlyList<DossierAction> Offers(DossierState state, Actor actor)
    {
        if (!state.Exists)
        {
            return [];
        }

        var from = new Position(state.Status, state.Step);
        return [.. Enum.GetValues<DossierAction>().Where(action =>
            TransitionTable.Find(from, action) is { } transition
            && transition.IsOpenTo(actor)
            && Permissions.Refusal(actor, transition, state.Request!.ReceivingUnit, StepAgency(state)) is null
            && !UsedUp(state, action))];
    }

    /// <summary>Once-only moves already made: a second apology, a second supplement request during processing.</summary>
    public static bool UsedUp(DossierState state, DossierAction action) => action switch
    {
        DossierAction.Apologize => state.Apologized,
        DossierAction.RequestSupplement => state.Step == ProcessingStep.Appraise && state.SupplementRequestedInAppraisal,
        _ => false,
    };

    private static DossierState Record(DossierState next, DossierState previous, DossierCommand command, Actor actor, DateTimeOffset now)
    {
        var entry = new LogEntry(now, actor.Subject, actor.Agency, command.Action, previous.Status, previous.Step, next.Status, next.Step, command.LogNote());
        return next with { Version = previous.Version + 1, Log = [.. previous.Log, entry] };
    }

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
                null, ProcessingStep.None, DossierStatus.Submitted, ProcessingStep.None, EnumWords.Of(dossier.Request.Channel)),
        ],
    };
}
