using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Escalations;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>The payment of the obligation, exactly its amount: the clock resumes, shifted by the pause.</summary>
internal sealed record Pay(string? ReceiptNumber, decimal? Amount) : DossierCommand(DossierAction.Pay)
{
    public override void Validate(ValidationErrors errors) =>
        errors.Amount(Amount, "the amount paid, in đồng").Require("receiptNumber", ReceiptNumber, 64);

    public override string? LogNote() => $"{Money.Of(Amount!.Value)}, biên lai {ReceiptNumber}";

    public override Rejection? Refusal(DossierState state, DateTimeOffset now) =>
        Amount != state.Payment?.Amount
            ? new(RejectionKind.RuleRefused, RuleCodes.PaymentAmountMismatch,
                $"The obligation is {Money.Of(state.Payment?.Amount ?? 0)}; record a payment of exactly that amount.")
            : null;

    // A payment always resumes by the pause rule, whatever the procedure's supplement policy (docs/rules/lifecycle.md).
    public override DossierState Apply(DossierState s, DateTimeOffset now, WorkingCalendar calendar, EscalationPolicy policy) => DossierMoves.Resumed(
        s with { Payment = s.Payment! with { PaidAt = now, ReceiptNumber = ReceiptNumber } }, now, calendar, SupplementPolicy.Pause, DueChangeReason.Paid);
}
