using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>The one-stop unit puts the proposed date in force and tells the citizen.</summary>
internal sealed record ConfirmExtension(string? Note) : DossierCommand(DossierAction.ConfirmExtension)
{
    public override void Validate(ValidationErrors errors) => errors.Optional("note", Note, MaxText);

    public override string? LogNote() => Note;

    public override Rejection? Refusal(DossierState state, Move m) => ExtensionDecisions.NothingProposed(state, m, Action);

    public override DossierState Apply(DossierState s, Move m)
    {
        var newDue = s.Extension!.NewDueAt;
        return s with
        {
            DueAt = newDue,
            RescheduledDueAt = newDue,
            Extension = s.Extension with { Decision = ExtensionDecision.Confirmed, DecidedAt = m.Now, DecidedBy = m.Actor.Subject, DecisionNote = Note },
            DueHistory = [.. s.DueHistory, new DueChange(m.Now, newDue, DueChangeReason.Extended)],
        };
    }
}

/// <summary>What confirming and declining share: a proposal must be waiting.</summary>
internal static class ExtensionDecisions
{
    public static Rejection? NothingProposed(DossierState state, Move m, DossierAction action) =>
        DossierMachine.UsedUp(state, action)
            ? m.Refuse(RejectionKind.Conflict, RuleCodes.ExtensionNotProposed, "No extension proposal waits for a decision")
            : null;
}
