using HccOrleans.Grains.Interfaces.Reports;
using static HccOrleans.Tests.Domain.ReportRulesTests;
using static HccOrleans.Tests.Support.TestCalendars;

namespace HccOrleans.Tests.Domain;

/// <summary>Per-person figures (Decree 118/2025 Art. 34) over a hand-built set: who ended which steps, how the dossiers ended, what is still in hand.</summary>
[Trait("Category", "Domain")]
public sealed class PeopleReportTests
{
    private static readonly Person Lan = new("lan", "Nguyễn Thị Lan", "Chuyên viên", "A", [Role.Specialist], true);
    private static readonly Person Minh = new("minh", "Trần Văn Minh", "Chuyên viên", "A", [Role.Specialist], true);
    private static readonly Person Hoa = new("hoa", "Lê Thị Hoa", "Trưởng phòng", "A", [Role.Leader], true);
    private static readonly Person Binh = new("binh", "Phạm Văn Bình", "Chuyên viên", "B", [Role.Specialist], true);
    private static readonly Person Left = new("left", "Võ Văn Nghỉ", "Chuyên viên", "A", [Role.Specialist], false);
    private static readonly Person Admin = new("admin", "Quản trị", null, "A", [Role.Admin], true);
    private static readonly Person[] People = [Lan, Minh, Hoa, Binh, Left, Admin];

    private static StepHandler By(string who, ProcessingStep step, DateTimeOffset at, int lateMinutes = 0) => new(step, who, "A", at, lateMinutes);

    private static readonly DossierSummary[] Set =
    [
        // Lan appraised, Hoa approved: early, on time, and late with 240 minutes of the appraisal's overrun and 60 of the approval's.
        D("p1-early", DossierStatus.Returned, Vn(2019, 4, 2, 9), Vn(2019, 4, 5, 9), Vn(2019, 4, 10, 9), CompletionClass.Early)
            with { Assignee = "lan", Handlers = [By("lan", ProcessingStep.Appraise, Vn(2019, 4, 4, 9)), By("hoa", ProcessingStep.Approve, Vn(2019, 4, 5, 9))] },
        D("p2-on-time", DossierStatus.Done, Vn(2019, 4, 2, 9), Vn(2019, 4, 10, 9), Vn(2019, 4, 10, 9), CompletionClass.OnTime)
            with { Assignee = "lan", Handlers = [By("lan", ProcessingStep.Appraise, Vn(2019, 4, 9, 9)), By("hoa", ProcessingStep.Approve, Vn(2019, 4, 10, 9))] },
        D("p3-late", DossierStatus.Returned, Vn(2019, 5, 2, 9), Vn(2019, 5, 20, 9), Vn(2019, 5, 16, 9), CompletionClass.Late)
            with { Assignee = "lan", Handlers = [By("lan", ProcessingStep.Appraise, Vn(2019, 5, 19, 9), 240), By("hoa", ProcessingStep.Approve, Vn(2019, 5, 20, 9), 60)] },
        // Sent back: Minh's first appraisal carries nothing, Lan's second the whole appraisal share (120).
        D("p4-sent-back-late", DossierStatus.Done, Vn(2019, 5, 2, 9), Vn(2019, 6, 3, 9), Vn(2019, 5, 30, 9), CompletionClass.Late)
            with
            {
                Assignee = "lan",
                Handlers =
                [
                    By("minh", ProcessingStep.Appraise, Vn(2019, 5, 10, 9)), By("hoa", ProcessingStep.Approve, Vn(2019, 5, 11, 9)),
                    By("lan", ProcessingStep.Appraise, Vn(2019, 6, 1, 9), 120), By("hoa", ProcessingStep.Approve, Vn(2019, 6, 3, 9)),
                ],
            },
        // In hand at the period's end: Minh two (one received in the period, one carried over), Lan one.
        D("p5-minh-open", DossierStatus.Processing, Vn(2019, 6, 20, 9), due: Vn(2019, 7, 5, 9)) with { Assignee = "minh" },
        D("p6-minh-carried", DossierStatus.SupplementRequested, Vn(2019, 3, 25, 9), due: Vn(2019, 7, 20, 9)) with { Assignee = "minh" },
        D("p7-lan-open", DossierStatus.Processing, Vn(2019, 6, 25, 9), due: Vn(2019, 7, 10, 9)) with { Assignee = "lan" },
        // Not in hand at the end: resolved inside the period by someone else, withdrawn, or received after it.
        D("p8-withdrawn", DossierStatus.Withdrawn, Vn(2019, 6, 1, 9)) with { Assignee = "minh", ClosedAt = Vn(2019, 6, 5, 9) },
        D("p9-after", DossierStatus.Processing, Vn(2019, 7, 2, 9), due: Vn(2019, 7, 20, 9)) with { Assignee = "minh" },
        // Resolved before the period, and by someone the directory does not know (a user name of an older log).
        D("p10-before", DossierStatus.Returned, Vn(2019, 3, 1, 9), Vn(2019, 3, 20, 9), Vn(2019, 3, 25, 9), CompletionClass.Early)
            with { Handlers = [By("lan", ProcessingStep.Appraise, Vn(2019, 3, 19, 9))] },
        D("p11-stranger", DossierStatus.Returned, Vn(2019, 4, 15, 9), Vn(2019, 4, 20, 9), Vn(2019, 4, 25, 9), CompletionClass.Early)
            with { Handlers = [By("old.id", ProcessingStep.Appraise, Vn(2019, 4, 19, 9))] },
        // Another unit's specialist, late by 30 minutes of appraisal.
        D("p12-unit-b", DossierStatus.Returned, Vn(2019, 4, 15, 9), Vn(2019, 5, 20, 9), Vn(2019, 5, 15, 9), CompletionClass.Late, agency: "B")
            with { Handlers = [new StepHandler(ProcessingStep.Appraise, "binh", "B", Vn(2019, 5, 19, 9), 30)] },
    ];

