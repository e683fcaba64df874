namespace HccOrleans.Grains.Dossiers;

/// <summary>
/// What the competent agency's own one-stop unit is sent of a dossier received elsewhere for it (Decree 118/2025
/// Art. 20(1)): the dossier's information at receipt, and when its paper is due, if on paper.
/// </summary>
internal static class ForwardNotice
{
    public static Notification? For(DossierState received, DateTimeOffset now, Calendar.WorkingCalendar calendar)
    {
        if (received.Route is not { } route)
        {
            return null;
        }

        var code = received.OfficialCode ?? received.Code;
        var paper = received.Step == ProcessingStep.Transfer && received.StepDueAt is { } due
            ? $" Hồ sơ giấy được chuyển đến trước {calendar.ToLocal(due):HH:mm dd/MM/yyyy}."
            : " Hồ sơ điện tử đã được chuyển ngay đến cơ quan giải quyết.";
        return new Notification($"{received.Code}/forwarded", received.Code, EscalationKind.Forwarded, "officer", route.ForwardedTo,
            received.DueAt ?? now, now, 0,
            $"Hồ sơ {code} ({received.Procedure!.Definition.Name}) được tiếp nhận tại {received.Request!.ReceivingUnit}, thuộc thẩm quyền của {received.Procedure.Definition.AgencyCode}; hạn giải quyết {calendar.ToLocal(received.DueAt ?? now):HH:mm dd/MM/yyyy}.{paper}");
    }
}
