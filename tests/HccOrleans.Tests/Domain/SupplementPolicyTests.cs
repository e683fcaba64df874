using HccOrleans.Grains.Workflow.Commands;
using static HccOrleans.Tests.Support.TestCalendars;
using static HccOrleans.Tests.Support.TestDossiers;

namespace HccOrleans.Tests.Domain;

/// <summary>The pause and restart supplement policies, decided by the dossier state machine on a fixed calendar.</summary>
[Trait("Category", "Domain")]
public sealed class SupplementPolicyTests
{
    [Fact]
    public void Supplement_PausePolicy_AddsExactlyThePausedWorkingHours()
    {
        var received = ReceivedMonday0800(SupplementPolicy.Pause);
        Assert.Equal(Vn(2025, 3, 24, 8), received.DueAt);

        var waiting = Step(received, new RequestSupplement("missing", ["Bản sao CCCD"]), Specialist, Vn(2025, 3, 11, 10));
        var resumed = Step(waiting, new Supplement("attached"), TestDossiers.Officer, Vn(2025, 3, 13, 15));

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
        var resumed = Step(waiting, new Supplement("attached"), TestDossiers.Officer, Vn(2025, 3, 13, 15));

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

        var waiting = Step(submitted, new RequestSupplement("missing", ["Tờ khai"]), TestDossiers.Officer, Vn(2025, 3, 11, 10));
        var back = Step(waiting, new Supplement(null), TestDossiers.Officer, Vn(2025, 3, 12, 10));

        Assert.Equal(DossierStatus.Submitted, back.Status);
        Assert.Null(back.DueAt);
        Assert.False(back.SupplementRequestedInAppraisal);
        Assert.Equal(TimeSpan.Zero, back.PausedWorkingTime);
    }

    [Theory]
    [InlineData(SupplementPolicy.Pause)]
    [InlineData(SupplementPolicy.Restart)]
    public void ResolutionTime_EitherPolicy_IsReceiptToApprovalLessThePause(SupplementPolicy policy)
    {
        var waiting = Step(ReceivedMonday0800(policy), new RequestSupplement("missing", ["Bản vẽ"]), Specialist, Vn(2025, 3, 11, 10));
        var resumed = Step(waiting, new Supplement(null), TestDossiers.Officer, Vn(2025, 3, 13, 15));
        var appraised = Step(resumed, new Appraise(AppraisalOutcome.Eligible, null), Specialist, Vn(2025, 3, 14, 9));
        var approved = Step(appraised, new Approve(null), Leader, Vn(2025, 3, 17, 10));

        // Mon 10 Mar 08:00 → Mon 17 Mar 10:00 is 7 + 4 × 8 + 3 = 42 working hours, of which 19 paused.
        Assert.Equal(23m, approved.ResolutionWorkingHours);
    }

    [Theory]
    [InlineData(SupplementPolicy.Pause, 2025, 3, 26, 11)]
    [InlineData(SupplementPolicy.Restart, 2025, 3, 27, 15)]
    public void DueHistory_SupplementDuringProcessing_RecordsTheStopAndTheNewDueDate(SupplementPolicy policy, int y, int m, int d, int h)
    {
        var waiting = Step(ReceivedMonday0800(policy), new RequestSupplement("missing", ["Bản vẽ"]), Specialist, Vn(2025, 3, 11, 10));
        var resumed = Step(waiting, new Supplement(null), TestDossiers.Officer, Vn(2025, 3, 13, 15));

        Assert.Equal(
            [
                new DueChange(Vn(2025, 3, 10, 8), Vn(2025, 3, 24, 8), DueChangeReason.Received),
                new DueChange(Vn(2025, 3, 11, 10), null, DueChangeReason.SupplementRequested),
                new DueChange(Vn(2025, 3, 13, 15), Vn(y, m, d, h), DueChangeReason.Supplemented),
            ],
            resumed.DueHistory);
    }
}
