using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>
/// The leader's approval (phê duyệt): the dossier is done, early, on time or late — judged against the due date before
/// any confirmed extension, for an extension excuses nothing in the figures.
/// </summary>
internal sealed record Approve(string? Note) : DossierCommand(DossierAction.Approve)
{
    public override void Validate(ValidationErrors errors) => errors.Optional("note", Note, MaxText);

    public override string? LogNote() => Note;

    public override DossierState Apply(DossierState s, Move m)
    {
        var judgedDue = s.Extension is { Decision: ExtensionDecision.Confirmed } e ? e.PreviousDueAt : s.DueAt!.Value;
        return DossierMoves.EnterStep(
            s with
            {
                Outcome = s.Appraisal == AppraisalOutcome.Eligible ? DossierOutcome.Granted : DossierOutcome.Denied,
                CompletedAt = m.Now,
                Completion = Deadlines.Classify(m.Calendar, m.Now, judgedDue),
                ResolutionWorkingHours = DossierMoves.ResolutionHours(s, m.Now, m.Calendar),
                Lateness = LatenessParts.Of(s, m.Now, judgedDue, m.Calendar, m.Rules),
            },
            m.Now,
            m.Calendar);
    }
}
