using HccOrleans.Model;
using HccOrleans.Tests.Support;
using Orleans.Runtime;
using static HccOrleans.Tests.Support.TestCatalogue;

namespace HccOrleans.Tests.Grains;

/// <summary>Escalations fired by Orleans reminders running on the fake clock, at the instants the calendar gives.</summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class EscalationReminderTests(ClusterFixture fixture) : GrainTestBase(fixture)
{
    /// <summary>
    /// Waits for the notification, then for the reminder to be armed for its next tick, so that the test moves the
    /// clock only once the reminder service waits for the new instant.
    /// </summary>
    private async Task<Notification> Fired(string code, EscalationKind kind, int repeat = 0)
    {
        Notification notification;
        try
        {
            notification = await Notifications.WaitForAsync(n => n.DossierCode == code && n.Kind == kind && n.Repeat == repeat);
        }
        catch (TimeoutException)
        {
            var state = await GetAsync(code);
            throw new TimeoutException($"{kind} #{repeat} did not fire by {Clock.GetUtcNow():O}; reminder: {Reminders.Describe(GrainId.Create("dossier", code))}; recorded {string.Join(",", state.Escalations.Select(e => e.Key))}");
        }

        await Reminders.ArmedAfterTickSinceAsync(GrainId.Create("dossier", code), Notifications.SentAt(notification));
        return notification;
    }

    [Fact]
    public async Task Reminders_OnTheFakeClock_FireStepOverdueDueSoonAndDailyOverdueAtExactInstants()
    {
        var monday = Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;
        var received = Ok(await Dossier(code).ReceiveAsync(As(Officer)));
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
        Ok(await Dossier(code).ReceiveAsync(As(Officer)));
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
}
