namespace HccOrleans.Tests.Api;

/// <summary>The list endpoint's filters and agency scoping, escalations and reports, over the in-memory index.</summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Api")]
public sealed class IndexApiTests(ApiFixture api) : ApiTestBase(api)
{
    private async Task<string[]> CodesAsync(HttpClient client, string query)
    {
        var (response, body) = await SendAsync(client, HttpMethod.Get, $"/api/dossiers?pageSize=200&{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!)];
    }

    [Fact]
    public async Task List_EveryFilter_SelectsExactlyTheMatchingDossiers()
    {
        var monday = Api.Clock.StartNextWeek();
        var day = monday.ToString("yyyy-MM-dd");
        var officer = await OfficerAsync();
        var director = await Api.ClientAsync("director", ["director"], "");
        var portal = await Api.ClientAsync("portal", ["portal"], "");

        var submitted = await SubmitAsync(officer);
        var online = await SubmitAsync(portal, Request(channel: FilingChannel.Online));
        var received = await SubmitAsync(officer);
        await ReceiveAsync(officer, received);
        var interAgency = await SubmitAsync(officer, Request(InterAgency));
        Api.Clock.MoveTo(monday.AddHours(2));
        await ReceiveAsync(officer, interAgency);
        await ReceiveAsync(officer, online);
        var mine = new[] { submitted, online, received, interAgency };
        string[] Mine(IEnumerable<string> codes) => [.. codes.Where(mine.Contains).Order()];

        Assert.Equal([submitted], Mine(await CodesAsync(director, "status=submitted")));
        Assert.Equal(new[] { online, received, interAgency }.Order(), Mine(await CodesAsync(director, "status=processing")));
        Assert.Equal([online], Mine(await CodesAsync(director, "channel=online")));
        Assert.Equal([interAgency], Mine(await CodesAsync(director, $"procedure={InterAgency}")));
        Assert.Equal([interAgency], Mine(await CodesAsync(director, "agency=AGB")));
        var receivedFrom = Uri.EscapeDataString(monday.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:sszzz"));
        Assert.Equal(new[] { online, interAgency }.Order(), Mine(await CodesAsync(director, $"receivedFrom={receivedFrom}")));
        Assert.Equal([received], Mine(await CodesAsync(director, $"receivedFrom={day}&receivedTo={receivedFrom}")));
        Assert.Empty(Mine(await CodesAsync(director, "overdue=true")));
        var dueBefore = Uri.EscapeDataString(monday.AddDays(14).AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:sszzz"));
        Assert.Equal([received], Mine(await CodesAsync(director, $"dueBefore={dueBefore}")));

        // Three weeks on, the received dossiers are overdue.
        Api.Clock.MoveTo(monday.AddDays(21));
        Assert.Equal(new[] { online, received, interAgency }.Order(), Mine(await CodesAsync(director, "overdue=true")));
        Assert.Equal([submitted], Mine(await CodesAsync(director, "overdue=false")));
    }

    [Fact]
    public async Task List_AgencyScoping_AnAgencyNeverSeesAnothersDossiers()
    {
        Api.Clock.StartNextWeek();
        var officer = await OfficerAsync();
        var own = await SubmitAsync(officer);
        var bulkOfficer = await Api.ClientAsync(OtherOfficer.Subject, ["officer"], BulkOneStop);
        var theirs = await SubmitAsync(bulkOfficer, Request(unit: BulkOneStop));
        var interAgency = await SubmitAsync(officer, Request(InterAgency));

        var seenByOne = await CodesAsync(officer, "");
        Assert.Contains(own, seenByOne);
        Assert.DoesNotContain(theirs, seenByOne);
        var seenByBulk = await CodesAsync(bulkOfficer, "");
        Assert.Contains(theirs, seenByBulk);
        Assert.DoesNotContain(own, seenByBulk);
        // Asking for another agency does not widen the scope.
        Assert.DoesNotContain(own, await CodesAsync(bulkOfficer, "agency=ONE"));
        var seenByAgencyB = await CodesAsync(await SpecialistAsync(AgencyB), "");
        Assert.Contains(interAgency, seenByAgencyB);
        Assert.DoesNotContain(own, seenByAgencyB);
        var (total, body) = await SendAsync(await Api.ClientAsync("director", ["director"], ""), HttpMethod.Get, "/api/dossiers?pageSize=1&page=2");
        Assert.Equal(HttpStatusCode.OK, total.StatusCode);
        Assert.Equal((2, 1), (body.GetProperty("page").GetInt32(), body.GetProperty("pageSize").GetInt32()));
        Assert.True(body.GetProperty("total").GetInt64() >= 3);
    }

    [Fact]
    public async Task List_BadFilter_Gets400NamingIt()
    {
        var (response, body) = await SendAsync(await OfficerAsync(), HttpMethod.Get, "/api/dossiers?status=lost&pageSize=1000&receivedFrom=yesterday");

        AssertProblem(response, body, HttpStatusCode.BadRequest, "validation");
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty("status", out _));
        Assert.True(errors.TryGetProperty("pageSize", out _));
        Assert.True(errors.TryGetProperty("receivedFrom", out _));
    }

    [Fact]
    public async Task Reports_OverTheIndex_CountTheWeeksDossiers()
    {
        // An agency of its own, so that no other test's dossiers are counted.
        const string agency = "AGR";
        const string procedure = "9.000777.000.00.00.T";
        var admin = await Api.ClientAsync("admin", ["admin"], "");
        await SendAsync(admin, HttpMethod.Put, $"/api/units/{agency}", new { name = "Sở báo cáo", electronicId = "000.00.77.H47", kind = "agency" });
        await SendAsync(admin, HttpMethod.Put, $"/api/procedures/{procedure}", Procedures[0].Definition with { AgencyCode = agency });
        var monday = Api.Clock.StartNextWeek();
        var officer = await OfficerAsync();
        var specialist = await SpecialistAsync(agency);
        var leader = await LeaderAsync(agency);
        var early = await SubmitAsync(officer, Request(procedure));
        await ReceiveAsync(officer, early);
        await PostAsync(specialist, $"/api/dossiers/{early}/appraise", new { outcome = "eligible" });
        await PostAsync(leader, $"/api/dossiers/{early}/approve", new { });
        var open = await SubmitAsync(await Api.ClientAsync("portal", ["portal"], ""), Request(procedure, FilingChannel.Online));
        await ReceiveAsync(officer, open);
        Api.Clock.MoveTo(monday.AddDays(1));

        var from = Uri.EscapeDataString(monday.ToString("yyyy-MM-dd'T'HH:mm:sszzz"));
        var to = Uri.EscapeDataString(monday.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:sszzz"));
        var director = await Api.ClientAsync("director", ["director"], "");
        var (_, report) = await SendAsync(director, HttpMethod.Get, $"/api/reports/06a?from={from}&to={to}&agency={agency}");
        var total = report.GetProperty("total");
        Assert.Equal(2, total.GetProperty("received").GetProperty("total").GetInt32());
        Assert.Equal(1, total.GetProperty("received").GetProperty("online").GetInt32());
        Assert.Equal(1, total.GetProperty("resolved").GetProperty("early").GetInt32());
        Assert.Equal(1, total.GetProperty("inProgress").GetProperty("withinDeadline").GetInt32());

        var (_, kpi) = await SendAsync(director, HttpMethod.Get, $"/api/reports/kpi?from={from}&to={to}&agency={agency}");
        Assert.Equal(1m, kpi.GetProperty("onTimeRate").GetDecimal());
        Assert.Equal(0.5m, kpi.GetProperty("onlineRate").GetDecimal());

        var (forbidden, problem) = await SendAsync(officer, HttpMethod.Get, $"/api/reports/06a?from={from}&to={to}&agency={AgencyB}");
        AssertProblem(forbidden, problem, HttpStatusCode.Forbidden, "not-permitted");
        var (missing, missingBody) = await SendAsync(director, HttpMethod.Get, "/api/reports/kpi?from=2030-01-01");
        AssertProblem(missing, missingBody, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Escalations_FiredByTheEngine_AreListedWithTheirNotifications()
    {
        var monday = Api.Clock.StartNextWeek();
        var officer = await OfficerAsync();
        var code = await SubmitAsync(officer);
        await ReceiveAsync(officer, code);
        Api.Clock.MoveTo(monday.AddDays(14).AddHours(1));
        var grains = (IGrainFactory)Api.Services.GetService(typeof(IGrainFactory))!;
        await grains.GetGrain<HccOrleans.Grains.Interfaces.IDossierGrain>(code).CheckDeadlinesAsync();

        var director = await Api.ClientAsync("director", ["director"], "");
        var (_, escalations) = await SendAsync(director, HttpMethod.Get, "/api/escalations?kind=overdue");
        var overdue = escalations.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("dossierCode").GetString() == code).ToList();
        Assert.Single(overdue);
        Assert.Equal(monday.AddDays(14).ToString("yyyy-MM-dd'T'HH:mm:sszzz"), overdue[0].GetProperty("dueAt").GetString());

        var (_, notifications) = await SendAsync(director, HttpMethod.Get, $"/api/notifications?dossier={code}");
        var recipients = notifications.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("recipientRole").GetString()).ToList();
        Assert.Contains("director", recipients);
        Assert.Contains("officer", recipients);
        var (_, agencyView) = await SendAsync(await LeaderAsync(AgencyB), HttpMethod.Get, "/api/escalations");
        Assert.DoesNotContain(agencyView.GetProperty("items").EnumerateArray(), e => e.GetProperty("dossierCode").GetString() == code);
    }
}
