using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Escalations;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>Receipt (tiếp nhận): the clock starts and the due date is fixed by the procedure as it stands now.</summary>
internal sealed record Receive(ProcedureVersion? CurrentProcedure = null) : DossierCommand(DossierAction.Receive)
{
    public override void Validate(ValidationErrors errors)
    {
    }

    public override string? LogNote() => null;

    public override DossierState Apply(DossierState s, DateTimeOffset now, WorkingCalendar calendar, EscalationPolicy policy) =>
        DossierMoves.Received(s, CurrentProcedure ?? s.Procedure!, now, calendar);
}
