using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>The consulted agency answers, once; a specialist or leader of that agency does.</summary>
internal sealed record AnswerConsultation(int? Id, string? Answer) : DossierCommand(DossierAction.AnswerConsultation)
{
    public override void Validate(ValidationErrors errors)
    {
        errors.Require("answer", Answer, MaxText);
        if (Id is null or < 1)
        {
            errors.Add("id", "is required: the number of the consultation answered.");
        }
    }

    public override string? LogNote() => $"#{Id}: {Answer}";

    // The consulted agency acts, not the step's; an unknown consultation is the command's own refusal.
    public override string? ScopeAgency(DossierState s, Actor actor) => Find(s)?.Agency ?? actor.Agency;

    public override Rejection? Refusal(DossierState state, Move m) => Find(state) switch
    {
        null => m.Refuse(RejectionKind.RuleRefused, RuleCodes.ConsultationNotFound, $"The dossier has no consultation #{Id}",
            new() { ["id"] = [$"#{Id} is not one of the dossier's consultations."] }),
        { AnsweredAt: not null } => m.Refuse(RejectionKind.RuleRefused, RuleCodes.ConsultationOnce, $"Consultation #{Id} is answered already",
            new() { ["id"] = [$"#{Id} is answered already."] }),
        _ => null,
    };

    public override DossierState Apply(DossierState s, Move m) =>
        s with { Consultations = [.. s.Consultations!.Select(c => c.Id == Id ? c with { AnsweredAt = m.Now, Answer = Answer } : c)] };

    private Consultation? Find(DossierState s) => s.Consultations?.FirstOrDefault(c => c.Id == Id);
}
