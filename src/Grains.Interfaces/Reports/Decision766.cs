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
    public static KpiReport With(KpiReport kpi, IReadOnlyCollection<DossierSummary> dossiers, IEnumerable<FeedbackItem> feedback)
    {
        bool InPeriod(DateTimeOffset? at) => at is { } instant && instant >= kpi.From && instant <= kpi.AsOf && instant < kpi.To;

        var paid = dossiers.Where(d => InPeriod(d.Figures?.PaidAt)).ToList();
        var online = paid.Count(d => d.Figures!.PaidBy == PaymentMethod.Online);
        var rated = dossiers.Where(d => d.Rating is not null && InPeriod(d.RatedAt)).ToList();
        var items = SatisfactionItems.Levels
            .Select(level => ItemOf(level.Key, level.Value, rated.SelectMany(d => d.Figures?.RatingItems ?? []).Where(i => i.Item == level.Key).ToList()))
            .ToArray();
        var counted = rated.Where(d => d.Figures is { AgenciesContacted: not null } or { Contacts: not null }).Select(d => d.Figures!).ToList();
        var handled = feedback.Where(f => InPeriod(f.Answer?.At)).ToList();
        var received = dossiers.Where(d => InPeriod(d.ReceivedAt) && d.Status is not (DossierStatus.Withdrawn or DossierStatus.Stopped)).ToList();
        var onPaper = received.Where(d => d.Channel is FilingChannel.Direct or FilingChannel.Postal).ToList();
        var digitised = onPaper.Count(d => d.Figures?.Digitised == true);
        var reusing = received.Count(d => d.Figures?.Reused == true);
        var resolved = dossiers.Where(d => InPeriod(d.CompletedAt) && d.Outcome is not null).ToList();
        var electronic = resolved.Count(d => d.Figures?.ElectronicResult == true);
        var onTime = handled.Count(f => f.Answer!.At <= f.DueAt);
        return kpi with
        {
            OnlinePaymentRate = Rate(online, paid.Count),
            SatisfactionByItem = items,
            FeedbackOnTimeRate = Rate(onTime, handled.Count),
            DigitisationRate = Rate(digitised, onPaper.Count),
            ReuseRate = Rate(reusing, received.Count),
            ElectronicResultRate = Rate(electronic, resolved.Count),
            Counts766 = new Decision766Counts(paid.Count, online, counted.Count, Average(counted.Select(f => f.AgenciesContacted)),
                Average(counted.Select(f => f.Contacts)), handled.Count, onTime, onPaper.Count, digitised, received.Count, reusing,
                resolved.Count, electronic),
        };
    }

    private static ItemSatisfaction ItemOf(string item, string name, IReadOnlyCollection<RatedItem> ratings)
    {
        var very = ratings.Count(r => r.Rating == SatisfactionRating.VerySatisfied);
        var satisfied = ratings.Count(r => r.Rating == SatisfactionRating.Satisfied);
        return new ItemSatisfaction(item, name, very, satisfied, ratings.Count - very - satisfied, Rate(very + satisfied, ratings.Count));
    }

    private static decimal? Average(IEnumerable<int?> counts)
    {
        var given = counts.OfType<int>().ToList();
        return given.Count == 0 ? null : decimal.Round((decimal)given.Sum() / given.Count, 2);
    }

    private static decimal? Rate(int part, int whole) => whole == 0 ? null : decimal.Round((decimal)part / whole, 4);
}
