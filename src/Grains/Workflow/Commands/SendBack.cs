using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>The leader sends the dossier back to appraisal; the appraisal is forgotten.</summary>
internal sealed record SendBack(string? Reason) : DossierCommand(DossierAction.SendBack)
{
    public override void Validate(ValidationErrors errors) => errors.Require("reason", Reason, MaxText);

    public override string? LogNote() => Reason;

    public override DossierState Apply(DossierState s, Move m) =>
        DossierMoves.EnterStep(s with { Appraisal = null }, m.Now, m.Calendar);
}
