using HccOrleans.Grains.Interfaces.Reports;
using static HccOrleans.Tests.Support.TestCalendars;

namespace HccOrleans.Tests.Domain;

/// <summary>Report II.06a and KPI counting rules on a hand-built set of dossiers, with exact expected numbers.</summary>
[Trait("Category", "Domain")]
public sealed class ReportRulesTests
{
    internal static readonly DateTimeOffset From = Vn(2019, 4, 1, 0);
    internal static readonly DateTimeOffset To = Vn(2019, 7, 1, 0);

    /// <summary>A fortnight after the period's end: the period is closed, so it is judged at its end.</summary>
    internal static readonly DateTimeOffset Now = Vn(2019, 7, 15, 12);

    internal static readonly DossierSummary[] Set =
    [
        D("d01-finished-before", DossierStatus.Returned, received: Vn(2019, 3, 20, 9), completed: Vn(2019, 3, 28, 9), due: Vn(2019, 4, 3, 9), CompletionClass.Early)
            with { Rating = SatisfactionRating.Satisfied, RatedAt = Vn(2019, 3, 29, 9) },
        D("d02-carried-resolved", DossierStatus.Returned, received: Vn(2019, 3, 25, 9), completed: Vn(2019, 4, 5, 9), due: Vn(2019, 4, 5, 17), CompletionClass.OnTime, hours: 16)
            with { Rating = SatisfactionRating.VerySatisfied, RatedAt = Vn(2019, 4, 6, 9) },
        D("d03-online-partial-early", DossierStatus.Returned, received: Vn(2019, 4, 10, 9), completed: Vn(2019, 4, 12, 9), due: Vn(2019, 4, 20, 9), CompletionClass.Early, FilingChannel.Online, hours: 8)
            with { OnlineLevel = OnlineLevel.Partial, Rating = SatisfactionRating.Dissatisfied, RatedAt = Vn(2019, 4, 13, 9) },
        D("d04-postal-late", DossierStatus.Returned, received: Vn(2019, 5, 1, 9), completed: Vn(2019, 6, 1, 9), due: Vn(2019, 5, 20, 9), CompletionClass.Late, FilingChannel.Postal, hours: 80)
            with { Rating = SatisfactionRating.Dissatisfied, RatedAt = Vn(2019, 7, 2, 9) },
        D("d05-late-with-apology", DossierStatus.Done, received: Vn(2019, 5, 2, 9), completed: Vn(2019, 6, 3, 9), due: Vn(2019, 5, 21, 9), CompletionClass.Late, hours: 88)
            with { Apologized = true, RescheduledDueAt = Vn(2019, 6, 5, 17) },
        D("d06-online-full-within", DossierStatus.Processing, received: Vn(2019, 6, 20, 9), due: Vn(2019, 7, 5, 9), channel: FilingChannel.Online)
            with { OnlineLevel = OnlineLevel.Full, DueHistory = [new(Vn(2019, 6, 20, 9), Vn(2019, 7, 5, 9), DueChangeReason.Received)] },
        D("d07-apologized-overdue", DossierStatus.Processing, received: Vn(2019, 6, 1, 9), due: Vn(2019, 6, 15, 9))
            with { Apologized = true, RescheduledDueAt = Vn(2019, 7, 10, 9), DueHistory = [new(Vn(2019, 6, 1, 9), Vn(2019, 6, 15, 9), DueChangeReason.Received)] },
        D("d08-supplement-paused", DossierStatus.SupplementRequested, received: Vn(2019, 6, 10, 9), due: Vn(2019, 6, 20, 9))
            with
            {
                SupplementRequests = 1,
                DueHistory = [new(Vn(2019, 6, 10, 9), Vn(2019, 6, 20, 9), DueChangeReason.Received), new(Vn(2019, 6, 18, 9), null, DueChangeReason.SupplementRequested)],
            },
        D("d09-withdrawn", DossierStatus.Withdrawn, received: Vn(2019, 5, 5, 9), due: Vn(2019, 5, 8, 9)) with { ClosedAt = Vn(2019, 5, 10, 9) },
        D("d10-stopped", DossierStatus.Stopped, received: Vn(2019, 5, 6, 9), due: Vn(2019, 5, 30, 9)) with { ClosedAt = Vn(2019, 6, 2, 9) },
        D("d11-refused", DossierStatus.Refused, received: null),
        D("d12-never-received", DossierStatus.Submitted, received: null),
        // Indexed before the due-date history was kept: judged by its current due date.
        D("d13-carried-overdue", DossierStatus.Processing, received: Vn(2019, 3, 1, 9), due: Vn(2019, 3, 15, 9)),
        D("d14-two-supplements", DossierStatus.Done, received: Vn(2019, 4, 2, 9), completed: Vn(2019, 4, 20, 9), due: Vn(2019, 4, 25, 9), CompletionClass.OnTime, agency: "B", hours: 24)
            with
            {
                SupplementRequests = 2,
                Rating = SatisfactionRating.Satisfied,
                RatedAt = Vn(2019, 4, 21, 9),
                DueHistory =
                [
                    new(Vn(2019, 4, 2, 9), Vn(2019, 4, 15, 9), DueChangeReason.Received),
                    new(Vn(2019, 4, 3, 9), null, DueChangeReason.SupplementRequested),
                    new(Vn(2019, 4, 4, 9), Vn(2019, 4, 16, 9), DueChangeReason.Supplemented),
                    new(Vn(2019, 4, 8, 9), null, DueChangeReason.SupplementRequested),
                    new(Vn(2019, 4, 10, 9), Vn(2019, 4, 25, 9), DueChangeReason.Supplemented),
                ],
            },
        D("d15-received-after", DossierStatus.Processing, received: Vn(2019, 7, 2, 9), due: Vn(2019, 7, 9, 9)),
        // Events after the period's end: resolved, paused and resumed in July, so at the period's end it was in progress within its deadline.
        D("d16-resolved-after", DossierStatus.Done, received: Vn(2019, 6, 25, 9), completed: Vn(2019, 7, 3, 9), due: Vn(2019, 7, 10, 9), CompletionClass.Early, hours: 20)
            with
            {
                DueHistory =
                [
                    new(Vn(2019, 6, 25, 9), Vn(2019, 7, 8, 9), DueChangeReason.Received),
                    new(Vn(2019, 7, 1, 9), null, DueChangeReason.SupplementRequested),
                    new(Vn(2019, 7, 2, 9), Vn(2019, 7, 10, 9), DueChangeReason.Supplemented),
                ],
            },
        // Overdue at the period's end; a payment requested in July pauses it now, which must not change June.
        D("d17-paused-after", DossierStatus.AwaitingPayment, received: Vn(2019, 6, 3, 9), due: Vn(2019, 6, 17, 9))
            with { DueHistory = [new(Vn(2019, 6, 3, 9), Vn(2019, 6, 17, 9), DueChangeReason.Received), new(Vn(2019, 7, 3, 9), null, DueChangeReason.PaymentRequested)] },
        D("d18-withdrawn-after", DossierStatus.Withdrawn, received: Vn(2019, 6, 5, 9), due: Vn(2019, 6, 25, 9))
            with { ClosedAt = Vn(2019, 7, 5, 9), DueHistory = [new(Vn(2019, 6, 5, 9), Vn(2019, 6, 25, 9), DueChangeReason.Received)] },
        D("d19-stopped-before", DossierStatus.Stopped, received: Vn(2019, 3, 3, 9), due: Vn(2019, 3, 30, 9)) with { ClosedAt = Vn(2019, 3, 20, 9) },
    ];

