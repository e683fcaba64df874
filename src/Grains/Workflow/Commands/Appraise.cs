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

    // The lead agency's appraisal closes inter-agency work: every agency's part first (Art. 20(2)).
    public override Rejection? Refusal(DossierState state, Move m) => InterAgencyWork.AllComplete(state) ? null
        : m.Refuse(RejectionKind.Conflict, RuleCodes.PartsOpen,
            $"The parts of {string.Join(", ", state.Parts!.Where(p => p.CompletedAt is null).Select(p => p.AgencyCode))} are not complete");

    public override DossierState Apply(DossierState s, Move m) =>
        DossierMoves.EnterStep(s with { Appraisal = Outcome, HandlingStarted = true }, m.Now, m.Calendar);
}
