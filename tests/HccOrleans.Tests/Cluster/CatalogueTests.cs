namespace HccOrleans.Tests.Cluster;

[Collection(ClusterCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class CatalogueTests(ClusterFixture fixture) : GrainTestBase(fixture)
{
    [Fact]
    public async Task ProcedureChange_AfterReceipt_LeavesTheDossierOnItsVersion()
    {
        var monday = Clock.StartNextWeek();
        var code = $"9.{Guid.NewGuid():N}"[..20];
        var procedure = Grains.GetGrain<IProcedureGrain>(GrainKeys.Procedure(code));
        var v1 = TestCatalogue.Procedures[0].Definition;
        Assert.Equal(1, (await procedure.PutAsync(v1)).Value!.Version);
        Assert.Equal(1, (await procedure.PutAsync(v1)).Value!.Version);

        var early = (await SubmitAsync(TestCatalogue.Request(code))).Code;
        Ok(await Dossier(early).ReceiveAsync(As(TestCatalogue.Officer)));
        var v2 = await procedure.PutAsync(v1 with { ProcessingTime = new ProcessingTime(20, TimeUnit.WorkingDays) });
        var late = (await SubmitAsync(TestCatalogue.Request(code))).Code;
        var lateReceived = Ok(await Dossier(late).ReceiveAsync(As(TestCatalogue.Officer)));

        Assert.Equal(2, v2.Value!.Version);
        var earlyNow = await GetAsync(early);
        Assert.Equal((1, At(monday, 14, 8)), (earlyNow.Procedure.Version, earlyNow.DueAt!.Value));
        Assert.Equal((2, At(monday, 28, 8)), (lateReceived.Procedure.Version, lateReceived.DueAt!.Value));
        Assert.Contains(await Grains.GetGrain<IProcedureDirectoryGrain>(GrainKeys.ProcedureDirectory).ListAsync(), p => p.Code == code && p.Version == 2);
    }

    [Fact]
    public async Task HolidayEntered_ForTheYear_MovesTheDueDate()
    {
        var monday = Clock.StartNextWeek();
        var year = monday.Year;
        var calendar = Grains.GetGrain<IHolidayCalendarGrain>(GrainKeys.Calendar(year));
        var holiday = DateOnly.FromDateTime(monday.Date.AddDays(1));
        try
        {
            Assert.Null((await calendar.PutAsync([holiday], [])).Rejection);
            var code = (await SubmitAsync()).Code;

            var received = Ok(await Dossier(code).ReceiveAsync(As(TestCatalogue.Officer)));

            Assert.Equal(At(monday, 15, 8), received.DueAt);
        }
        finally
        {
            await calendar.PutAsync([], []);
        }
    }

    [Fact]
    public async Task UnenteredYear_IsProvisionalFromTheLabourCode()
    {
        var year = await Grains.GetGrain<IHolidayCalendarGrain>(GrainKeys.Calendar(2041)).GetAsync();

        Assert.True(year.Provisional);
        Assert.Contains(new DateOnly(2041, 9, 2), year.Holidays);
        Assert.Contains(new DateOnly(2041, 1, 1), year.Holidays);
    }

    [Fact]
    public async Task InvalidProcedure_IsRefusedWithFieldErrors()
    {
        var bad = TestCatalogue.Procedures[0].Definition with
        {
            Name = "",
            ProcessingTime = new ProcessingTime(0, TimeUnit.WorkingDays),
            Steps = [new(ProcessingStep.Appraise, "AGA", 0.8m), new(ProcessingStep.Approve, "AGA", 0.5m)],
        };

        var result = await Grains.GetGrain<IProcedureGrain>(GrainKeys.Procedure("9.bad")).PutAsync(bad);

        Assert.Equal(RejectionKind.Invalid, result.Rejection!.Kind);
        Assert.Contains("name", result.Rejection.Errors!.Keys);
        Assert.Contains("processingTime.value", result.Rejection.Errors.Keys);
        Assert.Contains("steps", result.Rejection.Errors.Keys);
        Assert.Null(await Grains.GetGrain<IProcedureGrain>(GrainKeys.Procedure("9.bad")).GetCurrentAsync());
    }
}
