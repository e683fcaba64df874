using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>A financial obligation (fee, tax) set during appraisal: the clock stops only where the procedure (or the regime's default) says so.</summary>
internal sealed record RequestPayment(decimal? Amount, string? Note) : DossierCommand(DossierAction.RequestPayment)
{
    public override void Validate(ValidationErrors errors) =>
        errors.Amount(Amount, "the amount in đồng").Optional("note", Note, MaxText);

    public override string? LogNote() =>
        string.IsNullOrWhiteSpace(Note) ? Money.Of(Amount!.Value) : $"{Money.Of(Amount!.Value)} — {Note}";

    public override DossierState Apply(DossierState s, Move m)
    {
        var set = s with { Payment = new(Amount!.Value, Note, m.Now), HandlingStarted = true };
        return m.Rules.PaymentPausesClock(s.Procedure!.Definition) ? DossierMoves.Paused(set, m.Now, DueChangeReason.PaymentRequested) : set;
    }
}
