using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;

namespace HccOrleans.Grains.Notices;

/// <summary>What leaves the engine when a transition is stored: the citizen's message and the portal's status change.</summary>
internal static class Outgoing
{
    public static List<Notification> Of(DossierState before, DossierState next, WorkingCalendar calendar, DateTimeOffset now, bool portalSync)
    {
        List<Notification> outgoing = [];
        if (CitizenNotices.For(next, calendar, now) is { } citizen)
        {
            outgoing.Add(citizen);
        }

        if (portalSync && PortalStatus.For(before, next, now) is { } status)
        {
            outgoing.Add(status);
        }

        return outgoing;
    }
}
