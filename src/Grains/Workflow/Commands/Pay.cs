using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>
/// The payment of the obligation, exactly its amount, with how it was paid, its reference and its proof (Decree
/// 118/2025 Art. 24): the clock resumes, shifted by the pause.
/// </summary>
internal sealed record Pay(string? ReceiptNumber, decimal? Amount, PaymentMethod? Method = null, string? Proof = null) : DossierCommand(DossierAction.Pay)
{
    public override void Validate(ValidationErrors errors)
    {
        errors.Amount(Amount, "the amount paid, in đồng").Require("reference", ReceiptNumber, 64).Optional("proof", Proof, 500);
        if (Method is { } method)
        {
            errors.Defined("paymentMethod", method);
        }
    }

    public override string? LogNote() => Method switch
    {
        PaymentMethod.Online => $"{Money.Of(Amount!.Value)}, thanh toán trực tuyến, mã giao dịch {ReceiptNumber}",
        PaymentMethod.Transfer => $"{Money.Of(Amount!.Value)}, chuyển khoản, mã giao dịch {ReceiptNumber}",
        _ => $"{Money.Of(Amount!.Value)}, biên lai {ReceiptNumber}",
    };

    public override Rejection? Refusal(DossierState state, Move m) =>
        Amount != state.Payment?.Amount
            ? new(RejectionKind.RuleRefused, RuleCodes.PaymentAmountMismatch,
                $"The obligation is {Money.Of(state.Payment?.Amount ?? 0)}; record a payment of exactly that amount.")
            : null;

    /// <summary>Whether the reference must be the only one of its kind (<see cref="PaymentMethods.HoldsReference"/>).</summary>
    public bool ClaimsReference => Method.HoldsReference();

    /// <summary>
    /// Whether this payment is already the dossier's: the same reference and amount, recorded. A payment platform calls
    /// back more than once; the repeat changes nothing and is answered as a success.
    /// </summary>
    public bool IsRecordedIn(DossierState state) =>
        state.Payment is { PaidAt: not null } paid && paid.ReceiptNumber == ReceiptNumber?.Trim() && paid.Amount == Amount;

    // A payment resumes a stopped clock by the pause rule, whatever the procedure's supplement policy (docs/rules/lifecycle.md).
    public override DossierState Apply(DossierState s, Move m)
    {
        var paid = s with { Payment = s.Payment! with { PaidAt = m.Now, ReceiptNumber = ReceiptNumber!.Trim(), Method = Method ?? PaymentMethod.Counter, Proof = Proof } };
        return s.PausedAt is null ? paid : DossierMoves.Resumed(paid, m, SupplementPolicy.Pause, DueChangeReason.Paid);
    }
}
