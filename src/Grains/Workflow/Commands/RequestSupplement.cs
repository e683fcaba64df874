using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>
/// A request for more documents (form 02, in the one-stop unit's name), every item at once: the clock pauses. Once
/// during appraisal, and under Decree 118 once at reception too; an appraisal request after the regime's period is
/// recorded late.
/// </summary>
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

    public override Rejection? Refusal(DossierState state, Move m) => state.Step switch
    {
        ProcessingStep.Appraise when state.SupplementRequestedInAppraisal => m.Refuse(RejectionKind.RuleRefused, RuleCodes.SupplementRequestOnce,
            "A supplement may be requested only once during processing"),
        ProcessingStep.None when m.Rules.AskOnceAtReception && state.SupplementRequestedAtReceipt => m.Refuse(RejectionKind.RuleRefused,
            RuleCodes.SupplementAtReceiptOnce, "Everything to correct or add is asked at reception once, all at once"),
        _ => null,
    };

    public override DossierState Apply(DossierState s, Move m)
    {
        var inAppraisal = s.Step == ProcessingStep.Appraise;
        return DossierMoves.Paused(
            s with
            {
                SupplementRequests = s.SupplementRequests + 1,
                SupplementRequestedInAppraisal = s.SupplementRequestedInAppraisal || inAppraisal,
                SupplementRequestedAtReceipt = s.SupplementRequestedAtReceipt || !inAppraisal,
                SupplementRequestLate = s.SupplementRequestLate || (inAppraisal && IsLate(s, m)),
                HandlingStarted = s.HandlingStarted || inAppraisal,
                SupplementItems = Items!,
            },
            m.Now,
            DueChangeReason.SupplementRequested);
    }

    /// <summary>Past the close of the regime's last working day after the receipt date.</summary>
    private static bool IsLate(DossierState s, Move m) =>
        m.Rules.TimelySupplementWorkingDays is { } days && m.Now > m.Calendar.EndOfWorkingDaysAfter(s.ReceivedAt!.Value, days);
}
