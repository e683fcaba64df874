namespace HccOrleans.Tests.Api;

/// <summary>The staff directory: the administrator enters people; forms print their full names.</summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Api")]
public sealed class PeopleApiTests(ApiFixture api) : ApiTestBase(api)
{
    [Fact]
    public async Task PutPerson_EntersThemOnce_AndEveryAuthenticatedRoleReadsTheDirectory()
    {
        var admin = await Api.ClientAsync("admin", ["admin"], "");
        var body = new { fullName = "Nguyễn Thị Lan", title = "Công chức Bộ phận Một cửa", unit = OneStop, roles = new[] { "officer" }, active = true };

        var (first, person) = await SendAsync(admin, HttpMethod.Put, "/api/people/lan.test", body);
        var (again, _) = await SendAsync(admin, HttpMethod.Put, "/api/people/lan.test", body);
        var (_, directory) = await SendAsync(await OfficerAsync(), HttpMethod.Get, "/api/people");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(("Nguyễn Thị Lan", OneStop, "officer", true), (person.GetProperty("fullName").GetString(), person.GetProperty("unit").GetString(),
            person.GetProperty("roles")[0].GetString(), person.GetProperty("active").GetBoolean()));
        Assert.Single(directory.EnumerateArray(), p => p.GetProperty("userName").GetString() == "lan.test");
    }

    [Fact]
    public async Task PutPerson_AtAnUnknownUnit_Is422NamingUnit_AnUnknownRole_Is400NamingRoles_ANonAdministrator_Is403_AndNothingIsEntered()
    {
        var admin = await Api.ClientAsync("admin", ["admin"], "");

        var (unit, unitProblem) = await SendAsync(admin, HttpMethod.Put, "/api/people/nobody.unit", new { fullName = "Trần Văn B", unit = "NO-SUCH", roles = new[] { "officer" } });
        var (role, roleProblem) = await SendAsync(admin, HttpMethod.Put, "/api/people/nobody.role", new { fullName = "Trần Văn C", unit = OneStop, roles = new[] { "clerk" } });
        var (forbidden, _) = await SendAsync(await OfficerAsync(), HttpMethod.Put, "/api/people/nobody.officer", new { fullName = "Trần Văn D", unit = OneStop, roles = new[] { "admin" } });

        AssertProblem(unit, unitProblem, HttpStatusCode.UnprocessableEntity, "unit-not-found");
        Assert.True(unitProblem.GetProperty("errors").TryGetProperty("unit", out _));
        AssertProblem(role, roleProblem, HttpStatusCode.BadRequest, "validation");
        Assert.Contains("clerk", roleProblem.GetProperty("errors").GetProperty("roles")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var (_, directory) = await SendAsync(admin, HttpMethod.Get, "/api/people");
        Assert.DoesNotContain(directory.EnumerateArray(), p => p.GetProperty("userName").GetString()!.StartsWith("nobody.", StringComparison.Ordinal));
    }
}
