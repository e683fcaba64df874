using HccOrleans.Grains.Dossiers;

namespace HccOrleans.Grains.Notices;

/// <summary>
/// A payment request as the payment platform is sent it (Decree 118/2025 Art. 24): the order the citizen pays online.
/// The platform confirms a payment at <c>POST /api/payments/callback</c> with the order's dossier and its own reference.
/// </summary>
internal static class PaymentOrders
{
    /// <summary>The channel word of payment orders.</summary>
    public const string Channel = "payment";

    public static Notification? For(DossierState next, DateTimeOffset now)
    {
        if (next.Log[^1].Action != DossierAction.RequestPayment || next.Payment is not { } payment)
        {
            return null;
        }

        var code = next.OfficialCode ?? next.Code;
        var order = new Order($"{next.Code}/v{next.Version}", code, next.Code, payment.Amount, payment.Note, next.Procedure!.Definition.Name,
            next.Request!.Applicant.Name, payment.RequestedAt);
        return AdapterJson.Message(next, now, EscalationKind.PaymentOrder, Channel,
            new Destination(Channel, code, $"Nộp phí, lệ phí hồ sơ {code}", next.Version), order);
    }

    private sealed record Order(string OrderId, string DossierCode, string RegistrationNumber, decimal Amount, string? Note, string ProcedureName,
        string Payer, DateTimeOffset RequestedAt);
}
