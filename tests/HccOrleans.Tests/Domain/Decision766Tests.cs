using HccOrleans.Grains.Interfaces.Reports;
using static HccOrleans.Tests.Domain.ReportRulesTests;
using static HccOrleans.Tests.Support.TestCalendars;

namespace HccOrleans.Tests.Domain;

/// <summary>The Decision 766 figures over a hand-built set, each with its exact value and denominator.</summary>
[Trait("Category", "Domain")]
public sealed class Decision766Tests
{
    private static readonly DateTimeOffset From = Vn(2026, 11, 1, 0);
    private static readonly DateTimeOffset To = Vn(2026, 12, 1, 0);

    [Fact]
    public void AHandBuiltMonth_GivesEachFigureExactly()
    {
        DossierSummary[] dossiers =
        [
            // Payments recorded in the period: 2 online of 3; one paid before the period is not counted.
            Paid("P1", Vn(2026, 11, 3, 9), PaymentMethod.Online),
            Paid("P2", Vn(2026, 11, 4, 9), PaymentMethod.Counter),
            Paid("P3", Vn(2026, 11, 28, 9), PaymentMethod.Online),
            Paid("P4", Vn(2026, 10, 30, 9), PaymentMethod.Online),
            // Ratings given in the period with items; one rated after the period is not counted.
            Rated("R1", Vn(2026, 11, 10, 9), [new("a", SatisfactionRating.VerySatisfied), new("dd", SatisfactionRating.Satisfied)], agencies: 1, contacts: 2),
            Rated("R2", Vn(2026, 11, 11, 9), [new("a", SatisfactionRating.Dissatisfied), new("dd", SatisfactionRating.VerySatisfied), new("h", SatisfactionRating.Satisfied)], agencies: 2, contacts: 5),
            Rated("R3", Vn(2026, 11, 12, 9), [new("a", SatisfactionRating.Satisfied)]),
            Rated("R4", Vn(2026, 12, 2, 9), [new("a", SatisfactionRating.Dissatisfied)], agencies: 9, contacts: 9),
            // Components: digitised at the counter and reusing; digitised but filed online (not a paper dossier);
            // digitised but withdrawn (left out). With the five above received in the period: 1 of 6 paper dossiers
            // digitised, 1 of 7 dossiers reusing.
            D("G1", DossierStatus.Processing, Vn(2026, 11, 5, 9)) with { Figures = new DossierFigures(Digitised: true, Reused: true) },
            D("G2", DossierStatus.Processing, Vn(2026, 11, 6, 9), channel: FilingChannel.Online) with { Figures = new DossierFigures(Digitised: true) },
            D("G3", DossierStatus.Withdrawn, Vn(2026, 11, 7, 9)) with { Figures = new DossierFigures(Digitised: true, Reused: true) },
            // Results: of three resolved in the period (two granted, one refused), one has an electronic copy; one resolved
            // after the period is not counted.
            D("E1", DossierStatus.Done, Vn(2026, 10, 20, 9), completed: Vn(2026, 11, 8, 9)) with { Outcome = DossierOutcome.Granted, Figures = new DossierFigures(ElectronicResult: true) },
            D("E2", DossierStatus.Done, Vn(2026, 10, 21, 9), completed: Vn(2026, 11, 9, 9)) with { Outcome = DossierOutcome.Granted },
            D("E4", DossierStatus.Done, Vn(2026, 10, 23, 9), completed: Vn(2026, 11, 10, 9)) with { Outcome = DossierOutcome.Denied },
            D("E3", DossierStatus.Done, Vn(2026, 10, 22, 9), completed: Vn(2026, 12, 3, 9)) with { Outcome = DossierOutcome.Granted, Figures = new DossierFigures(ElectronicResult: true) },
        ];
        FeedbackItem[] feedback =
        [
            Answered(1, Vn(2026, 11, 2, 9), due: Vn(2026, 11, 16, 17), answeredAt: Vn(2026, 11, 10, 9)),
            Answered(2, Vn(2026, 11, 2, 9), due: Vn(2026, 11, 16, 17), answeredAt: Vn(2026, 11, 20, 9)),
            Answered(3, Vn(2026, 10, 1, 9), due: Vn(2026, 10, 15, 17), answeredAt: Vn(2026, 10, 10, 9)),
            Answered(4, Vn(2026, 11, 25, 9), due: Vn(2026, 12, 9, 17), answeredAt: null),
        ];

        var kpi = Decision766Rules.With(KpiRules.Build(dossiers, From, To, To.AddDays(10)), dossiers, feedback);

        Assert.Equal((3, 2, 0.6667m), (kpi.Counts766!.Paid, kpi.Counts766.PaidOnline, kpi.OnlinePaymentRate!.Value));
        var items = kpi.SatisfactionByItem.ToDictionary(i => i.Item);
        Assert.Equal(["a", "d", "dd", "e", "g", "h", "i"], kpi.SatisfactionByItem.Select(i => i.Item));
        Assert.Equal((1, 1, 1, 0.6667m), (items["a"].VerySatisfied, items["a"].Satisfied, items["a"].Dissatisfied, items["a"].Rate!.Value));
        Assert.Equal((1, 1, 0, 1m), (items["dd"].VerySatisfied, items["dd"].Satisfied, items["dd"].Dissatisfied, items["dd"].Rate!.Value));
        Assert.Equal(1m, items["h"].Rate);
        Assert.Null(items["d"].Rate);
        Assert.Equal((2, 1.5m, 3.5m), (kpi.Counts766.RatedWithCounts, kpi.Counts766.AverageAgenciesContacted!.Value, kpi.Counts766.AverageContacts!.Value));
        Assert.Equal((2, 1, 0.5m), (kpi.Counts766.FeedbackHandled, kpi.Counts766.FeedbackHandledOnTime, kpi.FeedbackOnTimeRate!.Value));
        Assert.Equal((6, 1, 0.1667m), (kpi.Counts766.ReceivedOnPaper, kpi.Counts766.DigitisedOnPaper, kpi.DigitisationRate!.Value));
        Assert.Equal((7, 1, 0.1429m), (kpi.Counts766.Received, kpi.Counts766.Reusing, kpi.ReuseRate!.Value));
        Assert.Equal((3, 1, 0.3333m), (kpi.Counts766.Resolved, kpi.Counts766.ResolvedElectronically, kpi.ElectronicResultRate!.Value));
    }

