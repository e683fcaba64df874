using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>Withdrawal at the applicant's request: the dossier closes.</summary>
internal sealed record Withdraw(string? Reason) : DossierCommand(DossierAction.Withdraw)
{
    public override void Validate(ValidationErrors errors) => errors.Require("reason", Reason, MaxText);

    public override string? LogNote() => Reason;

    public override DossierState Apply(DossierState s, Move m) => DossierMoves.Closed(s, m.Now);
}
