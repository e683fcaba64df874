using HccOrleans.Grains.Intake;

namespace HccOrleans.Tests.Cluster;

[Collection(ClusterCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class CodeAllocationTests(ClusterFixture fixture) : GrainTestBase(fixture)
{
    [Fact]
    public async Task TenThousandConcurrentSubmissions_OneUnitAndDayAcrossTwoSilos_GetDistinctSequentialCodes()
    {
        const int count = 10_000;
        var monday = Clock.StartNextWeek();
        var request = TestCatalogue.Request(unit: TestCatalogue.BulkOneStop);
        var officer = TestCatalogue.OtherOfficer;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            Grains.GetGrain<ISubmissionGrain>(GrainKeys.Submission(officer.Subject, $"bulk-{monday:yyMMdd}-{i}")).SubmitAsync(officer, request)));

        Assert.All(outcomes, o => Assert.Null(o.Result.Rejection));
        var codes = outcomes.Select(o => o.Result.Dossier!.Code).ToArray();
        Assert.Equal(count, codes.Distinct().Count());
        var sequences = codes.Select(c => DossierCode.TryParse(c, out var unit, out var day, out var sequence)
            ? (unit, day, sequence)
            : throw new InvalidOperationException(c)).ToArray();
        Assert.All(sequences, s => Assert.Equal(("000.00.98.H47", DateOnly.FromDateTime(monday.Date)), (s.unit, s.day)));
        Assert.Equal(Enumerable.Range(1, count), sequences.Select(s => s.sequence).Order());

        // The submissions really ran on both silos.
        var statistics = await Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var silosWithSubmissions = statistics.Where(s => s.GrainType.Contains("Submission", StringComparison.Ordinal) && s.ActivationCount > 0)
            .Select(s => s.SiloAddress).Distinct().Count();
        Assert.Equal(2, silosWithSubmissions);
    }

    [Fact]
    public async Task ASequence_ReservesAhead_AndGivesBackWhatItDidNotIssue_WhenItsActivationEnds()
    {
        var sequence = Grains.GetGrain<ICodeSequenceGrain>(GrainKeys.CodeSequence($"seq-{Guid.NewGuid():N}", new DateOnly(2026, 12, 7)));

        var first = await Task.WhenAll(Enumerable.Range(0, CodeSequenceGrain.Reserve + 3).Select(_ => sequence.NextAsync()));
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var afterwards = await sequence.NextAsync();

        Assert.Equal(Enumerable.Range(1, CodeSequenceGrain.Reserve + 3), first.Order());
        // The activation reserved numbers beyond the eleventh; ended, it gave them back, so the sequence runs on unbroken.
        Assert.Equal(CodeSequenceGrain.Reserve + 4, afterwards);
    }

    [Fact]
    public async Task Resubmission_SameKeySameBody_ReturnsTheSameDossierAndAnotherBodyConflicts()
    {
        Clock.StartNextWeek();
        var key = GrainKeys.Submission(TestCatalogue.Officer.Subject, Guid.NewGuid().ToString("N"));
        var intake = Grains.GetGrain<ISubmissionGrain>(key);

        var first = await intake.SubmitAsync(TestCatalogue.Officer, TestCatalogue.Request());
        var again = await intake.SubmitAsync(TestCatalogue.Officer, TestCatalogue.Request());
        var other = await intake.SubmitAsync(TestCatalogue.Officer, TestCatalogue.Request(name: "Người khác"));

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.Result.Dossier!.Code, again.Result.Dossier!.Code);
        Assert.Equal(("idempotency-key-reused", RejectionKind.Conflict), (other.Result.Rejection!.Rule, other.Result.Rejection.Kind));
    }

    [Fact]
    public async Task Submission_OnlineForACounterOnlyProcedure_IsRefusedBeforeAnyCodeIsTaken()
    {
        Clock.StartNextWeek();
        var intake = Grains.GetGrain<ISubmissionGrain>(GrainKeys.Submission("portal", Guid.NewGuid().ToString("N")));

        var outcome = await intake.SubmitAsync(TestCatalogue.Portal, TestCatalogue.Request(TestCatalogue.CounterOnly, FilingChannel.Online));
        var next = await SubmitAsync();

        Assert.Equal(RejectionKind.RuleRefused, outcome.Result.Rejection!.Kind);
        Assert.EndsWith("-0001", next.Code, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficialCode_IsIssuedAtReceiptFromTheHandlingAgencysId_ARefusedDossierTakesNone_AndBothCodesFindTheDossier()
    {
        var monday = Clock.StartNextWeek();
        var refused = await SubmitAsync();
        var first = await SubmitAsync();
        var second = await SubmitAsync();
        Assert.Null(first.OfficialCode);

        Ok(await Dossier(refused.Code).RefuseAsync(As(Officer), "Không thuộc thẩm quyền"));
        var firstReceived = Ok(await Dossier(first.Code).ReceiveAsync(As(Officer)));
        Refused(await Dossier(second.Code).ReceiveAsync(As(OtherOfficer)), RejectionKind.Forbidden);
        var secondReceived = Ok(await Dossier(second.Code).ReceiveAsync(As(Officer)));

        // AgencyA (000.00.97.H47) handles the procedure: its receipts of the day are numbered 1, 2 — the refusal and the
        // forbidden attempt took none. The registration numbers stay the receiving unit's.
        var day = monday.ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(($"000.00.97.H47-{day}-0001", $"000.00.97.H47-{day}-0002"), (firstReceived.OfficialCode, secondReceived.OfficialCode));
        Assert.StartsWith("000.00.99.H47-", firstReceived.Code, StringComparison.Ordinal);
        Assert.Null((await GetAsync(refused.Code)).OfficialCode);
        Assert.Equal($"Mã hồ sơ 000.00.97.H47-{day}-0001", firstReceived.Log.Single(l => l.Action == DossierAction.Receive).Note);
        Assert.Equal(first.Code, await Grains.GetGrain<IDossierCodeGrain>(firstReceived.OfficialCode!).RegistrationNumberAsync());
        Assert.Null(await Grains.GetGrain<IDossierCodeGrain>(first.Code).RegistrationNumberAsync());
    }

    [Fact]
    public async Task AReceipt_IsStored_OnlyOnceItsOfficialCodesClaimIs()
    {
        Clock.StartNextWeek();
        var submitted = await SubmitAsync();
        Task<DossierResult> receiving;
        using (var claim = Fixture.Holds.Arm(nameof(DossierCodeGrain.ClaimAsync)))
        {
            receiving = Dossier(submitted.Code).ReceiveAsync(As(Officer));
            await Waits.WithinAsync(claim.Arrived.Task, TimeSpan.FromSeconds(10), () => "the official code's claim to reach its grain");

            // The claim is not yet stored, so neither may the receipt that names the code be: a crash now must leave no
            // received dossier whose code another dossier could still claim. Everything else the receipt writes is
            // done within milliseconds, so a state written without waiting for the claim shows within the second.
            await Waits.NotWithinAsync(async () => await IndexedStatusAsync(submitted.Code) != DossierStatus.Submitted, TimeSpan.FromSeconds(1),
                "the receipt was stored while its code's claim was held");
            Assert.False(receiving.IsCompleted);
        }

        var received = Ok(await Waits.WithinAsync(receiving, TimeSpan.FromSeconds(10), () => "the receipt once the claim was let go"));
        Assert.Equal(DossierStatus.Processing, received.Status);
        Assert.Equal(DossierStatus.Processing, await IndexedStatusAsync(submitted.Code));
    }

    private async Task<DossierStatus> IndexedStatusAsync(string code) =>
        (await Grains.Reference<IDossierIndexGrain>(IDossierIndexGrain.Key).QueryAsync(new DossierQuery { Text = code, Now = Clock.GetUtcNow() }))
            .Items.Single(d => d.Code == code).Status;
}
