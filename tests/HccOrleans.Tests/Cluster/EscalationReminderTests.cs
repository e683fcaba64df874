namespace HccOrleans.Tests.Cluster;

/// <summary>Escalations fired by Orleans reminders running on the fake clock, at the instants the calendar gives.</summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class EscalationReminderTests(ClusterFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : GrainTestBase(fixture)
{
    [Fact]
    public async Task Reminders_OnTheFakeClock_FireStepOverdueDueSoonAndDailyOverdueAtExactInstants()
    {
        var monday = Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;
        var received = await ReceivedAsync(code);
        Assert.Equal((At(monday, 9, 8), At(monday, 14, 8)), (received.StepDueAt!.Value, received.DueAt!.Value));

        Clock.MoveTo(At(monday, 9, 8));
        var stepOverdue = await Fired(code, EscalationKind.StepOverdue);
        Assert.Equal((At(monday, 9, 8), At(monday, 9, 8), "leader", AgencyA), (stepOverdue.DueAt, stepOverdue.FiredAt, stepOverdue.RecipientRole, stepOverdue.Agency));
        Assert.Empty(Notifications.Sent(n => n.DossierCode == code && n.Kind == EscalationKind.DueSoon));

        // Eight working hours before Monday 08:00 of the third week is the Friday before, 08:00.
        Clock.MoveTo(At(monday, 11, 8));
        Assert.Equal(At(monday, 11, 8), (await Fired(code, EscalationKind.DueSoon)).DueAt);

        Clock.MoveTo(At(monday, 14, 8));
        Assert.Equal(At(monday, 14, 8), (await Fired(code, EscalationKind.Overdue)).DueAt);
        Clock.MoveTo(At(monday, 15, 8));
        Assert.Equal(At(monday, 15, 8), (await Fired(code, EscalationKind.Overdue, repeat: 1)).DueAt);

        var dossier = await GetAsync(code);
        Assert.Equal(
            [(EscalationKind.StepOverdue, 0), (EscalationKind.DueSoon, 0), (EscalationKind.Overdue, 0), (EscalationKind.Overdue, 1)],
            dossier.Escalations.Select(e => (e.Kind, e.Repeat)));
        Assert.Equal(dossier.Escalations.Length, dossier.Escalations.Select(e => e.Key).Distinct().Count());
        Assert.True(dossier.ApologyRequired);
        Assert.Equal(2, Notifications.Sent(n => n.DossierCode == code && n.Kind == EscalationKind.Overdue && n.Repeat == 0).Count);
    }

    [Fact]
    public async Task Reminders_WhileWaitingForASupplement_FireNothingAndThePauseShiftsTheDeadlines()
    {
        var monday = Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;
        await ReceivedAsync(code);
        Clock.MoveTo(At(monday, 1, 8));
        Ok(await Dossier(code).RequestSupplementAsync(As(SpecialistA), "Thiếu bản vẽ", ["Bản vẽ"]));

        // Past every deadline the dossier had (but before the 15-day supplement timeout): nothing fires while the clock is stopped.
        Clock.MoveTo(At(monday, 16, 8));
        Assert.Empty((await Dossier(code).CheckDeadlinesAsync()).Dossier!.Escalations);
        Assert.Empty(Notifications.Sent(n => n.DossierCode == code));

        // Paused from Tuesday 08:00 of week one to Wednesday 08:00 of week three: 11 working days, by which every
        // deadline moves — due from Monday (day 14) to Tuesday (day 29), the appraisal step from day 9 to day 24.
        var resumed = Ok(await Dossier(code).SupplementAsync(As(Officer), "Đã bổ sung"));
        Assert.Equal(88m, resumed.PausedWorkingHours);
        Assert.Equal(At(monday, 29, 8), resumed.DueAt);
        Assert.Equal(At(monday, 24, 8), resumed.StepDueAt);
        Clock.MoveTo(At(monday, 24, 8));
        var stepOverdue = await Fired(code, EscalationKind.StepOverdue);
        Assert.Equal((At(monday, 24, 8), At(monday, 24, 8)), (stepOverdue.DueAt, stepOverdue.FiredAt));
        Clock.MoveTo(At(monday, 28, 8));
        Assert.Equal(At(monday, 28, 8), (await Fired(code, EscalationKind.DueSoon)).DueAt);
    }

    [Fact]
    public async Task Reminders_AfterAnOutage_CoalesceMissedOverdueRepeatsIntoOneNotice()
    {
        var monday = Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;
        await ReceivedAsync(code);

        // Nothing ran from Monday until Thursday of the third week: overdue #0–#3 (Mon–Thu 08:00) all fell due meanwhile.
        Clock.MoveTo(At(monday, 17, 9));
        var notice = await Fired(code, EscalationKind.Overdue, repeat: 3);

        Assert.Equal(3, notice.Missed);
        Assert.Contains("thay cho 3 lần nhắc", notice.Message, StringComparison.Ordinal);
        Assert.Contains("chưa có văn bản xin lỗi", notice.Message, StringComparison.Ordinal);
        Assert.Equal(
            [("director", 3), ("leader", 3)],
            Notifications.Sent(n => n.DossierCode == code && n.Kind == EscalationKind.Overdue).Select(n => (n.RecipientRole, n.Repeat)).Order());
        // Each occurrence is still recorded once, with the instant it was due.
        var dossier = await GetAsync(code);
        Assert.Equal([0, 1, 2, 3], dossier.Escalations.Where(e => e.Kind == EscalationKind.Overdue).Select(e => e.Repeat));
        Assert.Equal(At(monday, 15, 8), dossier.Escalations.Single(e => e.Kind == EscalationKind.Overdue && e.Repeat == 1).DueAt);
        // The leader's due-soon notice, sent in the same batch, says the apology letter is due now.
        var leaderDueSoon = Assert.Single(Notifications.Sent(n => n.DossierCode == code && n.Kind == EscalationKind.DueSoon && n.RecipientRole == "leader"));
        Assert.Contains("mẫu 04", leaderDueSoon.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("mẫu 04", Notifications.Sent(n => n.DossierCode == code && n.RecipientRole == "specialist").Single().Message, StringComparison.Ordinal);
        RunReport.Write(output, "long outage", $"three working days down: overdue #0-#3 recorded once each, one coalesced notice per recipient standing for {notice.Missed} missed");
    }

    [Fact]
    public async Task Reminders_OverdueAfterAnApology_SayTheApologyWasIssued()
    {
        var monday = Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;
        await ReceivedAsync(code);
        Clock.MoveTo(At(monday, 2, 9));
        Ok(await Dossier(code).ApologizeAsync(As(LeaderA), "Chờ ý kiến liên ngành", At(monday, 21, 17)));

        Clock.MoveTo(At(monday, 14, 8));
        var notice = await Fired(code, EscalationKind.Overdue);

        Assert.Equal(0, notice.Missed);
        Assert.Contains("đã có văn bản xin lỗi", notice.Message, StringComparison.Ordinal);
        Assert.False((await GetAsync(code)).ApologyRequired);
    }

    [Fact]
    public async Task Reminders_SupplementUnansweredFifteenWorkingDays_StopTheDossier()
    {
        var monday = Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;
        await ReceivedAsync(code);
        Clock.MoveTo(At(monday, 1, 8));
        Ok(await Dossier(code).RequestSupplementAsync(As(SpecialistA), "Thiếu bản vẽ", ["Bản vẽ"]));

        // 15 working days after Tuesday 08:00 of week one is Tuesday 08:00 of week four.
        var moved = System.Diagnostics.Stopwatch.GetTimestamp();
        Clock.MoveTo(At(monday, 22, 8));
        await Reminders.TickedSinceAsync(GrainId.Create("dossier", code), moved);

        var stopped = await GetAsync(code);
        Assert.Equal((DossierStatus.Stopped, 8, At(monday, 22, 8)), (stopped.Status, stopped.NationalStatusCode, stopped.ClosedAt!.Value));
        Assert.Equal((DossierAction.Stop, "system", DossierStatus.SupplementRequested), (stopped.Log[^1].Action, stopped.Log[^1].Actor, stopped.Log[^1].From!.Value));
        Assert.Contains("supplement not provided", stopped.Log[^1].Note, StringComparison.Ordinal);
        Assert.Empty(stopped.Escalations);
    }

    [Fact]
    public async Task Reminders_PaymentUnmetThirtyDays_StopTheDossierWithNoEscalationMeanwhile()
    {
        var monday = Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;
        await ReceivedAsync(code);
        Clock.MoveTo(At(monday, 1, 10));
        Ok(await Dossier(code).RequestPaymentAsync(As(SpecialistA), 300_000m, "Phí thẩm định"));

        // Past every deadline the dossier had, but within 30 days: the clock is stopped, nothing fires. The reminder
        // set for the first deadline ticks, finds nothing, and re-arms for the lapse of the obligation.
        var grain = GrainId.Create("dossier", code);
        var beforeDeadlines = System.Diagnostics.Stopwatch.GetTimestamp();
        Clock.MoveTo(At(monday, 20, 8));
        await Reminders.ArmedAfterTickSinceAsync(grain, beforeDeadlines);
        Assert.Equal(DossierStatus.AwaitingPayment, (await GetAsync(code)).Status);
        Assert.Empty(Notifications.Sent(n => n.DossierCode == code));

        // Requested on Tuesday: the 30th day after it is a Thursday, and the obligation lapses at its close, 17:00.
        var moved = System.Diagnostics.Stopwatch.GetTimestamp();
        Clock.MoveTo(At(monday, 31, 17));
        await Reminders.TickedSinceAsync(grain, moved);

        var stopped = await GetAsync(code);
        Assert.Equal((DossierStatus.Stopped, DossierStatus.AwaitingPayment), (stopped.Status, stopped.Log[^1].From!.Value));
        Assert.Contains("obligation not met", stopped.Log[^1].Note, StringComparison.Ordinal);
        Assert.Empty(stopped.Escalations);
        Assert.Empty(Notifications.Sent(n => n.DossierCode == code));
    }
}
