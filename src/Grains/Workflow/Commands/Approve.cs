using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>
/// The leader's approval (phê duyệt): the dossier is done, early, on time or late — judged against the due date before
/// any confirmed extension, for an extension excuses nothing in the figures. A result document given with it is
/// checked here and issued by the grain once the approval is decided (<see cref="Documents.ResultDocuments"/>).
/// </summary>
internal sealed record Approve(string? Note, ResultInput? Result = null) : DossierCommand(DossierAction.Approve)
{
    public override void Validate(ValidationErrors errors)
    {
        errors.Optional("note", Note, MaxText);
        if (Result is { } result)
        {
            errors.Require("result.documentName", result.DocumentName, 300).Require("result.resultType", result.ResultType, 40)
                .Require("result.summary", result.Summary, MaxText).Optional("result.scope", result.Scope, 300);
            if (result.ValidFrom is { } from && result.ValidTo is { } to && to < from)
            {
                errors.Add("result.validTo", "must not be before validFrom.");
            }
        }
    }

    public override string? LogNote() => Note;

    public override Rejection? Refusal(DossierState state, Move m) =>
        Result?.ResultType is { } type && state.Procedure?.Definition.ResultTypes is { Length: > 0 } issued && !issued.Any(t => t.Code == type.Trim())
            ? new(RejectionKind.RuleRefused, RuleCodes.ResultTypeNotInCatalogue,
                $"'{type.Trim()}' is not a result this procedure issues; it issues {string.Join(", ", issued.Select(t => $"{t.Code} ({t.Name})"))}.")
            : null;

    public override DossierState Apply(DossierState s, Move m)
    {
        var judgedDue = s.Extension is { Decision: ExtensionDecision.Confirmed } e ? e.PreviousDueAt : s.DueAt!.Value;
        return DossierMoves.EnterStep(
            s with
            {
                Outcome = s.Appraisal == AppraisalOutcome.Eligible ? DossierOutcome.Granted : DossierOutcome.Denied,
                CompletedAt = m.Now,
                Completion = Deadlines.Classify(m.Calendar, m.Now, judgedDue),
                ResolutionWorkingHours = DossierMoves.ResolutionHours(s, m.Now, m.Calendar),
                Lateness = LatenessParts.Of(s, m.Now, judgedDue, m.Calendar, m.Rules),
            },
            m.Now,
            m.Calendar);
    }
}
