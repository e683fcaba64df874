using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>A returned result found wrong: its correction is due within the regime's working days, and is returned again.</summary>
internal sealed record CorrectResult(string? Reason) : DossierCommand(DossierAction.CorrectResult)
{
    public override void Validate(ValidationErrors errors) => errors.Require("reason", Reason, MaxText);

    public override string? LogNote() => Reason;

    public override Rejection? Refusal(DossierState state, Move m) =>
        DossierMachine.UsedUp(state, Action)
            ? m.Refuse(RejectionKind.Conflict, RuleCodes.CorrectionNotOpen, "A correction is already open; return the corrected result first")
            : null;

    public override DossierState Apply(DossierState s, Move m) => s with
    {
        Correction = new ResultCorrection(m.Now, Reason!, m.Calendar.EndOfWorkingDaysAfter(m.Now, m.Rules.CorrectionWorkingDays!.Value)),
    };
}
