using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>An agency of inter-agency work ends its part (Decree 118/2025 Art. 20(2)); a specialist or leader of that agency does.</summary>
internal sealed record CompletePart(string? Agency, string? Note) : DossierCommand(DossierAction.CompletePart)
{
    public override void Validate(ValidationErrors errors) => errors.Require("agency", Agency, 64).Optional("note", Note, MaxText);

    public override string? LogNote() => string.IsNullOrWhiteSpace(Note) ? Agency : $"{Agency}: {Note}";

    public override string? ScopeAgency(DossierState s, Actor actor) => Agency;

    public override Rejection? Refusal(DossierState state, Move m)
    {
        var part = state.Parts?.FirstOrDefault(p => p.AgencyCode == Agency);
        return part switch
        {
            null => m.Refuse(RejectionKind.RuleRefused, RuleCodes.NoPart, $"{Agency} has no part in this dossier's inter-agency work",
                new() { ["agency"] = [$"'{Agency}' is not one of the dossier's agencies."] }),
            { CompletedAt: { } done } => m.Refuse(RejectionKind.RuleRefused, RuleCodes.PartOnce, $"{Agency} completed its part at {m.Calendar.ToLocal(done):yyyy-MM-dd HH:mm}",
                new() { ["agency"] = [$"'{Agency}' completed its part already."] }),
            { StartedAt: null } => m.Refuse(RejectionKind.Conflict, RuleCodes.PartNotStarted, $"{Agency}'s turn comes after the agencies before it in the order complete theirs"),
            _ => null,
        };
    }

    public override DossierState Apply(DossierState s, Move m) => s with { Parts = InterAgencyWork.Completed(s.Parts!, Agency!, Note, m.Now, m.Calendar) };
}
