using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>The one-stop unit hands the paper dossier to the handling agency, whose appraisal starts now.</summary>
internal sealed record Transfer(string? Note) : DossierCommand(DossierAction.Transfer)
{
    public override void Validate(ValidationErrors errors) => errors.Optional("note", Note, MaxText);

    public override string? LogNote() => Note;

    public override DossierState Apply(DossierState s, Move m) => DossierMoves.EnterStep(s with { TransferredAt = m.Now }, m.Now, m.Calendar);
}
