using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>
/// A returned result found wrong: its correction is due within the regime's working days, and is returned again. A
/// corrected file replaces the result's electronic copy; the replaced one stays listed, and the log names both.
/// </summary>
internal sealed record CorrectResult(string? Reason, Guid? FileId = null) : DossierCommand(DossierAction.CorrectResult)
{
    public override void Validate(ValidationErrors errors) => errors.Require("reason", Reason, MaxText);

    public override string? LogNote() => FileId is { } file ? $"{Reason} (bản điện tử mới {file})" : Reason;

    public override Rejection? Refusal(DossierState state, Move m) =>
        DossierMachine.UsedUp(state, Action)
            ? m.Refuse(RejectionKind.Conflict, RuleCodes.CorrectionNotOpen, "A correction is already open; return the corrected result first")
            : null;

    public override DossierState Apply(DossierState s, Move m) => s with
    {
        Correction = new ResultCorrection(m.Now, Reason!, m.Calendar.EndOfWorkingDaysAfter(m.Now, m.Rules.CorrectionWorkingDays!.Value)),
        Result = FileId is { } file && s.Result is { } result
            ? result with { FileId = file, ReplacedFiles = result.FileId is { } old ? [.. result.ReplacedFiles ?? [], old] : result.ReplacedFiles }
            : s.Result,
    };
}
