namespace HccOrleans.Tests.Api;

/// <summary>One province, two levels: competence per dossier and reception anywhere in the province (Decree 118/2025 Art. 14, 20(1)).</summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Api")]
public sealed class TwoLevelApiTests(ApiFixture api) : ApiTestBase(api)
{
    [Fact]
    public async Task CommuneCenter_ReceivesAProvincialProcedureOnPaper_ForwardsItWithinAWorkingDay_TheDepartmentHandlesIt_AndTheCommuneCenterReturnsIt()
    {
        var province = new TestProvince("RA");
        var admin = await Api.ClientAsync("admin", ["admin"], "");
        await province.EnterAsync(admin, Api.Json);
        var monday = Api.Clock.StartNextWeek();
        var counter = await Api.ClientAsync("officer.xa", ["officer"], province.CommuneCenter);

        var (created, filed) = await SendAsync(counter, HttpMethod.Post, "/api/dossiers",
            province.Request(province.ProvincialProcedure, province.CommuneCenter), idempotencyKey: Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = filed.GetProperty("code").GetString()!;
        Assert.Equal(province.Department, filed.GetProperty("handlingAgency").GetString());
        var route = filed.GetProperty("route");
        Assert.Equal((province.Center, "commune", "province"),
            (route.GetProperty("forwardedTo").GetString(), route.GetProperty("receivingLevel").GetString(), route.GetProperty("competentLevel").GetString()));

        // Received at 10:00 on Monday: the paper reaches the department by 10:00 on Tuesday, one working day (Art. 20(1)),
        // not by Monday's close as a dossier for the center's own agency would (Art. 18).
        Api.Clock.MoveTo(monday.AddHours(2));
        var (_, received) = await PostAsync(counter, $"/api/dossiers/{code}/receive");
        Assert.Equal("transfer", received.GetProperty("step").GetString());
        Assert.Equal(monday.AddDays(1).AddHours(2), received.GetProperty("stepDueAt").GetDateTimeOffset());

        // The city center, the department's own one-stop unit, is sent the dossier's information and sees it.
        var cityOfficer = await Api.ClientAsync("officer.tinh", ["officer"], province.Center);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(cityOfficer, HttpMethod.Get, $"/api/dossiers/{code}")).Response.StatusCode);
        var (_, outbox) = await SendAsync(await Api.ClientAsync("director", ["director"], ""), HttpMethod.Get, $"/api/notifications?dossier={code}");
        var told = Assert.Single(outbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "forwarded");
        Assert.Equal(("officer", province.Center), (told.GetProperty("recipientRole").GetString(), told.GetProperty("agency").GetString()));
        Assert.Contains("trước 10:00", told.GetProperty("message").GetString(), StringComparison.Ordinal);

