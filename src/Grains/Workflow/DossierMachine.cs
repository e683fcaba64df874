using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Escalations;
using HccOrleans.Grains.Regimes;
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

        var rules = RegimeOf(state, now);
        var from = new Position(state.Status, state.Step);
        if (rules.Find(from, command.Action, state.Request!.Channel) is not { } transition || !transition.IsOpenTo(context.Actor))
        {
            return NoSuchMove(rules, from, command.Action) with { CurrentStatus = state.Status, CurrentVersion = state.Version };
        }

        if (Permissions.Refusal(context.Actor, transition, state.Request!.ReceivingUnit, command.ScopeAgency(state, context.Actor)) is { } refusal)
        {
            return new Rejection(RejectionKind.Forbidden, RuleCodes.NotPermitted, refusal, state.Status, state.Version);
        }

        if (Assignment.Refusal(state, command.Action, context.Actor) is { } taken)
        {
            return taken;
        }

        var move = new Move(now, calendar, policy ?? EscalationPolicy.Default, rules, context.Actor);
        if (command.Refusal(state, move) is { } rule)
        {
            return rule with { CurrentStatus = state.Status, CurrentVersion = state.Version };
        }

        var next = command.Apply(state with { Status = transition.To.Status, Step = transition.To.Step }, move);
        return Record(next, state, command, context.Actor, now, rules);
    }

    /// <summary>The regime that governs the dossier's next move (see <see cref="InForce.Of(DossierRegimeFacts, DateTimeOffset)"/>).</summary>
    public static RegimeRules RegimeOf(DossierState s, DateTimeOffset now) =>
        InForce.Of(new DossierRegimeFacts(s.Regime, s.Request!.Channel, s.SubmittedAt, s.ReceivedAt), now).For(s.Procedure?.Definition);

    /// <summary>Why the table has no such move: the regime's own rule where it names one (409 either way).</summary>
    private static Rejection NoSuchMove(RegimeRules rules, Position from, DossierAction action)
    {
        var word = EnumWords.Of(action);
        if (action == DossierAction.Withdraw && from.Status is DossierStatus.Done or DossierStatus.Returned)
        {
            return rules.Refusal(RejectionKind.Conflict, RuleCodes.WithdrawalAfterDecision, "A dossier cannot be withdrawn once its decision or result exists");
        }

        return rules.Missing.TryGetValue(action, out var rule)
            ? rules.Refusal(RejectionKind.Conflict, rule, rule switch
            {
                RuleCodes.NoAgencyStop => "A handling agency cannot stop a dossier under this regime; the one-stop unit closes one whose supplement never came, and the citizen may withdraw",
                RuleCodes.ExtensionReplacesApology => "Under this regime the agency proposes an extension (propose-extension) and the one-stop unit confirms it",
                _ => $"'{word}' is not an action of this dossier's regime",
            })
            : new Rejection(RejectionKind.Conflict, RuleCodes.InvalidTransition, $"'{word}' is not possible while the dossier is {from} ({rules.Decree}).");
    }

    /// <summary>
    /// The actions <paramref name="actor"/> may take on the dossier now: the table's moves from its position that the
    /// actor's role and agency allow, less those a once-only rule already rules out. What a page offers, and only that.
    /// </summary>
    public static IReadOnlyList<DossierAction> Offers(DossierState state, Actor actor, DateTimeOffset now)
    {
        if (!state.Exists)
        {
            return [];
        }

        var rules = RegimeOf(state, now);
        var from = new Position(state.Status, state.Step);
        return [.. Enum.GetValues<DossierAction>().Where(action =>
            rules.Find(from, action, state.Request!.Channel) is { } transition
            && transition.IsOpenTo(actor)
            && Permissions.Refusal(actor, transition, state.Request!.ReceivingUnit, OwnScope(state, action, actor)) is null
            && Assignment.Refusal(state, action, actor) is null
            && !UsedUp(state, action))];
    }

    /// <summary>
    /// Once-only moves already made, and moves with nothing to act on: a second apology or extension, a second
    /// supplement request, a decision on no proposal, a corrected result's return with no correction open.
    /// </summary>
    public static bool UsedUp(DossierState state, DossierAction action) => action switch
    {
        DossierAction.Apologize => state.Apologized,
        DossierAction.RequestSupplement => state.Step == ProcessingStep.Appraise
            ? state.SupplementRequestedInAppraisal
            : state.SupplementRequestedAtReceipt,
        DossierAction.ProposeExtension => state.Extension?.Decision is ExtensionDecision.Proposed or ExtensionDecision.Confirmed,
        DossierAction.ConfirmExtension or DossierAction.DeclineExtension => state.Extension?.Decision != ExtensionDecision.Proposed,
        DossierAction.Return => state.Status == DossierStatus.Returned && state.Correction is not { CorrectedAt: null },
        DossierAction.CorrectResult => state.Correction is { CorrectedAt: null },
        _ => false,
    };

    // What a page offers an agency's staff beyond their steps: their own open part, their own open consultation.
    private static string? OwnScope(DossierState state, DossierAction action, Actor actor) => action switch
    {
        DossierAction.CompletePart when state.Parts?.Any(p => p.IsOpen && p.AgencyCode == actor.Agency) == true => actor.Agency,
        DossierAction.AnswerConsultation when state.Consultations?.Any(c => c.IsOpen && c.Agency == actor.Agency) == true => actor.Agency,
        DossierAction.CompletePart or DossierAction.AnswerConsultation => null,
        _ => StepAgency(state),
    };

    private static DossierState Record(DossierState next, DossierState previous, DossierCommand command, Actor actor, DateTimeOffset now, RegimeRules rules)
    {
        var entry = new LogEntry(now, actor.Subject, actor.Agency, command.Action, previous.Status, previous.Step, next.Status, next.Step, command.LogNote());

        // Once received the regime is fixed; a dossier stored before regimes were recorded fixes it on its next move.
        var regime = next.Regime ?? (next.ReceivedAt is not null || next.Request!.Channel == FilingChannel.Online ? rules.Regime : null);
        return next with { Version = previous.Version + 1, Log = [.. previous.Log, entry], Regime = regime };
    }

    /// <summary>The agency of the dossier's current step (the handling agency while the dossier is handed over), or null outside processing.</summary>
    public static string? StepAgency(DossierState s) => s switch
    {
        { Step: ProcessingStep.None } or { Procedure: null } => null,
        { Step: ProcessingStep.Transfer } => s.Procedure.Definition.AgencyCode,
        _ => DefaultSteps.Resolve(s.Procedure.Definition.Steps, s.Procedure.Definition.AgencyCode, s.Step).AgencyCode,
    };

    /// <summary>The first state of a dossier, as registered.</summary>
    public static DossierState Created(NewDossier dossier) => new()
    {
        Version = 1,
        Code = dossier.Code,
        Status = DossierStatus.Submitted,
        Step = ProcessingStep.None,
        Procedure = dossier.Procedure,
        Request = dossier.Request,
        Route = dossier.Route,
        SubmittedAt = dossier.SubmittedAt,
        Regime = dossier.Request.Channel == FilingChannel.Online ? InForce.At(dossier.SubmittedAt).Regime : null,
        Log =
        [
            new LogEntry(dossier.SubmittedAt, dossier.SubmittedBy.Subject, dossier.SubmittedBy.Agency, DossierAction.Submit,
                null, ProcessingStep.None, DossierStatus.Submitted, ProcessingStep.None, EnumWords.Of(dossier.Request.Channel)),
        ],
    };
}
