using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>Refusal at the counter (form 03), with the reason the applicant is given.</summary>
internal sealed record Refuse(string? Reason) : DossierCommand(DossierAction.Refuse)
{
    public override void Validate(ValidationErrors errors) => errors.Require("reason", Reason, MaxText);

    public override string? LogNote() => Reason;

    public override DossierState Apply(DossierState s, Move m) => s with { StepDueAt = null };
}
