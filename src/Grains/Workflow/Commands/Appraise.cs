using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>The specialist's appraisal (thẩm định): eligible or ineligible; the dossier moves to approval.</summary>
internal sealed record Appraise(AppraisalOutcome? Outcome, string? Note) : DossierCommand(DossierAction.Appraise)
{
    public override void Validate(ValidationErrors errors) =>
        errors.Required("outcome", Outcome, "eligible or ineligible").Optional("note", Note, MaxText);

    public override string? LogNote() =>
        string.IsNullOrWhiteSpace(Note) ? EnumWords.Of(Outcome!.Value) : $"{EnumWords.Of(Outcome!.Value)}: {Note}";

    public override DossierState Apply(DossierState s, Move m) =>
        DossierMoves.EnterStep(s with { Appraisal = Outcome, HandlingStarted = true }, m.Now, m.Calendar);
}
