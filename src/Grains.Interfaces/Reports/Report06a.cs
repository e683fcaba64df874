using HccOrleans.Model;

namespace HccOrleans.Reports;

public sealed record ReceivedCounts(int Total, int Online, int DirectOrPostal, int CarriedOver);

public sealed record ResolvedCounts(int Total, int Early, int OnTime, int Late);

public sealed record InProgressCounts(int Total, int WithinDeadline, int Overdue);

public sealed record Report06aRow(string? Agency, string? Field, ReceivedCounts Received, ResolvedCounts Resolved, InProgressCounts InProgress);

/// <summary>Report II.06a (Circular 01/2020/TT-VPCP) for [From, To).</summary>
public sealed record Report06a(DateTimeOffset From, DateTimeOffset To, Report06aRow[] Rows, Report06aRow Total);

/// <summary>How one dossier counts in a period, per the counting rules of domain.md.</summary>
public sealed record PeriodCount(bool Received, bool Online, bool CarriedOver, CompletionClass? Resolved, bool? InProgressWithinDeadline);

/// <summary>
/// The counting rules of report II.06a. Only received dossiers count (refused at receipt and never
/// received are excluded). A dossier finishes when approved (done/returned) or when withdrawn after
/// receipt, which counts as on time. Carried over: received before the period and not finished before
/// it. In progress: received by the end and not finished by then; within deadline if its original due
/// date (an apology's new date does not count) is at or after the period end, and always while it waits
/// for a supplement, since its clock is stopped.
/// </summary>
public static class ReportRules
{
    public static PeriodCount? Count(DossierSummary d, DateTimeOffset from, DateTimeOffset to)
    {
        if (d.ReceivedAt is not { } received || received >= to)
        {
            return null;
        }

        var finished = Finished(d);
        var carriedOver = received < from && (finished is null || finished >= from);
        if (received < from && !carriedOver)
        {
            return null;
        }

        CompletionClass? resolved = finished is { } f && f >= from && f < to
            ? d.Status == DossierStatus.Withdrawn ? CompletionClass.OnTime : d.Completion ?? CompletionClass.OnTime
            : null;
        bool? inProgressWithin = finished is null || finished >= to
            ? d.Status == DossierStatus.SupplementRequested || d.DueAt is not { } due || due >= to
            : null;
        return new PeriodCount(received >= from, d.Channel == Channel.Online, carriedOver, resolved, inProgressWithin);
    }

    /// <summary>When the dossier's handling ended, or null while it goes on.</summary>
    public static DateTimeOffset? Finished(DossierSummary d) => d.Status switch
    {
        DossierStatus.Done or DossierStatus.Returned or DossierStatus.Withdrawn => d.CompletedAt,
        _ => null,
    };

    public static Report06a Build(IEnumerable<DossierSummary> dossiers, DateTimeOffset from, DateTimeOffset to, bool byField)
    {
        var counted = dossiers.Select(d => (Dossier: d, Count: Count(d, from, to))).Where(x => x.Count is not null).ToList();
        var rows = counted
            .GroupBy(x => (x.Dossier.HandlingAgency, Field: byField ? x.Dossier.Field : null))
            .OrderBy(g => g.Key.HandlingAgency, StringComparer.Ordinal).ThenBy(g => g.Key.Field, StringComparer.Ordinal)
            .Select(g => Row(g.Key.HandlingAgency, g.Key.Field, g.Select(x => x.Count!)))
            .ToArray();
        return new Report06a(from, to, rows, Row(null, null, counted.Select(x => x.Count!)));
    }

    private static Report06aRow Row(string? agency, string? field, IEnumerable<PeriodCount> counts)
    {
        var list = counts.ToList();
        var received = list.Where(c => c.Received).ToList();
        var resolved = list.Where(c => c.Resolved is not null).ToList();
        var inProgress = list.Where(c => c.InProgressWithinDeadline is not null).ToList();
        return new Report06aRow(
            agency,
            field,
            new ReceivedCounts(received.Count, received.Count(c => c.Online), received.Count(c => !c.Online), list.Count(c => c.CarriedOver)),
            new ResolvedCounts(resolved.Count, resolved.Count(c => c.Resolved == CompletionClass.Early),
                resolved.Count(c => c.Resolved == CompletionClass.OnTime), resolved.Count(c => c.Resolved == CompletionClass.Late)),
            new InProgressCounts(inProgress.Count, inProgress.Count(c => c.InProgressWithinDeadline == true), inProgress.Count(c => c.InProgressWithinDeadline == false)));
    }
}
