using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Workflow.Commands;

/// <summary>The apology letter (form 04) with a new due date; once per dossier, timely if sent before the due day.</summary>
internal sealed record Apologize(string? Reason, DateTimeOffset? NewDueAt) : DossierCommand(DossierAction.Apologize)
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

    public override Rejection? Refusal(DossierState state, Move m) =>
        DossierMachine.UsedUp(state, Action)
            ? new(RejectionKind.RuleRefused, RuleCodes.ApologyOnce, "This dossier has already been apologized for; only one apology is allowed.")
            : NewDueAt <= state.DueAt!.Value || NewDueAt <= m.Now || !m.Calendar.IsWorkingInstant(NewDueAt!.Value)
                ? new(RejectionKind.Invalid, RuleCodes.Validation, "The new due date must be a working instant later than both now and the current due date.",
                    Errors: new() { ["newDueAt"] = ["must be a working instant (a working day, in office hours) later than the current due date and now."] })
                : null;

    public override DossierState Apply(DossierState s, Move m) => s with
    {
        Apologized = true,
        RescheduledDueAt = NewDueAt,
        Apology = new Apology(m.Now, Reason!, NewDueAt!.Value, IsTimely(m.Calendar, m.Policy, m.Now, s.DueAt!.Value)),
    };

    /// <summary>Sent while at least the due-soon span of working time remained.</summary>
    public static bool IsTimely(WorkingCalendar calendar, Escalations.EscalationPolicy policy, DateTimeOffset now, DateTimeOffset due) =>
        policy.IsApologyInTime(Deadlines.Remaining(calendar, now, due));
}
