namespace HccOrleans.Tests.Cluster;

/// <summary>A late dossier's shares as the engine records them at approval, read back from its control log.</summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class LatenessTests(ClusterFixture fixture) : GrainTestBase(fixture)
{
    [Fact]
    public async Task LateInterAgencyDossier_WithACitizenHeldSupplementAndAnEarlyApproval_PutsAllTheLatenessOnTheAppraisal()
    {
        // 10 working days (80 h): appraisal by A 50 % (40 h), approval by B 40 % (32 h), return 10 %; the clock pauses.
        var monday = Clock.StartNextWeek();
        Clock.MoveTo(At(monday, 0, 9));
        var code = (await SubmitAsync(TestCatalogue.Request(InterAgency))).Code;
        var dossier = Dossier(code);
        Ok(await dossier.ReceiveAsync(As(Officer)));
        Clock.MoveTo(At(monday, 0, 11));
        Ok(await dossier.TransferAsync(As(Officer)));                       // hand-over: 2 h of its 6 (to the close of the day)

        Clock.MoveTo(At(monday, 1, 11));                                    // A: 8 h, then the citizen holds it 16 h
        Ok(await dossier.RequestSupplementAsync(As(SpecialistA), "Thiếu giấy tờ", ["Bản sao giấy phép"]));
        Clock.MoveTo(At(monday, 3, 11));
        Ok(await dossier.SupplementAsync(As(Officer), "Đã bổ sung"));

        Clock.MoveTo(At(monday, 14, 11));                                   // A: 56 h more, 64 h in all: 24 h over
        Ok(await dossier.AppraiseAsync(As(SpecialistA), AppraisalOutcome.Eligible, null));
        Clock.MoveTo(At(monday, 17, 11));                                   // B: 24 h of its 32, early
        var approved = Ok(await dossier.ApproveAsync(As(LeaderB), null));

        // Due Monday week 3 09:00 moved by the 16 h paused: Wednesday 09:00; approved Thursday 11:00, 10 working hours late.
        Assert.Equal((CompletionClass.Late, At(monday, 16, 9)), (approved.Completion, approved.DueAt!.Value));
        Assert.Equal(
            [
                new LatenessShare("transfer", OneStop, 360, 120, 0, 0),
                new LatenessShare("appraise", AgencyA, 2400, 3840, 1440, 600),
                new LatenessShare("approve", AgencyB, 1920, 1440, 0, 0),
            ],
            approved.Lateness!);
        Assert.Equal(600, approved.Lateness!.Sum(s => s.ShareMinutes));
    }

    [Fact]
    public async Task LateSequentialInterAgencyDossier_SharesTheLatenessBetweenTheAgencyThatOverranItsPartAndTheApproval()
    {
        // 10 working days (80 h); A's part 2 days (16 h), B's 3 (24 h); appraisal keeps 70 % less the parts (16 h), approval 20 % (16 h).
        var monday = Clock.StartNextWeek();
        Clock.MoveTo(At(monday, 0, 9));
        var code = (await SubmitAsync(TestCatalogue.Request(LedByA))).Code;
        var dossier = Dossier(code);
        Ok(await dossier.ReceiveAsync(As(Officer)));
        Ok(await dossier.TransferAsync(As(Officer)));
        Clock.MoveTo(At(monday, 1, 9));                                     // A: 8 h of its 16
        Ok(await dossier.ActAsync(DossierAction.CompletePart, As(SpecialistA), new() { Agency = AgencyA }));
        Clock.MoveTo(At(monday, 8, 9));                                     // B: 40 h of its 24
        Ok(await dossier.ActAsync(DossierAction.CompletePart, As(SpecialistB), new() { Agency = AgencyB }));
        Clock.MoveTo(At(monday, 8, 15));                                    // A's own appraisal: 4 h
        Ok(await dossier.AppraiseAsync(As(SpecialistA), AppraisalOutcome.Eligible, null));
        Clock.MoveTo(At(monday, 15, 9));                                    // approval: 36 h of its 16

        var approved = Ok(await dossier.ApproveAsync(As(LeaderA), null));

        // Due Monday 09:00 of the third week, approved Tuesday 09:00: 8 h late, shared 1200 : 960 between the overruns.
        Assert.Equal((At(monday, 14, 9), CompletionClass.Late), (approved.DueAt!.Value, approved.Completion));
        Assert.Equal(
            [
                new LatenessShare("appraise", AgencyA, 960, 240, 0, 0),
                new LatenessShare("approve", AgencyA, 960, 2160, 1200, 267),
                new LatenessShare("part:AGA", AgencyA, 960, 480, 0, 0),
                new LatenessShare("part:AGB", AgencyB, 1440, 2400, 960, 213),
            ],
            approved.Lateness!);
    }

    [Fact]
    public async Task DossierApprovedInTime_HasNoShares()
    {
        var monday = Clock.StartNextWeek();
        var code = (await SubmitAsync()).Code;
        await ReceivedAsync(code);
        Clock.MoveTo(At(monday, 1, 9));
        Ok(await Dossier(code).AppraiseAsync(As(SpecialistA), AppraisalOutcome.Eligible, null));

        var approved = Ok(await Dossier(code).ApproveAsync(As(LeaderA), null));

        Assert.Null(approved.Lateness);
    }
}
