using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces.Reports;

public sealed record ReceivedCounts(int Total, int Online, int DirectOrPostal);

public sealed record ResolvedCounts(int Total, int Early, int OnTime, int Late, int LateWithApology);

public sealed record InProgressCounts(int Total, int WithinDeadline, int Overdue);

/// <summary>One row of II.06a: <see cref="ToHandle"/> = carried over + received = resolved + withdrawn or stopped + in progress.</summary>
public sealed record Report06aRow(
    string? Agency,
    string? Field,
    int ToHandle,
    int CarriedOver,
    ReceivedCounts Received,
    ResolvedCounts Resolved,
    int WithdrawnOrStopped,
    InProgressCounts InProgress);

/// <summary>Report II.06a (Circular 01/2020/TT-VPCP) for [From, To), judged at <see cref="AsOf"/> = min(To, now).</summary>
public sealed record Report06a(DateTimeOffset From, DateTimeOffset To, DateTimeOffset AsOf, Report06aRow[] Rows, Report06aRow Total);

/// <summary>
/// When a period [from, <see cref="To"/>) is judged: at <see cref="AsOf"/> = min(to, now). An event counts once it
/// has happened: before the period's end, and not after now (an approval at this very instant has happened).
/// </summary>
public readonly record struct Judging(DateTimeOffset To, DateTimeOffset Now)
{
    public DateTimeOffset AsOf => To < Now ? To : Now;

    public bool Covers(DateTimeOffset instant) => instant < To && instant <= Now;

    /// <summary>The exclusive upper bound of what <see cref="Covers"/> takes, for a query.</summary>
    public DateTimeOffset Until => To <= Now ? To : Now.AddTicks(1);
}

/// <summary>How one dossier counts in a period.</summary>
public sealed record PeriodCount(
    bool CarriedOver,
    bool Online,
    CompletionClass? Resolved,
    bool LateWithApology,
    bool WithdrawnOrStopped,
    bool? InProgressWithinDeadline);

/// <summary>
/// The counting rules of report II.06a (docs/rules/reports-and-kpis.md), judged at the instant <c>asOf</c> = min(to, now) from the
/// dossier's timestamps and due-date history, never its current status: a closed period's report never changes.
/// Only received dossiers count (refused and never-received are excluded). Carried over: received before the
/// period and not finished before it. Resolved: approved within the period, classed at approval (an apology's new
/// date never counts). Withdrawn or stopped within the period: their own column. In progress: received by the
/// judging instant and not finished by then; overdue if the due instant in force then had passed, and never while
/// the clock was stopped for a supplement or a payment.
/// </summary>
public static class ReportRules
{
    public static PeriodCount? Count(DossierSummary d, DateTimeOffset from, Judging judging)
    {
        if (d.ReceivedAt is not { } received || !judging.Covers(received))
        {
            return null;
        }

        var ended = d.Ended() is { } e && judging.Covers(e.At) ? e : ((DateTimeOffset At, Ending How)?)null;
        if (received < from && ended is { } before && before.At < from)
        {
            return null;
        }

        var online = d.Channel == FilingChannel.Online;
        var carriedOver = received < from;
        return ended switch
        {
            { How: Ending.Resolved } => new PeriodCount(carriedOver, online, d.Completion ?? CompletionClass.OnTime,
                d.Completion == CompletionClass.Late && d.Apologized, false, null),
            { How: Ending.WithdrawnOrStopped } => new PeriodCount(carriedOver, online, null, false, true, null),
            _ => new PeriodCount(carriedOver, online, null, false, false, !d.IsOverdueJudgedAt(judging.AsOf)),
        };
    }

    /// <summary>The dossiers that count in the period, each with how it counts.</summary>
    public static List<(DossierSummary Dossier, PeriodCount Count)> Counted(IEnumerable<DossierSummary> dossiers, DateTimeOffset from, Judging judging) =>
        [.. dossiers.Select(d => (Dossier: d, Count: Count(d, from, judging))).Where(x => x.Count is not null).Select(x => (x.Dossier, x.Count!))];

    public static Report06a Build(IEnumerable<DossierSummary> dossiers, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, bool byField) =>
        Build(PeriodFacts.Of(dossiers, from, to, now), byField);

    public static Report06a Build(PeriodFacts facts, bool byField)
    {
        var rows = facts.Groups
            .GroupBy(g => (g.Key.Agency, Field: byField ? g.Key.Field : null))
            .OrderBy(g => g.Key.Agency, StringComparer.Ordinal).ThenBy(g => g.Key.Field, StringComparer.Ordinal)
            .Select(g => Row(g.Key.Agency, g.Key.Field, g))
            .ToArray();
        return new Report06a(facts.From, facts.To, facts.Judging.AsOf, rows, Row(null, null, facts.Groups));
    }

    private static Report06aRow Row(string? agency, string? field, IEnumerable<CountedGroup> groups)
    {
        var list = groups.ToList();
        int N(Func<PeriodCount, bool> counts) => PeriodFacts.Sum(list, k => counts(k.Count));
        return new Report06aRow(
            agency,
            field,
            N(_ => true),
            N(c => c.CarriedOver),
            new ReceivedCounts(N(c => !c.CarriedOver), N(c => !c.CarriedOver && c.Online), N(c => !c.CarriedOver && !c.Online)),
            new ResolvedCounts(N(c => c.Resolved is not null), N(c => c.Resolved == CompletionClass.Early),
                N(c => c.Resolved == CompletionClass.OnTime), N(c => c.Resolved == CompletionClass.Late), N(c => c.LateWithApology)),
            N(c => c.WithdrawnOrStopped),
            new InProgressCounts(N(c => c.InProgressWithinDeadline is not null), N(c => c.InProgressWithinDeadline == true), N(c => c.InProgressWithinDeadline == false)));
    }
}
