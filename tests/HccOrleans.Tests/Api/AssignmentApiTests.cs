namespace HccOrleans.Tests.Api;

/// <summary>Named work over HTTP: assignment and claims, the assignee filter, and per-person figures scoped by role.</summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Api")]
public sealed class AssignmentApiTests(ApiFixture api) : ApiTestBase(api)
{
    private static readonly string Second = $"second.{AgencyA}";

    private Task<HttpClient> SecondAsync() => Api.ClientAsync(Second, ["specialist"], AgencyA);

    private async Task<string> AppraisingAsync()
    {
        var officer = await OfficerAsync();
        var code = await SubmitAsync(officer);
        var (_, received) = await ReceiveAsync(officer, code);
        if (received.GetProperty("step").GetString() == "transfer")
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(officer, $"/api/dossiers/{code}/transfer", new { })).Response.StatusCode);
        }

        return code;
    }

    [Fact]
    public async Task ALeaderAssigns_TheAssigneeFindsItByFilter_AnotherSpecialistCannotActOrClaim_UntilReassigned()
    {
        Api.Clock.StartNextWeek();
        var code = await AppraisingAsync();
        var leader = await LeaderAsync();
        var mine = await SpecialistAsync();
        var second = await SecondAsync();

        var (assigned, dossier) = await PostAsync(leader, $"/api/dossiers/{code}/assign", new { userName = $"specialist.{AgencyA}" });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal($"specialist.{AgencyA}", dossier.GetProperty("assignee").GetString());
        Assert.Contains("Nguyễn Văn Thẩm", dossier.GetProperty("log").EnumerateArray().Last().GetProperty("note").GetString(), StringComparison.Ordinal);
        var (_, listed) = await SendAsync(mine, HttpMethod.Get, $"/api/dossiers?assignee=specialist.{AgencyA}&pageSize=200");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), d => d.GetProperty("code").GetString() == code && d.GetProperty("assignee").GetString() == $"specialist.{AgencyA}");
        var (_, others) = await SendAsync(mine, HttpMethod.Get, $"/api/dossiers?assignee={Second}&pageSize=200");
        Assert.DoesNotContain(others.GetProperty("items").EnumerateArray(), d => d.GetProperty("code").GetString() == code);

        var (acted, actedProblem) = await PostAsync(second, $"/api/dossiers/{code}/appraise", new { outcome = "eligible" });
        AssertProblem(acted, actedProblem, HttpStatusCode.Forbidden, "assigned-to-another");
        var (claimed, claimedProblem) = await PostAsync(second, $"/api/dossiers/{code}/assign", new { userName = Second });
        AssertProblem(claimed, claimedProblem, HttpStatusCode.Conflict, "already-assigned");
        Assert.Equal(dossier.GetProperty("version").GetInt64(), (await SendAsync(leader, HttpMethod.Get, $"/api/dossiers/{code}")).Body.GetProperty("version").GetInt64());

        var (reassigned, _) = await PostAsync(leader, $"/api/dossiers/{code}/assign", new { userName = Second });
        var (appraised, _) = await PostAsync(second, $"/api/dossiers/{code}/appraise", new { outcome = "eligible" });
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (reassigned.StatusCode, appraised.StatusCode));
    }

    [Fact]
    public async Task ASpecialistClaimsUnassignedWork_ForThemselvesOnly()
    {
        Api.Clock.StartNextWeek();
        var code = await AppraisingAsync();
        var second = await SecondAsync();

        var (forOther, problem) = await PostAsync(second, $"/api/dossiers/{code}/assign", new { userName = $"specialist.{AgencyA}" });
        AssertProblem(forOther, problem, HttpStatusCode.Forbidden, "claim-only-for-oneself");
        var (claimed, dossier) = await PostAsync(second, $"/api/dossiers/{code}/assign", new { userName = Second });

        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        Assert.Equal(Second, dossier.GetProperty("assignee").GetString());
    }

    [Theory]
    [InlineData("specialist.AGB", "assignee-other-agency")]
    [InlineData("leader.AGA", "assignee-cannot-appraise")]
    [InlineData("nobody.AGA", "assignee-unknown")]
    [InlineData("retired.AGA", "assignee-inactive")]
    public async Task AssignToSomeoneWhoCannotTakeIt_Is422NamingTheRule_AndChangesNothing(string userName, string rule)
    {
        var admin = await Api.ClientAsync("admin", ["admin"], "");
        (await admin.PutAsJsonAsync("/api/people/retired.AGA", new { fullName = "Đỗ Văn Hưu", unit = AgencyA, roles = new[] { "specialist" }, active = false }, Api.Json)).EnsureSuccessStatusCode();
        Api.Clock.StartNextWeek();
        var code = await AppraisingAsync();
        var leader = await LeaderAsync();
        var before = (await SendAsync(leader, HttpMethod.Get, $"/api/dossiers/{code}")).Body.GetProperty("version").GetInt64();

        var (response, problem) = await PostAsync(leader, $"/api/dossiers/{code}/assign", new { userName });

        AssertProblem(response, problem, HttpStatusCode.UnprocessableEntity, rule);
        Assert.True(problem.GetProperty("errors").TryGetProperty("userName", out _));
        var (_, after) = await SendAsync(leader, HttpMethod.Get, $"/api/dossiers/{code}");
        Assert.Equal(before, after.GetProperty("version").GetInt64());
        Assert.False(after.TryGetProperty("assignee", out var assignee) && assignee.ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task PeopleReport_CountsThePeriodsWorkPerPerson_ALeaderSeesTheirUnit_ASpecialistThemselves()
    {
        // A specialist of this test alone, so that the other tests' open dossiers are not theirs.
        const string counted = "counted.AGA";
        var admin = await Api.ClientAsync("admin", ["admin"], "");
        (await admin.PutAsJsonAsync($"/api/people/{counted}", new { fullName = "Hồ Thị Số", unit = AgencyA, roles = new[] { "specialist" }, active = true }, Api.Json)).EnsureSuccessStatusCode();
        var specialist = await Api.ClientAsync(counted, ["specialist"], AgencyA);
        var monday = Api.Clock.StartNextWeek();
        var code = await AppraisingAsync();
        var leader = await LeaderAsync();
        await PostAsync(leader, $"/api/dossiers/{code}/assign", new { userName = counted });
        var open = await AppraisingAsync();
        await PostAsync(leader, $"/api/dossiers/{open}/assign", new { userName = counted });
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(specialist, $"/api/dossiers/{code}/appraise", new { outcome = "eligible" })).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(leader, $"/api/dossiers/{code}/approve", new { })).Response.StatusCode);
        var week = $"from={monday:yyyy-MM-dd}&to={monday.AddDays(7):yyyy-MM-dd}";

        var (_, unit) = await SendAsync(leader, HttpMethod.Get, $"/api/reports/people?{week}");
        var (refused, problem) = await SendAsync(leader, HttpMethod.Get, $"/api/reports/people?{week}&unit={AgencyB}");
        var (_, own) = await SendAsync(specialist, HttpMethod.Get, $"/api/reports/people?{week}");
        var (_, all) = await SendAsync(await Api.ClientAsync("director", ["director"], ""), HttpMethod.Get, $"/api/reports/people?{week}");
        var (reversed, reversedProblem) = await SendAsync(leader, HttpMethod.Get, $"/api/reports/people?from={monday.AddDays(7):yyyy-MM-dd}&to={monday:yyyy-MM-dd}");

        static (string?, int, int, int, int) Row(JsonElement report, string user) => report.GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("userName").GetString() == user)
            .Select(r => (r.GetProperty("fullName").GetString(), r.GetProperty("handled").GetInt32(), r.GetProperty("onTime").GetInt32(), r.GetProperty("late").GetInt32(), r.GetProperty("inProgress").GetInt32()))
            .Single();
        Assert.Equal(("Hồ Thị Số", 1, 1, 0, 1), Row(unit, counted));
        Assert.Equal(("Phạm Văn Duyệt", 1, 1, 0, 0), Row(unit, $"leader.{AgencyA}"));
        Assert.All(unit.GetProperty("rows").EnumerateArray(), r => Assert.Equal(AgencyA, r.GetProperty("unit").GetString()));
        AssertProblem(refused, problem, HttpStatusCode.Forbidden, "not-permitted");
        Assert.Equal([counted], own.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("userName").GetString()));
        Assert.Contains(all.GetProperty("rows").EnumerateArray(), r => r.GetProperty("unit").GetString() == AgencyB);
        AssertProblem(reversed, reversedProblem, HttpStatusCode.BadRequest);
    }
}
