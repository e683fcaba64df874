using Microsoft.Extensions.Time.Testing;

namespace HccOrleans.Tests.Support;

/// <summary>Helpers for grain tests: submit through the idempotent intake, act, and unwrap results.</summary>
public abstract class GrainTestBase(ClusterFixture fixture)
{
    protected ClusterFixture Fixture => fixture;

    protected IGrainFactory Grains => fixture.Grains;

    protected FakeTimeProvider Clock => fixture.Clock;

    protected RecordingNotificationSender Notifications => fixture.Notifications;

    protected ReminderProbe Reminders => fixture.Reminders;

    protected IDossierGrain Dossier(string code) => Grains.GetGrain<IDossierGrain>(code);

    protected async Task<DossierSnapshot> SubmitAsync(SubmissionRequest? request = null, Actor? actor = null)
    {
        actor ??= TestCatalogue.Officer;
        var outcome = await Grains.GetGrain<ISubmissionGrain>(GrainKeys.Submission(actor.Subject, Guid.NewGuid().ToString("N")))
            .SubmitAsync(actor, request ?? TestCatalogue.Request());
        Assert.True(outcome.Created);
        return Ok(outcome.Result);
    }

    protected async Task<DossierSnapshot> GetAsync(string code) => Ok(await Dossier(code).GetAsync(TestCatalogue.Director));

    protected static ActorContext As(Actor actor, long? expectedVersion = null) => new(actor, expectedVersion);

    protected static DossierSnapshot Ok(DossierResult result)
    {
        Assert.Null(result.Rejection);
        return result.Dossier!;
    }

    protected static Rejection Refused(DossierResult result, RejectionKind kind)
    {
        Assert.Null(result.Dossier);
        Assert.NotNull(result.Rejection);
        Assert.Equal(kind, result.Rejection.Kind);
        return result.Rejection;
    }

    /// <summary>
    /// Waits for the notification, then until the reminder is armed for its next tick, so that the test moves the
    /// clock only once the reminder service waits for the new instant.
    /// </summary>
    protected async Task<Notification> Fired(string code, EscalationKind kind, int repeat = 0)
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

        await SettledAsync(code);
        return notification;
    }

    /// <summary>
    /// Receives the dossier and, if it came on paper, hands it to the handling agency at the same instant; then waits
    /// until its deadline reminder has armed, so the next clock move cannot outrun it.
    /// </summary>
    protected async Task<DossierSnapshot> ReceivedAsync(string code)
    {
        await HandedOverAsync(code);

        // The receipt armed the reminder for the hand-over's due instant; the hand-over leaves it there (an early tick
        // reschedules). A deadline check re-arms it for the appraisal's deadlines now, so that no later clock move
        // races a tick nobody waited for.
        return await SettledAsync(code);
    }

    /// <summary>
    /// Checks the dossier's deadlines now (which registers its reminder afresh) and waits until the reminder waits on
    /// that schedule. After a tick this does not depend on the order in which the reminder service reports the
    /// tick's end and the new wait, nor on the tick's own re-registration having settled.
    /// </summary>
    protected async Task<DossierSnapshot> SettledAsync(string code)
    {
        var since = System.Diagnostics.Stopwatch.GetTimestamp();
        var checkedNow = Ok(await Dossier(code).CheckDeadlinesAsync());
        await Reminders.ArmedSinceAsync(GrainId.Create("dossier", code), since);
        return checkedNow;
    }

    /// <summary>Receives the dossier and, if it came on paper, hands it to the handling agency at the same instant.</summary>
    protected async Task<DossierSnapshot> HandedOverAsync(string code, long? expectedVersion = null)
    {
        var received = Ok(await Dossier(code).ReceiveAsync(As(TestCatalogue.Officer, expectedVersion)));
        return received.Step == ProcessingStep.Transfer
            ? Ok(await Dossier(code).ActAsync(DossierAction.Transfer, As(TestCatalogue.Officer), new()))
            : received;
    }

    protected static DateTimeOffset At(DateTimeOffset monday, int days, int hour, int minute = 0) =>
        new(monday.Date.AddDays(days).AddHours(hour).AddMinutes(minute), monday.Offset);
}
