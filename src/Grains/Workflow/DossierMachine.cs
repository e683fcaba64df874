using System.Globalization;
using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Interfaces.Model;
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
/// roles and agency (403), once-only and amount rules (422), then the new state (<see cref="DossierMoves"/>)
/// with its log line. Pure: time and the calendar come in as arguments.
/// </summary>
internal static class DossierMachine
{
    private const int MaxText = 2000;
    private const decimal MaxAmount = 1_000_000_000_000m;

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
        if (TransitionTable.Find(from, command.Action) is not { } transition || !transition.IsOpenTo(context.Actor))
        {
            return new Rejection(RejectionKind.Conflict, "invalid-transition",
                $"'{EnumWords.Of(command.Action)}' is not possible while the dossier is {from}.", state.Status, state.Version);
        }

        if (Permissions.Refusal(context.Actor, transition, state.Request!.ReceivingUnit, StepAgency(state)) is { } refusal)
        {
            return new Rejection(RejectionKind.Forbidden, "not-permitted", refusal, state.Status, state.Version);
        }

        if (RuleRefusal(state, command, now) is { } rule)
        {
            return rule with { CurrentStatus = state.Status, CurrentVersion = state.Version };
        }

        var next = DossierMoves.Apply(state with { Status = transition.To.Status, Step = transition.To.Step }, command, now, calendar);
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
    private static bool UsedUp(DossierState state, DossierAction action) => action switch
    {
        DossierAction.Apologize => state.Apologized,
        DossierAction.RequestSupplement => state.Step == ProcessingStep.Appraise && state.SupplementRequestedInAppraisal,
        _ => false,
    };

    private static ValidationErrors Validate(DossierCommand command)
    {
        var errors = new ValidationErrors();
        switch (command)
        {
            case Refuse c: errors.Require("reason", c.Reason, MaxText); break;
            case SendBack c: errors.Require("reason", c.Reason, MaxText); break;
            case Withdraw c: errors.Require("reason", c.Reason, MaxText); break;
            case Stop c: errors.Require("reason", c.Reason, MaxText); break;
            case Supplement c: errors.Optional("note", c.Note, MaxText); break;
            case Approve c: errors.Optional("note", c.Note, MaxText); break;
            case Appraise c: errors.Defined("outcome", c.Outcome).Optional("note", c.Note, MaxText); break;
            case Return c: errors.Defined("method", c.Method); break;
            case Apologize c: errors.Require("reason", c.Reason, MaxText); break;
            case RequestPayment c:
                Amount(errors, c.Amount).Optional("note", c.Note, MaxText);
                break;
            case Pay c:
                Amount(errors, c.Amount).Require("receiptNumber", c.ReceiptNumber, 64);
                break;
            case RequestSupplement c:
                errors.Require("reason", c.Reason, MaxText);
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

    private static ValidationErrors Amount(ValidationErrors errors, decimal amount) =>
        amount is <= 0 or > MaxAmount || amount != decimal.Round(amount, 0)
            ? errors.Add("amount", "must be a whole number of đồng, greater than 0.")
            : errors;

    private static Rejection? RuleRefusal(DossierState state, DossierCommand command, DateTimeOffset now) => command switch
    {
        RequestSupplement when UsedUp(state, DossierAction.RequestSupplement) =>
            new(RejectionKind.RuleRefused, "supplement-request-once",
                "A supplement may be requested only once during processing (Decree 61/2018 Art. 18)."),
        Apologize when UsedUp(state, DossierAction.Apologize) =>
            new(RejectionKind.RuleRefused, "apology-once", "This dossier has already been apologized for; only one apology is allowed."),
        Apologize c when c.NewDueAt <= state.DueAt!.Value || c.NewDueAt <= now =>
            new(RejectionKind.Invalid, "validation", "The new due date must be later than both now and the current due date.",
                Errors: new() { ["newDueAt"] = ["must be later than the current due date and now."] }),
        Pay c when c.Amount != state.Payment?.Amount =>
            new(RejectionKind.RuleRefused, "payment-amount-mismatch",
                $"The obligation is {Money(state.Payment?.Amount ?? 0)}; record a payment of exactly that amount."),
        _ => null,
    };

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
        RequestPayment c => string.IsNullOrWhiteSpace(c.Note) ? Money(c.Amount) : $"{Money(c.Amount)} — {c.Note}",
        Pay c => $"{Money(c.Amount)}, biên lai {c.ReceiptNumber}",
        Appraise c => string.IsNullOrWhiteSpace(c.Note) ? EnumWords.Of(c.Outcome) : $"{EnumWords.Of(c.Outcome)}: {c.Note}",
        Approve c => c.Note,
        SendBack c => c.Reason,
        Return c => EnumWords.Of(c.Method),
        Withdraw c => c.Reason,
        Stop c => c.Reason,
        Apologize c => $"{c.Reason} — new due {c.NewDueAt:yyyy-MM-dd HH:mm zzz}",
        _ => null,
    };

    /// <summary>An amount as Vietnamese write it: 1.500.000 đồng.</summary>
    public static string Money(decimal amount) =>
        amount.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.') + " đồng";

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
