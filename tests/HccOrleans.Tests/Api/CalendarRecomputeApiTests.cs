using System.Globalization;

namespace HccOrleans.Tests.Api;

/// <summary>A year's calendar changed over HTTP, and what happens to the due dates already issued across it.</summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Api")]
public sealed class CalendarRecomputeApiTests(ApiFixture api) : ApiTestBase(api)
{
    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A dossier received on Monday 08:00 of a fresh week: 10 working days, due two weeks later at 08:00.</summary>
    private async Task<(string Code, DateTimeOffset Monday)> ReceivedMondayAsync()
    {
        var monday = Api.Clock.StartNextWeek();
        var officer = await OfficerAsync();
        var code = await SubmitAsync(officer);
        await ReceiveAsync(officer, code);
        return (code, monday);
    }

    /// <summary>The year as it stands, with one more day off.</summary>
    private async Task<object> WithDayOffAsync(HttpClient admin, DateOnly day)
    {
        var (_, year) = await SendAsync(admin, HttpMethod.Get, $"/api/calendar/{day.Year}");
        var holidays = year.GetProperty("holidays").EnumerateArray().Select(d => DateOnly.Parse(d.GetString()!, CultureInfo.InvariantCulture)).Append(day).ToArray();
        var workingDays = year.GetProperty("workingDays").EnumerateArray().Select(d => DateOnly.Parse(d.GetString()!, CultureInfo.InvariantCulture)).ToArray();
        return new { holidays, workingDays };
    }

    [Fact]
    public async Task Keep_LeavesTheIssuedDueDate()
    {
        var (code, monday) = await ReceivedMondayAsync();
        var admin = await Api.ClientAsync("admin", ["admin"], "");
        var wednesday = DateOnly.FromDateTime(monday.AddDays(2).DateTime);

        var (response, _) = await SendAsync(admin, HttpMethod.Put, $"/api/calendar/{wednesday.Year}?dueDates=keep", await WithDayOffAsync(admin, wednesday));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, dossier) = await SendAsync(await OfficerAsync(), HttpMethod.Get, $"/api/dossiers/{code}");
        Assert.Equal(Iso(monday.AddDays(14)), dossier.GetProperty("dueAt").GetString());
        Assert.DoesNotContain("recompute-due", dossier.GetProperty("log").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Recompute_MovesAnOpenDossier_WithALogLineANoticeAndTheReceipt()
    {
        var (code, monday) = await ReceivedMondayAsync();
        var admin = await Api.ClientAsync("admin", ["admin"], "");
        var wednesday = DateOnly.FromDateTime(monday.AddDays(2).DateTime);
        var movedDue = monday.AddDays(15); // one working day later: Tuesday two weeks on, 08:00

        var (response, accepted) = await SendAsync(admin, HttpMethod.Put, $"/api/calendar/{wednesday.Year}?dueDates=recompute", await WithDayOffAsync(admin, wednesday));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/calendar/{wednesday.Year}/recompute", response.Headers.Location?.OriginalString);
        Assert.True(accepted.GetProperty("total").GetInt32() >= 1);
        var progress = await FinishedAsync(admin, wednesday.Year);
        Assert.True(progress.GetProperty("moved").GetInt32() >= 1, progress.ToString());
        Assert.Empty(progress.GetProperty("failed").EnumerateArray());

        var (_, dossier) = await SendAsync(await OfficerAsync(), HttpMethod.Get, $"/api/dossiers/{code}");
        Assert.Equal(Iso(movedDue), dossier.GetProperty("dueAt").GetString());
        var line = dossier.GetProperty("log").EnumerateArray().Last();
        Assert.Equal("recompute-due", line.GetProperty("action").GetString());
        Assert.Equal("admin", line.GetProperty("actor").GetString());
        Assert.Contains(movedDue.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture), line.GetProperty("note").GetString(), StringComparison.Ordinal);

        var director = await Api.ClientAsync("director", ["director"], "");
        var (_, outbox) = await SendAsync(director, HttpMethod.Get, $"/api/notifications?dossier={code}");
        var notice = Assert.Single(outbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "due-date-changed");
        Assert.Equal("citizen", notice.GetProperty("recipientRole").GetString());

        using var receipt = await (await OfficerAsync()).GetAsync($"/api/dossiers/{code}/slips/receipt");
        Assert.Contains(movedDue.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), await receipt.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The same change again is no change: nothing moves twice.
        var (again, _) = await SendAsync(admin, HttpMethod.Put, $"/api/calendar/{wednesday.Year}?dueDates=recompute", await WithDayOffAsync(admin, wednesday));
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        await FinishedAsync(admin, wednesday.Year);
        var (_, unchanged) = await SendAsync(await OfficerAsync(), HttpMethod.Get, $"/api/dossiers/{code}");
        Assert.Equal(Iso(movedDue), unchanged.GetProperty("dueAt").GetString());
    }

    [Fact]
    public async Task DueDates_OtherThanKeepOrRecompute_Gets400AndTheYearStays()
    {
        var admin = await Api.ClientAsync("admin", ["admin"], "");

        var (response, body) = await SendAsync(admin, HttpMethod.Put, "/api/calendar/2038?dueDates=later",
            new { holidays = new[] { new DateOnly(2038, 1, 1) }, workingDays = Array.Empty<DateOnly>() });

        AssertProblem(response, body, HttpStatusCode.BadRequest, "validation");
        Assert.True(body.GetProperty("errors").TryGetProperty("dueDates", out _));
        var (_, year) = await SendAsync(admin, HttpMethod.Get, "/api/calendar/2038");
        Assert.True(year.GetProperty("provisional").GetBoolean());
    }

    /// <summary>
    /// Waits for the recompute's own word that it has finished (the grain answers once its last batch is stored),
    /// then reads its progress over HTTP; fails after 30 s saying what the API showed then.
    /// </summary>
    private async Task<JsonElement> FinishedAsync(HttpClient admin, int year)
    {
        var finished = Api.Services.GetRequiredService<IGrainFactory>().GetGrain<IDueRecomputeGrain>(GrainKeys.DueRecompute(year)).FinishedAsync();
        try
        {
            await finished.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            var (_, shown) = await SendAsync(admin, HttpMethod.Get, $"/api/calendar/{year}/recompute");
            Assert.Fail($"waited 30 s for the recompute of {year} to finish; the API showed {shown}");
        }
        var (_, progress) = await SendAsync(admin, HttpMethod.Get, $"/api/calendar/{year}/recompute");
        Assert.Equal(JsonValueKind.String, progress.GetProperty("finishedAt").ValueKind);
        return progress;
    }
}
