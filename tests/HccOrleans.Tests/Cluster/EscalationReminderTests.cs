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
    public async Task Reminders_WhileWaitingForASupplement_FireNothing_AndTheSupplementRestartsTheTime()
    {
        var monday = Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;
        await ReceivedAsync(code);
        Clock.MoveTo(At(monday, 1, 8));
        Ok(await Dossier(code).RequestSupplementAsync(As(SpecialistA), "Thiếu bản vẽ", ["Bản vẽ"]));

        // Past every deadline the dossier had (but within the 15 days before it may be closed): nothing fires while the clock is stopped.
        Clock.MoveTo(At(monday, 16, 8));
        Assert.Empty((await Dossier(code).CheckDeadlinesAsync()).Dossier!.Escalations);
        Assert.Empty(Notifications.Sent(n => n.DossierCode == code && n.RecipientRole != "citizen"));

        // Decree 118's default policy restarts the time from zero at the supplement, Wednesday of week three 08:00:
        // appraisal (56 working hours) is due on day 25, the dossier (80) on day 30.
        var resumed = Ok(await Dossier(code).SupplementAsync(As(Officer), "Đã bổ sung"));
        Assert.Equal(At(monday, 30, 8), resumed.DueAt);
        Assert.Equal(At(monday, 25, 8), resumed.StepDueAt);
        await SettledAsync(code);
        Clock.MoveTo(At(monday, 25, 8));
        var stepOverdue = await Fired(code, EscalationKind.StepOverdue);
        Assert.Equal((At(monday, 25, 8), At(monday, 25, 8)), (stepOverdue.DueAt, stepOverdue.FiredAt));
        Clock.MoveTo(At(monday, 29, 8));
        Assert.Equal(At(monday, 29, 8), (await Fired(code, EscalationKind.DueSoon)).DueAt);
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
    public async Task Reminders_OverdueAfterAnExtensionProposal_SayTheApologyWasIssued()
    {
        var monday = Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;
        await ReceivedAsync(code);
        Clock.MoveTo(At(monday, 2, 9));
        Ok(await Dossier(code).ProposeExtensionAsync(As(LeaderA), "Chờ ý kiến liên ngành", At(monday, 21, 17)));

        // Not confirmed yet: the old due date stands and the dossier is overdue at it, with its apology on record.
        Clock.MoveTo(At(monday, 14, 8));
        var notice = await Fired(code, EscalationKind.Overdue);

        Assert.Equal(0, notice.Missed);
        Assert.Contains("đã có văn bản xin lỗi", notice.Message, StringComparison.Ordinal);
        Assert.False((await GetAsync(code)).ApologyRequired);
    }

    [Fact]
    public async Task Reminders_SupplementUnansweredFifteenDays_PutTheDossierInTheOfficersCloseQueue()
    {
        var monday = Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;
        await ReceivedAsync(code);
        Clock.MoveTo(At(monday, 1, 8));
        Ok(await Dossier(code).RequestSupplementAsync(As(SpecialistA), "Thiếu bản vẽ", ["Bản vẽ"]));

        // Notice on Tuesday of week one: day 15 is Wednesday of week three, and the period ends at its close.
        // Nothing is pending after it, so the reminder goes away instead of re-arming: wait for the notice alone.
        Clock.MoveTo(At(monday, 16, 17));
        var unanswered = await Notifications.WaitForAsync(n => n.DossierCode == code && n.Kind == EscalationKind.SupplementUnanswered);
        Assert.Equal(("officer", OneStop, At(monday, 16, 17)), (unanswered.RecipientRole, unanswered.Agency, unanswered.DueAt));
        var waiting = await GetAsync(code);
        Assert.Equal(DossierStatus.SupplementRequested, waiting.Status);
        Assert.Equal("close-too-early", Refused(await Dossier(code).CloseAsync(As(Officer), "Không bổ sung"), RejectionKind.RuleRefused).Rule);

        // The engine stops nothing under Decree 118: the officer closes, once the period has run.
        Clock.MoveTo(At(monday, 17, 8));
        var closed = Ok(await Dossier(code).CloseAsync(As(Officer), "Công dân không bổ sung hồ sơ trong thời hạn"));
        Assert.Equal((DossierStatus.Stopped, 8, At(monday, 17, 8)), (closed.Status, closed.NationalStatusCode, closed.ClosedAt!.Value));
        Assert.Equal((DossierAction.Close, Officer.Subject, DossierStatus.SupplementRequested), (closed.Log[^1].Action, closed.Log[^1].Actor, closed.Log[^1].From!.Value));
    }

    [Fact]
    public async Task Reminders_PaymentUnmetThirtyDays_EscalateWithoutStoppingAndTheClockRuns()
    {
        var monday = Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;
        await ReceivedAsync(code);
        Clock.MoveTo(At(monday, 1, 10));
        Ok(await Dossier(code).RequestPaymentAsync(As(SpecialistA), 300_000m, "Phí thẩm định"));

        // Requested on Tuesday: the 30th day after it is a Thursday, and the obligation is unmet at its close, 17:00.
        Clock.MoveTo(At(monday, 31, 17));
        var unmet = await Fired(code, EscalationKind.PaymentUnmet);

        Assert.Equal(("officer", At(monday, 31, 17)), (unmet.RecipientRole, unmet.DueAt));
        var waiting = await GetAsync(code);
        Assert.Equal(DossierStatus.AwaitingPayment, waiting.Status);
        Assert.Contains(waiting.Escalations, e => e.Kind == EscalationKind.Overdue);
    }

    [Fact]
    public async Task Reminders_OnlineDossierNotReceived_AlertAfterTwoHoursAndAreOverdueAfterEightWorkingHours()
    {
        var monday = Clock.StartNextWeek();
        var since = System.Diagnostics.Stopwatch.GetTimestamp();
        var code = (await SubmitAsync(Request(channel: FilingChannel.Online), Portal)).Code;
        await Reminders.ArmedSinceAsync(GrainId.Create("dossier", code), since);

        // Submitted Monday 08:00: the alert two clock hours later, the limit after 8 working hours (Tuesday 08:00).
        Clock.MoveTo(At(monday, 0, 10));
        var alert = await Fired(code, EscalationKind.OnlineAlert);
        Assert.Equal(("officer", OneStop, At(monday, 0, 10)), (alert.RecipientRole, alert.Agency, alert.DueAt));

        Clock.MoveTo(At(monday, 1, 8));
        var overdue = await Notifications.WaitForAsync(n => n.DossierCode == code && n.Kind == EscalationKind.OnlineReceptionOverdue && n.RecipientRole == "director");
        Assert.Equal(At(monday, 1, 8), overdue.DueAt);

        // Received at last: straight to the handling agency, and nothing more about reception fires.
        var received = Ok(await Dossier(code).ReceiveAsync(As(Officer)));
        Assert.Equal((ProcessingStep.Appraise, Regime.Decree118Of2025), (received.Step, received.Regime));
        Assert.Equal([EscalationKind.OnlineAlert, EscalationKind.OnlineReceptionOverdue], received.Escalations.Select(e => e.Kind));
    }
}
