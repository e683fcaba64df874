namespace HccOrleans.Tests.Api;

/// <summary>
/// Feedback (phản ánh, kiến nghị) through the API: sent anonymously about a dossier (its code and the applicant's ID
/// number), a conduct or a regulation; answered once by the dossier's unit or the director; counted by Biểu 06a/06b;
/// a flood from one address is refused.
/// </summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Api")]
public sealed class FeedbackApiTests(ApiFixture api) : ApiTestBase(api)
{
    [Fact]
    public async Task Feedback_IsSentAnonymously_AnsweredOnceByItsUnit_CountedBy06_AndAFloodIsRefused()
    {
        var monday = Api.Clock.StartNextWeek();
        var officer = await OfficerAsync();
        var code = await SubmitAsync(officer);
        await ReceiveAsync(officer, code);
        var citizen = Api.CreateClient();

        var (aboutDossier, dossierBody) = await SendAsync(citizen, HttpMethod.Post, "/api/feedback",
            new { about = "dossier", content = "Cán bộ hẹn lại hai lần.", contact = "0905111222", dossierCode = code, idNumber = "049190004321" });
        var (aboutRule, ruleBody) = await SendAsync(citizen, HttpMethod.Post, "/api/feedback",
            new { about = "regulation", content = "Mẫu tờ khai yêu cầu giấy tờ đã có trong cơ sở dữ liệu.", contact = "hoa@example.vn" });
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (aboutDossier.StatusCode, aboutRule.StatusCode));
        Assert.Equal(TestCatalogue.OneStop, dossierBody.GetProperty("feedback").GetProperty("unit").GetString());
        Assert.False(ruleBody.GetProperty("feedback").TryGetProperty("unit", out _), ruleBody.ToString());

        // Bad input is refused and stores nothing: an unknown subject, a dossier with another person's ID number.
        var (unknown, unknownBody) = await SendAsync(citizen, HttpMethod.Post, "/api/feedback", new { about = "weather", content = "x", contact = "y" });
        var (stranger, strangerBody) = await SendAsync(citizen, HttpMethod.Post, "/api/feedback",
            new { about = "dossier", content = "x", contact = "y", dossierCode = code, idNumber = "000000000000" });
        AssertProblem(unknown, unknownBody, HttpStatusCode.BadRequest);
        AssertProblem(stranger, strangerBody, HttpStatusCode.NotFound, "dossier-not-found");

        // The unit answers its own; the center's own is the director's; a second answer is refused.
        var director = await Api.ClientAsync("director", ["director"], "");
        var (mine, mineBody) = await SendAsync(officer, HttpMethod.Get, "/api/feedback", null);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal([dossierBody.GetProperty("id").GetString()], mineBody.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var (notMine, notMineBody) = await PostAsync(officer, $"/api/feedback/{ruleBody.GetProperty("id").GetString()}/answer", new { answer = "Đã chuyển", publish = false });
        AssertProblem(notMine, notMineBody, HttpStatusCode.NotFound, "feedback-not-found");

        Api.Clock.Advance(TimeSpan.FromHours(2));
        var (answered, answeredBody) = await PostAsync(officer, $"/api/feedback/{dossierBody.GetProperty("id").GetString()}/answer", new { answer = "Đã xin lỗi và trả kết quả đúng hẹn.", publish = true });
        var (again, againBody) = await PostAsync(officer, $"/api/feedback/{dossierBody.GetProperty("id").GetString()}/answer", new { answer = "Lần hai", publish = false });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.True(answeredBody.GetProperty("feedback").GetProperty("answer").GetProperty("published").GetBoolean());
        AssertProblem(again, againBody, HttpStatusCode.UnprocessableEntity, "feedback-answered-once");

        // Biểu 06: both received in the period; the dossier's handled (on time, published), the regulation's in progress.
        var from = Instant(monday.AddDays(-1));
        var to = Instant(monday.AddDays(6));
        var (report, reportBody) = await SendAsync(director, HttpMethod.Get, $"/api/reports/feedback?from={from}&to={to}", null);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var total = reportBody.GetProperty("total");
        Assert.Equal((2, 1, 1, 0, 2), Timed(total.GetProperty("received")));
        Assert.Equal((1, 1, 0, 0, 1), Timed(total.GetProperty("handled")));
        Assert.Equal((1, 0, 1), (total.GetProperty("inProgress").GetProperty("total").GetInt32(), total.GetProperty("inProgress").GetProperty("behaviour").GetInt32(),
            total.GetProperty("inProgress").GetProperty("regulation").GetInt32()));
        Assert.Equal((1, 1), (total.GetProperty("published").GetInt32(), total.GetProperty("handledOnTime").GetInt32()));
        var (unitReport, unitBody) = await SendAsync(officer, HttpMethod.Get, $"/api/reports/feedback?from={from}&to={to}", null);
        Assert.Equal([TestCatalogue.OneStop], unitBody.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("unit").GetString()));

        // A flood from one address: refused once the hour's permits (10) are used.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await SendAsync(citizen, HttpMethod.Post, "/api/feedback", new { about = "behaviour", content = $"Lần {i}", contact = "z" })).Response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, unitReport.StatusCode);
    }

    private static (int, int, int, int, int) Timed(JsonElement counts) =>
        (counts.GetProperty("total").GetInt32(), counts.GetProperty("behaviour").GetInt32(), counts.GetProperty("regulation").GetInt32(),
            counts.GetProperty("carriedOver").GetInt32(), counts.GetProperty("inPeriod").GetInt32());
}
