using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Escalations;
using HccOrleans.Grains.Regimes;
using HccOrleans.Grains.Workflow;
using HccOrleans.Grains.Workflow.Commands;
using static HccOrleans.Tests.Support.TestCalendars;

namespace HccOrleans.Tests.Domain;

/// <summary>
/// The Decree 118/2025 lifecycle on a fake clock (docs/rules/lifecycle.md): transfer, the appraisal-stage supplement,
/// closure, extension, correction and the refusals that name the decree's articles. November 2025: no holidays.
/// </summary>
[Trait("Category", "Domain")]
public sealed class Decree118LifecycleTests
{
    private static readonly Actor Officer = new("officer", [Role.Officer], "ONE");
    private static readonly Actor Specialist = new("specialist", [Role.Specialist], "AGA");
    private static readonly Actor Leader = new("leader", [Role.Leader], "AGA");
    private static readonly Actor Portal = new("portal", [Role.Portal], "");

    // A late-receipt cut-off is configured: Decree 118 dossiers must not feel it.
    private static readonly WorkingCalendar Calendar = Create(lateReceiptCutoff: TimeSpan.FromHours(15));

    private static DossierState Step(DossierState state, DossierCommand command, Actor actor, DateTimeOffset at)
    {
        var decision = DossierMachine.Decide(state, command, new ActorContext(actor), at, Calendar);
        Assert.True(decision.Rejection is null, $"{command.Action} refused: {decision.Rejection?.Rule} {decision.Rejection?.Detail}");
        return decision.Next!;
    }

    private static Rejection Refused(DossierState state, DossierCommand command, Actor actor, DateTimeOffset at)
    {
        var decision = DossierMachine.Decide(state, command, new ActorContext(actor), at, Calendar);
        Assert.True(decision.Next is null, $"{command.Action} was allowed");
        return decision.Rejection!;
    }

    /// <summary>A 10-working-day procedure of AGA that names no supplement or payment policy: the regime's defaults apply.</summary>
    private static DossierState Submitted(FilingChannel channel, DateTimeOffset at, Func<ProcedureDefinition, ProcedureDefinition>? sectorLaw = null)
    {
        var definition = new ProcedureDefinition(
            "Test procedure", "AGA", "Test", OnlineLevel.Full, true, 0m, new ProcessingTime(10, TimeUnit.WorkingDays), null, [], null);
        var procedure = new ProcedureVersion("T.1", 1, sectorLaw is null ? definition : sectorLaw(definition), Vn(2025, 1, 1, 0));
        var request = new SubmissionRequest("T.1", "ONE", channel, new Applicant("A", "012345678901", "0905000000", null, null), [], null);
        return DossierMachine.Created(new NewDossier("X-251110-0001", request, procedure, at, channel == FilingChannel.Online ? Portal : Officer));
    }

    /// <summary>Received at the counter on Monday 10 Nov 2025 at 08:00 and handed to AGA at 09:00: due Monday 24 Nov 08:00.</summary>
    private static DossierState Appraising()
    {
        var received = Step(Submitted(FilingChannel.Direct, Vn(2025, 11, 10, 7, 30)), new Receive(), Officer, Vn(2025, 11, 10, 8));
        return Step(received, new Transfer(null), Officer, Vn(2025, 11, 10, 9));
    }

    private static IReadOnlyList<EscalationOccurrence> Escalations(DossierState s, DateTimeOffset until) =>
        [.. EscalationSchedule.Occurrences(s.DeadlineView(), Calendar, EscalationPolicy.Default, until).Where(o => o.DueAt <= until)];

    [Fact]
    public void Regime_IsFixedByTheReceiptInstant_OnlineBySubmission()
    {
        var paperLate = Step(Submitted(FilingChannel.Direct, Vn(2025, 6, 30, 16)), new Receive(), Officer, Vn(2025, 7, 1, 8));
        var onlineEarly = Submitted(FilingChannel.Online, Vn(2025, 6, 30, 23));
        var paperEarly = Step(Submitted(FilingChannel.Direct, Vn(2025, 6, 30, 9)), new Receive(), Officer, Vn(2025, 6, 30, 10));

        Assert.Equal(Regime.Decree118Of2025, paperLate.Regime);
        Assert.Equal(Regime.Decree61Of2018, onlineEarly.Regime);
        Assert.Equal(Regime.Decree61Of2018, Step(onlineEarly, new Receive(), Officer, Vn(2025, 7, 1, 8)).Regime);
        Assert.Equal(Regime.Decree61Of2018, paperEarly.Regime);
        Assert.Null(Submitted(FilingChannel.Direct, Vn(2025, 11, 10, 8)).Regime);
    }

