namespace HccOrleans.Tests.Cluster;

/// <summary>Inter-agency work led by agency A (Decree 118/2025 Art. 20(2)): parts, their deadlines, consultations.</summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class InterAgencyTests(ClusterFixture fixture) : GrainTestBase(fixture)
{
    [Fact]
    public async Task PaperDossier_PassesAgencyToAgency_EachPartDueItsOwnTimeLimitFromItsStart()
    {
        var monday = Clock.StartNextWeek();
        Clock.MoveTo(At(monday, 0, 9));
        var code = (await SubmitAsync(TestCatalogue.Request(LedByA))).Code;
        var dossier = Dossier(code);
        Ok(await dossier.ReceiveAsync(As(Officer)));
        var handed = Ok(await dossier.TransferAsync(As(Officer)));

        // A's part runs from the hand-over, 2 working days; B's waits its turn.
        Assert.Equal(
            [(AgencyA, (DateTimeOffset?)At(monday, 0, 9), (DateTimeOffset?)At(monday, 2, 9)), (AgencyB, null, null)],
            handed.Parts!.Select(p => (p.AgencyCode, p.StartedAt, p.DueAt)));
        Assert.Equal(RuleCodes.PartNotStarted, Refused(await dossier.ActAsync(DossierAction.CompletePart, As(SpecialistB), new() { Agency = AgencyB }), RejectionKind.Conflict).Rule);
        Assert.Equal(RuleCodes.PartsOpen, Refused(await dossier.AppraiseAsync(As(SpecialistA), AppraisalOutcome.Eligible, null), RejectionKind.Conflict).Rule);

        Clock.MoveTo(At(monday, 1, 10));
        var afterA = Ok(await dossier.ActAsync(DossierAction.CompletePart, As(SpecialistA), new() { Agency = AgencyA, Note = "Đã thẩm tra" }));
        Assert.Equal((At(monday, 1, 10), At(monday, 4, 10)), (afterA.Parts![1].StartedAt!.Value, afterA.Parts[1].DueAt!.Value));
        var again = Refused(await dossier.ActAsync(DossierAction.CompletePart, As(SpecialistA), new() { Agency = AgencyA }), RejectionKind.RuleRefused);
        Assert.Equal(RuleCodes.PartOnce, again.Rule);
        Assert.Equal(["agency"], again.Errors!.Keys);
        Assert.Equal(RejectionKind.Forbidden, Refused(await dossier.ActAsync(DossierAction.CompletePart, As(SpecialistA), new() { Agency = AgencyB }), RejectionKind.Forbidden).Kind);

        Clock.MoveTo(At(monday, 3, 15));
        Ok(await dossier.ActAsync(DossierAction.CompletePart, As(LeaderB), new() { Agency = AgencyB }));
        Ok(await dossier.AppraiseAsync(As(SpecialistA), AppraisalOutcome.Eligible, null));
        var done = Ok(await dossier.ApproveAsync(As(LeaderA), null));
        Assert.Equal((DossierStatus.Done, CompletionClass.Early), (done.Status, done.Completion));
    }

    [Fact]
    public async Task OnlineDossier_ReachesEveryAgencyAtOnce_EachDueItsOwnTimeLimit()
    {
        var monday = Clock.StartNextWeek();
        Clock.MoveTo(At(monday, 0, 9));
        var code = (await SubmitAsync(TestCatalogue.Request(LedByA, FilingChannel.Online), Portal)).Code;

        var received = Ok(await Dossier(code).ReceiveAsync(As(Officer)));

        Assert.Equal(
            [(AgencyA, At(monday, 0, 9), At(monday, 2, 9)), (AgencyB, At(monday, 0, 9), At(monday, 3, 9))],
            received.Parts!.Select(p => (p.AgencyCode, p.StartedAt!.Value, p.DueAt!.Value)));
        Ok(await Dossier(code).ActAsync(DossierAction.CompletePart, As(SpecialistB), new() { Agency = AgencyB }));
    }

    [Fact]
    public async Task CompletePart_ByAnAgencyWithNoPart_Is422NamingTheAgency()
    {
        Clock.StartNextWeek();
        var code = (await SubmitAsync(TestCatalogue.Request(LedByA, FilingChannel.Online), Portal)).Code;
        Ok(await Dossier(code).ReceiveAsync(As(Officer)));
        var outsider = new Actor("specialist.x", [Role.Specialist], "AGX");

        var refused = Refused(await Dossier(code).ActAsync(DossierAction.CompletePart, As(outsider), new() { Agency = "AGX" }), RejectionKind.RuleRefused);

        Assert.Equal(RuleCodes.NoPart, refused.Rule);
        Assert.Equal(["agency"], refused.Errors!.Keys);
        Assert.All((await GetAsync(code)).Parts!, p => Assert.Null(p.CompletedAt));
    }

    [Fact]
    public async Task PartPastItsTimeLimit_IsEscalatedToTheAgencysLeaderAndTheLeadAgency()
    {
        var monday = Clock.StartNextWeek();
        Clock.MoveTo(At(monday, 0, 9));
        var code = (await SubmitAsync(TestCatalogue.Request(LedByA, FilingChannel.Online), Portal)).Code;
        Ok(await Dossier(code).ReceiveAsync(As(Officer)));
        Ok(await Dossier(code).ActAsync(DossierAction.CompletePart, As(SpecialistA), new() { Agency = AgencyA }));

        Clock.MoveTo(At(monday, 3, 9));
        var fired = await Fired(code, EscalationKind.PartOverdue);

        Assert.Equal(At(monday, 3, 9), fired.DueAt);
        Assert.Equal([("leader", AgencyA), ("leader", AgencyB)],
            Notifications.Sent(n => n.DossierCode == code && n.Kind == EscalationKind.PartOverdue).Select(n => (n.RecipientRole, n.Agency)).Order());
    }

    [Fact]
    public async Task ConsultationUnansweredByItsDate_IsEscalatedToTheOneStopUnitsHead_AndIsAnsweredOnce()
    {
        var monday = Clock.StartNextWeek();
        var code = (await SubmitAsync(TestCatalogue.Request(Standard, FilingChannel.Online), Portal)).Code;
        Ok(await Dossier(code).ReceiveAsync(As(Officer)));
        var asked = Ok(await Dossier(code).ActAsync(DossierAction.Consult, As(SpecialistA),
            new() { Agency = AgencyB, Question = "Đề nghị cho ý kiến về quy hoạch", DueAt = At(monday, 1, 10) }));
        Assert.Equal((1, AgencyA, AgencyB), (asked.Consultations![0].Id, asked.Consultations[0].AskedBy, asked.Consultations[0].Agency));

        Clock.MoveTo(At(monday, 1, 10));
        var fired = await Fired(code, EscalationKind.ConsultationOverdue);

        Assert.Equal(At(monday, 1, 10), fired.DueAt);
        Assert.Equal([("leader", AgencyB), ("leader", OneStop)],
            Notifications.Sent(n => n.DossierCode == code && n.Kind == EscalationKind.ConsultationOverdue).Select(n => (n.RecipientRole, n.Agency)).Order());
        var answered = Ok(await Dossier(code).ActAsync(DossierAction.AnswerConsultation, As(SpecialistB), new() { ConsultationId = 1, Answer = "Phù hợp quy hoạch" }));
        Assert.Equal(At(monday, 1, 10), answered.Consultations![0].AnsweredAt);
        Assert.Equal(RuleCodes.ConsultationOnce,
            Refused(await Dossier(code).ActAsync(DossierAction.AnswerConsultation, As(SpecialistB), new() { ConsultationId = 1, Answer = "Lần hai" }), RejectionKind.RuleRefused).Rule);
        Assert.Equal(RuleCodes.ConsultationNotFound,
            Refused(await Dossier(code).ActAsync(DossierAction.AnswerConsultation, As(SpecialistB), new() { ConsultationId = 9, Answer = "Không rõ" }), RejectionKind.RuleRefused).Rule);
    }
}
