using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Escalations;
using HccOrleans.Grains.Workflow;
using HccOrleans.Grains.Workflow.Commands;
using static HccOrleans.Tests.Support.TestCalendars;

namespace HccOrleans.Tests.Domain;

/// <summary>The instants at which escalations fall due, on the 2025 calendar with exact expectations.</summary>
[Trait("Category", "Domain")]
public sealed class EscalationScheduleTests
{
    private static readonly EscalationPolicy Policy = EscalationPolicy.Default;
    private static readonly HashSet<string> None = [];

    private static Dictionary<EscalationKind, DateTimeOffset[]> Schedule(DeadlineView view, DateTimeOffset until) =>
        EscalationSchedule.Occurrences(view, Create(), Policy, until)
            .GroupBy(o => o.Kind)
            .ToDictionary(g => g.Key, g => g.Select(o => o.DueAt).ToArray());

    [Fact]
    public void Occurrences_DueRightAfterTheApril30Holidays_CrossHolidaysAndWeekend()
    {
        // Due Tuesday 6 May 2025 10:00; 30 Apr–2 May are holidays, 3–4 May the weekend, Saturday 26 Apr was worked.
        var view = new DeadlineView(DossierStatus.Processing, ProcessingStep.Approve, Vn(2025, 5, 6, 10), Vn(2025, 5, 5, 9), Vn(2025, 4, 28, 8), null);

        var schedule = Schedule(view, Vn(2025, 5, 12, 12));

        // 8 working hours before Tue 10:00: Tue 07:00–10:00 (3h), Mon 13:30–17:00 (3.5h), Mon 10:00–11:30 (1.5h).
        Assert.Equal([Vn(2025, 5, 5, 10)], schedule[EscalationKind.DueSoon]);
        Assert.Equal([Vn(2025, 5, 5, 9)], schedule[EscalationKind.StepOverdue]);
        // Overdue repeats every working day, over the weekend of 10–11 May, up to the first one after the horizon.
        Assert.Equal(
            [Vn(2025, 5, 6, 10), Vn(2025, 5, 7, 10), Vn(2025, 5, 8, 10), Vn(2025, 5, 9, 10), Vn(2025, 5, 12, 10), Vn(2025, 5, 13, 10)],
            schedule[EscalationKind.Overdue]);
    }

    [Fact]
    public void Occurrences_DueSoonBeforeTet_StepsBackOverTheHolidayWeek()
    {
        // Due Tuesday 4 Feb 2025 09:00; Monday 3 Feb gives 8h minus the 2h of Tuesday morning, and 25 Jan–2 Feb are off.
        var view = new DeadlineView(DossierStatus.Processing, ProcessingStep.Appraise, Vn(2025, 2, 4, 9), null, null, null);

        var dueSoon = Schedule(view, Vn(2025, 2, 4, 9))[EscalationKind.DueSoon];

        Assert.Equal([Vn(2025, 2, 3, 9)], dueSoon);
    }

    [Fact]
    public void Occurrences_DueMondayMorning_DueSoonIsTheFridayBefore()
    {
        var view = new DeadlineView(DossierStatus.Processing, ProcessingStep.Appraise, Vn(2025, 3, 17, 8), null, null, null);

        Assert.Equal([Vn(2025, 3, 14, 8)], Schedule(view, Vn(2025, 3, 17, 8))[EscalationKind.DueSoon]);
    }

    [Fact]
    public void Occurrences_DueExactlyAtAnOpening_DueSoonFallsAtThePreviousClose()
    {
        // Eight working hours before Wednesday 07:00 is the whole of Tuesday: the remaining time first
        // reaches 8h at Monday's close, so that is when due-soon fires, not Tuesday's opening.
        var view = new DeadlineView(DossierStatus.Processing, ProcessingStep.Appraise, Vn(2025, 3, 12, 7), null, null, null);

        Assert.Equal([Vn(2025, 3, 10, 17)], Schedule(view, Vn(2025, 3, 12, 7))[EscalationKind.DueSoon]);
    }

    [Fact]
    public void Due_RecordedOccurrences_AreNotDueAgain_AndTheNextWakeIsTheNextRepeat()
    {
        var calendar = Create();
        var view = new DeadlineView(DossierStatus.Processing, ProcessingStep.Appraise, Vn(2025, 3, 17, 8), Vn(2025, 3, 13, 8), Vn(2025, 3, 10, 8), null);
        var now = Vn(2025, 3, 18, 9);

        var first = EscalationSchedule.Due(view, None, now, calendar, Policy);
        Assert.Equal(
            [(EscalationKind.StepOverdue, 0), (EscalationKind.DueSoon, 0), (EscalationKind.Overdue, 0), (EscalationKind.Overdue, 1)],
            first.Select(o => (o.Kind, o.Repeat)));

        var recorded = first.Select(o => o.Key).ToHashSet();
        Assert.Empty(EscalationSchedule.Due(view, recorded, now, calendar, Policy));
        Assert.Equal(Vn(2025, 3, 19, 8), EscalationSchedule.NextWakeAt(view, recorded, now, calendar, Policy));
    }

