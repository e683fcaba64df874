using HccOrleans.Grains.Escalations;
using HccOrleans.Grains.Workflow;
using HccOrleans.Grains.Workflow.Commands;
using static HccOrleans.Tests.Support.TestCalendars;
using static HccOrleans.Tests.Support.TestDossiers;

namespace HccOrleans.Tests.Domain;

/// <summary>The v1.1 rules of the state machine: payment, apology timing, withdrawal and stop (docs/rules/lifecycle.md).</summary>
[Trait("Category", "Domain")]
public sealed class DossierRulesTests
{
    [Fact]
    public void Payment_PauseAndResume_AddsExactlyThePausedWorkingTime()
    {
        var received = ReceivedMonday0800();

        var awaiting = Step(received, new RequestPayment(1_500_000m, "Lệ phí cấp phép"), Specialist, Vn(2025, 3, 11, 10));
        Assert.Equal((DossierStatus.AwaitingPayment, ProcessingStep.Appraise), (awaiting.Status, awaiting.Step));
        Assert.Equal(new PaymentObligation(1_500_000m, "Lệ phí cấp phép", Vn(2025, 3, 11, 10)), awaiting.Payment);

        var paid = Step(awaiting, new Pay("BL-0042", 1_500_000m), TestDossiers.Officer, Vn(2025, 3, 13, 15));

        // Tue 10:00 → Thu 15:00 is 5 + 8 + 6 = 19 working hours: Mon 24 Mar 08:00 becomes Wed 26 Mar 11:00.
        Assert.Equal((DossierStatus.Processing, ProcessingStep.Appraise), (paid.Status, paid.Step));
        Assert.Equal(TimeSpan.FromHours(19), paid.PausedWorkingTime);
        Assert.Equal(Vn(2025, 3, 26, 11), paid.DueAt);
        Assert.Equal(received.Budget, paid.Budget);
        Assert.Equal(new PaymentObligation(1_500_000m, "Lệ phí cấp phép", Vn(2025, 3, 11, 10), Vn(2025, 3, 13, 15), "BL-0042", PaymentMethod.Counter), paid.Payment);
        Assert.Equal(
            [DueChangeReason.Received, DueChangeReason.PaymentRequested, DueChangeReason.Paid],
            paid.DueHistory.Select(c => c.Reason));
        Assert.Equal("1.500.000 đồng, biên lai BL-0042", paid.Log[^1].Note);
    }

    [Fact]
    public void Payment_RestartPolicyProcedure_StillResumesByThePauseRule()
    {
        var awaiting = Step(ReceivedMonday0800(SupplementPolicy.Restart), new RequestPayment(200_000m, null), Specialist, Vn(2025, 3, 11, 10));

        Assert.Equal(Vn(2025, 3, 26, 11), Step(awaiting, new Pay("BL-1", 200_000m), TestDossiers.Officer, Vn(2025, 3, 13, 15)).DueAt);
    }