    [Fact]
    public void StoredDecree61Dossier_KeepsItsCodeAndItsRules()
    {
        // As stored before regimes were recorded: received in March 2025, no regime, no official code.
        var stored = TestDossiers.ReceivedMonday0800() with { Regime = null, OfficialCode = null };

        var snapshot = stored.ToSnapshot();
        var stopped = TestDossiers.Step(stored, new Stop("Không đủ điều kiện"), TestDossiers.Leader, Vn(2025, 3, 12, 10));

        Assert.Equal((Regime.Decree61Of2018, stored.Code), (snapshot.Regime, snapshot.OfficialCode));
        Assert.Equal((DossierStatus.Stopped, Regime.Decree61Of2018, stored.Code), (stopped.Status, stopped.Regime, stopped.Code));
    }

    [Fact]
    public void Regime_OfAStoredDossierWithoutOne_ComesFromItsReceiptAndIsRecordedOnItsNextMove()
    {
        var stored = Appraising() with { Regime = null };

        Assert.Equal("no-agency-stop", Refused(stored, new Stop("x"), Leader, Vn(2025, 11, 11, 9)).Rule);
        Assert.Equal(Regime.Decree118Of2025, Step(stored, new Appraise(AppraisalOutcome.Eligible, null), Specialist, Vn(2025, 11, 11, 9)).Regime);
    }

    [Theory]
    [InlineData(14, 59, 10, 17, 0)]
    [InlineData(15, 1, 11, 8, 0)]
    public void Transfer_PaperReceived_IsDueSameDayBefore15hElseAfterTheFirstWorkingHour(int hour, int minute, int dueDay, int dueHour, int dueMinute)
    {
        var received = Step(Submitted(FilingChannel.Direct, Vn(2025, 11, 10, 7)), new Receive(), Officer, Vn(2025, 11, 10, hour, minute));

        Assert.Equal((DossierStatus.Processing, ProcessingStep.Transfer), (received.Status, received.Step));
        Assert.Equal(Vn(2025, 11, dueDay, dueHour, dueMinute), received.StepDueAt);

        // The clock starts at receipt whatever the cut-off: 10 working days from the receipt instant.
        Assert.Equal(Vn(2025, 11, 10, hour, minute), received.ClockStartedAt);
        Assert.Equal(Vn(2025, 11, 24, hour, minute), received.DueAt);
        var overdue = Escalations(received, Vn(2025, 11, dueDay, dueHour, dueMinute)).Single(o => o.Kind == EscalationKind.StepOverdue);
        Assert.Equal((ProcessingStep.Transfer, Vn(2025, 11, dueDay, dueHour, dueMinute)), (overdue.Step, overdue.DueAt));

        var transferred = Step(received, new Transfer("Bàn giao hồ sơ giấy"), Officer, Vn(2025, 11, 11, 9));
        Assert.Equal((ProcessingStep.Appraise, Vn(2025, 11, 11, 9)), (transferred.Step, transferred.TransferredAt));
    }

    [Fact]
    public void Receive_Online_GoesToTheHandlingAgencyAtOnce()
    {
        var received = Step(Submitted(FilingChannel.Online, Vn(2025, 11, 10, 7)), new Receive(), Officer, Vn(2025, 11, 10, 9));

        Assert.Equal((DossierStatus.Processing, ProcessingStep.Appraise), (received.Status, received.Step));
    }

    [Fact]
    public void OnlineReception_AlertsAfterTwoClockHours_AndIsOverdueAfterEightWorkingHours()
    {
        // Friday 16:00: the alert at 18:00 (clock time); the limit after 1 h on Friday and 7 h on Monday.
        var submitted = Submitted(FilingChannel.Online, Vn(2025, 11, 14, 16));

        var due = Escalations(submitted, Vn(2025, 11, 30, 0)).ToDictionary(o => o.Kind, o => o.DueAt);

        Assert.Equal(Vn(2025, 11, 14, 18), due[EscalationKind.OnlineAlert]);
        Assert.Equal(Vn(2025, 11, 17, 16), due[EscalationKind.OnlineReceptionOverdue]);
        Assert.DoesNotContain(Escalations(Step(submitted, new Receive(), Officer, Vn(2025, 11, 14, 16, 30)), Vn(2025, 11, 17, 16)),
            o => o.Kind is EscalationKind.OnlineAlert or EscalationKind.OnlineReceptionOverdue);
        Assert.Empty(Escalations(Submitted(FilingChannel.Direct, Vn(2025, 11, 14, 16)), Vn(2025, 11, 30, 0)));
    }

