using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces.Reports;

/// <summary>How a dossier's handling ended: resolved (approved, the completion instant) or withdrawn/stopped.</summary>
public enum Ending
{
    Resolved = 1,
    WithdrawnOrStopped = 2,
}

/// <summary>
/// A dossier as it stood at a past instant, read from the index's timestamps and due-date history rather than
/// its current status: what reports judged at <c>min(to, now)</c> need, so that later events change nothing.
/// </summary>
public static class DossierTimeline
{
    /// <summary>When and how the dossier's handling ended, or null while it goes on.</summary>
    public static (DateTimeOffset At, Ending How)? Ended(this DossierSummary d) => d switch
    {
        // Before v1.1 a withdrawal stamped CompletedAt; such a dossier still ended by withdrawal.
        { Status: DossierStatus.Withdrawn or DossierStatus.Stopped } when (d.ClosedAt ?? d.CompletedAt) is { } closed => (closed, Ending.WithdrawnOrStopped),
        { CompletedAt: { } approved } => (approved, Ending.Resolved),
        _ => null,
    };

    /// <summary>
    /// The last instant at which anything a period's figures read happened to the dossier (receipt, its end, a
    /// payment, a rating), once its handling has ended; null while it goes on. A period that starts after it cannot
    /// count the dossier, which is what lets a report skip the years before its period.
    /// </summary>
    public static DateTimeOffset? SettledAt(this DossierSummary d) =>
        d.Ended() is null ? null : Later(Later(Later(d.ReceivedAt, d.CompletedAt), Later(d.ClosedAt, d.RatedAt)), d.Figures?.PaidAt);

    // Every index write computes this: no array for five instants.
    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null || b > a ? b : a;

    /// <summary>
    /// Whether the dossier, received and still in progress at <paramref name="at"/>, was past the due instant in
    /// force then. A dossier whose clock was stopped (supplement or payment awaited) is within its deadline.
    /// </summary>
    public static bool IsOverdueJudgedAt(this DossierSummary d, DateTimeOffset at)
    {
        if (d.DueHistory.Length == 0)
        {
            // Indexed before the history was kept: the current due date is all there is.
            return d.Status is not (DossierStatus.SupplementRequested or DossierStatus.AwaitingPayment) && d.DueAt is { } due && due < at;
        }

        var inForce = d.DueHistory.LastOrDefault(c => c.At <= at) ?? d.DueHistory[0];
        return inForce.DueAt is { } dueAt && dueAt < at;
    }

    /// <summary>Supplement requests made after receipt and before <paramref name="at"/> (a request at receipt runs no clock).</summary>
    public static int SupplementRequestsAfterReceiptBefore(this DossierSummary d, DateTimeOffset at) =>
        d.DueHistory.Length == 0
            ? d.SupplementRequests
            : d.DueHistory.Count(c => c.Reason == DueChangeReason.SupplementRequested && c.At < at);
}
