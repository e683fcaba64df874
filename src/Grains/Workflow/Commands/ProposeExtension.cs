using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>
/// The handling agency's apology and request for a later date (form 04), to the citizen and to the one-stop unit. Once
/// per dossier; timely when proposed at least one calendar day before the expiry day. The old date stands until the
/// one-stop unit confirms.
/// </summary>
internal sealed record ProposeExtension(string? Reason, DateTimeOffset? NewDueAt) : DossierCommand(DossierAction.ProposeExtension)
{
    public override void Validate(ValidationErrors errors)
    {
        errors.Require("reason", Reason, MaxText);
        if (NewDueAt is null)
        {
            errors.Add("newDueAt", "is required.");
        }
    }

    public override string? LogNote() => $"{Reason} — new due {NewDueAt:yyyy-MM-dd HH:mm zzz}";

    public override Rejection? Refusal(DossierState state, Move m)
    {
        if (DossierMachine.UsedUp(state, Action))
        {
            return m.Refuse(RejectionKind.RuleRefused, RuleCodes.ExtensionOnce, state.Extension!.Decision == ExtensionDecision.Proposed
                ? "An extension is already proposed and waits for the one-stop unit"
                : "The dossier was extended once already");
        }

        var due = state.DueAt!.Value;
        var newDue = NewDueAt!.Value;
        return newDue <= due || newDue <= m.Now || !m.Calendar.IsWorkingInstant(newDue)
            ? m.Refuse(RejectionKind.Invalid, RuleCodes.ExtensionDate,
                $"The new date must be a working instant after both now and the current due date {m.Calendar.ToLocal(due):yyyy-MM-dd HH:mm}",
                new() { ["newDueAt"] = ["must be a working instant later than now and the current due date."] })
            : null;
    }

    public override DossierState Apply(DossierState s, Move m) => s with
    {
        Extension = new ExtensionProposal(m.Now, m.Actor.Subject, Reason!, NewDueAt!.Value, s.DueAt!.Value,
            Timely: IsTimely(m.Calendar, m.Now, s.DueAt!.Value), ExtensionDecision.Proposed),
    };

    /// <summary>Proposed at least one calendar day before the expiry day (Decree 118/2025 Art. 19(6)).</summary>
    public static bool IsTimely(WorkingCalendar calendar, DateTimeOffset now, DateTimeOffset due) =>
        calendar.LocalDate(now) <= calendar.LocalDate(due).AddDays(-1);
}
