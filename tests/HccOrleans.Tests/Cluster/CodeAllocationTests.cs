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
}
