using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Escalations;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>A financial obligation (fee, tax): the clock pauses until it is paid.</summary>
internal sealed record RequestPayment(decimal? Amount, string? Note) : DossierCommand(DossierAction.RequestPayment)
{
    public override void Validate(ValidationErrors errors) =>
        errors.Amount(Amount, "the amount in đồng").Optional("note", Note, MaxText);

    public override string? LogNote() =>
        string.IsNullOrWhiteSpace(Note) ? Money.Of(Amount!.Value) : $"{Money.Of(Amount!.Value)} — {Note}";

    public override DossierState Apply(DossierState s, DateTimeOffset now, WorkingCalendar calendar, EscalationPolicy policy) =>
        DossierMoves.Paused(s with { Payment = new(Amount!.Value, Note, now), HandlingStarted = true }, now, DueChangeReason.PaymentRequested);
}
