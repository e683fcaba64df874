using HccOrleans.Model;
using HccOrleans.Reports;
using static HccOrleans.Tests.Support.TestCalendars;

namespace HccOrleans.Tests.Domain;

/// <summary>Report II.06a and KPI counting rules on a hand-built set of dossiers, with exact expected numbers.</summary>
[Trait("Category", "Domain")]
public sealed class ReportRulesTests
{
    private static readonly DateTimeOffset From = Vn(2019, 4, 1, 0);
    private static readonly DateTimeOffset To = Vn(2019, 7, 1, 0);

    private static readonly DossierSummary[] Set =
    [
        D("d01-finished-before", DossierStatus.Done, received: Vn(2019, 3, 20, 9), completed: Vn(2019, 3, 28, 9), due: Vn(2019, 4, 3, 9), CompletionClass.Early),
        D("d02-carried-resolved", DossierStatus.Returned, received: Vn(2019, 3, 25, 9), completed: Vn(2019, 4, 5, 9), due: Vn(2019, 4, 5, 17), CompletionClass.OnTime, hours: 16),
        D("d03-online-early", DossierStatus.Returned, received: Vn(2019, 4, 10, 9), completed: Vn(2019, 4, 12, 9), due: Vn(2019, 4, 20, 9), CompletionClass.Early, Channel.Online, hours: 8),
        D("d04-postal-late", DossierStatus.Done, received: Vn(2019, 5, 1, 9), completed: Vn(2019, 6, 1, 9), due: Vn(2019, 5, 20, 9), CompletionClass.Late, Channel.Postal, hours: 80),
        D("d05-in-progress-within", DossierStatus.Processing, received: Vn(2019, 6, 20, 9), due: Vn(2019, 7, 5, 9)),
        D("d06-apologized-overdue", DossierStatus.Processing, received: Vn(2019, 6, 1, 9), due: Vn(2019, 6, 15, 9)) with
        {
            Apologized = true, RescheduledDueAt = Vn(2019, 7, 10, 9),
        },
        D("d07-supplement-paused", DossierStatus.SupplementRequested, received: Vn(2019, 6, 10, 9), due: Vn(2019, 6, 20, 9)) with { SupplementRequests = 1 },
        D("d08-withdrawn", DossierStatus.Withdrawn, received: Vn(2019, 5, 5, 9), completed: Vn(2019, 5, 10, 9), due: Vn(2019, 5, 8, 9), CompletionClass.Late, hours: 4),
        D("d09-refused", DossierStatus.Refused, received: null),
        D("d10-never-received", DossierStatus.Submitted, received: null),
        D("d11-carried-overdue", DossierStatus.Processing, received: Vn(2019, 3, 1, 9), due: Vn(2019, 3, 15, 9)),
        D("d12-two-supplements", DossierStatus.Done, received: Vn(2019, 4, 2, 9), completed: Vn(2019, 4, 20, 9), due: Vn(2019, 4, 25, 9), CompletionClass.OnTime, agency: "B", hours: 24) with { SupplementRequests = 2 },
        D("d13-after-period", DossierStatus.Processing, received: Vn(2019, 7, 2, 9), due: Vn(2019, 7, 9, 9)),
    ];

    [Fact]
    public void Report06a_HandBuiltSet_CountsEveryRule()
    {
        var report = ReportRules.Build(Set, From, To, byField: false);

        Assert.Equal(new ReceivedCounts(7, 1, 6, 2), report.Total.Received);
        Assert.Equal(new ResolvedCounts(5, 1, 3, 1), report.Total.Resolved);
        Assert.Equal(new InProgressCounts(4, 2, 2), report.Total.InProgress);

        var a = Assert.Single(report.Rows, r => r.Agency == "A");
        Assert.Equal(new ReceivedCounts(6, 1, 5, 2), a.Received);
        Assert.Equal(new ResolvedCounts(4, 1, 2, 1), a.Resolved);
        Assert.Equal(new InProgressCounts(4, 2, 2), a.InProgress);
        var b = Assert.Single(report.Rows, r => r.Agency == "B");
        Assert.Equal(new ReceivedCounts(1, 0, 1, 0), b.Received);
        Assert.Equal(new ResolvedCounts(1, 0, 1, 0), b.Resolved);
        Assert.Equal(new InProgressCounts(0, 0, 0), b.InProgress);
    }

    [Fact]
    public void Report06a_ByField_SplitsAgencyRows()
    {
        var report = ReportRules.Build(Set, From, To, byField: true);

        Assert.Equal(["Đất đai", "Đất đai"], report.Rows.Select(r => r.Field));
        Assert.Equal(report.Total, ReportRules.Build(Set, From, To, byField: false).Total);
    }

    [Fact]
    public void Kpi_HandBuiltSet_RatesAverageAndOverdueNow()
    {
        var kpi = KpiRules.Build(Set, From, To, now: Vn(2019, 6, 30, 12));

        // (3 resolved early/on time with at most one supplement request + 2 in progress within) of 9.
        Assert.Equal(0.5556m, kpi.OnTimeRate);
        Assert.Equal(0.1429m, kpi.OnlineRate);
        Assert.Equal(0.1429m, kpi.PostalRate);
        Assert.Equal(3.30m, kpi.AverageResolutionWorkingDays); // (16 + 8 + 80 + 4 + 24) / 5 hours / 8
        Assert.Equal(
            [("A", 4, 3.38m), ("B", 1, 3.00m)], // A: (16 + 8 + 80 + 4) / 4 / 8; B: 24 / 8
            kpi.ResolutionByProcedure.Select(r => (r.Agency, r.Dossiers, r.AverageWorkingDays)));
        Assert.Equal(2, kpi.OverdueNow);
        var overdue = Assert.Single(kpi.OverdueByAgency);
        Assert.Equal(("A", 2), (overdue.Agency, overdue.Count));
        Assert.Equal(["d06-apologized-overdue", "d11-carried-overdue"], overdue.Codes);
    }

    private static DossierSummary D(
        string code, DossierStatus status, DateTimeOffset? received, DateTimeOffset? completed = null, DateTimeOffset? due = null,
        CompletionClass? completion = null, Channel channel = Channel.Direct, string agency = "A", decimal? hours = null) => new()
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
