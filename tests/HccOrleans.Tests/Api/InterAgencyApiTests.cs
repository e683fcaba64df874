namespace HccOrleans.Tests.Api;

/// <summary>Inter-agency procedures and their dossiers over HTTP; the province's 07b; who made dossiers late.</summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Api")]
public sealed class InterAgencyApiTests(ApiFixture api) : ApiTestBase(api)
{
    [Fact]
    public async Task PutProcedure_WhoseLeadAgencyIsNotAmongItsAgencies_Is400NamingLeadAgency_AndCreatesNothing()
    {
        var admin = await Api.ClientAsync("admin", ["admin"], "");
        const string code = "9.000420.000.00.00.T";
        var body = TestCatalogue.Procedures.Single(p => p.Code == LedByA).Definition with { AgencyCode = "", LeadAgency = "AGX" };

        var (response, problem) = await SendAsync(admin, HttpMethod.Put, $"/api/procedures/{code}", body);

        AssertProblem(response, problem, HttpStatusCode.BadRequest, "validation");
        Assert.Contains("not among the agencies", problem.GetProperty("errors").GetProperty("leadAgency")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(admin, HttpMethod.Get, $"/api/procedures/{code}")).Response.StatusCode);
        var (_, procedure) = await SendAsync(admin, HttpMethod.Get, $"/api/procedures/{LedByA}");
        Assert.Equal(("AGA", "by-channel", 2), (procedure.GetProperty("leadAgency").GetString(), procedure.GetProperty("mode").GetString(), procedure.GetProperty("agencies").GetArrayLength()));
    }

    [Fact]
    public async Task CompletePart_ByAnAgencyWithNoPart_OrASecondTime_Is422NamingTheAgency()
    {
        Api.Clock.StartNextWeek();
        var portal = await Api.ClientAsync("portal", ["portal"], "");
        var code = await SubmitAsync(portal, TestCatalogue.Request(LedByA, FilingChannel.Online));
        await ReceiveAsync(await OfficerAsync(), code);
        // An agency consulted on the dossier sees it, but has no part in the work.
        await PostAsync(await SpecialistAsync(), $"/api/dossiers/{code}/consult", new { agency = "AGX", question = "Cho ý kiến", dueAt = Api.Clock.GetUtcNow().AddDays(2) });
        var outsider = await SpecialistAsync("AGX");

        var (none, noneBody) = await PostAsync(outsider, $"/api/dossiers/{code}/complete-part", new { agency = "AGX" });
        Assert.True(none.StatusCode == HttpStatusCode.UnprocessableEntity, noneBody.ToString());
        AssertProblem(none, noneBody, HttpStatusCode.UnprocessableEntity, "no-part");
        Assert.True(noneBody.GetProperty("errors").TryGetProperty("agency", out _));
        Assert.Contains("Art. 20(2)", noneBody.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var (first, firstBody) = await PostAsync(await SpecialistAsync(), $"/api/dossiers/{code}/complete-part", new { agency = AgencyA, note = "Xong" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var (second, secondBody) = await PostAsync(await SpecialistAsync(), $"/api/dossiers/{code}/complete-part", new { agency = AgencyA });
        AssertProblem(second, secondBody, HttpStatusCode.UnprocessableEntity, "part-once");
        var (_, after) = await SendAsync(outsider, HttpMethod.Get, $"/api/dossiers/{code}");
        Assert.Equal(firstBody.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Report07b_IsTheProvincialCommitteesOnly_AndSplitsTheProvinceByCompetence()
    {
        var province = new TestProvince("BB");
        await province.EnterAsync(await Api.ClientAsync("admin", ["admin"], ""), Api.Json);
        var monday = Api.Clock.StartNextWeek();
        var counter = await Api.ClientAsync("officer.xa", ["officer"], province.CommuneCenter);
        await SubmitAsync(counter, province.Request(province.ProvincialProcedure, province.CommuneCenter));
        var communeDossier = await SubmitAsync(counter, province.Request(province.CommuneProcedure, province.CommuneCenter, competentAgency: province.Commune));
        await ReceiveAsync(counter, communeDossier);
        var week = $"from={monday:yyyy-MM-dd}&to={monday.AddDays(7):yyyy-MM-dd}";

        var (refused, problem) = await SendAsync(counter, HttpMethod.Get, $"/api/reports/07b?{week}");
        var (_, report) = await SendAsync(await Api.ClientAsync("director", ["director"], ""), HttpMethod.Get, $"/api/reports/07b?{week}");

        AssertProblem(refused, problem, HttpStatusCode.Forbidden, "not-permitted");
        var sections = report.GetProperty("sections").EnumerateArray().ToArray();
        Assert.Equal(["I", "II"], sections.Select(s => s.GetProperty("number").GetString()));
        Assert.Contains(sections[1].GetProperty("rows").EnumerateArray(), r => r.GetProperty("field").GetString() == $"{province.Field} (xã)"
            && r.GetProperty("received").GetProperty("total").GetInt32() == 1 && r.GetProperty("inProgress").GetProperty("withinDeadline").GetInt32() == 1);
        Assert.DoesNotContain(sections[0].GetProperty("rows").EnumerateArray(), r => r.GetProperty("field").GetString() == $"{province.Field} (xã)");
        Assert.Equal(15, report.GetProperty("columns").GetArrayLength() - 1);
    }

    [Fact]
    public async Task LatenessReport_SumsTheSharesOfThePeriodsLateDossiersByAgency_AndAnAgencySeesItsOwnRow()
    {
        // The cluster's sequential case over HTTP: B overran its part by 16 h, A's approval its share by 20 h; 8 h late.
        var monday = Api.Clock.StartNextWeek();
        DateTimeOffset At(int days, int hour) => new(monday.Date.AddDays(days).AddHours(hour), monday.Offset);
        Api.Clock.MoveTo(At(0, 9));
        var officer = await OfficerAsync();
        var code = await SubmitAsync(officer, TestCatalogue.Request(LedByA));
        await ReceiveAsync(officer, code);
        Api.Clock.MoveTo(At(1, 9));
        await PostAsync(await SpecialistAsync(), $"/api/dossiers/{code}/complete-part", new { agency = AgencyA });
        Api.Clock.MoveTo(At(8, 9));
        await PostAsync(await SpecialistAsync(AgencyB), $"/api/dossiers/{code}/complete-part", new { agency = AgencyB });
        Api.Clock.MoveTo(At(8, 15));
        await PostAsync(await SpecialistAsync(), $"/api/dossiers/{code}/appraise", new { outcome = "eligible" });
        Api.Clock.MoveTo(At(15, 9));
        var (approved, _) = await PostAsync(await LeaderAsync(), $"/api/dossiers/{code}/approve", new { });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var period = $"from={monday:yyyy-MM-dd}&to={monday.AddDays(21):yyyy-MM-dd}";

        var (_, all) = await SendAsync(await Api.ClientAsync("director", ["director"], ""), HttpMethod.Get, $"/api/reports/lateness?{period}");
        var (_, own) = await SendAsync(await SpecialistAsync(AgencyB), HttpMethod.Get, $"/api/reports/lateness?{period}");

        Assert.Equal((1, 480), (all.GetProperty("lateDossiers").GetInt32(), all.GetProperty("minutes").GetInt32()));
        Assert.Equal([(AgencyA, 1, 267), (AgencyB, 1, 213)],
            all.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("agency").GetString(), r.GetProperty("dossiers").GetInt32(), r.GetProperty("minutes").GetInt32())));
        Assert.Equal([AgencyB], own.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("agency").GetString()));
        Assert.Equal((1, 213), (own.GetProperty("lateDossiers").GetInt32(), own.GetProperty("minutes").GetInt32()));
    }
}
