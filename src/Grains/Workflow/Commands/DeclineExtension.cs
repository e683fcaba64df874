using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>The one-stop unit closes the proposal: the due date stays, and the agency may propose again.</summary>
internal sealed record DeclineExtension(string? Reason) : DossierCommand(DossierAction.DeclineExtension)
{
    public override void Validate(ValidationErrors errors) => errors.Require("reason", Reason, MaxText);

    public override string? LogNote() => Reason;

    public override Rejection? Refusal(DossierState state, Move m) => ExtensionDecisions.NothingProposed(state, m, Action);

    public override DossierState Apply(DossierState s, Move m) => s with
    {
        Extension = s.Extension! with { Decision = ExtensionDecision.Declined, DecidedAt = m.Now, DecidedBy = m.Actor.Subject, DecisionNote = Reason },
    };
}