    [Theory]
    [InlineData(13, false)]
    [InlineData(14, true)]
    public void Supplement_AskedAfterTheThirdWorkingDayFromReceipt_IsRecordedLate(int day, bool late)
    {
        // Received Monday 10: Tue, Wed, Thu are working days 1–3; Friday 14 is the 4th.
        var asked = Step(Appraising(), new RequestSupplement("Thiếu giấy tờ", ["Bản sao CCCD"]), Specialist, Vn(2025, 11, day, 16, 59));

        Assert.Equal((DossierStatus.SupplementRequested, late), (asked.Status, asked.SupplementRequestLate));
    }

    [Fact]
    public void Supplement_UnderTheDefaultPolicy_RestartsTheTimeFromZero()
    {
        var asked = Step(Appraising(), new RequestSupplement("Thiếu giấy tờ", ["Bản sao CCCD"]), Specialist, Vn(2025, 11, 12, 10));

        var supplemented = Step(asked, new Supplement("Đã bổ sung"), Officer, Vn(2025, 11, 17, 14));

        Assert.Equal(Vn(2025, 11, 17, 14), supplemented.ClockStartedAt);
        Assert.Equal(Vn(2025, 12, 1, 14), supplemented.DueAt);
        Assert.Equal(ProcessingStep.Appraise, supplemented.Step);
    }

