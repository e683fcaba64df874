using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>
/// Refusal at the counter (form 03), telling the applicant once, with reasons, what is wrong — and, when the dossier
/// is outside the unit's competence, where to file it (<paramref name="FileWith"/>).
/// </summary>
internal sealed record Refuse(string? Reason, string? FileWith = null) : DossierCommand(DossierAction.Refuse)
{
    public override void Validate(ValidationErrors errors) => errors.Require("reason", Reason, MaxText).Optional("fileWith", FileWith, 500);

    public override string? LogNote() => Reason;

    public override DossierState Apply(DossierState s, Move m) =>
        s with { StepDueAt = null, FileWith = string.IsNullOrWhiteSpace(FileWith) ? null : FileWith.Trim() };
}