    [Theory]
    [InlineData(DossierStatus.SupplementRequested)]
    [InlineData(DossierStatus.AwaitingPayment)]
    [InlineData(DossierStatus.Stopped)]
    [InlineData(DossierStatus.Done)]
    [InlineData(DossierStatus.Submitted)]
    [InlineData(DossierStatus.Withdrawn)]
    public void Occurrences_OutsideProcessing_NothingEscalates(DossierStatus status)
    {
        // A supplement or a payment that stops the clock waits with the clock paused (Decree 61/2018: always).
        var pausedAt = status is DossierStatus.SupplementRequested or DossierStatus.AwaitingPayment ? Vn(2025, 3, 12, 8) : (DateTimeOffset?)null;
        var view = new DeadlineView(status, ProcessingStep.Appraise, Vn(2025, 3, 17, 8), Vn(2025, 3, 13, 8), Vn(2025, 3, 10, 8), pausedAt);

        Assert.Empty(EscalationSchedule.Occurrences(view, Create(), Policy, Vn(2025, 12, 31, 17)));
    }

    [Fact]
    public void SupplementTimeout_FifteenWorkingDaysAfterTheRequest_StopsTheDossier()
    {
        var view = new DeadlineView(DossierStatus.SupplementRequested, ProcessingStep.Appraise, Vn(2025, 3, 17, 8), null, null, Vn(2025, 3, 10, 10));

        // 15 working days from Monday 10 Mar 10:00 is Monday 31 Mar 10:00.
        Assert.Equal(new ClockStopTimeout(Vn(2025, 3, 31, 10), ClockStopTimeout.SupplementNotProvided), EscalationSchedule.Timeout(view, Create(), Policy));
        Assert.Equal(Vn(2025, 3, 31, 10), EscalationSchedule.NextWakeAt(view, None, Vn(2025, 3, 12, 10), Create(), Policy));
    }

    [Fact]
    public void PaymentTimeout_ThirtyDaysAfterTheRequest_EndsAtTheCloseOfAWorkingDay()
    {
        // Requested Monday 3 Mar 2025 10:00: the day is not counted, the 30th day is Wednesday 2 Apr, closing at 17:00.
        var view = new DeadlineView(DossierStatus.AwaitingPayment, ProcessingStep.Appraise, Vn(2025, 3, 17, 8), null, null, Vn(2025, 3, 3, 10));
        Assert.Equal(new ClockStopTimeout(Vn(2025, 4, 2, 17), ClockStopTimeout.ObligationNotMet), EscalationSchedule.Timeout(view, Create(), Policy));

        // Requested Friday 28 Mar: the 30th day is Sunday 27 Apr, and Monday 28 Apr is the next working day.
        var weekend = view with { PausedAt = Vn(2025, 3, 28, 9) };
        Assert.Equal(Vn(2025, 4, 28, 17), EscalationSchedule.Timeout(weekend, Create(), Policy)!.At);
        Assert.Equal(Vn(2025, 4, 28, 17), EscalationSchedule.NextWakeAt(weekend, None, Vn(2025, 3, 28, 9), Create(), Policy));
    }

    [Fact]
    public void SupplementPause_ShiftsEveryPendingEscalationByThePausedWorkingHours()
    {
        var officer = new Actor("officer", [Role.Officer], "ONE");
        var specialist = new Actor("specialist", [Role.Specialist], "AGA");
        var procedure = new ProcedureVersion("T.1", 1, new ProcedureDefinition(
            "Test", "AGA", "Test", OnlineLevel.Full, true, 0m, new ProcessingTime(10, TimeUnit.WorkingDays), null, [], SupplementPolicy.Pause),
            Vn(2025, 1, 1, 0));
        var request = new SubmissionRequest("T.1", "ONE", FilingChannel.Direct, new Applicant("A", "012345678901", "0905000000", null, null), [], null);
        DossierState Step(DossierState s, DossierCommand c, Actor a, DateTimeOffset at) =>
            DossierMachine.Decide(s, c, new ActorContext(a), at, Create()).Next!;

        var received = Step(DossierMachine.Created(new NewDossier("X-250310-0001", request, procedure, Vn(2025, 3, 10, 7), officer)),
            new Receive(procedure), officer, Vn(2025, 3, 10, 8));
        var before = Schedule(received.DeadlineView(), Vn(2025, 3, 24, 8));
        var waiting = Step(received, new RequestSupplement("missing", ["x"]), specialist, Vn(2025, 3, 11, 10));
        Assert.Empty(EscalationSchedule.Occurrences(waiting.DeadlineView(), Create(), Policy, Vn(2025, 12, 31, 0)));
        var resumed = Step(waiting, new Supplement(null), officer, Vn(2025, 3, 13, 15));
        var after = Schedule(resumed.DeadlineView(), Vn(2025, 3, 26, 11));

        var calendar = Create();
        foreach (var kind in new[] { EscalationKind.DueSoon, EscalationKind.StepOverdue, EscalationKind.Overdue })
        {
            Assert.Equal(calendar.AddWorkingTime(before[kind][0], TimeSpan.FromHours(19)), after[kind][0]);
        }
    }
}
