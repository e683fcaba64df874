using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>A stop with a written reason (the stop notice), by a leader or by the engine when a pause ran out.</summary>
internal sealed record Stop(string? Reason) : DossierCommand(DossierAction.Stop)
{
    public override void Validate(ValidationErrors errors) => errors.Require("reason", Reason, MaxText);

    public override string? LogNote() => Reason;

    public override DossierState Apply(DossierState s, Move m) => DossierMoves.Closed(s, m.Now);
}
