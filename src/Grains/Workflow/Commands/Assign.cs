using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>
/// The appraisal given to a named specialist of the agency that appraises (Decree 118/2025 Art. 34: a person's work
/// is checked, so it must be theirs). A leader assigns anyone fit for it, and reassigns; a specialist may only claim
/// an appraisal no one has. <see cref="Person"/> is the directory's entry, looked up by the grain before deciding.
/// </summary>
internal sealed record Assign(string? UserName, Person? Person = null) : DossierCommand(DossierAction.Assign)
{
    public override void Validate(ValidationErrors errors) => errors.Require("userName", UserName, 64);

    public override string? LogNote() => Person is { } person ? $"{person.FullName} ({person.UserName})" : UserName;

    public override Rejection? Refusal(DossierState state, Move m)
    {
        var agency = DossierMachine.StepAgency(state);
        if (!m.Actor.Has(Role.Leader))
        {
            if (!string.Equals(UserName, m.Actor.Subject, StringComparison.Ordinal))
            {
                return Refused(RejectionKind.Forbidden, RuleCodes.ClaimOnlyForOneself, "A specialist claims work for themselves; a leader assigns it to others.");
            }

        }

        return Person switch
        {
            null => Refused(RejectionKind.RuleRefused, RuleCodes.AssigneeUnknown, $"'{UserName}' is not in the staff directory."),
            { Active: false } => Refused(RejectionKind.RuleRefused, RuleCodes.AssigneeInactive, $"'{UserName}' is no longer active in the staff directory."),
            var p when !string.Equals(p.Unit, agency, StringComparison.Ordinal) =>
                Refused(RejectionKind.RuleRefused, RuleCodes.AssigneeOtherAgency, $"'{UserName}' works at '{p.Unit}', not at '{agency}', which appraises the dossier."),
            var p when !p.Roles.Contains(Role.Specialist) =>
                Refused(RejectionKind.RuleRefused, RuleCodes.AssigneeCannotAppraise, $"'{UserName}' is not a specialist, and appraisal is a specialist's step."),
            _ => null,
        };
    }

    public override DossierState Apply(DossierState s, Move m) => s with { Assignee = UserName };

    private static Rejection Refused(RejectionKind kind, string rule, string detail) =>
        new(kind, rule, detail, Errors: new() { ["userName"] = [detail] });
}
