using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>
/// The result handed back to the applicant (trả kết quả), at the counter, by post or online, with who collected it;
/// again once a wrong result is corrected.
/// </summary>
internal sealed record Return(ReturnMethod? Method, string? CollectedBy = null) : DossierCommand(DossierAction.Return)
{
    public override void Validate(ValidationErrors errors) =>
        errors.Required("method", Method, "counter, postal or online").Optional("collectedBy", CollectedBy, 300);

    // The method stays the log's first word (the control log translates it); the collector follows it.
    public override string? LogNote() =>
        string.IsNullOrWhiteSpace(CollectedBy) ? EnumWords.Of(Method!.Value) : $"{EnumWords.Of(Method!.Value)} — {CollectedBy.Trim()}";

    public override Rejection? Refusal(DossierState state, Move m) =>
        state.Status == DossierStatus.Returned && DossierMachine.UsedUp(state, Action)
            ? m.Refuse(RejectionKind.Conflict, RuleCodes.CorrectionNotOpen, "The result was returned; it is returned again only once a correction is open")
            : null;

    public override DossierState Apply(DossierState s, Move m) => s.Correction is { CorrectedAt: null } correction
        ? s with { Correction = correction with { CorrectedAt = m.Now }, ReturnMethod = Method }
        : s with { ReturnedAt = m.Now, ReturnMethod = Method, StepStartedAt = null, StepDueAt = null };
}