    [Fact]
    public void Pay_AnotherAmount_Is422AndTheObligationStands()
    {
        var awaiting = Step(ReceivedMonday0800(), new RequestPayment(200_000m, null), Specialist, Vn(2025, 3, 11, 10));

        var refused = Refused(awaiting, new Pay("BL-1", 150_000m), TestDossiers.Officer, Vn(2025, 3, 12, 9));

        Assert.Equal((RejectionKind.RuleRefused, "payment-amount-mismatch"), (refused.Kind, refused.Rule));
        Assert.Contains("200.000 đồng", refused.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(12.5)]
    public void RequestPayment_AmountNotAPositiveWholeNumber_Is400(double amount)
    {
        var refused = Refused(ReceivedMonday0800(), new RequestPayment((decimal)amount, null), Specialist, Vn(2025, 3, 11, 10));

        Assert.Equal(RejectionKind.Invalid, refused.Kind);
        Assert.Contains("amount", refused.Errors!.Keys);
    }

    [Fact]
    public void Apology_IssuedEarly_IsAcceptedAndTimely()
    {
        var apologized = Step(ReceivedMonday0800(), new Apologize("Hồ sơ phức tạp", Vn(2025, 3, 28, 17)), Leader, Vn(2025, 3, 12, 10));

        Assert.Equal(new Apology(Vn(2025, 3, 12, 10), "Hồ sơ phức tạp", Vn(2025, 3, 28, 17), Timely: true), apologized.Apology);
        Assert.Equal(Vn(2025, 3, 28, 17), apologized.RescheduledDueAt);
        Assert.Equal(Vn(2025, 3, 24, 8), apologized.DueAt);
        Assert.Equal(DossierStatus.Processing, apologized.Status);
    }

    [Theory]
    [InlineData(8, 0, true)]   // Friday 21 Mar 08:00: exactly one working day before Monday 08:00
    [InlineData(8, 1, false)]  // a minute later, less than one working day remains
    public void Apology_AtTheOneWorkingDayLine_IsTimelyUpToIt(int hour, int minute, bool timely) =>
        Assert.Equal(timely, Step(ReceivedMonday0800(), new Apologize("Chậm", Vn(2025, 3, 28, 17)), Leader, Vn(2025, 3, 21, hour, minute)).Apology!.Timely);

    /// <summary>
    /// "Due soon" is one line: the apology is in time exactly until the due-soon escalation fires, whatever the
    /// setting says the line is (one working day by default, two here).
    /// </summary>
    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    public void Apology_IsInTimeExactlyUntilTheDueSoonEscalationFires(int dueSoonHours)
    {
        var policy = EscalationPolicy.Default with { DueSoonWithin = TimeSpan.FromHours(dueSoonHours) };
        var received = ReceivedMonday0800();
        var dueSoonAt = EscalationSchedule.Due(received.DeadlineView(), new HashSet<string>(), received.DueAt!.Value, Create(), policy)
            .Single(o => o.Kind == EscalationKind.DueSoon).DueAt;

        Apology At(DateTimeOffset at) =>
            DossierMachine.Decide(received, new Apologize("Chậm", Vn(2025, 3, 28, 17)), new ActorContext(Leader), at, Create(), policy).Next!.Apology!;

        Assert.Equal(Vn(2025, 3, dueSoonHours == 8 ? 21 : 20, 8), dueSoonAt);
        Assert.True(At(dueSoonAt).Timely);
        Assert.False(At(dueSoonAt.AddMinutes(1)).Timely);
    }

    [Fact]
    public void Apology_AfterTheDueInstant_IsAcceptedAsLateAndASecondIsRefused()
    {
        var late = Step(ReceivedMonday0800(), new Apologize("Quá hạn", Vn(2025, 3, 28, 17)), Leader, Vn(2025, 3, 24, 9));
        Assert.False(late.Apology!.Timely);

        var second = Refused(late, new Apologize("Lần hai", Vn(2025, 4, 4, 17)), Leader, Vn(2025, 3, 25, 9));
        Assert.Equal((RejectionKind.RuleRefused, "apology-once"), (second.Kind, second.Rule));
    }

    [Fact]
    public void Apology_NewDateNotAfterTheCurrentDue_Is400()
    {
        var refused = Refused(ReceivedMonday0800(), new Apologize("Chậm", Vn(2025, 3, 24, 8)), Leader, Vn(2025, 3, 12, 10));

        Assert.Equal(RejectionKind.Invalid, refused.Kind);
        Assert.Contains("newDueAt", refused.Errors!.Keys);
    }

    [Fact]
    public void Withdraw_FromDone_Is409BecauseTheResultExists()
    {
        var appraised = Step(ReceivedMonday0800(), new Appraise(AppraisalOutcome.Eligible, null), Specialist, Vn(2025, 3, 12, 9));
        var done = Step(appraised, new Approve(null), Leader, Vn(2025, 3, 25, 9));
        Assert.Equal(CompletionClass.Late, done.Completion);

        var refused = Refused(done, new Withdraw("Công dân xin rút"), TestDossiers.Officer, Vn(2025, 3, 26, 9));

        Assert.Equal((RejectionKind.Conflict, "withdrawal-after-decision", DossierStatus.Done), (refused.Kind, refused.Rule, refused.CurrentStatus));
    }

    [Fact]
    public void Withdraw_WhileAwaitingPayment_ClosesWithoutACompletionClass()
    {
        var awaiting = Step(ReceivedMonday0800(), new RequestPayment(200_000m, null), Specialist, Vn(2025, 3, 11, 10));

        var withdrawn = Step(awaiting, new Withdraw("Công dân xin rút"), TestDossiers.Officer, Vn(2025, 3, 12, 10));

        Assert.Equal((DossierStatus.Withdrawn, Vn(2025, 3, 12, 10)), (withdrawn.Status, withdrawn.ClosedAt!.Value));
        Assert.Null(withdrawn.Completion);
        Assert.Null(withdrawn.CompletedAt);
        Assert.Null(withdrawn.PausedAt);
    }

    [Fact]
    public void Stop_ByTheLeader_IsTerminalWithItsReasonAndNoCompletionClass()
    {
        var stopped = Step(ReceivedMonday0800(), new Stop("Không đủ điều kiện theo quy định"), Leader, Vn(2025, 3, 12, 10));

        Assert.Equal((DossierStatus.Stopped, 8), (stopped.Status, NationalCodes.Of(stopped.Status, stopped.HandlingStarted)));
        Assert.Equal((Vn(2025, 3, 12, 10), "Không đủ điều kiện theo quy định", DossierAction.Stop), (stopped.ClosedAt!.Value, stopped.Log[^1].Note, stopped.Log[^1].Action));
        Assert.Null(stopped.Completion);
        Assert.Equal("invalid-transition", Refused(stopped, new Withdraw("x"), TestDossiers.Officer, Vn(2025, 3, 13, 10)).Rule);
    }

    [Fact]
    public void Stop_ByTheOfficer_IsForbidden() =>
        Assert.Equal(RejectionKind.Forbidden, Refused(ReceivedMonday0800(), new Stop("x"), TestDossiers.Officer, Vn(2025, 3, 12, 10)).Kind);
}

/// <summary>What a page offers: exactly the moves the role, the agency and the once-only rules allow now.</summary>
[Trait("Category", "Domain")]
public sealed class OffersTests
{
    private static readonly Actor OtherLeader = new("leader.b", [Role.Leader], "AGB");
    private static readonly Actor Portal = new("portal", [Role.Portal], "");

