using HccOrleans.Grains.Dossiers;

namespace HccOrleans.Grains.Workflow;

/// <summary>
/// An appraisal given to a named specialist is theirs: another specialist of the agency neither acts on it nor
/// claims it until a leader reassigns it. Leaders act as before. Other agencies' own moves (their part, their answer)
/// are not the appraisal, so they stay open.
/// </summary>
internal static class Assignment
{
    public static Rejection? Refusal(DossierState s, DossierAction action, Actor actor)
    {
        if (s.Step != ProcessingStep.Appraise || s.Assignee is not { } assignee || assignee == actor.Subject
            || actor.Has(Role.Leader) || !actor.Has(Role.Specialist)
            || !string.Equals(actor.Agency, DossierMachine.StepAgency(s), StringComparison.Ordinal))
        {
            return null;
        }

        return action switch
        {
            DossierAction.Assign => new Rejection(RejectionKind.Conflict, RuleCodes.AlreadyAssigned,
                $"The appraisal is already given to '{assignee}'; their leader may reassign it.", s.Status, s.Version),
            _ => new Rejection(RejectionKind.Forbidden, RuleCodes.AssignedToAnother,
                $"The appraisal is given to '{assignee}'; a leader must reassign it before another specialist acts on it.", s.Status, s.Version),
        };
    }
}
