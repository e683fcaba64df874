using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Escalations;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>The leader's approval (phê duyệt): the dossier is done, early, on time or late.</summary>
internal sealed record Approve(string? Note) : DossierCommand(DossierAction.Approve)
{
    public override void Validate(ValidationErrors errors) => errors.Optional("note", Note, MaxText);

    public override string? LogNote() => Note;

    public override DossierState Apply(DossierState s, DateTimeOffset now, WorkingCalendar calendar, EscalationPolicy policy) => DossierMoves.EnterStep(
        s with
        {
            Outcome = s.Appraisal == AppraisalOutcome.Eligible ? DossierOutcome.Granted : DossierOutcome.Denied,
            CompletedAt = now,
            Completion = Deadlines.Classify(calendar, now, s.DueAt!.Value),
            ResolutionWorkingHours = DossierMoves.ResolutionHours(s, now, calendar),
        },
        now,
        calendar);
}
