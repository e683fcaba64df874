using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>
/// Receipt (tiếp nhận): the regime is fixed, the clock starts and the due date is fixed by the procedure as it stands
/// now. Under Decree 118 a paper dossier then waits to be handed to the handling agency; an online one is there at once.
/// </summary>
internal sealed record Receive(ProcedureVersion? CurrentProcedure = null) : DossierCommand(DossierAction.Receive)
{
    public override void Validate(ValidationErrors errors)
    {
    }

    public override string? LogNote() => null;

    public override DossierState Apply(DossierState s, Move m) => DossierMoves.Received(s, CurrentProcedure ?? s.Procedure!, m);
}