    [Fact]
    public void Report06a_HandBuiltSet_CountsEveryRule()
    {
        var report = ReportRules.Build(Set, From, To, Now, byField: false);

        Assert.Equal(To, report.AsOf);
        Assert.Equal(
            new Report06aRow(null, null, 14, 2, new ReceivedCounts(12, 2, 10), new ResolvedCounts(5, 1, 2, 2, 1), 2, new InProgressCounts(7, 3, 4)),
            report.Total);
        Assert.Equal(
            [
                new Report06aRow("A", null, 13, 2, new ReceivedCounts(11, 2, 9), new ResolvedCounts(4, 1, 1, 2, 1), 2, new InProgressCounts(7, 3, 4)),
                new Report06aRow("B", null, 1, 0, new ReceivedCounts(1, 0, 1), new ResolvedCounts(1, 0, 1, 0, 0), 0, new InProgressCounts(0, 0, 0)),
            ],
            report.Rows);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Report06a_EveryRowAndTheTotal_ToHandleIsResolvedPlusWithdrawnPlusInProgress(bool byField)
    {
        var report = ReportRules.Build(Set, From, To, Now, byField);

        Assert.All(report.Rows.Append(report.Total), row =>
        {
            Assert.Equal(row.ToHandle, row.CarriedOver + row.Received.Total);
            Assert.Equal(row.ToHandle, row.Resolved.Total + row.WithdrawnOrStopped + row.InProgress.Total);
            Assert.Equal(row.Received.Total, row.Received.Online + row.Received.DirectOrPostal);
            Assert.Equal(row.Resolved.Total, row.Resolved.Early + row.Resolved.OnTime + row.Resolved.Late);
            Assert.Equal(row.InProgress.Total, row.InProgress.WithinDeadline + row.InProgress.Overdue);
        });
    }

    [Fact]
    public void Report06a_ByField_SplitsAgencyRows()
    {
        var report = ReportRules.Build(Set, From, To, Now, byField: true);

        Assert.Equal(["Đất đai", "Đất đai"], report.Rows.Select(r => r.Field));
        Assert.Equal(report.Total, ReportRules.Build(Set, From, To, Now, byField: false).Total);
    }

    [Fact]
    public void Report06a_ToInTheFuture_IsJudgedNowAndNothingIsOverdueBeforeItsDue()
    {
        // July, asked for on the 4th: d06 is due on the 5th and the period ends on 1 Aug, but it is not overdue yet.
        var now = Vn(2019, 7, 4, 12);
        var report = ReportRules.Build(Set, To, Vn(2019, 8, 1, 0), now, byField: false);

        Assert.Equal(now, report.AsOf);
        // Carried over from June: d06, d07, d08, d13, d16, d17, d18; received by the 4th: d15. d16 was approved on the
        // 3rd; d06, d15 (due the 9th), d08 and d17 (both paused) are within their deadlines; d07, d13 and d18 are overdue.
        Assert.Equal(
            new Report06aRow(null, null, 8, 7, new ReceivedCounts(1, 0, 1), new ResolvedCounts(1, 1, 0, 0, 0), 0, new InProgressCounts(7, 4, 3)),
            report.Total);
    }

    [Fact]
    public void Report06a_OfAClosedPeriod_IsTheSameWhateverHappensAfterIt()
    {
        var before = ReportRules.Build(Set, From, To, Now, byField: false);
        // Months later every open dossier has moved on: d06 resolved late, d07 withdrawn, d08 stopped by the timeout.
        var later = Set.Select(d => d.Code switch
        {
            "d06-online-full-within" => d with { Status = DossierStatus.Returned, CompletedAt = Vn(2019, 9, 1, 9), Completion = CompletionClass.Late },
            "d07-apologized-overdue" => d with { Status = DossierStatus.Withdrawn, ClosedAt = Vn(2019, 9, 2, 9) },
            "d08-supplement-paused" => d with { Status = DossierStatus.Stopped, ClosedAt = Vn(2019, 9, 3, 9) },
            _ => d,
        });

        var after = ReportRules.Build(later, From, To, Vn(2019, 12, 31, 12), byField: false);

        Assert.Equal((before.AsOf, before.Total), (after.AsOf, after.Total));
        Assert.Equal(before.Rows, after.Rows);
    }

    [Fact]
    public void Kpi_HandBuiltSet_RatesAverageSatisfactionAndOverdueNow()
    {
        var kpi = KpiRules.Build(Set, From, To, Now);

        Assert.Equal(To, kpi.AsOf);
        // Judged: 5 resolved + 7 in progress, withdrawn and stopped left out. Good: d02 and d03 (d14 had two supplement
        // requests after receipt, so it counts late) and d06, d08, d16 in progress within their deadline.
        Assert.Equal(0.4167m, kpi.OnTimeRate);
        Assert.Equal((0.1667m, 0.0833m, 0.0833m, 0.0833m), (kpi.OnlineRate!.Value, kpi.FullOnlineRate!.Value, kpi.PartialOnlineRate!.Value, kpi.PostalRate!.Value));
        Assert.Equal(5.40m, kpi.AverageResolutionWorkingDays); // (16 + 8 + 80 + 88 + 24) / 5 hours / 8
        Assert.Equal(
            [("A", 4, 6.00m), ("B", 1, 3.00m)], // A: (16 + 8 + 80 + 88) / 4 / 8; B: 24 / 8
            kpi.ResolutionByProcedure.Select(r => (r.Agency, r.Dossiers, r.AverageWorkingDays)));
        // Rated in the period: very satisfied (d02), dissatisfied (d03), satisfied (d14); d01's and d04's ratings fall outside it.
        Assert.Equal((0.6667m, 3), (kpi.SatisfactionRate!.Value, kpi.Rated));
        Assert.Equal(4, kpi.OverdueNow);
        var overdue = Assert.Single(kpi.OverdueByAgency);
        Assert.Equal(["d06-online-full-within", "d07-apologized-overdue", "d13-carried-overdue", "d15-received-after"], overdue.Codes);
    }

    internal static DossierSummary D(
        string code, DossierStatus status, DateTimeOffset? received, DateTimeOffset? completed = null, DateTimeOffset? due = null,
        CompletionClass? completion = null, FilingChannel channel = FilingChannel.Direct, string agency = "A", decimal? hours = null) => new()
        {
            Code = code,
            Version = 1,
            Procedure = new ProcedureRef("P.1", 1, "Thủ tục"),
            Field = "Đất đai",
            ReceivingUnit = "ONE",
            HandlingAgency = agency,
            Agencies = ["ONE", agency],
            Channel = channel,
            ApplicantName = "A",
            Status = status,
            NationalStatusCode = NationalCodes.Of(status, false),
            Step = ProcessingStep.None,
            SubmittedAt = (received ?? Vn(2019, 5, 5, 8)).AddHours(-1),
            ReceivedAt = received,
            DueAt = due,
            CompletedAt = completed,
            Completion = completion,
            SupplementRequests = 0,
            PausedWorkingHours = 0,
            Apologized = false,
            ResolutionWorkingHours = hours,
        };
}