    [Fact]
    public void Supplement_AtReception_IsAskedOnce()
    {
        var asked = Step(Submitted(FilingChannel.Online, Vn(2025, 11, 10, 7)), new RequestSupplement("Thiếu", ["Tờ khai"]), Officer, Vn(2025, 11, 10, 9));
        var back = Step(asked, new Supplement(null), Portal, Vn(2025, 11, 11, 9));

        var refusal = Refused(back, new RequestSupplement("Thiếu nữa", ["Ảnh"]), Officer, Vn(2025, 11, 11, 10));

        Assert.Equal(("supplement-at-receipt-once", RejectionKind.RuleRefused), (refusal.Rule, refusal.Kind));
        Assert.Contains("Decree 118/2025/NĐ-CP Art. 16(3), 17(1)(c)", refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Close_RefusedAtTheLastInstantOfTheFifteenDays_AllowedAfterIt()
    {
        // Notice on Wednesday 12 Nov: day 1 is 13 Nov, day 15 is Thursday 27 Nov, ending at its close.
        var asked = Step(Appraising(), new RequestSupplement("Thiếu giấy tờ", ["Bản sao CCCD"]), Specialist, Vn(2025, 11, 12, 10));

        var early = Refused(asked, new Close("Không bổ sung"), Officer, Vn(2025, 11, 27, 17));
        var closed = Step(asked, new Close("Không bổ sung"), Officer, Vn(2025, 11, 28, 7));

        Assert.Equal(("close-too-early", RejectionKind.RuleRefused), (early.Rule, early.Kind));
        Assert.Contains("2025-11-27 17:00", early.Detail, StringComparison.Ordinal);
        Assert.Equal((DossierStatus.Stopped, Vn(2025, 11, 28, 7)), (closed.Status, closed.ClosedAt));
        Assert.Null(closed.Completion);
    }

    [Fact]
    public void Close_PeriodEndingOnASunday_RunsToTheNextWorkingDay()
    {
        // A notice dated Saturday 8 Nov (15 ≡ 1 mod 7: only a Saturday notice ends on a Sunday): day 15 is Sunday 23 Nov,
        // so the period runs to the close of Monday 24 Nov.
        var asked = Step(Appraising(), new RequestSupplement("Thiếu", ["Ảnh"]), Specialist, Vn(2025, 11, 10, 10)) with { PausedAt = Vn(2025, 11, 8, 10) };

        Assert.Equal("close-too-early", Refused(asked, new Close("x"), Officer, Vn(2025, 11, 24, 16, 59)).Rule);
        Assert.Equal(DossierStatus.Stopped, Step(asked, new Close("x"), Officer, Vn(2025, 11, 24, 17, 1)).Status);
        Assert.Equal(Vn(2025, 11, 24, 17), Escalations(asked, Vn(2025, 11, 30, 0)).Single(o => o.Kind == EscalationKind.SupplementUnanswered).DueAt);
    }

    [Fact]
    public void Supplement_NeverAnswered_IsNotStoppedByTheEngine()
    {
        var asked = Step(Appraising(), new RequestSupplement("Thiếu", ["Ảnh"]), Specialist, Vn(2025, 11, 12, 10));

        Assert.Null(EscalationSchedule.Timeout(asked.DeadlineView(), Calendar, EscalationPolicy.Default));
        Assert.Equal("no-agency-stop", Refused(asked, new Stop("x"), Actor.System, Vn(2025, 12, 31, 9)).Rule);
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(24, false)]
    public void Extension_ProposedBeforeTheExpiryDay_IsTimely_AndTheOldDateStandsUntilConfirmed(int proposedOn, bool timely)
    {
        // Due Monday 24 Nov 08:00: proposed Thursday 20 (more than a day before) or on the 24th itself.
        var approving = Step(Appraising(), new Appraise(AppraisalOutcome.Eligible, null), Specialist, Vn(2025, 11, 14, 9));
        var proposed = Step(approving, new ProposeExtension("Cần xác minh thêm", Vn(2025, 12, 1, 17)), Leader, Vn(2025, 11, proposedOn, 7, 30));

        Assert.Equal((timely, ExtensionDecision.Proposed), (proposed.Extension!.Timely, proposed.Extension.Decision));
        Assert.Equal(Vn(2025, 11, 24, 8), proposed.DueAt);

        var confirmed = Step(proposed, new ConfirmExtension(null), Officer, Vn(2025, 11, 24, 7, 45));
        Assert.Equal((Vn(2025, 12, 1, 17), ExtensionDecision.Confirmed), (confirmed.DueAt!.Value, confirmed.Extension!.Decision));
        Assert.Equal(DueChangeReason.Extended, confirmed.DueHistory[^1].Reason);

        // Approved within the new date but after the original one: the completion class keeps the original date.
        Assert.Equal(CompletionClass.Late, Step(confirmed, new Approve(null), Leader, Vn(2025, 11, 27, 9)).Completion);
    }

    [Fact]
    public void Extension_Refusals_NameTheRuleAndArticle()
    {
        var appraising = Appraising();
        var at = Vn(2025, 11, 18, 9);

        var nothing = Refused(appraising, new ConfirmExtension(null), Officer, at);
        var nothingToDecline = Refused(appraising, new DeclineExtension("x"), Officer, at);
        var saturday = Refused(appraising, new ProposeExtension("x", Vn(2025, 11, 29, 9)), Leader, at);
        var beforeDue = Refused(appraising, new ProposeExtension("x", Vn(2025, 11, 21, 9)), Leader, at);
        var proposed = Step(appraising, new ProposeExtension("x", Vn(2025, 12, 1, 9)), Leader, at);
        var pending = Refused(proposed, new ProposeExtension("y", Vn(2025, 12, 2, 9)), Leader, at);
        var confirmed = Step(proposed, new ConfirmExtension(null), Officer, at);
        var second = Refused(confirmed, new ProposeExtension("y", Vn(2025, 12, 5, 9)), Leader, at);
        var declined = Step(proposed, new DeclineExtension("Không đủ lý do"), Officer, at);

        Assert.Equal(["extension-not-proposed", "extension-not-proposed", "extension-date", "extension-date", "extension-once", "extension-once"],
            new[] { nothing, nothingToDecline, saturday, beforeDue, pending, second }.Select(r => r.Rule));
        Assert.All(new[] { nothing, saturday, second }, r => Assert.Contains("Decree 118/2025/NĐ-CP Art. 19(6)", r.Detail, StringComparison.Ordinal));
        Assert.Equal(Vn(2025, 11, 24, 8), declined.DueAt);
        Assert.Equal(ExtensionDecision.Proposed, Step(declined, new ProposeExtension("z", Vn(2025, 12, 1, 9)), Leader, at).Extension!.Decision);
    }

    [Fact]
    public void CorrectResult_NotDoneWithinThreeWorkingDays_IsOverdueOnTheFourth()
    {
        var approving = Step(Appraising(), new Appraise(AppraisalOutcome.Eligible, null), Specialist, Vn(2025, 11, 12, 9));
        var returned = Step(Step(approving, new Approve(null), Leader, Vn(2025, 11, 13, 9)), new Return(ReturnMethod.Counter), Officer, Vn(2025, 11, 14, 9));
        Assert.Equal("correction-not-open", Refused(returned, new Return(ReturnMethod.Counter), Officer, Vn(2025, 11, 14, 10)).Rule);

        // Opened Monday 17: Tue, Wed, Thu are its working days; Friday 21 it is overdue.
        var correcting = Step(returned, new CorrectResult("Sai họ tên"), Officer, Vn(2025, 11, 17, 10));

        Assert.Equal(Vn(2025, 11, 20, 17), correcting.Correction!.DueAt);
        Assert.DoesNotContain(Escalations(correcting, Vn(2025, 11, 20, 17)), o => o.DueAt < Vn(2025, 11, 20, 17));
        Assert.Equal(EscalationKind.CorrectionOverdue, Escalations(correcting, Vn(2025, 11, 21, 8)).Single().Kind);
        var corrected = Step(correcting, new Return(ReturnMethod.Counter), Officer, Vn(2025, 11, 19, 9));
        Assert.Equal((DossierStatus.Returned, Vn(2025, 11, 19, 9)), (corrected.Status, corrected.Correction!.CorrectedAt));
        Assert.Empty(Escalations(corrected, Vn(2025, 12, 31, 0)));
    }

    [Fact]
    public void Withdraw_PaperFromReceipt_OnlineFromSubmission_NeverAfterApproval()
    {
        var paper = Submitted(FilingChannel.Direct, Vn(2025, 11, 10, 7));
        var online = Submitted(FilingChannel.Online, Vn(2025, 11, 10, 7));

        Assert.Equal("invalid-transition", Refused(paper, new Withdraw("x"), Officer, Vn(2025, 11, 10, 8)).Rule);
        Assert.Equal(DossierStatus.Withdrawn, Step(online, new Withdraw("x"), Portal, Vn(2025, 11, 10, 8)).Status);
        Assert.Equal(DossierStatus.Withdrawn, Step(Appraising(), new Withdraw("x"), Officer, Vn(2025, 11, 11, 8)).Status);

        var approving = Step(Appraising(), new Appraise(AppraisalOutcome.Ineligible, "Không đủ điều kiện"), Specialist, Vn(2025, 11, 12, 9));
        var done = Step(approving, new Approve(null), Leader, Vn(2025, 11, 13, 9));
        var late = Refused(done, new Withdraw("x"), Officer, Vn(2025, 11, 13, 10));

        Assert.Equal(DossierOutcome.Denied, done.Outcome);
        Assert.Equal(("withdrawal-after-decision", RejectionKind.Conflict), (late.Rule, late.Kind));
        Assert.Contains("Decree 118/2025/NĐ-CP Art. 21", late.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Stop_AndApologize_AreNotActionsOfDecree118_AndTheRefusalsCiteIt()
    {
        var appraising = Appraising();

        var stop = Refused(appraising, new Stop("x"), Leader, Vn(2025, 11, 11, 9));
        var apology = Refused(appraising, new Apologize("x", Vn(2025, 12, 1, 9)), Leader, Vn(2025, 11, 11, 9));

        Assert.Equal(("no-agency-stop", RejectionKind.Conflict), (stop.Rule, stop.Kind));
        Assert.Equal(("extension-replaces-apology", RejectionKind.Conflict), (apology.Rule, apology.Kind));
        Assert.All(new[] { stop, apology }, r => Assert.Contains("118/2025", r.Detail, StringComparison.Ordinal));
        Assert.All(new[] { stop, apology }, r => Assert.DoesNotContain("61/2018", r.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public void Payment_UnderDecree118_DoesNotStopTheClock_AndAnUnmetOneEscalates()
    {
        var awaiting = Step(Appraising(), new RequestPayment(500_000m, "Lệ phí"), Specialist, Vn(2025, 11, 11, 10));

        Assert.Null(awaiting.PausedAt);
        Assert.Equal(Vn(2025, 11, 24, 8), awaiting.DueAt);
        Assert.Null(EscalationSchedule.Timeout(awaiting.DeadlineView(), Calendar, EscalationPolicy.Default));
        var kinds = Escalations(awaiting, Vn(2025, 12, 12, 0)).Select(o => o.Kind).ToHashSet();
        Assert.Contains(EscalationKind.Overdue, kinds);
        Assert.Contains(EscalationKind.PaymentUnmet, kinds);
        var paid = Step(awaiting, new Pay("BL-1", 500_000m), Officer, Vn(2025, 11, 12, 10));
        Assert.Equal((DossierStatus.Processing, Vn(2025, 11, 24, 8)), (paid.Status, paid.DueAt!.Value));
    }

    [Fact]
    public void Offers_OfADecree118Dossier_AreItsTableAndItsOnceOnlyRules()
    {
        var received = Step(Submitted(FilingChannel.Direct, Vn(2025, 11, 10, 7)), new Receive(), Officer, Vn(2025, 11, 10, 8));
        var at = Vn(2025, 11, 10, 9);

        Assert.Equal([DossierAction.Withdraw, DossierAction.Transfer], DossierMachine.Offers(received, Officer, at));
        Assert.Equal([DossierAction.ProposeExtension], DossierMachine.Offers(received, Leader, at));
        var proposed = Step(received, new ProposeExtension("x", Vn(2025, 12, 1, 9)), Leader, at);
        Assert.Equal([DossierAction.Withdraw, DossierAction.Transfer, DossierAction.ConfirmExtension, DossierAction.DeclineExtension], DossierMachine.Offers(proposed, Officer, at));
        Assert.Empty(DossierMachine.Offers(proposed, Leader, at));
    }

    [Fact]
    public void SectorLaw_SetsItsOwnPeriods_ForTheOnlineLimitTheTimelySupplementAndTheClosure()
    {
        ProcedureDefinition Own(ProcedureDefinition d) => d with { OnlineReceptionWorkingHours = 4, TimelySupplementWorkingDays = 5, SupplementClosureDays = 30 };

        // Online, Friday 16:00: 1 working hour on Friday and 3 on Monday.
        var online = Submitted(FilingChannel.Online, Vn(2025, 11, 14, 16), Own);
        Assert.Equal(Vn(2025, 11, 17, 10), Escalations(online, Vn(2025, 11, 30, 0)).Single(o => o.Kind == EscalationKind.OnlineReceptionOverdue).DueAt);

        // Received Monday 10 Nov; asked on Friday 14, the 4th working day, still within the procedure's 5.
        var received = Step(Step(Submitted(FilingChannel.Direct, Vn(2025, 11, 10, 7), Own), new Receive(), Officer, Vn(2025, 11, 10, 8)), new Transfer(null), Officer, Vn(2025, 11, 10, 9));
        var asked = Step(received, new RequestSupplement("Thiếu", ["Ảnh"]), Specialist, Vn(2025, 11, 14, 16));
        Assert.False(asked.SupplementRequestLate);

        // Notice on Friday 14 Nov: 30 days run to Sunday 14 Dec, so to the close of Monday 15 Dec.
        Assert.Equal("close-too-early", Refused(asked, new Close("x"), Officer, Vn(2025, 12, 15, 16)).Rule);
        Assert.Equal(DossierStatus.Stopped, Step(asked, new Close("x"), Officer, Vn(2025, 12, 16, 8)).Status);
    }

    [Fact]
    public void Refuse_OutsideCompetence_TellsWhereToFile_AndTakesNoCode()
    {
        var refused = Step(Submitted(FilingChannel.Online, Vn(2025, 11, 10, 7)), new Refuse("Không thuộc thẩm quyền", "UBND xã Tam Xuân"), Officer, Vn(2025, 11, 10, 9));

        Assert.Equal((DossierStatus.Refused, "UBND xã Tam Xuân", "Không thuộc thẩm quyền"), (refused.Status, refused.FileWith, refused.Log[^1].Note));
        Assert.Null(refused.OfficialCode);
        Assert.Equal("invalid-transition", Refused(refused, new Refuse("Lần hai"), Officer, Vn(2025, 11, 10, 10)).Rule);
    }
}
