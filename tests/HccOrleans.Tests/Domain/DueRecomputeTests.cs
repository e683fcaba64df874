using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Workflow;
using HccOrleans.Grains.Workflow.Commands;
using static HccOrleans.Tests.Support.TestCalendars;

namespace HccOrleans.Tests.Domain;

/// <summary>
/// A changed year's due dates on one dossier (docs/rules/deadlines-and-calendar.md): received Monday 9 Nov 2026 at
/// 08:00 with 10 working days, due Monday 23 Nov 08:00; then Wednesday 11 Nov is entered as a day off.
/// </summary>
[Trait("Category", "Domain")]
public sealed class DueRecomputeTests
{
    private static readonly Actor Officer = new("officer", [Role.Officer], "ONE");
    private static readonly Actor Specialist = new("specialist", [Role.Specialist], "AGA");
    private static readonly Actor Leader = new("leader", [Role.Leader], "AGA");

    private static readonly WorkingCalendar Before = Create();
    private static readonly WorkingCalendar After = Create(null, new DateOnly(2026, 11, 11));
    private static readonly CalendarChange Change = new("c1", 2026, new YearCalendar(2026, [], [], false), "admin", Vn(2026, 11, 10, 10));

    private static DossierState Step(DossierState state, DossierCommand command, Actor actor, DateTimeOffset at) =>
        DossierMachine.Decide(state, command, new ActorContext(actor), at, Before).Next ?? throw new InvalidOperationException($"{command.Action} refused");

    private static DossierState Received()
    {
        var definition = new ProcedureDefinition("Test", "AGA", "Test", OnlineLevel.Full, true, 0m, new ProcessingTime(10, TimeUnit.WorkingDays), null, [], null);
        var request = new SubmissionRequest("T.1", "ONE", FilingChannel.Direct, new Applicant("A", "012345678901", "0905000000", null, null), [], null);
        var created = DossierMachine.Created(new NewDossier("X-1", request, new ProcedureVersion("T.1", 1, definition, Vn(2025, 1, 1, 0)), Vn(2026, 11, 9, 7), Officer));
        var received = Step(created, new Receive(), Officer, Vn(2026, 11, 9, 8));
        return Step(received, new Transfer(null), Officer, Vn(2026, 11, 9, 9));
    }

    [Fact]
    public void AnOpenDossier_KeepsItsWorkingTime_AndGetsALogLineAndAHistoryEntry()
    {
        var s = Received();
        Assert.Equal(Vn(2026, 11, 23, 8), s.DueAt);

        var moved = DueRecompute.Apply(s, Change, Before, After, Vn(2026, 11, 10, 10))!;

        Assert.Equal(Vn(2026, 11, 24, 8), moved.DueAt);
        Assert.True(moved.StepDueAt <= moved.DueAt);
        Assert.True(moved.StepDueAt > s.StepDueAt, "the step's due date moves with the day off inside it");
        Assert.Equal(new DueChange(Vn(2026, 11, 10, 10), Vn(2026, 11, 24, 8), DueChangeReason.CalendarChanged), moved.DueHistory[^1]);
        Assert.Equal((DossierAction.RecomputeDue, "admin"), (moved.Log[^1].Action, moved.Log[^1].Actor));
        Assert.Contains("08:00 23/11/2026", moved.Log[^1].Note, StringComparison.Ordinal);
        Assert.Contains("08:00 24/11/2026", moved.Log[^1].Note, StringComparison.Ordinal);
        Assert.Equal(s.Version + 1, moved.Version);
    }

    [Fact]
    public void TheSameChangeTwice_MovesOnce()
    {
        var moved = DueRecompute.Apply(Received(), Change, Before, After, Vn(2026, 11, 10, 10))!;

        Assert.Null(DueRecompute.Apply(moved, Change, Before, After, Vn(2026, 11, 10, 11)));
    }

    [Fact]
    public void AFinishedDossier_AndADatePeopleSet_StayWhereTheyAre()
    {
        var approved = Step(Step(Received(), new Appraise(AppraisalOutcome.Eligible, null), Specialist, Vn(2026, 11, 10, 9)), new Approve(null), Leader, Vn(2026, 11, 10, 9, 30));
        var extended = Received() with { RescheduledDueAt = Vn(2026, 11, 30, 17), DueAt = Vn(2026, 11, 30, 17) };

        Assert.Null(DueRecompute.Apply(approved, Change, Before, After, Vn(2026, 11, 10, 10)));
        Assert.Null(DueRecompute.Apply(extended, Change, Before, After, Vn(2026, 11, 10, 10)));
    }

    [Fact]
    public void WhileTheClockIsStopped_TheDateMovesButNoDueDateComesInForce()
    {
        var paused = Step(Received(), new RequestSupplement("Thiếu", ["Bản vẽ"]), Specialist, Vn(2026, 11, 9, 10));

        var moved = DueRecompute.Apply(paused, Change, Before, After, Vn(2026, 11, 10, 10))!;

        Assert.Equal(paused.DueHistory, moved.DueHistory);
        Assert.NotEqual(paused.DueAt, moved.DueAt);
    }

    [Fact]
    public void AChangeOutsideTheDossiersTime_MovesNothing()
    {
        var december = Create(null, new DateOnly(2026, 12, 24));

        Assert.Null(DueRecompute.Apply(Received(), Change, Before, december, Vn(2026, 11, 10, 10)));
    }
}
