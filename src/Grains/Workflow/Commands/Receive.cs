using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>
/// Receipt (tiếp nhận): the regime is fixed, the clock starts and the due date is fixed by the procedure as it stands
/// now. Under Decree 118 a paper dossier then waits to be handed to the handling agency; an online one is there at once.
/// A procedure whose catalogue lists required components is received with each of them among the dossier's components,
/// or with the officer's reason why not (docs/rules/reception-and-routing.md "Components at receipt").
/// </summary>
internal sealed record Receive(ProcedureVersion? CurrentProcedure = null, string? Note = null) : DossierCommand(DossierAction.Receive)
{
    public override void Validate(ValidationErrors errors) => errors.Optional("note", Note, MaxText);

    public override string? LogNote() => string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();

    public override Rejection? Refusal(DossierState state, Move m)
    {
        var procedure = (CurrentProcedure ?? state.Procedure)?.Definition;
        var missing = procedure?.MissingComponents(state.Request!.Documents) ?? [];
        return missing.Count == 0 || !string.IsNullOrWhiteSpace(Note)
            ? null
            : new(RejectionKind.RuleRefused, RuleCodes.RequiredComponentsMissing,
                $"The procedure requires {string.Join(", ", missing)}, which the dossier does not list (Decree 118/2025 Art. 17): ask for them at reception with request-supplement, or give the reason in note.");
    }

    public override DossierState Apply(DossierState s, Move m) => DossierMoves.Received(s, CurrentProcedure ?? s.Procedure!, m);
}