    [Fact]
    public void HandBuiltSet_GivesEachPersonsFiguresExactly()
    {
        var report = PeopleReport.Build(Set, People, From, To, Now, unit: null, (_, _) => true);

        Assert.Equal(To, report.AsOf);
        Assert.Equal(
            [
                new PersonFigures("hoa", "Lê Thị Hoa", "Trưởng phòng", "A", 4, 2, 2, 0, 60),
                new PersonFigures("lan", "Nguyễn Thị Lan", "Chuyên viên", "A", 4, 2, 2, 1, 360),
                new PersonFigures("minh", "Trần Văn Minh", "Chuyên viên", "A", 1, 0, 1, 2, 0),
                new PersonFigures("old.id", "old.id", null, "A", 1, 1, 0, 0, 0),
                new PersonFigures("binh", "Phạm Văn Bình", "Chuyên viên", "B", 1, 0, 1, 0, 30),
            ],
            report.Rows);
    }

    [Fact]
    public void AScope_KeepsItsOwnRowsOnly()
    {
        var unitB = PeopleReport.Build(Set, People, From, To, Now, "B", (_, unit) => unit == "B");
        var lanAlone = PeopleReport.Build(Set, People, From, To, Now, null, (userName, _) => userName == "lan");

        Assert.Equal(["binh"], unitB.Rows.Select(r => r.UserName));
        Assert.Equal([(4, 360)], lanAlone.Rows.Select(r => (r.Handled, r.LatenessMinutes)));
    }

    [Fact]
    public void AnOpenPeriod_IsJudgedNow()
    {
        var report = PeopleReport.Build(Set, People, From, To, Vn(2019, 5, 25, 12), unit: "A", (_, unit) => unit == "A");

        // By 25 May: p1, p2 and p3 resolved; p4 still in Lan's hands; the June dossiers not yet received.
        Assert.Equal(
            [("hoa", 3, 1, 0), ("lan", 3, 1, 1), ("minh", 0, 0, 1), ("old.id", 1, 0, 0)],
            report.Rows.Select(r => (r.UserName, r.Handled, r.Late, r.InProgress)));
    }
}
