using System.Globalization;
using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;

namespace HccOrleans.Grains.Workflow;

/// <summary>
/// A year's calendar changed and the center chose to move the due dates it had issued: the dossier keeps the working
/// time it was granted — from its clock start to its due date, and from its step's start to the step's due date,
/// measured in the calendar as it was — and has it counted again in the calendar as it is. Only computed dates move:
/// one a person set (a confirmed extension, an apology's new date) stays, and a finished dossier is not touched.
/// </summary>
internal static class DueRecompute
{
    /// <summary>The dossier with its due dates moved, a control-log line and a due-history entry; null when nothing moves.</summary>
    public static DossierState? Apply(DossierState s, CalendarChange change, WorkingCalendar before, WorkingCalendar after, DateTimeOffset now)
    {
        if (!IsOpen(s) || s.CalendarChange == change.Id || s.RescheduledDueAt is not null
            || s.ClockStartedAt is not { } clockStart || s.DueAt is not { } due)
        {
            return null;
        }

        var newDue = after.AddWorkingTime(clockStart, before.WorkingTimeBetween(clockStart, due));
        DateTimeOffset? newStepDue = s.StepStartedAt is { } stepStart && s.StepDueAt is { } stepDue
            ? Earlier(after.AddWorkingTime(stepStart, before.WorkingTimeBetween(stepStart, stepDue)), newDue)
            : s.StepDueAt;
        if (newDue == due && newStepDue == s.StepDueAt)
        {
            return null;
        }

        var note = string.Create(CultureInfo.InvariantCulture,
            $"Lịch làm việc năm {change.Year} thay đổi: hẹn trả kết quả từ {Local(after, due)} thành {Local(after, newDue)}");
        var entry = new LogEntry(now, change.By, "", DossierAction.RecomputeDue, s.Status, s.Step, s.Status, s.Step, note);
        return s with
        {
            Version = s.Version + 1,
            DueAt = newDue,
            StepDueAt = newStepDue,
            // While the clock is stopped no due date is in force: the moved one counts from the resumption.
            DueHistory = s.PausedAt is null ? [.. s.DueHistory, new DueChange(now, newDue, DueChangeReason.CalendarChanged)] : s.DueHistory,
            Log = [.. s.Log, entry],
            CalendarChange = change.Id,
        };
    }

    /// <summary>What the citizen is told: the new appointment, on the receiving unit's behalf.</summary>
    public static Notification Notice(DossierState moved, CalendarChange change, WorkingCalendar calendar, DateTimeOffset now) => new(
        $"{moved.Code}/calendar/{change.Id}",
        moved.Code,
        EscalationKind.DueDateChanged,
        "citizen",
        moved.Request!.ReceivingUnit,
        moved.DueAt!.Value,
        now,
        0,
        $"Hồ sơ {moved.OfficialCode ?? moved.Code}: do lịch làm việc năm {change.Year} thay đổi, ngày hẹn trả kết quả nay là {Local(calendar, moved.DueAt!.Value)}. Giấy tiếp nhận và hẹn trả kết quả được in lại theo ngày này.");

    private static bool IsOpen(DossierState s) =>
        s.ReceivedAt is not null && s.CompletedAt is null && s.ClosedAt is null
        && s.Status is not (DossierStatus.Refused or DossierStatus.Withdrawn or DossierStatus.Stopped);

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string Local(WorkingCalendar calendar, DateTimeOffset instant) =>
        calendar.ToLocal(instant).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
}
