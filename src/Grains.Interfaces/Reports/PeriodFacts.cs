using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces.Reports;

/// <summary>What sets dossiers apart in a period's figures: the dimensions reports break them down by, and how they count.</summary>
public sealed record CountKey(
    string Agency,
    string Field,
    ProcedureRef Procedure,
    FilingChannel Channel,
    OnlineLevel OnlineLevel,
    PeriodCount Count,
    bool ManySupplements)
{
    /// <summary>
    /// A dossier whose handling has ended is judged for its supplement requests at its end, whenever the period is
    /// judged: nothing after the end changes how it counts, which lets its count be summed once, when it ends.
    /// </summary>
    public static CountKey Of(DossierSummary d, PeriodCount count, DateTimeOffset asOf) =>
        new(d.HandlingAgency, d.Field, d.Procedure, d.Channel, d.OnlineLevel, count,
            d.SupplementRequestsAfterReceiptBefore(count.Resolved is not null || count.WithdrawnOrStopped ? d.Ended()!.Value.At : asOf) > 1);
}

/// <summary>
/// Dossiers that count alike in a period, how many, and the working hours of those resolved with a resolution time
/// (<see cref="Timed"/> of them): every figure of II.06a, 07a, 07b and the KPIs is a sum over these groups.
/// </summary>
public sealed record CountedGroup(CountKey Key, int Dossiers, decimal ResolutionHours, int Timed);

/// <summary>An overdue dossier and its handling agency.</summary>
public sealed record OverdueDossier(string Agency, string Code);

/// <summary>Ratings given in the period: how many, and how many satisfied or very satisfied.</summary>
public sealed record RatingCounts(int Rated, int Satisfied);

/// <summary>One Art. 33(1) item's ratings in the period, by level.</summary>
public sealed record ItemRatings(string Item, int VerySatisfied, int Satisfied, int Rated);

/// <summary>The counts behind Decision 766's rates (<see cref="Decision766Rules"/>).</summary>
public sealed record Decision766Tally(
    int Paid,
    int PaidOnline,
    ItemRatings[] Items,
    int RatedWithCounts,
    int AgenciesContactedGiven,
    long AgenciesContactedSum,
    int ContactsGiven,
    long ContactsSum,
    int Received,
    int OnPaper,
    int Digitised,
    int Reusing,
    int Resolved,
    int Electronic)
{
    /// <summary>The C# definition: what the PostgreSQL aggregate must equal (<see cref="PeriodFacts"/>).</summary>
    public static Decision766Tally Of(IReadOnlyCollection<DossierSummary> dossiers, DateTimeOffset from, Judging judging)
    {
        bool InPeriod(DateTimeOffset? at) => at is { } instant && instant >= from && judging.Covers(instant);

        // A fee paid at submission counts once the dossier is received, in the period of the later of the two.
        var paid = dossiers.Where(d => InPeriod(d.Figures?.PaidAt is { } at && d.ReceivedAt is { } received && received > at ? received : d.Figures?.PaidAt)).ToList();
        var rated = dossiers.Where(d => d.Rating is not null && InPeriod(d.RatedAt)).ToList();
        var items = rated.SelectMany(d => d.Figures?.RatingItems ?? [])
            .GroupBy(i => i.Item)
            .Select(g => new ItemRatings(g.Key, g.Count(i => i.Rating == SatisfactionRating.VerySatisfied),
                g.Count(i => i.Rating == SatisfactionRating.Satisfied), g.Count()))
            .OrderBy(i => i.Item, StringComparer.Ordinal)
            .ToArray();
        var counted = rated.Where(d => d.Figures is { AgenciesContacted: not null } or { Contacts: not null }).Select(d => d.Figures!).ToList();
        var received = dossiers.Where(d => InPeriod(d.ReceivedAt) && d.Status is not (DossierStatus.Withdrawn or DossierStatus.Stopped)).ToList();
        var onPaper = received.Where(d => d.Channel is FilingChannel.Direct or FilingChannel.Postal).ToList();
        var resolved = dossiers.Where(d => InPeriod(d.CompletedAt) && d.Outcome is not null).ToList();
        return new Decision766Tally(
            paid.Count,
            paid.Count(d => d.Figures!.PaidBy == PaymentMethod.Online),
            items,
            counted.Count,
            counted.Count(f => f.AgenciesContacted is not null),
            counted.Sum(f => (long)(f.AgenciesContacted ?? 0)),
            counted.Count(f => f.Contacts is not null),
            counted.Sum(f => (long)(f.Contacts ?? 0)),
            received.Count,
            onPaper.Count,
            onPaper.Count(d => d.Figures?.Digitised == true),
            received.Count(d => d.Figures?.Reused == true),
            resolved.Count,
            resolved.Count(d => d.Figures?.ElectronicResult == true));
    }
}

/// <summary>
/// Everything a period's reports read, judged at min(to, now): the counted groups, the ratings given, the dossiers
/// overdue now and Decision 766's counts. <see cref="Of"/> is the definition, over the index's summaries (the in-memory
/// engine's way); on PostgreSQL the same facts are aggregated in the database, so no report loads the period's rows,
/// and a parity test holds the two to the same numbers.
/// </summary>
public sealed record PeriodFacts(
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset Now,
    CountedGroup[] Groups,
    RatingCounts Ratings,
    OverdueDossier[] Overdue,
    Decision766Tally Tally766)
{
    public Judging Judging => new(To, Now);

    /// <summary>
    /// The facts of <paramref name="dossiers"/> (those received before <see cref="Judging.Until"/>, of one scope) for
    /// [<paramref name="from"/>, <paramref name="to"/>) judged at min(to, now).
    /// </summary>
    public static PeriodFacts Of(IEnumerable<DossierSummary> dossiers, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var all = dossiers as IReadOnlyCollection<DossierSummary> ?? [.. dossiers];
        var judging = new Judging(to, now);
        var groups = ReportRules.Counted(all, from, judging)
            .GroupBy(x => CountKey.Of(x.Dossier, x.Count, judging.AsOf))
            .Select(g =>
            {
                var timed = g.Where(x => x.Count.Resolved is not null && x.Dossier.ResolutionWorkingHours is not null).ToList();
                return new CountedGroup(g.Key, g.Count(), timed.Sum(x => x.Dossier.ResolutionWorkingHours!.Value), timed.Count);
            })
            .ToArray();
        var rated = all.Where(d => d.Rating is not null && d.RatedAt is { } at && at >= from && judging.Covers(at)).ToList();
        return new PeriodFacts(
            from,
            to,
            now,
            groups,
            new RatingCounts(rated.Count, rated.Count(d => d.Rating is SatisfactionRating.VerySatisfied or SatisfactionRating.Satisfied)),
            [.. all.Where(d => d.IsOverdueAt(now)).Select(d => new OverdueDossier(d.HandlingAgency, d.Code))],
            Decision766Tally.Of(all, from, judging));
    }

    /// <summary>The same facts restricted to the groups <paramref name="keep"/> takes (a section of 07b).</summary>
    public PeriodFacts Where(Func<CountKey, bool> keep) => this with { Groups = [.. Groups.Where(g => keep(g.Key))] };

    /// <summary>How many dossiers of the groups <paramref name="counts"/> takes.</summary>
    public static int Sum(IEnumerable<CountedGroup> groups, Func<CountKey, bool> counts) => groups.Where(g => counts(g.Key)).Sum(g => g.Dossiers);
}