        Api.Clock.MoveTo(monday.AddHours(3));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(counter, $"/api/dossiers/{code}/transfer")).Response.StatusCode);
        var specialist = await Api.ClientAsync("specialist.so", ["specialist"], province.Department);
        var leader = await Api.ClientAsync("leader.so", ["leader"], province.Department);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(specialist, $"/api/dossiers/{code}/appraise", new { outcome = "eligible", note = "Đủ điều kiện" })).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(leader, $"/api/dossiers/{code}/approve", new { note = "Đồng ý" })).Response.StatusCode);

        // The result comes back to the receiving commune center, which returns it; the city center may not.
        Api.Clock.MoveTo(monday.AddDays(2));
        var (refused, _) = await PostAsync(cityOfficer, $"/api/dossiers/{code}/return", new { method = "counter" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var (returned, answer) = await PostAsync(counter, $"/api/dossiers/{code}/return", new { method = "counter" });
        Assert.Equal((HttpStatusCode.OK, "returned"), (returned.StatusCode, answer.GetProperty("status").GetString()));

        // The department's 07a counts it as resolved early; the commune center's own view counts what its counter received.
        var director = await Api.ClientAsync("director", ["director"], "");
        var week = $"from={monday:yyyy-MM-dd}&to={monday.AddDays(7):yyyy-MM-dd}";
        var (_, department) = await SendAsync(director, HttpMethod.Get, $"/api/reports/07a?{week}&agency={province.Department}");
        var (_, communeCenter) = await SendAsync(director, HttpMethod.Get, $"/api/reports/07a?{week}&agency={province.CommuneCenter}");
        var (_, cityCenter) = await SendAsync(director, HttpMethod.Get, $"/api/reports/07a?{week}&agency={province.Center}");
        Assert.Equal((1, 1, 1, 1), Totals(department));
        Assert.Equal((1, 1, 1, 1), Totals(communeCenter));
        Assert.Equal((0, 0, 0, 0), Totals(cityCenter));
    }

    [Fact]
    public async Task OnlineDossierForAnotherLevel_IsWithTheDepartmentAtOnce()
    {
        var province = new TestProvince("RB");
        await province.EnterAsync(await Api.ClientAsync("admin", ["admin"], ""), Api.Json);
        Api.Clock.StartNextWeek();
        var portal = await Api.ClientAsync("portal", ["portal"], "");
        var counter = await Api.ClientAsync("officer.xa", ["officer"], province.CommuneCenter);

        var code = await SubmitAsync(portal, province.Request(province.ProvincialProcedure, province.CommuneCenter, FilingChannel.Online));
        var (_, received) = await PostAsync(counter, $"/api/dossiers/{code}/receive");

        Assert.Equal(("appraise", province.Department), (received.GetProperty("step").GetString(), received.GetProperty("stepAgency").GetString()));
        Assert.Equal(province.Center, received.GetProperty("route").GetProperty("forwardedTo").GetString());
    }

    [Fact]
    public async Task CommuneProcedure_IsHandledByTheCommuneTheDossierNames_ReceivedAtTheCityCenter()
    {
        var province = new TestProvince("RC");
        await province.EnterAsync(await Api.ClientAsync("admin", ["admin"], ""), Api.Json);
        Api.Clock.StartNextWeek();
        var cityCounter = await Api.ClientAsync("officer.tinh", ["officer"], province.Center);

        var code = await SubmitAsync(cityCounter, province.Request(province.CommuneProcedure, province.Center, competentAgency: province.OtherCommune));
        var (_, dossier) = await SendAsync(cityCounter, HttpMethod.Get, $"/api/dossiers/{code}");

        Assert.Equal(province.OtherCommune, dossier.GetProperty("handlingAgency").GetString());
        Assert.Equal((province.OtherCommuneCenter, "province", "commune"),
            (dossier.GetProperty("route").GetProperty("forwardedTo").GetString(), dossier.GetProperty("route").GetProperty("receivingLevel").GetString(),
                dossier.GetProperty("route").GetProperty("competentLevel").GetString()));
        var (_, received) = await ReceiveAsync(cityCounter, code);
        Assert.Equal(province.OtherCommune, received.GetProperty("stepAgency").GetString());
    }

    [Fact]
    public async Task CommuneProcedure_AtItsOwnCommuneCenter_IsNotForwarded()
    {
        var province = new TestProvince("RD");
        await province.EnterAsync(await Api.ClientAsync("admin", ["admin"], ""), Api.Json);
        var monday = Api.Clock.StartNextWeek();
        var counter = await Api.ClientAsync("officer.xa", ["officer"], province.CommuneCenter);

        var code = await SubmitAsync(counter, province.Request(province.CommuneProcedure, province.CommuneCenter, competentAgency: province.Commune));
        Api.Clock.MoveTo(monday.AddHours(2));
        var (_, received) = await PostAsync(counter, $"/api/dossiers/{code}/receive");

        Assert.False(received.TryGetProperty("route", out var route) && route.ValueKind != JsonValueKind.Null);
        Assert.Equal(monday.AddHours(9), received.GetProperty("stepDueAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("department", "not-competent", HttpStatusCode.UnprocessableEntity)]
    [InlineData("center", "not-competent", HttpStatusCode.UnprocessableEntity)]
    [InlineData("unknown", "not-competent", HttpStatusCode.UnprocessableEntity)]
    [InlineData("none", "validation", HttpStatusCode.BadRequest)]
    public async Task CommuneProcedure_NamingNoCommuneThatHandlesIt_IsRefused_NamingCompetentAgency_AndCreatesNothing(string named, string rule, HttpStatusCode status)
    {
        var province = new TestProvince($"RE{named.Length}");
        await province.EnterAsync(await Api.ClientAsync("admin", ["admin"], ""), Api.Json);
        var counter = await Api.ClientAsync("officer.xa", ["officer"], province.CommuneCenter);
        var competent = named switch { "department" => province.Department, "center" => province.CommuneCenter, "unknown" => "NO-SUCH", _ => null };
        var key = Guid.NewGuid().ToString();

        var (response, problem) = await SendAsync(counter, HttpMethod.Post, "/api/dossiers",
            province.Request(province.CommuneProcedure, province.CommuneCenter, competentAgency: competent), idempotencyKey: key);

        AssertProblem(response, problem, status, rule);
        Assert.True(problem.GetProperty("errors").TryGetProperty("competentAgency", out _));
        var (_, queue) = await SendAsync(counter, HttpMethod.Get, $"/api/dossiers?agency={province.CommuneCenter}");
        Assert.Equal(0, queue.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ProvincialProcedure_NamingAnotherAgency_Is422()
    {
        var province = new TestProvince("RF");
        await province.EnterAsync(await Api.ClientAsync("admin", ["admin"], ""), Api.Json);
        var counter = await Api.ClientAsync("officer.tinh", ["officer"], province.Center);

        var (response, problem) = await SendAsync(counter, HttpMethod.Post, "/api/dossiers",
            province.Request(province.ProvincialProcedure, province.Center, competentAgency: province.Commune), idempotencyKey: Guid.NewGuid().ToString());

        AssertProblem(response, problem, HttpStatusCode.UnprocessableEntity, "not-competent");
    }

    private static (int Received, int Resolved, int Early, int Direct) Totals(JsonElement report)
    {
        var total = report.GetProperty("total");
        return (total.GetProperty("received").GetProperty("total").GetInt32(), total.GetProperty("resolved").GetProperty("total").GetInt32(),
            total.GetProperty("resolved").GetProperty("early").GetInt32(), total.GetProperty("received").GetProperty("direct").GetInt32());
    }
}
