using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>The appraising specialist asks another agency's opinion by a date (Decree 118/2025 Art. 19(4)); the agency then sees the dossier.</summary>
internal sealed record Consult(string? Agency, string? Question, DateTimeOffset? DueAt) : DossierCommand(DossierAction.Consult)
{
    public override void Validate(ValidationErrors errors)
    {
        errors.Require("agency", Agency, 64).Require("question", Question, MaxText);
        if (DueAt is null)
        {
            errors.Add("dueAt", "is required: the date the answer is due by.");
        }
    }

    public override string? LogNote() => $"{Agency}: {Question} — answer by {DueAt:yyyy-MM-dd HH:mm zzz}";

    public override Rejection? Refusal(DossierState state, Move m) => DueAt <= m.Now || !m.Calendar.IsWorkingInstant(DueAt!.Value)
        ? new Rejection(RejectionKind.Invalid, RuleCodes.Validation, "The answer's date must be a working instant later than now.",
            Errors: new() { ["dueAt"] = ["must be a working instant (a working day, in office hours) later than now."] })
        : null;

    public override DossierState Apply(DossierState s, Move m)
    {
        var asked = s.Consultations ?? [];
        return s with { Consultations = [.. asked, new Consultation(asked.Length + 1, m.Actor.Agency, Agency!, Question!, m.Now, DueAt!.Value)] };
    }
}
