using System.Globalization;
using HccOrleans.Domain;
using HccOrleans.Model;

namespace HccOrleans.Dossiers;

/// <summary>Who hears of an escalation, per domain.md, and what they read.</summary>
internal static class EscalationNotices
{
    public static IEnumerable<Notification> For(DossierState s, EscalationRecord record, WorkingCalendar calendar)
    {
        var due = calendar.ToLocal(record.DueAt).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        var deadline = calendar.ToLocal(s.DueAt!.Value).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        var handling = s.Procedure!.Definition.AgencyCode;
        var unit = s.Request!.ReceivingUnit;
        IEnumerable<(string Role, string Agency, string Message)> recipients = record.Kind switch
        {
            EscalationKind.DueSoon =>
            [
                (record.Step == ProcessingStep.Approve ? "leader" : "specialist", record.Agency, $"Hồ sơ {s.Code} sắp đến hạn giải quyết ({deadline})."),
                ("officer", unit, $"Hồ sơ {s.Code} sắp đến hạn giải quyết ({deadline})."),
            ],
            EscalationKind.StepOverdue =>
            [
                ("leader", record.Agency, $"Hồ sơ {s.Code} quá hạn bước {Step(record.Step)} (hạn bước {due})."),
            ],
            EscalationKind.Overdue =>
            [
                ("director", "", $"Hồ sơ {s.Code} đã quá hạn giải quyết ({deadline}), lần nhắc {record.Repeat + 1}; cần văn bản xin lỗi."),
                ("leader", handling, $"Hồ sơ {s.Code} đã quá hạn giải quyết ({deadline}), lần nhắc {record.Repeat + 1}; cần văn bản xin lỗi."),
            ],
            _ => [],
        };
        return recipients.Select(r => new Notification(
            $"{s.Code}/{record.Key}/{r.Role}/{r.Agency}", s.Code, record.Kind, r.Role, r.Agency, record.DueAt, record.FiredAt, record.Repeat, r.Message));
    }

    private static string Step(ProcessingStep step) => step switch
    {
        ProcessingStep.Appraise => "thẩm định",
        ProcessingStep.Approve => "phê duyệt",
        ProcessingStep.Return => "trả kết quả",
        _ => step.ToString(),
    };
}
