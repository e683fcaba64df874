using HccOrleans.Dossiers;
using HccOrleans.Model;
using static HccOrleans.Tests.Support.TestCalendars;

namespace HccOrleans.Tests.Domain;

/// <summary>The pause and restart supplement policies, decided by the dossier state machine on a fixed calendar.</summary>
[Trait("Category", "Domain")]
public sealed class SupplementPolicyTests
{
    private static readonly Actor Officer = new("officer", [Role.Officer], "ONE");
    private static readonly Actor Specialist = new("specialist", [Role.Specialist], "AGA");

    private static DossierState Step(DossierState state, DossierCommand command, Actor actor, DateTimeOffset at)
    {
        var decision = DossierMachine.Decide(state, command, new ActionContext(actor), at, Create());
        Assert.Null(decision.Rejection);
        return decision.Next!;
    }

    private static DossierState ReceivedMonday0800(SupplementPolicy policy)
    {
        var procedure = new ProcedureVersion("T.1", 1, new ProcedureDefinition(
            "Test procedure", "AGA", "Test", OnlineLevel.Full, true, 0m, new ProcessingTime(10, TimeUnit.WorkingDays), null, [], policy),
            Vn(2025, 1, 1, 0));
        var request = new SubmissionRequest("T.1", "ONE", Channel.Direct, new Applicant("A", "012345678901", "0905000000", null, null), [], null);
        var created = DossierMachine.Created(new NewDossier("X-250310-0001", request, procedure, Vn(2025, 3, 10, 7, 30), Officer));
        return Step(created, new Receive(procedure), Officer, Vn(2025, 3, 10, 8));
    }

    [Fact]
    public void Supplement_PausePolicy_AddsExactlyThePausedWorkingHours()
    {
        var received = ReceivedMonday0800(SupplementPolicy.Pause);
        Assert.Equal(Vn(2025, 3, 24, 8), received.DueAt);

        var waiting = Step(received, new RequestSupplement("missing", ["Bản sao CCCD"]), Specialist, Vn(2025, 3, 11, 10));
        var resumed = Step(waiting, new Supplement("attached"), Officer, Vn(2025, 3, 13, 15));

        // Paused Tue 10:00 → Thu 15:00 = 5 + 8 + 6 = 19 working hours; Mon 24 Mar 08:00 + 19h = Wed 26 Mar 11:00.
        Assert.Equal(TimeSpan.FromHours(19), resumed.PausedWorkingTime);
        Assert.Equal(Vn(2025, 3, 26, 11), resumed.DueAt);
        Assert.Equal(DossierStatus.Processing, resumed.Status);
        Assert.Equal(ProcessingStep.Appraise, resumed.Step);
        Assert.True(resumed.StepDueAt <= resumed.DueAt);
    }

    [Fact]
    public void Supplement_RestartPolicy_RecomputesTheDueDateFromTheSupplement()
    {
        var received = ReceivedMonday0800(SupplementPolicy.Restart);
        var waiting = Step(received, new RequestSupplement("missing", ["Bản sao CCCD"]), Specialist, Vn(2025, 3, 11, 10));
        var resumed = Step(waiting, new Supplement("attached"), Officer, Vn(2025, 3, 13, 15));

        // Ten working days from Thu 13 Mar 15:00: Thu 27 Mar 15:00.
        Assert.Equal(Vn(2025, 3, 27, 15), resumed.DueAt);
        Assert.Equal(Vn(2025, 3, 13, 15), resumed.ClockStartedAt);
    }

    [Fact]
    public void Supplement_AtReceipt_RunsNoClockAndReturnsToSubmitted()
    {
        var received = ReceivedMonday0800(SupplementPolicy.Pause);
        var submitted = received with
        {
            Status = DossierStatus.Submitted, Step = ProcessingStep.None, DueAt = null, ReceivedAt = null, StepDueAt = null,
        };

        var waiting = Step(submitted, new RequestSupplement("missing", ["Tờ khai"]), Officer, Vn(2025, 3, 11, 10));
        var back = Step(waiting, new Supplement(null), Officer, Vn(2025, 3, 12, 10));

        Assert.Equal(DossierStatus.Submitted, back.Status);
        Assert.Null(back.DueAt);
        Assert.False(back.SupplementRequestedInAppraisal);
        Assert.Equal(TimeSpan.Zero, back.PausedWorkingTime);
    }
}
