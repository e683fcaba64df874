using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;

namespace HccOrleans.Grains.Notices;

/// <summary>What leaves the engine when a transition is stored: the citizen's message, the portal's status change, a payment order.</summary>
internal static class Outgoing
{
    public static List<Notification> Of(DossierState before, DossierState next, WorkingCalendar calendar, DateTimeOffset now, Adapters on)
    {
        List<Notification> outgoing = [];
        if (CitizenNotices.For(next, calendar, now, on.Citizen) is { } citizen)
        {
            outgoing.Add(citizen);
        }

        if (on.PortalSync && PortalStatus.For(before, next, now) is { } status)
        {
            outgoing.Add(status);
        }

        if (on.PortalSync && PortalResults.For(before, next, now) is { } result)
        {
            outgoing.Add(result);
        }

        if (on.PaymentOrders && PaymentOrders.For(next, now) is { } order)
        {
            outgoing.Add(order);
        }

        return outgoing;
    }
}

/// <summary>Which adapters are configured, so that nothing is written for one that is off.</summary>
internal readonly record struct Adapters(bool PortalSync, bool PaymentOrders, Func<NoticeChannel, bool> Citizen);
