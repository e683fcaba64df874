using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces.Reports;

/// <summary>One Art. 33(1) item: how many rated it at each level, and the share satisfied or very satisfied.</summary>
public sealed record ItemSatisfaction(string Item, string Name, int VerySatisfied, int Satisfied, int Dissatisfied, decimal? Rate);

/// <summary>The counts behind the Decision 766 rates, so that each rate can be checked against its denominator.</summary>
public sealed record Decision766Counts(int Paid, int PaidOnline, int RatedWithCounts, decimal? AverageAgenciesContacted, decimal? AverageContacts,
    int FeedbackHandled, int FeedbackHandledOnTime, int ReceivedOnPaper = 0, int DigitisedOnPaper = 0, int Received = 0, int Reusing = 0,
    int Resolved = 0, int ResolvedElectronically = 0);

public static class Decision766Rules
{
    /// <summary>
    /// Digitisation rate: dossiers received in the period at the counter or by post whose every component has its
    /// electronic copy (a file, a reused document, or an exemption) ÷ those dossiers. Reuse rate: dossiers received in
    /// the period that reuse an earlier document ÷ dossiers received in the period (withdrawn and stopped left out).
    /// Electronic-result rate: dossiers resolved in the period whose result has an electronic copy ÷ dossiers resolved in
    /// the period (approved, granted or refused).
    /// Online payment rate: payments recorded in the period made online ÷ payments recorded in the period. Satisfaction
    /// per item: over the ratings given in the period that rate the item, (very satisfied + satisfied) ÷ those
    /// ratings. The two counts (b, c) averaged over the ratings that give them. Feedback handled on time: answered in
    /// the period by its due date ÷ answered in the period. Judged at min(to, now); docs/rules/reports-and-kpis.md.
    /// </summary>
    public static KpiReport With(KpiReport kpi, IReadOnlyCollection<DossierSummary> dossiers, IEnumerable<FeedbackItem> feedback) =>
        With(kpi, Decision766Tally.Of(dossiers, kpi.From, new Judging(kpi.To, kpi.AsOf)), feedback);

    public static KpiReport With(KpiReport kpi, Decision766Tally tally, IEnumerable<FeedbackItem> feedback)
    {
        bool InPeriod(DateTimeOffset? at) => at is { } instant && instant >= kpi.From && instant <= kpi.AsOf && instant < kpi.To;

        var items = SatisfactionItems.Levels
            .Select(level => ItemOf(level.Key, level.Value, tally.Items.FirstOrDefault(i => i.Item == level.Key) ?? new ItemRatings(level.Key, 0, 0, 0)))
            .ToArray();
        var handled = feedback.Where(f => InPeriod(f.Answer?.At)).ToList();
        var onTime = handled.Count(f => f.Answer!.At <= f.DueAt);
        return kpi with
        {
            OnlinePaymentRate = Rate(tally.PaidOnline, tally.Paid),
            SatisfactionByItem = items,
            FeedbackOnTimeRate = Rate(onTime, handled.Count),
            DigitisationRate = Rate(tally.Digitised, tally.OnPaper),
            ReuseRate = Rate(tally.Reusing, tally.Received),
            ElectronicResultRate = Rate(tally.Electronic, tally.Resolved),
            Counts766 = new Decision766Counts(tally.Paid, tally.PaidOnline, tally.RatedWithCounts,
                Average(tally.AgenciesContactedSum, tally.AgenciesContactedGiven), Average(tally.ContactsSum, tally.ContactsGiven),
                handled.Count, onTime, tally.OnPaper, tally.Digitised, tally.Received, tally.Reusing, tally.Resolved, tally.Electronic),
        };
    }

    private static ItemSatisfaction ItemOf(string item, string name, ItemRatings ratings)
    {
        var unsatisfied = ratings.Rated - ratings.VerySatisfied - ratings.Satisfied;
        return new ItemSatisfaction(item, name, ratings.VerySatisfied, ratings.Satisfied, unsatisfied,
            Rate(ratings.VerySatisfied + ratings.Satisfied, ratings.Rated));
    }

    private static decimal? Average(long sum, int given) => given == 0 ? null : decimal.Round((decimal)sum / given, 2);

    private static decimal? Rate(int part, int whole) => whole == 0 ? null : decimal.Round((decimal)part / whole, 4);
}