    [Fact]
    public void AFeePaidAtSubmission_CountsInThePeriodOfReceipt_WhenReceiptFallsInALaterOne()
    {
        // Submitted and paid online on 31 October, received on 2 November; one paid at submission and received in
        // October counts in October only.
        var lateReceipt = D("S1", DossierStatus.Processing, Vn(2026, 11, 2, 9)) with
        {
            SubmittedAt = Vn(2026, 10, 31, 20),
            Figures = new DossierFigures(Vn(2026, 10, 31, 20), PaymentMethod.Online),
        };
        var sameMonth = D("S2", DossierStatus.Processing, Vn(2026, 10, 30, 9)) with
        {
            SubmittedAt = Vn(2026, 10, 29, 20),
            Figures = new DossierFigures(Vn(2026, 10, 29, 20), PaymentMethod.Online),
        };
        DossierSummary[] dossiers = [lateReceipt, sameMonth];

        int Paid(DateTimeOffset from, DateTimeOffset to) =>
            Decision766Rules.With(KpiRules.Build(dossiers, from, to, To.AddDays(10)), dossiers, []).Counts766!.Paid;

        Assert.Equal((1, 1), (Paid(Vn(2026, 10, 1, 0), From), Paid(From, To)));
    }

    [Fact]
    public void NothingToCount_GivesNoRate_NotZero()
    {
        var kpi = Decision766Rules.With(KpiRules.Build([], From, To, To), [], []);

        Assert.Equal((null, null), (kpi.OnlinePaymentRate, kpi.FeedbackOnTimeRate));
        Assert.All(kpi.SatisfactionByItem, i => Assert.Null(i.Rate));
    }

    private static DossierSummary Paid(string code, DateTimeOffset paidAt, PaymentMethod method) =>
        D(code, DossierStatus.Processing, paidAt.AddDays(-3)) with { Figures = new DossierFigures(paidAt, method) };

    private static DossierSummary Rated(string code, DateTimeOffset at, RatedItem[] items, int? agencies = null, int? contacts = null) =>
        D(code, DossierStatus.Returned, at.AddDays(-10), completed: at.AddDays(-2)) with
        {
            Rating = SatisfactionRating.Satisfied,
            RatedAt = at,
            Figures = new DossierFigures(RatingItems: items, AgenciesContacted: agencies, Contacts: contacts),
        };

    private static FeedbackItem Answered(int id, DateTimeOffset received, DateTimeOffset due, DateTimeOffset? answeredAt) =>
        new(id, received, FeedbackAbout.Behaviour, "nội dung", "liên hệ", null, "ONE", due,
            answeredAt is { } at ? new FeedbackAnswer("trả lời", "officer.one", at, false) : null);
}
