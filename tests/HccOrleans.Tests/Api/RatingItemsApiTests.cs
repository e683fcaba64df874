namespace HccOrleans.Tests.Api;

/// <summary>
/// The rating's Art. 33(1) items through the API, on an engine of its own: the rating endpoint's per-address limit is
/// shared by every test of an engine, and this one rates as well as the rules tests do.
/// </summary>
[Trait("Category", "Api")]
public sealed class RatingItemsApiTests(ApiFixture api) : ApiTestBase(api), IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Rating_TakesTheArticle33Items_RefusesOneOutOfRange_AndTheKpiCountsEachItem()
    {
        var monday = Api.Clock.StartNextWeek();
        var officer = await OfficerAsync();
        var code = await SubmitAsync(officer);
        await ReceiveAsync(officer, code);
        await PostAsync(await SpecialistAsync(), $"/api/dossiers/{code}/appraise", new { outcome = "eligible" });
        await PostAsync(await LeaderAsync(), $"/api/dossiers/{code}/approve", new { });
        await PostAsync(officer, $"/api/dossiers/{code}/return", new { method = "counter" });
        var citizen = Api.CreateClient();
        object Rating(object items, int contacts) => new { idNumber = "049190004321", rating = "satisfied", items, agenciesContacted = 1, contacts };

        var (outOfRange, outOfRangeBody) = await SendAsync(citizen, HttpMethod.Post, $"/api/dossiers/{code}/rating", Rating(new { z = "satisfied" }, 500));
        AssertProblem(outOfRange, outOfRangeBody, HttpStatusCode.BadRequest, "validation");
        Assert.Contains("Art. 33(1)", outOfRangeBody.GetProperty("errors").GetProperty("items")[0].GetString(), StringComparison.Ordinal);
        Assert.True(outOfRangeBody.GetProperty("errors").TryGetProperty("contacts", out _));

        var (rated, ratedBody) = await SendAsync(citizen, HttpMethod.Post, $"/api/dossiers/{code}/rating",
            Rating(new Dictionary<string, string> { ["dd"] = "very-satisfied", ["a"] = "dissatisfied" }, 3));
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.Equal(["a", "dd"], ratedBody.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item").GetString()));

        var director = await Api.ClientAsync("director", ["director"], "");
        var (_, kpi) = await SendAsync(director, HttpMethod.Get, $"/api/reports/kpi?from={Instant(monday)}&to={Instant(monday.AddDays(7))}");
        var items = kpi.GetProperty("satisfactionByItem").EnumerateArray().ToDictionary(i => i.GetProperty("item").GetString()!);
        Assert.Equal((0, 0, 1), (items["a"].GetProperty("verySatisfied").GetInt32(), items["a"].GetProperty("satisfied").GetInt32(), items["a"].GetProperty("dissatisfied").GetInt32()));
        Assert.Equal(1m, items["dd"].GetProperty("rate").GetDecimal());
        Assert.Equal(3m, kpi.GetProperty("counts766").GetProperty("averageContacts").GetDecimal());
    }
}
