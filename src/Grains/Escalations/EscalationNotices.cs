using System.Globalization;
using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;

namespace HccOrleans.Grains.Escalations;

/// <summary>Who hears of an escalation, per docs/rules/deadlines-and-calendar.md, and what they read.</summary>
internal static class EscalationNotices
{
    /// <summary>
    /// The notices for escalations recorded together. Daily overdue repeats that fell due together (the cluster was
    /// down, or a tick came late) become one notice for the latest, which says how many it stands for.
    /// </summary>
    public static IReadOnlyList<Notification> For(DossierState s, IReadOnlyList<EscalationRecord> records, WorkingCalendar calendar)
    {
        var overdue = records.Where(r => r.Kind == EscalationKind.Overdue).ToList();
        var latestOverdue = overdue.MaxBy(r => r.Repeat);
        return [.. records
            .Where(r => r.Kind != EscalationKind.Overdue || r == latestOverdue)
            .SelectMany(r => For(s, r, calendar, missed: r == latestOverdue ? overdue.Count - 1 : 0))];
    }

    private static IEnumerable<Notification> For(DossierState s, EscalationRecord record, WorkingCalendar calendar, int missed)
    {
        var deadline = s.DueAt is { } due ? Time(calendar, due) : "";
        var handling = s.Procedure!.Definition.AgencyCode;
        var unit = s.Request!.ReceivingUnit;
        var dueSoon = $"Hồ sơ {s.Code} sắp đến hạn giải quyết ({deadline}).";
        var overdue = $"Hồ sơ {s.Code} đã quá hạn giải quyết ({deadline}), lần nhắc {record.Repeat + 1}; {ApologyStatus(s, calendar)}{Missed(missed)}";
        var limit = Time(calendar, record.DueAt);
        IEnumerable<(string Role, string Agency, string Message)> recipients = record.Kind switch
        {
            EscalationKind.DueSoon when record.Step == ProcessingStep.Approve =>
            [
                ("leader", record.Agency, $"{dueSoon} {ApologyDue(s, calendar)}"),
                ("officer", unit, dueSoon),
            ],
            EscalationKind.DueSoon =>
            [
                ("specialist", record.Agency, dueSoon),
                ("leader", record.Agency, $"{dueSoon} {ApologyDue(s, calendar)}"),
                ("officer", unit, dueSoon),
            ],
            EscalationKind.StepOverdue =>
            [
                ("leader", record.Agency, $"Hồ sơ {s.Code} quá hạn bước {Step(record.Step)} (hạn bước {Time(calendar, record.DueAt)})."),
            ],
            EscalationKind.Overdue =>
            [
                ("director", "", overdue),
                ("leader", handling, overdue),
            ],
            EscalationKind.OnlineAlert => [("officer", unit, $"Hồ sơ trực tuyến {s.Code} đang chờ tiếp nhận; hạn tiếp nhận đang chạy.")],
            EscalationKind.OnlineReceptionOverdue =>
            [
                ("officer", unit, $"Hồ sơ trực tuyến {s.Code} đã quá thời hạn tiếp nhận ({limit}): cần tiếp nhận, yêu cầu bổ sung một lần hoặc từ chối ngay."),
                ("director", "", $"Hồ sơ trực tuyến {s.Code} chưa được xử lý tiếp nhận trong thời hạn ({limit})."),
            ],
            EscalationKind.SupplementUnanswered =>
                [("officer", unit, $"Hồ sơ {s.Code}: công dân chưa bổ sung hồ sơ khi hết thời hạn kể từ thông báo ({limit}); có thể kết thúc hồ sơ.")],
            EscalationKind.PaymentUnmet => [("officer", unit, $"Hồ sơ {s.Code}: nghĩa vụ tài chính chưa được thực hiện ({limit}).")],
            EscalationKind.CorrectionOverdue =>
            [
                ("officer", unit, $"Hồ sơ {s.Code}: kết quả sai sót chưa được đính chính trong thời hạn ({limit})."),
                ("leader", handling, $"Hồ sơ {s.Code}: kết quả sai sót chưa được đính chính trong thời hạn ({limit})."),
            ],
            EscalationKind.PartOverdue =>
            [
                ("leader", record.Agency, $"Hồ sơ liên thông {s.Code}: phần việc của cơ quan đã quá thời hạn ({limit})."),
                ("leader", s.Procedure.Definition.LeadAgency ?? handling, $"Hồ sơ liên thông {s.Code}: {record.Agency} chưa hoàn thành phần việc trong thời hạn ({limit})."),
            ],
            EscalationKind.ConsultationOverdue =>
            [
                ("leader", unit, $"Hồ sơ {s.Code}: {record.Agency} chưa trả lời xin ý kiến trong thời hạn ({limit})."),
                ("leader", record.Agency, $"Hồ sơ {s.Code}: cơ quan chưa trả lời xin ý kiến trong thời hạn ({limit})."),
            ],
            _ => [],
        };
        return recipients.Select(r => new Notification(
            $"{s.Code}/{record.Key}/{r.Role}/{r.Agency}", s.Code, record.Kind, r.Role, r.Agency, record.DueAt, record.FiredAt, record.Repeat, r.Message, missed));
    }

    /// <summary>For the leader when a dossier is due soon: the last moment a timely apology (form 04) can go out.</summary>
    private static string ApologyDue(DossierState s, WorkingCalendar calendar) => Letter(s) is { } letter
        ? $"Đã có văn bản xin lỗi ngày {Time(calendar, letter.At)}, hẹn trả kết quả {Time(calendar, letter.NewDueAt)}."
        : "Nếu không thể trả kết quả đúng hạn, cần ban hành văn bản xin lỗi (mẫu 04) ngay bây giờ.";

    private static string ApologyStatus(DossierState s, WorkingCalendar calendar) => Letter(s) is { } letter
        ? $"đã có văn bản xin lỗi ngày {Time(calendar, letter.At)}, hẹn trả kết quả {Time(calendar, letter.NewDueAt)}."
        : "chưa có văn bản xin lỗi: cần ban hành văn bản xin lỗi (mẫu 04).";

    /// <summary>The apology letter of either regime: Decree 61's apology, or Decree 118's extension proposal not declined.</summary>
    private static (DateTimeOffset At, DateTimeOffset NewDueAt)? Letter(DossierState s) => (s.Apology, s.Extension) switch
    {
        ({ } apology, _) => (apology.At, apology.NewDueAt),
        (_, { Decision: not ExtensionDecision.Declined } extension) => (extension.ProposedAt, extension.NewDueAt),
        _ => null,
    };

    private static string Missed(int missed) =>
        missed > 0 ? $" Thông báo này thay cho {missed} lần nhắc hằng ngày bị lỡ khi hệ thống ngừng hoạt động." : "";

    private static string Time(WorkingCalendar calendar, DateTimeOffset instant) =>
        calendar.ToLocal(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string Step(ProcessingStep step) => step switch
    {
        ProcessingStep.Appraise => "thẩm định",
        ProcessingStep.Approve => "phê duyệt",
        ProcessingStep.Return => "trả kết quả",
        ProcessingStep.Transfer => "chuyển hồ sơ",
        _ => step.ToString(),
    };
}
