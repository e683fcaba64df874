using HccOrleans.Grains.Dossiers;

namespace HccOrleans.Grains.Notices;

/// <summary>
/// A status change as the National Public Service Portal is sent it (Decree 118/2025 Art. 26–27;
/// docs/rules/notifications.md "Portal sync"): the national status code, the instants and the due date. Our own
/// mapping of the fields, keyed by (dossier, version) so that the portal can drop a repeat.
/// </summary>
internal static class PortalStatus
{

    /// <summary>The message of the transition from <paramref name="before"/> to <paramref name="next"/>, when the national status changed.</summary>
    public static Notification? For(DossierState before, DossierState next, DateTimeOffset now)
    {
        var status = NationalCodes.Of(next.Status, next.HandlingStarted);
        if (before.Exists && before.Status == next.Status && NationalCodes.Of(before.Status, before.HandlingStarted) == status)
        {
            return null;
        }

        var code = next.OfficialCode ?? next.Code;
        var payload = new Payload(code, next.Code, next.Version, status, StatusNames.Vietnamese(next.Status), next.Procedure!.Code,
            next.Request!.ReceivingUnit, next.Procedure.Definition.AgencyCode, EnumWords.Of(next.Request.Channel), next.SubmittedAt,
            next.ReceivedAt, next.RescheduledDueAt ?? next.DueAt, next.CompletedAt, next.ReturnedAt, now);
        return AdapterJson.Message(next, now, EscalationKind.PortalSync, "portal",
            new Destination(Destination.PortalSync, code, $"{code} v{next.Version}", next.Version), payload);
    }

    private sealed record Payload(
        string Code, string RegistrationNumber, long Version, int NationalStatusCode, string StatusName, string ProcedureCode,
        string ReceivingUnit, string HandlingAgency, string Channel, DateTimeOffset SubmittedAt, DateTimeOffset? ReceivedAt,
        DateTimeOffset? DueAt, DateTimeOffset? CompletedAt, DateTimeOffset? ReturnedAt, DateTimeOffset ChangedAt);
}
