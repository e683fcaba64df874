using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>
/// The one-stop unit closes a dossier whose appraisal-stage supplement never came, once the regime's period from the
/// notice has run (counted as a period in days: from the next day, rolled to the next working day).
/// </summary>
internal sealed record Close(string? Reason) : DossierCommand(DossierAction.Close)
{
    public override void Validate(ValidationErrors errors) => errors.Require("reason", Reason, MaxText);

    public override string? LogNote() => Reason;

    public override Rejection? Refusal(DossierState state, Move m) =>
        ClosableFrom(state, m) is { } from && m.Now <= from
            ? m.Refuse(RejectionKind.RuleRefused, RuleCodes.CloseTooEarly,
                $"The supplement period runs until {m.Calendar.ToLocal(from):yyyy-MM-dd HH:mm}; the dossier can be closed after it")
            : null;

    public override DossierState Apply(DossierState s, Move m) => DossierMoves.Closed(s, m.Now);

    /// <summary>The last instant of the closure period of the supplement request the dossier waits on.</summary>
    public static DateTimeOffset? ClosableFrom(DossierState state, Move m) =>
        m.Rules.SupplementClosureDays is { } days && state.PausedAt is { } notice ? m.Calendar.EndOfCalendarDays(notice, days) : null;
}
