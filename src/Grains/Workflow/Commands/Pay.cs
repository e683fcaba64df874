using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>The payment of the obligation, exactly its amount: the clock resumes, shifted by the pause.</summary>
internal sealed record Pay(string? ReceiptNumber, decimal? Amount) : DossierCommand(DossierAction.Pay)
{
    public override void Validate(ValidationErrors errors) =>
        errors.Amount(Amount, "the amount paid, in đồng").Require("receiptNumber", ReceiptNumber, 64);

    public override string? LogNote() => $"{Money.Of(Amount!.Value)}, biên lai {ReceiptNumber}";

    public override Rejection? Refusal(DossierState state, Move m) =>
        Amount != state.Payment?.Amount
            ? new(RejectionKind.RuleRefused, RuleCodes.PaymentAmountMismatch,
                $"The obligation is {Money.Of(state.Payment?.Amount ?? 0)}; record a payment of exactly that amount.")
            : null;

    // A payment resumes a stopped clock by the pause rule, whatever the procedure's supplement policy (docs/rules/lifecycle.md).
    public override DossierState Apply(DossierState s, Move m)
    {
        var paid = s with { Payment = s.Payment! with { PaidAt = m.Now, ReceiptNumber = ReceiptNumber } };
        return s.PausedAt is null ? paid : DossierMoves.Resumed(paid, m, SupplementPolicy.Pause, DueChangeReason.Paid);
    }
}
