using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>The applicant's supplement: the dossier goes back where it was and the clock runs again by the procedure's (or the regime's) policy.</summary>
internal sealed record Supplement(string? Note) : DossierCommand(DossierAction.Supplement)
{
    public override void Validate(ValidationErrors errors) => errors.Optional("note", Note, MaxText);

    public override string? LogNote() => Note;

    public override DossierState Apply(DossierState s, Move m) =>
        s.Status == DossierStatus.Submitted
            ? s with { PausedAt = null, SupplementItems = [] }
            : DossierMoves.Resumed(s with { SupplementItems = [] }, m, m.Rules.SupplementPolicyOf(s.Procedure!.Definition), DueChangeReason.Supplemented);
}
