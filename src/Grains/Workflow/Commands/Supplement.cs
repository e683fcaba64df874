using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Escalations;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>The applicant's supplement: the dossier goes back where it was and the clock runs again.</summary>
internal sealed record Supplement(string? Note) : DossierCommand(DossierAction.Supplement)
{
    public override void Validate(ValidationErrors errors) => errors.Optional("note", Note, MaxText);

    public override string? LogNote() => Note;

    public override DossierState Apply(DossierState s, DateTimeOffset now, WorkingCalendar calendar, EscalationPolicy policy) =>
        s.Status == DossierStatus.Submitted
            ? s with { PausedAt = null, SupplementItems = [] }
            : DossierMoves.Resumed(s with { SupplementItems = [] }, now, calendar, s.Procedure!.Definition.SupplementPolicy, DueChangeReason.Supplemented);
}
