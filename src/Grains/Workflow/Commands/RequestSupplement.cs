using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Escalations;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>A request for more documents (form 02): the clock pauses; during processing, once only.</summary>
internal sealed record RequestSupplement(string? Reason, string[]? Items) : DossierCommand(DossierAction.RequestSupplement)
{
    public override void Validate(ValidationErrors errors)
    {
        errors.Require("reason", Reason, MaxText);
        if (Items is not { Length: > 0 } || Items.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("items", "must list at least one document to supplement, none blank.");
        }
        else if (Items.Length > 50 || Items.Any(i => i.Length > 300))
        {
            errors.Add("items", "must list at most 50 items of at most 300 characters.");
        }
    }

    public override string? LogNote() => $"{Reason} — {string.Join("; ", Items!)}";

    public override Rejection? Refusal(DossierState state, DateTimeOffset now) =>
        DossierMachine.UsedUp(state, Action)
            ? new(RejectionKind.RuleRefused, RuleCodes.SupplementRequestOnce,
                "A supplement may be requested only once during processing (Decree 61/2018 Art. 18).")
            : null;

    public override DossierState Apply(DossierState s, DateTimeOffset now, WorkingCalendar calendar, EscalationPolicy policy) => DossierMoves.Paused(
        s with
        {
            SupplementRequests = s.SupplementRequests + 1,
            SupplementRequestedInAppraisal = s.SupplementRequestedInAppraisal || s.Step == ProcessingStep.Appraise,
            HandlingStarted = s.HandlingStarted || s.Step == ProcessingStep.Appraise,
            SupplementItems = Items!,
        },
        now,
        DueChangeReason.SupplementRequested);
}
