using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Escalations;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>The result handed back to the applicant (trả kết quả), at the counter, by post or online.</summary>
internal sealed record Return(ReturnMethod? Method) : DossierCommand(DossierAction.Return)
{
    public override void Validate(ValidationErrors errors) => errors.Required("method", Method, "counter, postal or online");

    public override string? LogNote() => EnumWords.Of(Method!.Value);

    public override DossierState Apply(DossierState s, DateTimeOffset now, WorkingCalendar calendar, EscalationPolicy policy) =>
        s with { ReturnedAt = now, ReturnMethod = Method, StepStartedAt = null, StepDueAt = null };
}