    [Fact]
    public void Offers_EachRoleAtEachStage_AreExactlyTheAllowedMoves()
    {
        var received = ReceivedMonday0800();
        var submitted = received with { Status = DossierStatus.Submitted, Step = ProcessingStep.None, ReceivedAt = null, DueAt = null };

        Assert.Equal([DossierAction.Receive, DossierAction.Refuse, DossierAction.RequestSupplement, DossierAction.Withdraw], DossierMachine.Offers(submitted, TestDossiers.Officer, Vn(2025, 3, 14, 9)));
        Assert.Equal([DossierAction.Withdraw], DossierMachine.Offers(submitted, Portal, Vn(2025, 3, 14, 9)));
        Assert.Empty(DossierMachine.Offers(submitted, Specialist, Vn(2025, 3, 14, 9)));
        Assert.Equal([DossierAction.RequestSupplement, DossierAction.Appraise, DossierAction.RequestPayment, DossierAction.Assign], DossierMachine.Offers(received, Specialist, Vn(2025, 3, 14, 9)));
        Assert.Equal([DossierAction.Apologize, DossierAction.Stop, DossierAction.Assign], DossierMachine.Offers(received, Leader, Vn(2025, 3, 14, 9)));
        Assert.Empty(DossierMachine.Offers(received, OtherLeader, Vn(2025, 3, 14, 9)));

        var supplemented = Step(Step(received, new RequestSupplement("x", ["y"]), Specialist, Vn(2025, 3, 11, 9)), new Supplement(null), TestDossiers.Officer, Vn(2025, 3, 11, 10));
        Assert.Equal([DossierAction.Appraise, DossierAction.RequestPayment, DossierAction.Assign], DossierMachine.Offers(supplemented, Specialist, Vn(2025, 3, 14, 9)));

        var approving = Step(supplemented, new Appraise(AppraisalOutcome.Eligible, null), Specialist, Vn(2025, 3, 12, 9));
        var apologized = Step(approving, new Apologize("Chậm", Vn(2025, 3, 28, 17)), Leader, Vn(2025, 3, 12, 10));
        Assert.Equal([DossierAction.Approve, DossierAction.SendBack, DossierAction.Stop], DossierMachine.Offers(apologized, Leader, Vn(2025, 3, 14, 9)));

        var done = Step(apologized, new Approve(null), Leader, Vn(2025, 3, 13, 9));
        Assert.Equal([DossierAction.Return], DossierMachine.Offers(done, TestDossiers.Officer, Vn(2025, 3, 14, 9)));
        Assert.Empty(DossierMachine.Offers(done, Leader, Vn(2025, 3, 14, 9)));
    }
}
