namespace HccOrleans.Tests.Cluster;

[Collection(ClusterCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class DossierWorkflowTests(ClusterFixture fixture) : GrainTestBase(fixture)
{
    [Fact]
    public async Task FullHappyPath_ReceiveAppraiseApproveReturn_RecordsDeadlinesLogAndEarlyCompletion()
    {
        var monday = Clock.StartNextWeek();
        var submitted = await SubmitAsync();
        Assert.Equal(DossierStatus.Submitted, submitted.Status);
        Assert.Equal(1, submitted.NationalStatusCode);
        Assert.Matches(@"^000\.00\.99\.H47-\d{6}-\d{4}$", submitted.Code);
        var dossier = Dossier(submitted.Code);

        Clock.MoveTo(At(monday, 0, 9));
        var received = Ok(await dossier.ReceiveAsync(As(Officer, submitted.Version)));
        Assert.Equal((DossierStatus.Processing, ProcessingStep.Transfer, 2), (received.Status, received.Step, received.NationalStatusCode));
        Assert.Equal((Regime.Decree118Of2025, At(monday, 14, 9)), (received.Regime, received.DueAt!.Value)); // 80 working hours from Monday 09:00
        Assert.Equal(At(monday, 0, 17), received.StepDueAt);  // paper received before 15:00 reaches the agency the same day

        var transferred = Ok(await dossier.TransferAsync(As(Officer), "Bàn giao hồ sơ giấy"));
        Assert.Equal((DossierStatus.Processing, ProcessingStep.Appraise, At(monday, 0, 9)), (transferred.Status, transferred.Step, transferred.TransferredAt!.Value));
        Assert.Equal(At(monday, 9, 9), transferred.StepDueAt);   // appraise: 70% = 56 working hours
        Assert.Equal(AgencyA, transferred.StepAgency);

        Clock.MoveTo(At(monday, 1, 10));
        var appraised = Ok(await dossier.AppraiseAsync(As(SpecialistA), AppraisalOutcome.Eligible, "Đủ điều kiện"));
        Assert.Equal((DossierStatus.Processing, ProcessingStep.Approve, 4), (appraised.Status, appraised.Step, appraised.NationalStatusCode));
        Assert.Equal(At(monday, 3, 10), appraised.StepDueAt); // approve: 20% = 16 working hours

        Clock.MoveTo(At(monday, 2, 14));
        var approved = Ok(await dossier.ApproveAsync(As(LeaderA), "Đồng ý"));
        Assert.Equal((DossierStatus.Done, 9, DossierOutcome.Granted), (approved.Status, approved.NationalStatusCode, approved.Outcome));
        Assert.Equal(At(monday, 2, 14), approved.CompletedAt);
        Assert.Equal(CompletionClass.Early, approved.Completion);

        Clock.MoveTo(At(monday, 3, 9));
        var returned = Ok(await dossier.ReturnAsync(As(Officer), ReturnMethod.Counter));
        Assert.Equal((DossierStatus.Returned, 10), (returned.Status, returned.NationalStatusCode));
        Assert.Equal(At(monday, 3, 9), returned.ReturnedAt);
        Assert.Equal(6, returned.Version);
        Assert.Equal(
            [DossierAction.Submit, DossierAction.Receive, DossierAction.Transfer, DossierAction.Appraise, DossierAction.Approve, DossierAction.Return],
            returned.Log.Select(l => l.Action));
        Assert.Equal(
            [Officer.Subject, Officer.Subject, Officer.Subject, SpecialistA.Subject, LeaderA.Subject, Officer.Subject],
            returned.Log.Select(l => l.Actor));
        Assert.Equal(DossierStatus.Done, returned.Log[^1].From);
        Assert.Equal(DossierStatus.Returned, returned.Log[^1].To);
        var reread = await GetAsync(submitted.Code);
        Assert.Equal((returned.Version, returned.Status, returned.Log.Length), (reread.Version, reread.Status, reread.Log.Length));
    }

    [Fact]
    public async Task Approve_AfterTheDueInstant_IsLateEvenWithAConfirmedExtension()
    {
        var monday = Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;
        await HandedOverAsync(code);

        // Due Monday of the third week 08:00; proposed on that very day, so late, and the old date stands until confirmed.
        Clock.MoveTo(At(monday, 14, 7, 30));
        var proposed = Ok(await Dossier(code).ProposeExtensionAsync(As(LeaderA), "Hồ sơ phức tạp", At(monday, 18, 17)));
        Assert.Equal((At(monday, 14, 8), DossierStatus.Processing), (proposed.DueAt!.Value, proposed.Status));
        Assert.Equal((false, ExtensionDecision.Proposed, LeaderA.Subject), (proposed.Extension!.Timely, proposed.Extension.Decision, proposed.Extension.ProposedBy));
        var confirmed = Ok(await Dossier(code).ConfirmExtensionAsync(As(Officer)));
        Assert.Equal((At(monday, 18, 17), At(monday, 18, 17)), (confirmed.DueAt!.Value, confirmed.RescheduledDueAt!.Value));

        var second = Refused(await Dossier(code).ProposeExtensionAsync(As(LeaderA), "Lần hai", At(monday, 25, 17)), RejectionKind.RuleRefused);
        Assert.Equal("extension-once", second.Rule);

        Ok(await Dossier(code).AppraiseAsync(As(SpecialistA), AppraisalOutcome.Ineligible, "Thiếu điều kiện"));
        Clock.MoveTo(At(monday, 15, 9));
        var approved = Ok(await Dossier(code).ApproveAsync(As(LeaderA), null));
        Assert.Equal(DossierOutcome.Denied, approved.Outcome);
        Assert.Equal(CompletionClass.Late, approved.Completion);
    }

    [Fact]
    public async Task SendBack_FromApproval_ReturnsToAppraisalWithANewStepDue()
    {
        var monday = Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;
        var dossier = Dossier(code);
        await HandedOverAsync(code);
        Ok(await dossier.AppraiseAsync(As(SpecialistA), AppraisalOutcome.Eligible, null));

        Clock.MoveTo(At(monday, 1, 8));
        var sentBack = Ok(await dossier.SendBackAsync(As(LeaderA), "Bổ sung ý kiến thẩm định"));

        Assert.Equal((DossierStatus.Processing, ProcessingStep.Appraise), (sentBack.Status, sentBack.Step));
        Assert.Equal(At(monday, 10, 8), sentBack.StepDueAt);
        Assert.Equal((DossierAction.SendBack, ProcessingStep.Approve, ProcessingStep.Appraise),
            (sentBack.Log[^1].Action, sentBack.Log[^1].FromStep, sentBack.Log[^1].ToStep));
        Assert.Equal("Bổ sung ý kiến thẩm định", sentBack.Log[^1].Note);

        Ok(await dossier.AppraiseAsync(As(SpecialistA), AppraisalOutcome.Eligible, "Đã bổ sung"));
        Assert.Equal(DossierStatus.Done, Ok(await dossier.ApproveAsync(As(LeaderA), null)).Status);
    }

    [Fact]
    public async Task RequestSupplement_SecondDuringProcessing_IsRefusedWith422AndChangesNothing()
    {
        Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;
        var dossier = Dossier(code);

        // A request at receipt does not count against the once-during-processing rule.
        Ok(await dossier.RequestSupplementAsync(As(Officer), "Thiếu tờ khai", ["Tờ khai"]));
        Ok(await dossier.SupplementAsync(As(Portal), "Đã nộp"));
        await HandedOverAsync(code);
        var waiting = Ok(await dossier.RequestSupplementAsync(As(SpecialistA), "Thiếu bản vẽ", ["Bản vẽ"]));
        Assert.Equal((DossierStatus.SupplementRequested, 5), (waiting.Status, waiting.NationalStatusCode));
        var resumed = Ok(await dossier.SupplementAsync(As(Officer), "Đã bổ sung bản vẽ"));
        Assert.Equal((DossierStatus.Processing, ProcessingStep.Appraise), (resumed.Status, resumed.Step));

        var second = Refused(await dossier.RequestSupplementAsync(As(SpecialistA), "Thiếu nữa", ["Khác"]), RejectionKind.RuleRefused);

        Assert.Equal("supplement-request-once", second.Rule);
        var after = await GetAsync(code);
        Assert.Equal(resumed.Version, after.Version);
        Assert.Equal(2, after.SupplementRequests);
        Assert.Equal(resumed.Log.Length, after.Log.Length);
    }

    [Fact]
    public async Task InvalidTransition_ApproveASubmittedDossier_Is409AndChangesNothing()
    {
        Clock.StartNextWeek();
        var submitted = await SubmitAsync();

        var refused = Refused(await Dossier(submitted.Code).ApproveAsync(As(LeaderA), null), RejectionKind.Conflict);

        Assert.Equal(("invalid-transition", DossierStatus.Submitted, 1L), (refused.Rule, refused.CurrentStatus!.Value, refused.CurrentVersion!.Value));
        var after = await GetAsync(submitted.Code);
        Assert.Equal((1L, 1, DossierStatus.Submitted), (after.Version, after.Log.Length, after.Status));
    }

    [Fact]
    public async Task ConcurrentActions_OnOneDossier_OneSucceedsTheOtherConflicts()
    {
        Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;

        var receives = await Task.WhenAll(Dossier(code).ReceiveAsync(As(Officer)), Dossier(code).ReceiveAsync(As(Officer)));
        Assert.Single(receives, r => r.Rejection is null);
        Assert.Single(receives, r => r.Rejection?.Kind == RejectionKind.Conflict);
        Ok(await Dossier(code).TransferAsync(As(Officer)));

        // The same with optimistic versions: both callers read version 3 and send If-Match "3".
        var appraisals = await Task.WhenAll(
            Dossier(code).AppraiseAsync(As(SpecialistA, 3), AppraisalOutcome.Eligible, "first"),
            Dossier(code).AppraiseAsync(As(SpecialistA, 3), AppraisalOutcome.Ineligible, "second"));
        Assert.Single(appraisals, r => r.Rejection is null);
        Assert.Single(appraisals, r => r.Rejection is { Kind: RejectionKind.Conflict });
        Assert.Equal(4, (await GetAsync(code)).Version);
    }

    [Fact]
    public async Task Actions_ByAnotherAgency_AreForbiddenAndInterAgencyStepsMoveTheScope()
    {
        Clock.StartNextWeek();
        var code = (await SubmitAsync(Request(InterAgency))).Code;
        var dossier = Dossier(code);

        Refused(await dossier.ReceiveAsync(As(OtherOfficer)), RejectionKind.Forbidden);
        Ok(await dossier.ReceiveAsync(As(Officer)));
        Refused(await dossier.TransferAsync(As(OtherOfficer)), RejectionKind.Forbidden);
        Ok(await dossier.TransferAsync(As(Officer)));
        Refused(await dossier.AppraiseAsync(As(SpecialistB), AppraisalOutcome.Eligible, null), RejectionKind.Forbidden);
        var appraised = Ok(await dossier.AppraiseAsync(As(SpecialistA), AppraisalOutcome.Eligible, null));
        Assert.Equal(AgencyB, appraised.StepAgency);

        Refused(await dossier.ApproveAsync(As(LeaderA), null), RejectionKind.Forbidden);
        Assert.Equal(DossierStatus.Done, Ok(await dossier.ApproveAsync(As(LeaderB), null)).Status);
        Refused(await dossier.GetAsync(new Actor("x", [Role.Specialist], "SYT")), RejectionKind.Forbidden);
        Ok(await dossier.GetAsync(SpecialistB));
    }

    [Fact]
    public async Task Act_SubmitOrAFieldMissing_IsRefusedNamingTheFieldAndChangesNothing()
    {
        Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;
        var dossier = Dossier(code);
        await HandedOverAsync(code);

        var submit = Refused(await dossier.ActAsync(DossierAction.Submit, As(Officer), new()), RejectionKind.Invalid);
        var noOutcome = Refused(await dossier.ActAsync(DossierAction.Appraise, As(SpecialistA), new() { Note = "Đủ" }), RejectionKind.Invalid);
        var unknown = Refused(await dossier.ActAsync((DossierAction)99, As(SpecialistA), new()), RejectionKind.Invalid);

        Assert.Equal(["action"], submit.Errors!.Keys);
        Assert.Equal(["is required: eligible or ineligible."], noOutcome.Errors!["outcome"]);
        Assert.Equal(["action"], unknown.Errors!.Keys);
        var after = Ok(await dossier.GetAsync(Director));
        Assert.Equal((DossierStatus.Processing, ProcessingStep.Appraise, 3L), (after.Status, after.Step, after.Version));
    }

    [Fact]
    public async Task Extension_ProposedEarly_IsTimely_AndTheOfficerMayDeclineIt()
    {
        var monday = Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;
        await HandedOverAsync(code);

        Clock.MoveTo(At(monday, 1, 9));
        var proposed = Ok(await Dossier(code).ProposeExtensionAsync(As(LeaderA), "Cần xin ý kiến liên ngành", At(monday, 18, 17)));
        Refused(await Dossier(code).ConfirmExtensionAsync(As(SpecialistA)), RejectionKind.Forbidden);
        var declined = Ok(await Dossier(code).DeclineExtensionAsync(As(Officer), "Chưa đủ lý do"));

        Assert.True(proposed.Extension!.Timely);
        Assert.Equal(DossierAction.ProposeExtension, proposed.Log[^1].Action);
        Assert.Equal((ExtensionDecision.Declined, proposed.DueAt), (declined.Extension!.Decision, declined.DueAt));
        Assert.Equal("extension-replaces-apology",
            Refused(await Dossier(code).ApologizeAsync(As(LeaderA), "x", At(monday, 18, 17)), RejectionKind.Conflict).Rule);
    }

    [Fact]
    public async Task Withdraw_WhileProcessing_EndsTheDossierWithoutACompletionClass()
    {
        var monday = Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;
        await HandedOverAsync(code);

        Clock.MoveTo(At(monday, 2, 10));
        var withdrawn = Ok(await Dossier(code).WithdrawAsync(As(Portal), "Công dân xin rút"));

        Assert.Equal((DossierStatus.Withdrawn, 7, At(monday, 2, 10)), (withdrawn.Status, withdrawn.NationalStatusCode, withdrawn.ClosedAt!.Value));
        Assert.Null(withdrawn.Completion);
        Assert.Null(withdrawn.CompletedAt);
        Refused(await Dossier(code).ReceiveAsync(As(Officer)), RejectionKind.Conflict);
    }

    [Fact]
    public async Task Withdraw_AfterApproval_Is409AndTheResultStands()
    {
        Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;
        await HandedOverAsync(code);
        Ok(await Dossier(code).AppraiseAsync(As(SpecialistA), AppraisalOutcome.Eligible, null));
        var done = Ok(await Dossier(code).ApproveAsync(As(LeaderA), null));

        var refused = Refused(await Dossier(code).WithdrawAsync(As(Portal), "Xin rút"), RejectionKind.Conflict);

        Assert.Equal(("withdrawal-after-decision", DossierStatus.Done), (refused.Rule, refused.CurrentStatus!.Value));
        Assert.Contains("Decree 118/2025/NĐ-CP Art. 21", refused.Detail, StringComparison.Ordinal);
        Assert.Equal((done.Version, DossierStatus.Done), ((await GetAsync(code)).Version, (await GetAsync(code)).Status));
    }

    [Fact]
    public async Task Payment_RequestedAndPaid_KeepsTheClockRunningAndRecordsTheReceipt()
    {
        var monday = Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;
        var received = await HandedOverAsync(code);

        Clock.MoveTo(At(monday, 1, 10));
        Refused(await Dossier(code).RequestPaymentAsync(As(SpecialistB), 500_000m, "Lệ phí"), RejectionKind.Forbidden);
        var awaiting = Ok(await Dossier(code).RequestPaymentAsync(As(SpecialistA), 500_000m, "Lệ phí"));
        Assert.Equal((DossierStatus.AwaitingPayment, 6), (awaiting.Status, awaiting.NationalStatusCode));

        Clock.MoveTo(At(monday, 3, 10));
        Refused(await Dossier(code).PayAsync(As(Portal), "BL-01", 400_000m), RejectionKind.RuleRefused);
        var paid = Ok(await Dossier(code).PayAsync(As(Portal), "BL-01", 500_000m));

        // Decree 118 counts from receipt and the procedure does not say a payment stops the clock: the due date stands.
        Assert.Equal((DossierStatus.Processing, 0m), (paid.Status, paid.PausedWorkingHours));
        Assert.Equal(received.DueAt, paid.DueAt);
        Assert.Equal(new PaymentObligation(500_000m, "Lệ phí", At(monday, 1, 10), At(monday, 3, 10), "BL-01", PaymentMethod.Counter), paid.Payment);
    }

    [Fact]
    public async Task Stop_ByALeader_Is409UnderDecree118AndChangesNothing()
    {
        Clock.StartNextWeek();
        var code = (await SubmitAsync(Request(InterAgency))).Code;
        await HandedOverAsync(code);
        var appraised = Ok(await Dossier(code).AppraiseAsync(As(SpecialistA), AppraisalOutcome.Eligible, null));

        var refused = Refused(await Dossier(code).StopAsync(As(LeaderB), "Không thuộc thẩm quyền"), RejectionKind.Conflict);

        Assert.Equal(("no-agency-stop", DossierStatus.Processing), (refused.Rule, refused.CurrentStatus!.Value));
        Assert.Contains("Decree 118/2025/NĐ-CP", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(appraised.Version, (await GetAsync(code)).Version);
    }

    [Fact]
    public async Task Refuse_WithoutReason_Is400AndChangesNothing()
    {
        Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;

        var refused = Refused(await Dossier(code).RefuseAsync(As(Officer), " "), RejectionKind.Invalid);

        Assert.Contains("reason", refused.Errors!.Keys);
        Assert.Equal(1, (await GetAsync(code)).Version);
        Assert.Equal(DossierStatus.Refused, Ok(await Dossier(code).RefuseAsync(As(Officer), "Không thuộc thẩm quyền")).Status);
    }

    [Fact]
    public async Task UnknownDossier_IsNotFound() =>
        Refused(await Dossier("000.00.99.H47-300101-9999").ReceiveAsync(As(Officer)), RejectionKind.NotFound);
}
