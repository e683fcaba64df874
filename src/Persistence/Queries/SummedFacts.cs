using HccOrleans.Grains.Interfaces.Model;
using HccOrleans.Grains.Interfaces.Reports;

namespace HccOrleans.Persistence.Queries;

/// <summary>
/// Adds up the sums of a period (keyed as hcc_report_contributions in migration 0015 keys them) and the groups of the
/// dossiers open at its start or end into its <see cref="PeriodFacts"/>. Given the month a period starts with, the
/// dossiers that ended in it are carried over when received in an earlier month; otherwise they are counted as received
/// in it, and <see cref="AddOpen"/> moves those carried over.
/// </summary>
internal sealed class SummedFacts(string? fromMonth)
{
    private readonly Dictionary<CountKey, (long Dossiers, decimal Hours, long Timed)> _groups = [];
    private readonly SortedDictionary<string, (long VerySatisfied, long Satisfied, long Rated)> _items = new(StringComparer.Ordinal);
    private long _received, _onPaper, _digitised, _reusing, _paid, _paidOnline, _rated, _satisfied, _ratedWithCounts;
    private long _contactedGiven, _contactedSum, _contactsGiven, _contactsSum, _resolved, _electronic;

    /// <summary>One summed part: its kind, its key (handling agency and receiving unit first) and its totals.</summary>
    public void Add(string kind, string?[] key, long n, decimal hours, long timed, long s1, long s2)
    {
        bool Flag(int i) => key[i] == "true";
        switch (kind)
        {
            case "ended":
                var channel = EnumWords.Parse<FilingChannel>(key[6]!);
                var withdrawn = Flag(10);
                var carriedOver = fromMonth is not null && string.CompareOrdinal(key[12], fromMonth) < 0;
                var count = new PeriodCount(carriedOver, channel == FilingChannel.Online, withdrawn ? null : EnumWords.Parse<CompletionClass>(key[8]!), Flag(9), withdrawn, null);
                Group(new CountKey(key[0]!, key[2]!, new ProcedureRef(key[3]!, int.Parse(key[4]!, System.Globalization.CultureInfo.InvariantCulture), key[5]!),
                    channel, EnumWords.Parse<OnlineLevel>(key[7]!), count, Flag(11)), n, hours, timed);
                break;
            case "received" when Flag(2):
                _received += n;
                _onPaper += Flag(3) ? n : 0;
                _digitised += Flag(3) && Flag(4) ? n : 0;
                _reusing += Flag(5) ? n : 0;
                break;
            case "paid":
                _paid += n;
                _paidOnline += Flag(2) ? n : 0;
                break;
            case "rated":
                _rated += n;
                _satisfied += Flag(2) ? n : 0;
                _ratedWithCounts += Flag(3) ? n : 0;
                _contactedGiven += Flag(4) ? n : 0;
                _contactsGiven += Flag(5) ? n : 0;
                _contactedSum += s1;
                _contactsSum += s2;
                break;
            case "item":
                var item = _items.GetValueOrDefault(key[2]!);
                _items[key[2]!] = (item.VerySatisfied + (key[3] == "very-satisfied" ? n : 0), item.Satisfied + (key[3] == "satisfied" ? n : 0), item.Rated + n);
                break;
            case "completed":
                _resolved += n;
                _electronic += Flag(2) ? n : 0;
                break;
        }
    }

    /// <summary>
    /// A group of dossiers open at the period's start or end. Those carried over that ended in the period are also in
    /// the sums of the ended, as received in it: they are taken from there.
    /// </summary>
    public void AddOpen(CountedGroup group)
    {
        Group(group.Key, group.Dossiers, group.ResolutionHours, group.Timed);
        if (group.Key.Count is { CarriedOver: true } count && (count.Resolved is not null || count.WithdrawnOrStopped))
        {
            Group(group.Key with { Count = count with { CarriedOver = false } }, -group.Dossiers, -group.ResolutionHours, -group.Timed);
        }
    }

    public PeriodFacts Facts(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, OverdueDossier[] overdue)
    {
        var items = _items.Where(i => i.Value.Rated != 0).Select(i => new ItemRatings(i.Key, N(i.Value.VerySatisfied), N(i.Value.Satisfied), N(i.Value.Rated)));
        var groups = _groups.Where(g => g.Value.Dossiers != 0).Select(g => new CountedGroup(g.Key, N(g.Value.Dossiers), g.Value.Hours, N(g.Value.Timed)));
        return new PeriodFacts(from, to, now, [.. groups], new RatingCounts(N(_rated), N(_satisfied)), overdue,
            new Decision766Tally(N(_paid), N(_paidOnline), [.. items], N(_ratedWithCounts), N(_contactedGiven), _contactedSum, N(_contactsGiven), _contactsSum,
                N(_received), N(_onPaper), N(_digitised), N(_reusing), N(_resolved), N(_electronic)));
    }

    private void Group(CountKey key, long dossiers, decimal hours, long timed)
    {
        var sum = _groups.GetValueOrDefault(key);
        _groups[key] = (sum.Dossiers + dossiers, sum.Hours + hours, sum.Timed + timed);
    }

    private static int N(long count) => checked((int)count);
}
